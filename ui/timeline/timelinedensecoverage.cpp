#include "timelinedensecoverage.h"

#include <algorithm>
#include <array>
#include <bit>
#include <climits>
#include <cstring>

#include "barmerger.h"
#include "timelinepalette.h"

namespace {

using enum TimelineBatches::Fill;
constexpr int HostCount = TimelinePalette::HostColorCount;
constexpr int KindCount = TimelineLayout::CoverageCount + 2 * HostCount;

// The order the painter draws the kinds in (TimelinePainter's batches: the fills in order of Fill, the hosts'
// thin parts right after FirstByte and their downloads right after Download, a higher slot over a lower):
// the kind painted last over a column is the one of the highest rank.
constexpr std::array<TimelineBatches::Fill, TimelineLayout::CoverageCount> KindFills {
    DenseWaiting, DenseCancelledWaiting, DenseDelay, FirstByte, Download, CancelledFill, ErrorFill};
constexpr int RankCount = KindCount + 1;
static_assert(RankCount <= 64, "a row's kinds are kept as bits of a quint64");

struct Order
{
    std::array<quint8, KindCount> rankOfKind {};
    std::array<int, RankCount> kindOfRank {}; // -1 for rank 0
};

constexpr Order makeOrder()
{
    Order order;
    int rank = 0;
    order.kindOfRank[std::size_t(rank++)] = -1;
    const auto add = [&order, &rank](int kind) {
        order.rankOfKind[std::size_t(kind)] = quint8(rank);
        order.kindOfRank[std::size_t(rank++)] = kind;
    };
    for (int fill = 0; fill < int(FillCount); ++fill) {
        for (int kind = 0; kind < TimelineLayout::CoverageCount; ++kind) {
            if (KindFills[std::size_t(kind)] == fill)
                add(kind);
        }
        for (int host = 0; host < HostCount; ++host) {
            if (fill == FirstByte)
                add(TimelineLayout::CoverageCount + 2 * host);
            else if (fill == Download)
                add(TimelineLayout::CoverageCount + 2 * host + 1);
        }
    }
    return order;
}
constexpr Order Ranks = makeOrder();
static_assert(Ranks.kindOfRank[RankCount - 1] == TimelineLayout::CoverError, "every kind has a rank");

std::vector<QRect> &batchOf(int kind, TimelineBatches &batches)
{
    if (kind < TimelineLayout::CoverageCount)
        return batches.fills[KindFills[std::size_t(kind)]];
    const int host = (kind - TimelineLayout::CoverageCount) / 2;
    return (kind - TimelineLayout::CoverageCount) % 2 == 1 ? batches.hostThick[std::size_t(host)]
                                                           : batches.hostThin[std::size_t(host)];
}

// Where the run of columns of rank value starting before from ends, eight columns at a look.
int runEnd(const quint8 *ranks, int from, int to, quint8 value)
{
    if constexpr (std::endian::native == std::endian::little) {
        const quint64 pattern = 0x0101010101010101ull * value;
        for (; from + 8 <= to; from += 8) {
            quint64 word;
            std::memcpy(&word, ranks + from, sizeof word);
            if (const quint64 differs = word ^ pattern)
                return from + std::countr_zero(differs) / 8;
        }
    }
    while (from < to && ranks[from] == value)
        ++from;
    return from;
}

} // namespace

TimelineDenseCoverage::TimelineDenseCoverage(int width, int left)
    : m_width(std::max(0, width))
    , m_left(std::clamp(left, 0, m_width))
    , m_ranks(std::size_t(m_width), 0)
    , m_spans(std::size_t(RankCount))
    , m_from(INT_MAX)
    , m_to(INT_MIN)
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
    // Only the view's columns: what lies outside it is clipped anyway.
    a = std::max(a, m_left);
    b = std::min(b, m_width);
    if (a >= b)
        return;
    const int rank = Ranks.rankOfKind[std::size_t(c)];
    auto &spans = m_spans[std::size_t(rank)];
    // Neighbouring rows mostly overlap: grow the last span, and sort only what is left at the flush.
    if (!spans.empty() && a <= spans.back().second && b >= spans.back().first) {
        spans.back().first = std::min(spans.back().first, a);
        spans.back().second = std::max(spans.back().second, b);
    } else {
        spans.emplace_back(a, b);
    }
    m_pushed |= quint64(1) << rank;
    m_from = std::min(m_from, a);
    m_to = std::max(m_to, b);
}

bool TimelineDenseCoverage::straddles(const Run *begin, const Run *end, qint64 nowNs)
{
    if (begin == end || (end - 1)->lastStartNs <= nowNs)
        return false; // every span started by now: a finished run, or a replay's cut after them
    end = std::partition_point(begin, end, [nowNs](const Run &run) { return run.startNs <= nowNs; });
    return end != begin && (end - 1)->lastStartNs > nowNs;
}

void TimelineDenseCoverage::pushRuns(int c, const Run *begin, const Run *end, const PixelMapper &px,
                                     qint64 nowNs, qint64 fromNs, qint64 lastStartAtNowNs)
{
    end = std::partition_point(begin, end, [nowNs](const Run &run) { return run.startNs <= nowNs; });
    begin = std::partition_point(begin, end, [fromNs](const Run &run) { return run.endNs < fromNs; });
    // Its spans each cover [start, end) and their start's column, so together [first start, last end) and
    // the last end's column too when the latest start lies in it.
    const auto pixelEnd = [&px, nowNs, lastStartAtNowNs](const Run &run) {
        const int x = px(std::min(run.endNs, nowNs));
        const qint64 lastStart = run.lastStartNs <= nowNs ? run.lastStartNs : lastStartAtNowNs;
        return std::max(px(run.startNs) + 1, px(lastStart) == x ? x + 1 : x);
    };
    for (const Run *it = begin; it != end;) {
        const int a = px(it->startNs);
        if (a >= m_width)
            return;
        int x = pixelEnd(*it);
        const auto joins = [&px, &x](const Run &run) { return px(run.startNs) <= x; };
        for (++it; it != end && joins(*it);) {
            // it joins the run. The first that does not: galloping from it, so a run on its own costs one
            // look (zoomed in), then bisecting, so hundreds joining cost a few (zoomed out). Their pixel ends
            // are in order, so the last one's is the furthest.
            const Run *low = it + 1;
            const Run *limit = end;
            for (std::ptrdiff_t step = 1; low != end; step *= 2) {
                const Run *probe = low + std::min(step, end - low) - 1;
                if (!joins(*probe)) {
                    limit = probe;
                    break;
                }
                low = probe + 1;
            }
            const Run *joined = std::partition_point(low, limit, joins);
            x = std::max(x, pixelEnd(*(joined - 1)));
            it = joined;
        }
        push(c, a, x);
    }
}

void TimelineDenseCoverage::flush(TimelineBatches &batches)
{
    if (m_from >= m_to)
        return;
    // Kind by kind in the order they are painted, each over the ones before: each column ends with the rank
    // of the last.
    quint8 *ranks = m_ranks.data();
    std::memset(ranks + m_from, 0, std::size_t(m_to - m_from));
    for (quint64 pushed = m_pushed; pushed != 0; pushed &= pushed - 1) {
        const int rank = std::countr_zero(pushed);
        auto &spans = m_spans[std::size_t(rank)];
        BarMerger::unite(spans);
        for (const auto &[a, b] : spans)
            std::memset(ranks + a, rank, std::size_t(b - a));
        spans.clear();
    }
    for (int x = m_from; x < m_to;) {
        const quint8 rank = ranks[x];
        const int end = runEnd(ranks, x + 1, m_to, rank);
        if (rank > 0)
            batchOf(Ranks.kindOfRank[rank], batches).emplace_back(x, m_y, end - x, m_height);
        x = end;
    }
    m_pushed = 0;
    m_from = INT_MAX;
    m_to = INT_MIN;
}
