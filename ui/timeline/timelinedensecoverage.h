#pragma once

#include <QtGlobal>

#include <utility>
#include <vector>

#include "timelinebatches.h"

/// Dense rows, where many rows share a pixel row: which kind of coverage (see TimelineLayout::Coverage, and
/// the host colours after them) shows at each pixel column of one pixel row at a time. The painter draws the
/// kinds one over the other in a fixed order, all opaque, so a column shows the last kind painted over it:
/// each column keeps that kind's rank, and the pixel row ends as runs of columns of one colour, each a
/// single box that overlaps no other, so a million rows cost a few thousand boxes.
class TimelineDenseCoverage
{
public:
    /// Spans of one kind of coverage that overlap or touch in time, united: from the first start to the
    /// last end, and the latest of their starts. It covers in pixels what its spans cover each on its own
    /// (see pushRuns), whatever the zoom.
    struct Run
    {
        qint64 startNs = 0;
        qint64 endNs = 0;
        qint64 lastStartNs = 0;
    };

    /// Columns left of left are not kept (a patch clipped to the right of it).
    explicit TimelineDenseCoverage(int width, int left = 0);

    /// Puts the previous pixel row into batches and starts the one at y.
    void startRow(int y, int height, TimelineBatches &batches);
    /// Columns [a, b) are covered by coverage c in the current pixel row.
    void push(int c, int a, int b);
    /// Runs of coverage c, disjoint and in order of time, cut at nowNs, the ones that end before fromNs left
    /// out (they cover no column of the view). A span covers the columns from its start's to its end's,
    /// that one left out, and at least its start's: so a run's last column is covered when one of its spans
    /// starts in it. A run that goes on after nowNs is cut there, and only its spans that started by then
    /// count: lastStartAtNowNs is the latest of those (see straddles()). Runs that touch in pixels are
    /// found by bisection and pushed once: zoomed out, hundreds of runs are a few pushes.
    void pushRuns(int c, const Run *begin, const Run *end, const PixelMapper &px, qint64 nowNs, qint64 fromNs,
                  qint64 lastStartAtNowNs);
    /// Whether a run of these started by nowNs but has spans that start after it: pushRuns then needs the
    /// latest start by nowNs, which only the spans know.
    static bool straddles(const Run *begin, const Run *end, qint64 nowNs);
    void finish(TimelineBatches &batches);

private:
    void flush(TimelineBatches &batches);

    int m_width;
    int m_left;
    std::vector<quint8> m_ranks; // per column, the rank of the kind painted last over it; 0: none
    std::vector<std::vector<std::pair<int, int>>> m_spans; // by rank: the columns pushed
    quint64 m_pushed = 0; // bit r: m_spans[r] holds some
    int m_from; // the columns pushed since the last flush
    int m_to;
    int m_y = 0;
    int m_height = 1;
};
