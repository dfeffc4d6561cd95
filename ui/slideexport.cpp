#include "slideexport.h"

#include <QCoreApplication>
#include <QFont>
#include <QFontMetrics>
#include <QPainter>
#include <QScrollBar>

#include <cmath>

#include "core/runcaption.h"
#include "export/atomicfile.h"
#include "models/runmodel.h"
#include "timeline/timelinelegend.h"
#include "timeline/timelinepanel.h"
#include "timeline/timelineview.h"

namespace {

constexpr int Margin = 16; // layout pixels around the slide's content
constexpr double TitlePointSize = 15;
constexpr double TextPointSize = 10;

QFont slideFont(double pointSize, bool bold = false)
{
    QFont font;
    font.setPointSizeF(pointSize);
    font.setBold(bold);
    return font;
}

} // namespace

SlideExport::Options SlideExport::Options::of(const TimelinePanel *panel)
{
    Options options;
    if (!panel)
        return options;
    options.lanes = panel->view()->laneMode();
    options.showIdeal = panel->view()->showIdeal();
    options.colourByHost = panel->colourByHost();
    options.groupByHost = panel->groupByHost();
    options.splitInFlightByHost = panel->splitInFlightByHost();
    return options;
}

QString SlideExport::titleFor(const QList<RunModel *> &models)
{
    QStringList labels;
    int requests = 0;
    for (const RunModel *model : models) {
        if (!model)
            continue;
        labels.append(RunCaption::label(model->run().settings));
        requests = std::max(requests, model->rowCount());
    }
    if (labels.isEmpty())
        return QCoreApplication::translate("SlideExport", "Crawlscope timeline");
    const QString runs = labels.join(QCoreApplication::translate("SlideExport", " vs "));
    return requests == 1
        ? QCoreApplication::translate("SlideExport", "%1: 1 request each").arg(runs)
        : QCoreApplication::translate("SlideExport", "%1: %2 requests each").arg(runs).arg(requests);
}

SlideExport::SlideExport(const QList<RunModel *> &models, const Options &options, QSize size)
    : m_panel(std::make_unique<TimelinePanel>())
{
    const QSize layoutSize(int(std::lround(size.width() / Zoom)), int(std::lround(size.height() / Zoom)));
    const QFont titleFont = slideFont(TitlePointSize, true);
    const int titleHeight = QFontMetrics(titleFont).height() + Margin;

    TimelinePanel &panel = *m_panel;
    panel.setAttribute(Qt::WA_DontShowOnScreen);
    panel.setFont(slideFont(TextPointSize));
    TimelineView *view = panel.view();
    // A slide shows everything at once: no scroll bars, and every row fitted however thin.
    view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->setScrollToLegibleRows(false);
    panel.setColourByHost(options.colourByHost);
    panel.setGroupByHost(options.groupByHost);
    panel.setSplitInFlightByHost(options.splitInFlightByHost);
    view->setLaneMode(options.lanes);
    view->setShowIdeal(options.showIdeal);
    panel.setModels(models);
    const QRect timeline(Margin, titleHeight, layoutSize.width() - 2 * Margin,
                         layoutSize.height() - titleHeight - Margin);
    panel.resize(timeline.size());
    panel.show();
    QCoreApplication::processEvents();
    view->fit();
    QCoreApplication::processEvents();

    const auto toSlide = [](const QRect &rect) {
        return QRect(QPoint(int(std::lround(rect.x() * Zoom)), int(std::lround(rect.y() * Zoom))),
                     QSize(int(std::lround(rect.width() * Zoom)), int(std::lround(rect.height() * Zoom))));
    };
    m_layout.size = size;
    m_layout.titleText = titleFor(models);
    m_layout.title = toSlide(QRect(Margin, Margin / 2, timeline.width(), titleHeight - Margin / 2));
    m_layout.timeline = toSlide(timeline);
    const TimelineLayout &tracks = view->layout();
    m_layout.runs = int(tracks.tracks().size());
    double bottom = 0;
    for (const TimelineLayout::Track &track : tracks.tracks()) {
        m_layout.trackTitles.append(track.title);
        m_layout.trackRows.append(track.rows);
        bottom = std::max(bottom, track.rowsTop + track.rows * view->rowHeight());
    }
    m_layout.rowHeight = view->rowHeight() * Zoom;
    m_layout.allRowsShown = bottom <= view->viewport()->height() + 0.5;
    m_layout.scrollBars = view->verticalScrollBar()->isVisible() || view->horizontalScrollBar()->isVisible();
    m_layout.legendFolded = view->legend()->foldedCount();
}

SlideExport::~SlideExport() = default;

QByteArray SlideExport::render(PictureExport::Kind kind, double scale) const
{
    const Layout layout = m_layout;
    TimelinePanel *panel = m_panel.get();
    const int dpi = panel->logicalDpiY();
    return PictureExport::paint(
        layout.size, kind, scale, dpi, layout.titleText, [&](QPainter &painter, const QRectF &target) {
            // The PDF page may hold a few device pixels more or less than the slide.
            painter.save();
            painter.translate(target.topLeft());
            painter.scale(target.width() / layout.size.width(), target.height() / layout.size.height());
            painter.scale(Zoom, Zoom);
            painter.setFont(slideFont(TitlePointSize, true));
            painter.setPen(QColor(0x20, 0x20, 0x20));
            const QRectF title(layout.title.x() / Zoom, layout.title.y() / Zoom, layout.title.width() / Zoom,
                               layout.title.height() / Zoom);
            painter.drawText(title, Qt::AlignLeft | Qt::AlignVCenter,
                             QFontMetrics(painter.font())
                                 .elidedText(layout.titleText, Qt::ElideMiddle, int(title.width())));
            panel->render(&painter,
                          QPoint(int(std::lround(layout.timeline.x() / Zoom)),
                                 int(std::lround(layout.timeline.y() / Zoom))));
            painter.restore();
        });
}

bool SlideExport::write(const QString &path, double scale, QString *error) const
{
    const auto kind = PictureExport::kindFor(path);
    if (!kind) {
        if (error)
            *error = QCoreApplication::translate("PictureExport",
                                                 "Cannot export to \"%1\": not a picture (use %2)")
                         .arg(path, PictureExport::extensions().join(u", "));
        return false;
    }
    if (!folderExistsFor(path, error))
        return false;
    return PictureExport::writePicture(path, render(*kind, PictureExport::scaleFor(*kind, scale)), error);
}
