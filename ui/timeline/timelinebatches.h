#pragma once

#include <QColor>
#include <QLine>
#include <QPolygon>
#include <QRect>
#include <QString>

#include <array>
#include <utility>
#include <vector>

#include "core/phasespans.h"
#include "timelinelayout.h"
#include "timelinepalette.h"

/// Everything one paint of the timeline draws, grouped by style: each group is drawn with one call, since
/// switching pens and brushes costs more than the rectangles themselves.
struct TimelineBatches
{
    enum Fill {
        DenseWaiting,
        DenseCancelledWaiting,
        DenseDelay,
        DelayBackground,
        Connecting,
        Tls,
        FirstByte,
        ErrorLight,
        CancelledFill,
        Download,
        ErrorFill,
        FailedBackground,
        Merged,
        MergedError,
        MergedCancelled,
        FillCount
    };

    static QColor fillColor(Fill fill);
    /// How a phase of a request that ended this way is filled.
    static Fill fillFor(TimelineLayout::Kind kind, PhaseSpans::Phase phase);

    std::array<std::vector<QRect>, FillCount> fills;
    std::vector<QRect> waitOutlines;
    std::vector<QRect> cancelledOutlines;
    std::vector<QLine> errorCrosses;
    std::vector<QLine> cancelCrosses;
    // Coloured by host: per colour, the thin part before the response and the thick download.
    std::array<std::vector<QRect>, TimelinePalette::HostColorCount> hostThin;
    std::array<std::vector<QRect>, TimelinePalette::HostColorCount> hostThick;
    std::vector<QPolygon> robotsMarkers;
    std::vector<QPolygon> reuseMarkers; // a capture's request that came on a kept-alive client connection
    struct Label
    {
        QPoint pos;
        QString text;
        bool error;
        bool boxed; // over a hollow bar: on a background so its outline doesn't cross the text
    };
    std::vector<Label> labels;
    std::vector<QRect> ghosts;
    std::vector<QLine> gateLines;
    std::vector<std::pair<QPoint, QString>> gateTags;
    std::vector<QLine> nowLines;
    std::vector<std::pair<int, int>> headers; // track, y
    std::vector<std::pair<int, int>> groupHeaders; // track, group

    void cross(int x, int cy, int size, bool error)
    {
        auto &lines = error ? errorCrosses : cancelCrosses;
        lines.emplace_back(x - size, cy - size, x + size, cy + size);
        lines.emplace_back(x - size, cy + size, x + size, cy - size);
    }
};
