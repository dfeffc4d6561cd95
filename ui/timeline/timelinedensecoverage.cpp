#include "timelinedensecoverage.h"

#include <algorithm>
#include <climits>

#include "barmerger.h"
#include "timelinepalette.h"

namespace {

using enum TimelineBatches::Fill;
constexpr int DenseClassCount = TimelineLayout::CoverageCount;
// The fill each kind of coverage gets, in TimelineLayout::Coverage's order.
constexpr std::array<TimelineBatches::Fill, TimelineLayout::CoverageCount> DenseFills {
    DenseWaiting, DenseCancelledWaiting, DenseDelay, FirstByte, Download, CancelledFill, ErrorFill};

} // namespace

TimelineDenseCoverage::TimelineDenseCoverage(int width, bool hostColours)
    : m_width(width)
    , m_classCount(DenseClassCount + (hostColours ? 2 * TimelinePalette::HostColorCount : 0))
    , m_spans(std::size_t(m_classCount))
    , m_owner(hostColours ? std::size_t(width) + 4 : 0, -1)
{ }

void TimelineDenseCoverage::startRow(int y, int height, TimelineBatches &batches)
{
    flush(batches);
    m_y = y;
    m_height = height;
}

void TimelineDenseCoverage::finish(TimelineBatches &batches)
{
    flush(batches);
    m_y = INT_MIN;
}

void TimelineDenseCoverage::push(int c, int a, int b)
{
    if (b <= -2 || a >= m_width + 2)
        return;
    a = std::max(a, -2);
    b = std::min(b, m_width + 2);
    // Neighbouring rows mostly overlap: grow the last span, and sort only what is left at the flush.
    auto &list = m_spans[std::size_t(c)];
    if (!list.empty() && a <= list.back().second && b >= list.back().first) {
        list.back().first = std::min(list.back().first, a);
        list.back().second = std::max(list.back().second, b);
    } else {
        list.emplace_back(a, b);
    }
}

void TimelineDenseCoverage::pushSpans(int c, const TimelineLayout::CoverSpan *begin,
                                      const TimelineLayout::CoverSpan *end, const PixelMapper &px,
                                      qint64 nowNs)
{
    using Span = TimelineLayout::CoverSpan;
    end = std::partition_point(begin, end, [nowNs](const Span &span) { return span.startNs <= nowNs; });
    const auto pixelEnd = [&px, nowNs](const Span &span) {
        return std::max(px(span.startNs) + 1, px(std::min(span.endNs, nowNs)));
    };
    for (const Span *it = begin; it != end;) {
        const int a = px(it->startNs);
        if (a >= m_width + 2)
            return;
        int x = pixelEnd(*it);
        const auto joins = [&px, &x](const Span &span) { return px(span.startNs) <= x; };
        for (++it; it != end && joins(*it);) {
            // it joins the run. The first that does not: galloping from it, so a span on its own costs one
            // look (zoomed in), then bisecting, so hundreds joining cost a few (zoomed out).
            const Span *low = it + 1;
            const Span *limit = end;
            for (std::ptrdiff_t step = 1; low != end; step *= 2) {
                const Span *probe = low + std::min(step, end - low) - 1;
                if (!joins(*probe)) {
                    limit = probe;
                    break;
                }
                low = probe + 1;
            }
            const Span *joined = std::partition_point(low, limit, joins);
            x = std::max(x, pixelEnd(*(joined - 1)));
            it = joined;
        }
        push(c, a, x);
    }
}

void TimelineDenseCoverage::flush(TimelineBatches &batches)
{
    int ownedFrom = INT_MAX;
    int ownedTo = INT_MIN;
    for (int c = 0; c < m_classCount; ++c) {
        auto &list = m_spans[std::size_t(c)];
        if (list.empty())
            continue;
        BarMerger::unite(list);
        if (c < DenseClassCount) {
            auto &rects = batches.fills[DenseFills[std::size_t(c)]];
            for (const auto &[a, b] : list)
                rects.emplace_back(a, m_y, b - a, m_height);
        } else {
            // The thick downloads over the thin parts, and a higher slot over a lower one, as painted.
            const int host = (c - DenseClassCount) / 2;
            const bool thick = (c - DenseClassCount) % 2 == 1;
            const auto order = qint16((thick ? TimelinePalette::HostColorCount : 0) + host);
            for (const auto &[a, b] : list) {
                for (int x = a + 2; x < b + 2; ++x)
                    m_owner[std::size_t(x)] = std::max(m_owner[std::size_t(x)], order);
                ownedFrom = std::min(ownedFrom, a + 2);
                ownedTo = std::max(ownedTo, b + 2);
            }
        }
        list.clear();
    }
    for (int x = ownedFrom; x < ownedTo;) {
        const qint16 order = m_owner[std::size_t(x)];
        int end = x + 1;
        while (end < ownedTo && m_owner[std::size_t(end)] == order)
            ++end;
        if (order >= 0) {
            const int host = order % TimelinePalette::HostColorCount;
            auto &rects = order >= TimelinePalette::HostColorCount ? batches.hostThick[std::size_t(host)]
                                                                   : batches.hostThin[std::size_t(host)];
            rects.emplace_back(x - 2, m_y, end - x, m_height);
        }
        std::fill(m_owner.begin() + x, m_owner.begin() + end, qint16(-1));
        x = end;
    }
}
