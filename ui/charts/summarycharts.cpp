#include "summarycharts.h"

#include "exportfolder.h"
#include "pictureexport.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDir>
#include <QFileInfo>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QLegend>
#include <QLineSeries>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QTabBar>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "chartdata.h"
#include "export/atomicfile.h"

using namespace Qt::StringLiterals;

namespace {

// Sizes meant for a slide: the title reads from the back of the room, tick labels from the middle.
constexpr double TitlePointSize = 16;
constexpr double AxisTitlePointSize = 12;
constexpr double LabelPointSize = 11;
constexpr double LinePenWidth = 3;

QFont chartFont(const QFont &base, double pointSize, bool bold = false)
{
    QFont font = base;
    font.setPointSizeF(pointSize);
    font.setBold(bold);
    return font;
}

// Okabe–Ito: told apart with the common colour-vision deficiencies and on a washed-out projector. Yellow is
// left out because it vanishes on white.
QColor runColor(int index)
{
    static const std::array<QColor, 6> colors {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00),
                                               QColor(0x00, 0x9E, 0x73), QColor(0xCC, 0x79, 0xA7),
                                               QColor(0x56, 0xB4, 0xE9), QColor(0xD5, 0x5E, 0x00)};
    return colors[std::size_t(index) % colors.size()];
}

QColor gridColor()
{
    return QColor(0xE3, 0xE3, 0xE3);
}

QColor axisColor()
{
    return QColor(0x60, 0x60, 0x60);
}

void styleAxis(QAbstractAxis *axis, const QString &title, const QFont &base)
{
    axis->setTitleText(title);
    axis->setTitleVisible(!title.isEmpty());
    axis->setTitleFont(chartFont(base, AxisTitlePointSize));
    axis->setTitleBrush(axisColor());
    axis->setLabelsFont(chartFont(base, LabelPointSize));
    axis->setLabelsBrush(axisColor());
    axis->setLinePen(QPen(axisColor(), 1));
    axis->setGridLinePen(QPen(gridColor(), 1));
    axis->setMinorGridLineVisible(false);
}

// Whole-number ticks from zero, with headroom so the highest line or bar label does not touch the frame.
void fitCountAxis(QValueAxis *axis, double peak, int ticks)
{
    const double interval = std::max(1.0, ChartData::niceStep(std::max(peak, 1.0) / ticks));
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(interval);
    axis->setLabelFormat(u"%d"_s);
    axis->setRange(0, std::max(peak, 1.0) + interval / 2);
}

void fitTimeAxis(QValueAxis *axis, double maxValue, double headroom, int ticks)
{
    const double top = maxValue > 0 ? maxValue * headroom : 1;
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(ChartData::niceStep(top / ticks));
    axis->setLabelFormat(u"%g"_s);
    axis->setRange(0, top);
}

} // namespace

SummaryCharts::SummaryCharts(QWidget *parent)
    : QTabWidget(parent)
{
    setDocumentMode(true);
    addChartView(Chart::InFlight, tr("In Flight"), tr("In flight over time"));
    addChartView(Chart::Durations, tr("Durations"), tr("Request durations"));
    addChartView(Chart::Totals, tr("Total vs Ideal"), tr("Total vs ideal"));

    const QFont base = font();
    const auto addAxis
        = [this, &base](Chart chart, auto *axis, Qt::Alignment alignment, const QString &title) {
              styleAxis(axis, title, base);
              chartView(int(chart))->chart()->addAxis(axis, alignment);
              return axis;
          };
    m_inFlightTime
        = addAxis(Chart::InFlight, new QValueAxis, Qt::AlignBottom, tr("Time since the run started (s)"));
    m_inFlightCount = addAxis(Chart::InFlight, new QValueAxis, Qt::AlignLeft, tr("Requests in flight"));
    // A short line in the legend, like the series, rather than a square.
    inFlightView()->chart()->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
    m_durationBins = addAxis(Chart::Durations, new QBarCategoryAxis, Qt::AlignBottom,
                             tr("Request duration, issued to finished (ms)"));
    m_durationCount = addAxis(Chart::Durations, new QValueAxis, Qt::AlignLeft, tr("Requests"));
    m_totalRuns = addAxis(Chart::Totals, new QBarCategoryAxis, Qt::AlignBottom, QString());
    m_totalTime = addAxis(Chart::Totals, new QValueAxis, Qt::AlignLeft, tr("Time (s)"));
    // The run names and bins say it all; a grid or a title on them would be clutter.
    m_durationBins->setGridLineVisible(false);
    m_totalRuns->setGridLineVisible(false);

    setRuns({});
}

QChartView *SummaryCharts::addChartView(Chart which, const QString &tabName, const QString &title)
{
    auto *chart = new QChart;
    chart->setTheme(QChart::ChartThemeLight);
    chart->setAnimationOptions(QChart::NoAnimation); // exports and tests see the final picture at once
    chart->setBackgroundRoundness(0);
    chart->setDropShadowEnabled(false);
    chart->setTitle(title);
    m_titles[std::size_t(which)] = title;
    chart->setTitleFont(chartFont(font(), TitlePointSize, true));
    chart->setTitleBrush(QColor(0x20, 0x20, 0x20));
    chart->setMargins(QMargins(16, 12, 24, 12));
    // Without this the background stops short of the view's edges, framed in the window's grey.
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setFont(chartFont(font(), LabelPointSize));
    chart->legend()->setLabelColor(QColor(0x20, 0x20, 0x20));

    auto *view = new QChartView(chart);
    view->setRenderHint(QPainter::Antialiasing);
    view->setRenderHint(QPainter::TextAntialiasing);
    view->setFrameShape(QFrame::NoFrame);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    const int index = int(which);
    connect(view, &QWidget::customContextMenuRequested, this,
            [this, view, index](const QPoint &pos) { showContextMenu(index, view->mapToGlobal(pos)); });
    m_views[std::size_t(index)] = view;
    addTab(view, tabName);
    return view;
}

QChartView *SummaryCharts::chartView(int index) const
{
    if (index < 0 || index >= ChartCount)
        return nullptr;
    ensureBuilt();
    return m_views[std::size_t(index)];
}

void SummaryCharts::setRuns(const QList<RunResult> &runs)
{
    m_runs = runs;
    m_stale = true;
    if (isVisible())
        ensureBuilt();
}

SummaryCharts::Sizing SummaryCharts::sizingFor(QSize size)
{
    Sizing sizing;
    // Full size from about a 720p slide's half down to a strip under the timeline; below that the text
    // shrinks (never under half) and the ticks thin out, so every label fits whole.
    sizing.text = std::clamp(std::min(size.width() / 760.0, size.height() / 420.0), 0.5, 1.0);
    const double labelHeight = LabelPointSize * sizing.text * 2.2; // pixels per tick label, with a gap
    sizing.verticalTicks = std::clamp(int(size.height() / (labelHeight * 2.5)), 2, 6);
    sizing.horizontalTicks = std::clamp(int(size.width() / (labelHeight * 5)), 2, 6);
    sizing.bins = std::clamp(int(size.width() / (labelHeight * 6)), 3, ChartData::DefaultBins);
    sizing.axisTitles = size.height() >= 220;
    sizing.titles = size.height() >= 260;
    sizing.shortBinLabels = size.width() < 560;
    sizing.legend = size.width() >= 400;
    return sizing;
}

void SummaryCharts::applySizing(const Sizing &sizing)
{
    if (sizing == m_sizing)
        return;
    m_sizing = sizing;
    const QFont base = font();
    for (QChartView *view : m_views) {
        QChart *chart = view->chart();
        chart->setTitleFont(chartFont(base, TitlePointSize * sizing.text, true));
        chart->legend()->setFont(chartFont(base, LabelPointSize * sizing.text));
        chart->setMargins(sizing.text < 1 ? QMargins(4, 2, 8, 2) : QMargins(16, 12, 24, 12));
        // Short: the tab names the chart, and the legend goes beside the plot instead of under it.
        const auto index = std::size_t(std::find(m_views.begin(), m_views.end(), view) - m_views.begin());
        chart->setTitle(sizing.titles ? m_titles[index] : QString());
        chart->legend()->setAlignment(sizing.titles ? Qt::AlignBottom : Qt::AlignRight);
        // Too narrow for a legend beside the plot: the runs' colours are those of the Total vs Ideal tab's
        // names, and the plot keeps its labels.
        chart->legend()->setVisible(sizing.legend);
        for (QAbstractAxis *axis : chart->axes()) {
            axis->setTitleFont(chartFont(base, AxisTitlePointSize * sizing.text));
            axis->setLabelsFont(chartFont(base, LabelPointSize * sizing.text));
            axis->setTitleVisible(sizing.axisTitles && !axis->titleText().isEmpty());
        }
    }
    m_stale = true;
    ensureBuilt();
}

void SummaryCharts::resizeEvent(QResizeEvent *event)
{
    QTabWidget::resizeEvent(event);
    // A page not shown yet has not been laid out; each gets this widget's size under the tabs.
    applySizing(sizingFor(size() - QSize(0, tabBar()->sizeHint().height())));
}

void SummaryCharts::showEvent(QShowEvent *event)
{
    ensureBuilt();
    QTabWidget::showEvent(event);
}

void SummaryCharts::ensureBuilt() const
{
    if (!m_stale)
        return;
    m_stale = false;
    // Building is not a change anyone can see from outside: the charts show what setRuns() was given.
    auto *self = const_cast<SummaryCharts *>(this);
    self->updateInFlight();
    self->updateDurations();
    self->updateTotals();
    // Before any run: a hint where the title goes, and no axes with made-up ranges under it.
    const bool empty = m_runs.isEmpty();
    for (std::size_t index = 0; index < m_views.size(); ++index) {
        QChart *chart = m_views[index]->chart();
        for (QAbstractAxis *axis : chart->axes())
            axis->setVisible(!empty);
        chart->setTitle(empty
                            ? tr("No run yet: press Run or Compare, and these charts compare the runs shown.")
                            : m_sizing.titles ? m_titles[index]
                                              : QString());
    }
}

void SummaryCharts::updateInFlight()
{
    QChart *chart = inFlightView()->chart();
    chart->removeAllSeries();
    const QStringList labels = ChartData::runLabels(m_runs);
    double endS = 0;
    int peak = 0;
    for (qsizetype i = 0; i < m_runs.size(); ++i) {
        QList<QPointF> points = ChartData::inFlightSteps(m_runs.at(i));
        for (QPointF &point : points) {
            point.setX(point.x() / 1000);
            endS = std::max(endS, point.x());
            peak = std::max(peak, int(point.y()));
        }
        auto *series = new QLineSeries;
        series->setName(labels.at(i));
        series->replace(points);
        QPen pen(runColor(int(i)), LinePenWidth);
        // Square corners, so the steps read as steps.
        pen.setJoinStyle(Qt::MiterJoin);
        pen.setCapStyle(Qt::FlatCap);
        series->setPen(pen);
        chart->addSeries(series);
        series->attachAxis(m_inFlightTime);
        series->attachAxis(m_inFlightCount);
    }
    fitTimeAxis(m_inFlightTime, endS, 1.04,
                m_sizing.horizontalTicks); // the last run's drop to zero clear of the frame
    fitCountAxis(m_inFlightCount, peak, m_sizing.verticalTicks);
}

void SummaryCharts::updateDurations()
{
    QChart *chart = durationsView()->chart();
    chart->removeAllSeries();
    const ChartData::Histogram histogram = ChartData::durationHistogram(m_runs, m_sizing.bins);
    QStringList categories;
    for (int bin = 0; bin < histogram.binCount(); ++bin)
        categories.append(ChartData::binLabel(histogram, bin, m_sizing.shortBinLabels));
    m_durationBins->clear();
    m_durationBins->append(categories);

    const QStringList labels = ChartData::runLabels(m_runs);
    auto *series = new QBarSeries;
    int peak = 0;
    for (qsizetype i = 0; i < m_runs.size(); ++i) {
        auto *set = new QBarSet(labels.at(i));
        set->setColor(runColor(int(i)));
        set->setBorderColor(runColor(int(i)));
        for (const int count : histogram.counts.at(i)) {
            set->append(count);
            peak = std::max(peak, count);
        }
        series->append(set);
    }
    series->setBarWidth(0.85);
    chart->addSeries(series);
    series->attachAxis(m_durationBins);
    series->attachAxis(m_durationCount);
    fitCountAxis(m_durationCount, peak, m_sizing.verticalTicks);
}

void SummaryCharts::updateTotals()
{
    QChart *chart = totalsView()->chart();
    chart->removeAllSeries();
    const QList<ChartData::Total> totals = ChartData::totals(m_runs);
    auto *wall = new QBarSet(tr("Wall"));
    auto *ideal = new QBarSet(tr("Ideal"));
    wall->setColor(runColor(0));
    wall->setBorderColor(runColor(0));
    // The ideal is the yardstick, so it stays in the background.
    ideal->setColor(QColor(0xB8, 0xB8, 0xB8));
    ideal->setBorderColor(QColor(0xB8, 0xB8, 0xB8));
    QStringList categories;
    double highest = 0;
    for (const ChartData::Total &total : totals) {
        // Narrow: the run names break onto two lines rather than lose their k.
        categories.append(m_sizing.shortBinLabels ? QString(total.label).replace(u' ', u"<br>"_s)
                                                  : total.label);
        wall->append(total.wallMs / 1000);
        ideal->append(total.idealMs / 1000);
        highest = std::max({highest, total.wallMs / 1000, total.idealMs / 1000});
    }
    m_totalRuns->clear();
    m_totalRuns->append(categories);
    for (QBarSet *set : {wall, ideal}) {
        set->setLabelColor(QColor(0x20, 0x20, 0x20));
        set->setLabelFont(chartFont(font(), LabelPointSize * m_sizing.text));
    }

    auto *series = new QBarSeries;
    series->append(wall);
    series->append(ideal);
    series->setBarWidth(0.7);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsFormat(tr("@value s"));
    series->setLabelsPrecision(3);
    chart->addSeries(series);
    series->attachAxis(m_totalRuns);
    series->attachAxis(m_totalTime);
    fitTimeAxis(m_totalTime, highest, 1.15,
                m_sizing.verticalTicks); // room for the value labels above the bars
}

QSize SummaryCharts::exportSize(int index) const
{
    const QChartView *view = chartView(index);
    if (!view)
        return {};
    if (view->isVisible())
        return view->size();
    // A tab that is not shown may never have been laid out; it gets the shown tab's size when it is.
    if (const QWidget *shown = currentWidget(); shown && shown->isVisible())
        return shown->size();
    return OffscreenExportSize;
}

bool SummaryCharts::exportChart(int index, const QString &path, QString *error, double scale)
{
    const auto fail = [&](const QString &reason) {
        if (error)
            *error = tr("Cannot export the chart to \"%1\": %2").arg(QDir::toNativeSeparators(path), reason);
        return false;
    };
    QChartView *view = chartView(index);
    if (!view)
        return fail(tr("there is no chart %1").arg(index));
    const auto kind = PictureExport::kindFor(path);
    if (!kind)
        return fail(tr("unknown format \"%1\"; use %2")
                        .arg(QFileInfo(path).suffix().toLower(), PictureExport::extensions().join(u", ")));
    if (!(scale > 0) || scale > 16)
        return fail(tr("the scale %1 is not between 0 and 16").arg(scale));
    if (!folderExistsFor(path, error))
        return false;

    QChart *chart = view->chart();
    const QSize size = exportSize(index);
    const QSizeF shownSize = chart->size();
    const Sizing shownSizing = m_sizing;
    applySizing(sizingFor(size)); // the picture is sized for its own space, with its title
    chart->resize(size);
    const QRectF source(chart->pos(), chart->size());
    const QByteArray bytes
        = PictureExport::paint(size, *kind, scale, view->logicalDpiY(), m_titles[std::size_t(index)],
                               [chart, source](QPainter &painter, const QRectF &target) {
                                   chart->scene()->render(&painter, target, source);
                               });
    chart->resize(shownSize);
    applySizing(shownSizing);
    if (bytes.isEmpty())
        return fail(tr("an image of %1 × %2 pixels could not be made")
                        .arg(qRound(size.width() * scale))
                        .arg(qRound(size.height() * scale)));
    return writeFileAtomically(path, bytes, error);
}

void SummaryCharts::showContextMenu(int index, const QPoint &globalPos)
{
    QMenu menu(this);
    QAction *exportAction = menu.addAction(tr("Export Chart…"));
    connect(exportAction, &QAction::triggered, this, [this, index] { exportWithDialog(index); });
    menu.exec(globalPos);
}

void SummaryCharts::exportWithDialog(int index)
{
    static const std::array<const char *, ChartCount> fileNames {
        QT_TRANSLATE_NOOP("SummaryCharts", "in-flight"),
        QT_TRANSLATE_NOOP("SummaryCharts", "request-durations"),
        QT_TRANSLATE_NOOP("SummaryCharts", "total-vs-ideal"),
    };
    const QString path
        = ExportFolder::askSavePath(this, tr("Export Chart"), tr(fileNames[std::size_t(index)]) + u".png"_s,
                                    PictureExport::dialogTypes());
    if (path.isEmpty())
        return;
    QString error;
    // At least twice the pixels, so a PNG stays sharp on a projector or a high-DPI slide.
    if (!exportChart(index, path, &error, std::max(2.0, devicePixelRatioF())))
        QMessageBox::warning(this, tr("Export Chart"), error);
    else
        ExportFolder::remember(path); // a folder that failed is not the next dialog's
}
