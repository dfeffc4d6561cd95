#pragma once

#include <QCoreApplication>
#include <QFont>
#include <QFontMetrics>
#include <QList>
#include <QPalette>

#include <utility>
#include <vector>

#include "timelinelayout.h"

class QPainter;
class TimelineDenseRows;

/// Paints a TimelineLayout through a TimelineViewport: only the visible rows and time window, bars in
/// batches by colour, rows thinner than a few pixels as merged coverage, and lanes' sub-pixel runs merged
/// into markers, never dropped, so a million requests paint within a frame.
class TimelinePainter
{
    Q_DECLARE_TR_FUNCTIONS(TimelinePainter)

public:
    struct Style
    {
        QPalette palette;
        QFont font;
        bool showIdeal = false;
        const RunModel *selectedModel = nullptr;
        int selectedId = -1;
        // Placings of dense rows kept between paints; without them, each paint works its own out.
        TimelineDenseRows *denseRows = nullptr;
        // Columns left of this are not drawn (a patch clipped to the right of it): bars that end there are
        // not even looked at.
        int fromX = 0;
    };

    /// What a bar says beside it: its time or how it ended, and in a crawl the page's path first.
    static QString barLabel(const TimelineLayout::Track &track, const TimelineLayout::Bar &bar);

    struct GateTag
    {
        int x = 0;
        QString text;
    };
    /// The tags over a track's gate resizes (changes after the initial size, at pixel columns xs): resizes
    /// closer than a tag's width merge into one that says where the burst ended ("gate 3 → 7").
    static QList<GateTag> gateTags(const std::vector<std::pair<qint64, int>> &changes,
                                   const std::vector<int> &xs, int initial, const QFontMetrics &metrics);

    /// A track's header line as it fits in width. The settings at its end give way first, whole facts at a
    /// time; then the lead becomes shortLead ("Gather" for "Gather (all at once)"), so that the measurement
    /// right after the lead (the wall) stays as long as anything can, but for the part that is keepLast (the
    /// speed-up), which goes after it.
    static QString headerText(const QString &title, const QFontMetrics &metrics, int width,
                              const QString &shortLead = QString(), const QString &keepLast = QString());

    /// The empty view's words as they fit in box, drawn centred and wrapped: the hint with the keys under it,
    /// else the hint alone, else the hint on one elided line (a small window, or a projector's scale 2,
    /// leaves the timeline a strip a line or two high).
    static QString emptyHint(const QString &hint, const QString &keys, const QFontMetrics &metrics,
                             const QRect &box);

    static void paint(QPainter &painter, const TimelineLayout &layout, const TimelineViewport &viewport,
                      const Style &style);
    /// Before the first requests: what the view is for and how to move in it, under the tracks' headers.
    static void paintEmpty(QPainter &painter, const TimelineLayout &layout, const TimelineViewport &viewport,
                           const Style &style);
};
