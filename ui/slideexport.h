#pragma once

#include <QList>
#include <QRect>
#include <QSize>
#include <QString>
#include <QStringList>

#include <memory>

#include "pictureexport.h"

class RunModel;
class TimelinePanel;

/// A slide of the whole comparison: every run and every row (merged where they share a pixel), the headers,
/// the legend, the time axis and the in-flight strip on one shared scale, laid out afresh for a 16:9 page
/// instead of copied from the window, so the window's size, splitters and scrolling change nothing and no
/// scroll bar or other chrome shows. PNG, SVG (with real text) and PDF (titled) come from the same layout.
class SlideExport
{
public:
    /// The slide's pixels: a 1080p projector's.
    static constexpr QSize DefaultSize {1920, 1080};
    /// Layout pixels per slide pixel: the layout is made at 1280×720 and drawn 1.5× larger, so text, headers
    /// and rows read from the back of a room.
    static constexpr double Zoom = 1.5;

    /// What the window shows the runs with, carried onto the slide.
    struct Options
    {
        bool lanes = false;
        bool showIdeal = false;
        bool colourByHost = false;
        bool groupByHost = false;
        bool splitInFlightByHost = false;
        static Options of(const TimelinePanel *panel);
    };

    /// What went where, in slide pixels; for tests and for whoever needs to know.
    struct Layout
    {
        QSize size;
        QRect title;
        QRect timeline; // the axis, the rows with their legend, and the in-flight strip
        QString titleText;
        QStringList trackTitles;
        QList<int> trackRows; // rows (or lanes) drawn per run
        int runs = 0;
        double rowHeight = 0; // slide pixels per row
        bool allRowsShown = false; // every row lies inside the timeline's rows area
        bool scrollBars = false; // any scroll bar visible in the layout
        int legendFolded = 0; // legend entries left out for lack of room
    };

    SlideExport(const QList<RunModel *> &models, const Options &options, QSize size = DefaultSize);
    ~SlideExport();

    const Layout &layout() const { return m_layout; }
    /// The slide as a file of kind; PNGs and JPEGs get scale × the slide's pixels.
    QByteArray render(PictureExport::Kind kind, double scale) const;
    /// render() into path, by its extension, written atomically; the error names the file.
    bool write(const QString &path, double scale, QString *error) const;
    /// What the slide is titled: the runs compared, and how many requests each made.
    static QString titleFor(const QList<RunModel *> &models);

    TimelinePanel *panel() const { return m_panel.get(); }

private:
    std::unique_ptr<TimelinePanel> m_panel;
    Layout m_layout;
};
