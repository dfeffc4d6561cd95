#include "charts/summarycharts.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFile>
#include <QImage>
#include <QLineSeries>
#include <QMenu>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QValueAxis>
#include <QXmlStreamReader>

#include "charts/chartdata.h"
#include "lessonruns.h"

using namespace Qt::StringLiterals;

class TestSummaryCharts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneLinePerRun();
    void durationBarsPerRun();
    void totalsAgainstIdeal();
    void setRunsTwiceReplacesTheSeries();
    void axesSayTheirUnits();
    void exportPng_data();
    void exportPng();
    void exportSizeOfHiddenTabs();
    void exportSvg();
    void exportPdf();
    void exportIntoAMissingFolderFails();
    void exportRefusesUnknownFormats();
    void contextMenuOffersExport();
    void preview();

private:
    static QList<QLineSeries *> lines(const SummaryCharts &charts);
    static QBarSeries *bars(QChartView *view);
    static int colourCount(const QImage &image);
};

QList<QLineSeries *> TestSummaryCharts::lines(const SummaryCharts &charts)
{
    QList<QLineSeries *> result;
    const auto series = charts.inFlightView()->chart()->series();
    for (QAbstractSeries *one : series) {
        auto *line = qobject_cast<QLineSeries *>(one);
        if (line)
            result.append(line);
    }
    return result;
}

QBarSeries *TestSummaryCharts::bars(QChartView *view)
{
    const auto series = view->chart()->series();
    return series.size() == 1 ? qobject_cast<QBarSeries *>(series.constFirst()) : nullptr;
}

int TestSummaryCharts::colourCount(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    }
    return int(colours.size());
}

void TestSummaryCharts::oneLinePerRun()
{
    SummaryCharts charts;
    charts.setRuns(LessonRuns::lesson());
    const auto series = lines(charts);
    QCOMPARE(series.size(), 3);
    const QList<int> peaks {1, 5, 3};
    const QStringList names {u"Sequential"_s, u"Gather"_s, u"Limited (3)"_s};
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(series.at(i)->name(), names.at(i));
        const auto points = series.at(i)->points();
        const auto highest = std::max_element(
            points.cbegin(), points.cend(), [](const QPointF &a, const QPointF &b) { return a.y() < b.y(); });
        QCOMPARE(highest->y(), double(peaks.at(i)));
    }
    // On the chart the time axis is in seconds: sequential ends at 5 s.
    QCOMPARE(series.at(0)->points().constLast(), QPointF(5, 0));
    const auto *count = qobject_cast<QValueAxis *>(series.at(1)->attachedAxes().constLast());
    QVERIFY(count);
    QVERIFY(count->max() > 5); // the gather spike is below the frame, not on it
}

void TestSummaryCharts::durationBarsPerRun()
{
    SummaryCharts charts;
    const QList<RunResult> runs = LessonRuns::variedLesson();
    charts.setRuns(runs);
    QBarSeries *series = bars(charts.durationsView());
    QVERIFY(series);
    QCOMPARE(series->count(), 3);
    const ChartData::Histogram histogram = ChartData::durationHistogram(runs);
    auto *bins = qobject_cast<QBarCategoryAxis *>(series->attachedAxes().constFirst());
    QVERIFY(bins);
    QCOMPARE(bins->count(), histogram.binCount());
    for (int i = 0; i < 3; ++i) {
        const QBarSet *set = series->barSets().at(i);
        QCOMPARE(set->count(), histogram.binCount());
        double sum = 0;
        for (int bin = 0; bin < set->count(); ++bin)
            sum += set->at(bin);
        QCOMPARE(sum, double(runs.at(i).records.size()));
    }
}

void TestSummaryCharts::totalsAgainstIdeal()
{
    SummaryCharts charts;
    const QList<RunResult> runs = LessonRuns::variedLesson();
    charts.setRuns(runs);
    QBarSeries *series = bars(charts.totalsView());
    QVERIFY(series);
    QCOMPARE(series->count(), 2);
    const QBarSet *wall = series->barSets().at(0);
    const QBarSet *ideal = series->barSets().at(1);
    QCOMPARE(wall->label(), u"Wall"_s);
    QCOMPARE(ideal->label(), u"Ideal"_s);
    auto *categories = qobject_cast<QBarCategoryAxis *>(series->attachedAxes().constFirst());
    QVERIFY(categories);
    QCOMPARE(categories->categories(), ChartData::runLabels(runs));
    for (int i = 0; i < runs.size(); ++i) {
        const RunSummary summary = summarize(runs.at(i));
        QCOMPARE(wall->at(i), double(summary.wallNs) / 1e9);
        QCOMPARE(ideal->at(i), double(summary.idealNs) / 1e9);
    }
}

void TestSummaryCharts::setRunsTwiceReplacesTheSeries()
{
    SummaryCharts charts;
    charts.setRuns(LessonRuns::lesson());
    charts.setRuns(LessonRuns::lesson());
    QCOMPARE(lines(charts).size(), 3);
    QCOMPARE(charts.durationsView()->chart()->series().size(), 1);
    QCOMPARE(bars(charts.durationsView())->count(), 3);
    QCOMPARE(charts.totalsView()->chart()->series().size(), 1);
    QCOMPARE(bars(charts.totalsView())->barSets().at(0)->count(), 3);

    charts.setRuns(LessonRuns::lesson().mid(1));
    QCOMPARE(lines(charts).size(), 2);
    QCOMPARE(lines(charts).at(0)->name(), u"Gather"_s);
    QCOMPARE(bars(charts.durationsView())->count(), 2);
    QCOMPARE(bars(charts.totalsView())->barSets().at(0)->count(), 2);

    charts.setRuns({});
    QCOMPARE(lines(charts).size(), 0);
    QCOMPARE(bars(charts.durationsView())->count(), 0);
    QCOMPARE(bars(charts.totalsView())->barSets().at(0)->count(), 0);
    // Each chart keeps one pair of axes, however often the runs change; with no run they are hidden, and
    // the title says how to get some.
    for (int index = 0; index < SummaryCharts::ChartCount; ++index) {
        QChart *chart = charts.chartView(index)->chart();
        QCOMPARE(chart->axes().size(), 2);
        QVERIFY(!chart->axes().constFirst()->isVisible());
        QVERIFY2(chart->title().contains(u"press Run"_s), qPrintable(chart->title()));
    }
    charts.setRuns(LessonRuns::lesson());
    for (int index = 0; index < SummaryCharts::ChartCount; ++index) {
        QChart *chart = charts.chartView(index)->chart();
        QVERIFY(chart->axes().constFirst()->isVisible());
        QVERIFY(!chart->title().contains(u"press Run"_s));
    }
}

void TestSummaryCharts::axesSayTheirUnits()
{
    SummaryCharts charts;
    charts.setRuns(LessonRuns::lesson());
    const QStringList units {u"(s)"_s, u"(ms)"_s, u"(s)"_s};
    for (int index = 0; index < SummaryCharts::ChartCount; ++index) {
        QChart *chart = charts.chartView(index)->chart();
        QVERIFY(!chart->title().isEmpty());
        QVERIFY(charts.chartView(index)->renderHints().testFlag(QPainter::Antialiasing));
        QString titles;
        const auto axes = chart->axes();
        for (const QAbstractAxis *axis : axes) {
            // Only the totals' run names go without an axis title: they need none.
            QVERIFY(axis->type() == QAbstractAxis::AxisTypeBarCategory || !axis->titleText().isEmpty());
            titles += axis->titleText();
        }
        QVERIFY2(titles.contains(units.at(index)), qPrintable(titles));
        QVERIFY(chart->legend()->isVisible());
    }
}

void TestSummaryCharts::exportPng_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<double>("scale");
    for (int index = 0; index < SummaryCharts::ChartCount; ++index) {
        QTest::addRow("chart %d at 1x", index) << index << 1.0;
        QTest::addRow("chart %d at 2x", index) << index << 2.0;
    }
    QTest::addRow("chart 0 at 1.5x") << 0 << 1.5;
}

void TestSummaryCharts::exportPng()
{
    QFETCH(int, index);
    QFETCH(double, scale);
    SummaryCharts charts;
    charts.setRuns(LessonRuns::lesson());
    charts.resize(800, 500);
    charts.setCurrentIndex(index);
    charts.show();
    QVERIFY(QTest::qWaitForWindowExposed(&charts));
    QCOMPARE(charts.exportSize(index), charts.chartView(index)->size());

    QTemporaryDir dir;
    const QString path = dir.filePath(u"chart.png"_s);
    QString error;
    QVERIFY2(charts.exportChart(index, path, &error, scale), qPrintable(error));
    QImage image;
    QVERIFY(image.load(path, "PNG"));
    QCOMPARE(image.size(), charts.chartView(index)->size() * scale);
    QVERIFY(colourCount(image) > 1);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {u"chart.png"_s}); // no temporary left
    // Rendering for the file left the chart on screen as it was.
    QCOMPARE(charts.chartView(index)->chart()->size(), QSizeF(charts.chartView(index)->size()));
}

void TestSummaryCharts::exportSizeOfHiddenTabs()
{
    SummaryCharts charts;
    charts.setRuns(LessonRuns::lesson());
    // Not on screen at all: a slide's 16:9.
    QCOMPARE(charts.exportSize(2), SummaryCharts::OffscreenExportSize);
    QCOMPARE(charts.exportSize(SummaryCharts::ChartCount), QSize());

    charts.resize(900, 600);
    charts.show();
    QVERIFY(QTest::qWaitForWindowExposed(&charts));
    // A tab never shown gets the shown tab's size, and its picture has real content.
    QCOMPARE(charts.exportSize(2), charts.currentWidget()->size());
    QTemporaryDir dir;
    const QString path = dir.filePath(u"totals.png"_s);
    QString error;
    QVERIFY2(charts.exportChart(2, path, &error), qPrintable(error));
    QImage image(path);
    QCOMPARE(image.size(), charts.currentWidget()->size());
    QVERIFY(colourCount(image) > 10);
}

void TestSummaryCharts::exportSvg()
{
    SummaryCharts charts;
    charts.setRuns(LessonRuns::lesson());
    QTemporaryDir dir;
    const QString path = dir.filePath(u"chart.svg"_s);
    QString error;
    QVERIFY2(charts.exportChart(1, path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray svg = file.readAll();
    QVERIFY(svg.size() > 1000);
    QXmlStreamReader xml(svg);
    QVERIFY(xml.readNextStartElement());
    QCOMPARE(xml.name(), u"svg"_s);
    const QSize size = SummaryCharts::OffscreenExportSize;
    QCOMPARE(xml.attributes().value(u"viewBox"_s), u"0 0 %1 %2"_s.arg(size.width()).arg(size.height()));
    while (!xml.atEnd())
        xml.readNext();
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(svg.contains("Request durations"));
}

void TestSummaryCharts::exportPdf()
{
    SummaryCharts charts;
    charts.setRuns(LessonRuns::lesson());
    QTemporaryDir dir;
    const QString path = dir.filePath(u"chart.pdf"_s);
    QString error;
    QVERIFY2(charts.exportChart(2, path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray pdf = file.readAll();
    QVERIFY(pdf.startsWith("%PDF"));
    QVERIFY(pdf.size() > 1000);
    QVERIFY(pdf.contains("/MediaBox"));
}

void TestSummaryCharts::exportIntoAMissingFolderFails()
{
    SummaryCharts charts;
    charts.setRuns(LessonRuns::lesson());
    QTemporaryDir dir;
    for (const QString &name : {u"chart.png"_s, u"chart.svg"_s, u"chart.pdf"_s}) {
        const QString path = dir.filePath(u"missing/"_s + name);
        QString error;
        QVERIFY(!charts.exportChart(0, path, &error, 2.0));
        QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
        QVERIFY(!QFile::exists(path));
    }
    QVERIFY(QDir(dir.path()).isEmpty());
}

void TestSummaryCharts::exportRefusesUnknownFormats()
{
    SummaryCharts charts;
    QTemporaryDir dir;
    QString error;
    const QString path = dir.filePath(u"chart.gif"_s);
    QVERIFY(!charts.exportChart(0, path, &error));
    QVERIFY2(error.contains(QDir::toNativeSeparators(path)) && error.contains(u".png"_s), qPrintable(error));
    QVERIFY(!charts.exportChart(3, dir.filePath(u"chart.png"_s), &error));
    QVERIFY(!charts.exportChart(0, dir.filePath(u"chart.png"_s), &error, 0));
    QVERIFY(QDir(dir.path()).isEmpty());
}

void TestSummaryCharts::contextMenuOffersExport()
{
    SummaryCharts charts;
    charts.setRuns(LessonRuns::lesson());
    charts.resize(800, 500);
    charts.show();
    QVERIFY(QTest::qWaitForWindowExposed(&charts));
    QChartView *view = charts.inFlightView();
    QCOMPARE(view->contextMenuPolicy(), Qt::CustomContextMenu);

    QStringList offered;
    // The menu runs its own event loop; look at it from inside, then close it without choosing.
    QTimer::singleShot(0, &charts, [&offered] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        const auto actions = menu->actions();
        for (const QAction *action : actions)
            offered.append(action->text());
        menu->close();
    });
    Q_EMIT view->customContextMenuRequested(QPoint(20, 20));
    QCOMPARE(offered, QStringList {u"Export Chart…"_s});
}

void TestSummaryCharts::preview()
{
    // CRAWLSCOPE_CHART_PREVIEW=<folder> writes the lesson's charts there, to look at them while styling.
    const QString folder = qEnvironmentVariable("CRAWLSCOPE_CHART_PREVIEW");
    if (folder.isEmpty())
        QSKIP("set CRAWLSCOPE_CHART_PREVIEW to a folder to write the charts there");
    const QStringList names {u"in-flight"_s, u"durations"_s, u"totals"_s};
    for (const bool varied : {false, true}) {
        SummaryCharts charts;
        charts.setRuns(varied ? LessonRuns::variedLesson() : LessonRuns::lesson());
        for (int index = 0; index < SummaryCharts::ChartCount; ++index) {
            for (const QString &suffix : {u".png"_s, u".svg"_s, u".pdf"_s}) {
                const QString path
                    = QDir(folder).filePath(names.at(index) + (varied ? u"-varied"_s : QString()) + suffix);
                QString error;
                QVERIFY2(charts.exportChart(index, path, &error), qPrintable(error));
            }
        }
    }
    // And the widget as it sits in the window.
    SummaryCharts charts;
    charts.setRuns(LessonRuns::variedLesson());
    charts.resize(900, 560);
    charts.show();
    QVERIFY(QTest::qWaitForWindowExposed(&charts));
    QVERIFY(charts.grab().save(QDir(folder).filePath(u"widget.png"_s)));
}

QTEST_MAIN(TestSummaryCharts)
#include "tst_summarycharts.moc"
