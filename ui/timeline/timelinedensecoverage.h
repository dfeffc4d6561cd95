#pragma once

#include <utility>
#include <vector>

#include "timelinebatches.h"

/// Dense rows, where many rows share a pixel row: the union of each kind of coverage (see
/// TimelineLayout::Coverage) over one pixel row at a time, so a million rows cost a few thousand boxes.
/// Coloured by host, which host shows at each column is worked out per pixel row, so each column is painted
/// once instead of once per host.
class TimelineDenseCoverage
{
public:
    TimelineDenseCoverage(int width, bool hostColours);

    /// Flushes the previous pixel row into batches and starts the one at y.
    void startRow(int y, int height, TimelineBatches &batches);
    /// Columns [a, b) are covered by coverage c in the current pixel row.
    void push(int c, int a, int b);
    /// Spans of coverage c, disjoint and in order of time, cut at nowNs. Their pixel spans then start and end
    /// in order too, so a run of them that touch in pixels is found by bisection and pushed once: zoomed out,
    /// hundreds of spans (a host's requests, far apart in time) are a few pushes, with the same union as
    /// pushing each.
    void pushSpans(int c, const TimelineLayout::CoverSpan *begin, const TimelineLayout::CoverSpan *end,
                   const PixelMapper &px, qint64 nowNs);
    void finish(TimelineBatches &batches);

private:
    void flush(TimelineBatches &batches);

    int m_width;
    int m_classCount;
    std::vector<std::vector<std::pair<int, int>>> m_spans;
    std::vector<qint16> m_owner;
    int m_y = 0;
    int m_height = 1;
};
