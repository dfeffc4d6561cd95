#include "timelinepainter.h"

#include <QPaintEngine>
#include <QPainter>

#include <algorithm>
#include <climits>
#include <cmath>

#include "barmerger.h"
#include "core/durationformat.h"
#include "core/hostkey.h"
#include "core/phasespans.h"
#include "rastergrid.h"
#include "timelinebatches.h"
#include "timelinedensecoverage.h"
#include "timelinedenserows.h"
#include "timelinepalette.h"
#include "timelinetooltips.h"

namespace {

using Phase = PhaseSpans::Phase;
using Bar = TimelineLayout::Bar;
using Kind = TimelineLayout::Kind;
using Track = TimelineLayout::Track;
using RowKind = TimelineLayout::RowKind;
using Group = TimelineLayout::Group;
using Fill = TimelineBatches::Fill;
using enum TimelineBatches::Fill;

constexpr int LabelMinRowHeight = 14;
// A bar's phase bounds in pixels: the first is where it was queued, the last where its delay ended.
using BarX = std::array<int, PhaseSpans::PhaseCount + 1>;
constexpr std::size_t Last = PhaseSpans::PhaseCount;
constexpr std::size_t FinishedBound = std::size_t(Phase::Download) + 1;
constexpr int HeaderHeight = TimelineLayout::HeaderHeight;
constexpr int GateRowHeight = TimelineLayout::GateRowHeight;
constexpr int TrackGap = TimelineLayout::TrackGap;

// Dense rows: per pixel row, the union of each kind of phase.
enum DenseClass { Waiting, CancelledWaiting, Delay, Sending, Downloading, Cancelled, Error, DenseClassCount };
static_assert(int(Waiting) == int(TimelineLayout::CoverWaiting)
                  && int(Delay) == int(TimelineLayout::CoverDelay)
                  && int(Error) == int(TimelineLayout::CoverError)
                  && int(DenseClassCount) == int(TimelineLayout::CoverageCount),
              "the layout's blocks are merged with the painter's classes");

// One paint: collects the visible tracks' shapes into batches, then draws them layer by layer.
class Frame
{
public:
    Frame(QPainter &painter, const TimelineLayout &layout, const TimelineViewport &viewport,
          const TimelinePainter::Style &style)
        : m_painter(painter)
        , m_layout(layout)
        , m_tracks(layout.tracks())
        , m_style(style)
        , m_scale(viewport.scale())
        , m_width(viewport.width())
        , m_height(viewport.height())
        , m_scrollY(int(viewport.scrollY()))
        , m_px(m_scale, m_width)
        , m_visibleStart(m_scale.toTime(std::max(0, style.fromX) - 2))
        , m_visibleEnd(m_scale.toTime(m_width + 2))
        , m_rowH(viewport.rowHeight())
        , m_dense(viewport.isDense())
        , m_lanes(layout.options().lanes)
        , m_hostColours(layout.options().colourByHost)
        , m_thick(std::max(2, int(std::lround(m_rowH * 0.6))))
        , m_thin(std::max(1, int(std::lround(m_rowH * 0.4))))
        , m_labels(!m_lanes && m_rowH >= LabelMinRowHeight)
        , m_metrics(style.font)
        , m_coverage(m_width, std::max(0, style.fromX - 2))
    { }

    void paint()
    {
        m_painter.setRenderHint(QPainter::Antialiasing, false);
        paintGrid();
        const int firstTrack = std::max(0, m_layout.trackAtContentY(m_scrollY));
        for (int t = firstTrack; t < int(m_tracks.size()); ++t) {
            if (m_tracks[std::size_t(t)].top - m_scrollY >= m_height)
                break;
            collectTrack(t);
        }
        paintBatches();
        paintMarks();
        paintLabels();
        paintGroupHeaders();
        paintSelection();
        paintGateMarkers();
        paintHeaders(firstTrack);
    }

private:
    void paintGrid();
    void collectTrack(int t);
    void collectRows(const Track &track, int firstRow, int lastRow);
    void collectDenseRows(const Track &track, int firstRow, int lastRow);
    void collectLane(const Track &track, int row, double rowTop);
    void collectQueueLane(const Track &track, int row, double rowTop);
    void collectGate(const Track &track);
    void addGhost(const Track &track, int index, double rowTop);
    std::pair<std::vector<int>::const_iterator, std::vector<int>::const_iterator>
    visibleLaneRange(const Track &track, int lane) const;
    int hostBatch(const Track &track, const Bar &bar) const;
    void addBar(const Track &track, const Bar &bar, double rowTop, int firstPhase);
    void addLabel(const Track &track, const Bar &bar, const BarX &x, int firstPhase, int cy);
    void addDense(const Track &track, const Bar &bar, int firstPhase);
    void addOpenBars(const Track &track, const TimelineLayout::DenseBlock &block);
    /// Requests still waiting for a permit, queued from fromNs to toNs: one span while they all reach now.
    void addOpenWaiting(const Track &track, qint64 fromNs, qint64 toNs, const int *begin, const int *end);
    void addDenseSpans(const Track &track, const Bar &bar, int firstPhase);
    void pushSpan(int c, int a, int b) { m_coverage.push(c, a, b); }
    void paintBatches();
    void paintMarks();
    void paintLabels();
    void paintGroupHeaders();
    void paintSelection();
    void paintGateMarkers();
    void paintHeaders(int firstTrack);
    void drawHeader(const Track &track, int y);

    QPainter &m_painter;
    const TimelineLayout &m_layout;
    const std::vector<Track> &m_tracks;
    const TimelinePainter::Style &m_style;
    const TimeScale &m_scale;
    const int m_width;
    const int m_height;
    const int m_scrollY;
    const PixelMapper m_px;
    const qint64 m_visibleStart;
    const qint64 m_visibleEnd;
    const double m_rowH;
    const bool m_dense;
    const bool m_lanes;
    const bool m_hostColours;
    const int m_thick;
    const int m_thin;
    const bool m_labels;
    const QFontMetrics m_metrics;
    qint64 m_now = 0; // the track's "now", which bars still going are stretched to
    int m_trackIndex = 0;
    /// In the time window, and queued by "now" (a replay's time hides what came later).
    bool visible(const Bar &bar) const
    {
        return bar.endAt(m_now) >= m_visibleStart && bar.t[0] <= std::min(m_visibleEnd, m_now);
    }

    TimelineBatches m_batches;
    BarMerger m_merger;
    std::vector<std::pair<int, int>> m_queueSpans;
    TimelineDenseCoverage m_coverage;
};

void Frame::paintGrid()
{
    // The axis's ticks as a faint grid under everything.
    std::vector<int> xs;
    for (const auto &tick : m_scale.ticks())
        xs.push_back(int(tick.x));
    RasterGrid::verticalLines(m_painter, xs, 0, m_height, TimelinePalette::grid());
}

void Frame::collectTrack(int t)
{
    const Track &track = m_tracks[std::size_t(t)];
    m_now = track.nowNs();
    m_trackIndex = t;
    if (track.top + HeaderHeight - m_scrollY > 0)
        m_batches.headers.emplace_back(t, int(std::lround(track.top)) - m_scrollY);

    const int firstRow = std::max(0, int(std::floor((m_scrollY - track.rowsTop) / m_rowH)));
    const int lastRow
        = std::min(track.rows - 1, int(std::floor((m_scrollY + m_height - track.rowsTop) / m_rowH)));

    // The selected request's row, under everything.
    if (m_style.selectedModel && track.model == m_style.selectedModel) {
        const int index = track.barIndexOf(m_style.selectedId);
        if (index >= 0) {
            const double top = track.rowsTop + track.rowOfBar(index, m_lanes) * m_rowH - m_scrollY;
            QColor band = m_style.palette.color(QPalette::Highlight);
            band.setAlpha(45);
            m_painter.fillRect(QRectF(0, std::floor(top), m_width, std::max(m_rowH, 3.0)), band);
        }
    }
    if (m_dense)
        collectDenseRows(track, firstRow, lastRow);
    else
        collectRows(track, firstRow, lastRow);
    for (int g = std::max(0, track.groupAtRow(firstRow)); g < int(track.groups.size()); ++g) {
        if (track.groups[std::size_t(g)].headerRow > lastRow)
            break;
        m_batches.groupHeaders.emplace_back(t, g);
    }
    collectGate(track);
}

void Frame::collectRows(const Track &track, int firstRow, int lastRow)
{
    for (int row = firstRow; row <= lastRow; ++row) {
        const double rowTop = track.rowsTop + row * m_rowH - m_scrollY;
        if (m_lanes) {
            const RowKind kind = track.rowKind(row);
            if (kind == RowKind::Queue)
                collectQueueLane(track, row, rowTop);
            else if (kind == RowKind::Bars)
                collectLane(track, row, rowTop);
            // Each request's ideal ghost in the lane its measured bar took, so the two line up.
            if (kind == RowKind::Bars && m_style.showIdeal) {
                const auto [begin, end] = visibleLaneRange(track, row);
                for (auto it = begin; it != end; ++it)
                    addGhost(track, *it, rowTop);
            }
            continue;
        }
        const int index = track.barAtRow(row);
        if (index < 0)
            continue;
        const Bar &stored = track.bars[std::size_t(index)];
        if (visible(stored))
            addBar(track, stored.at(m_now), rowTop, 0);
        if (m_style.showIdeal)
            addGhost(track, index, rowTop);
    }
}

void Frame::addGhost(const Track &track, int index, double rowTop)
{
    if (std::size_t(index) >= track.ideal.size() || !track.bars.isIssued(std::size_t(index)))
        return;
    const auto ideal = track.idealOf(index);
    if (!ideal)
        return;
    const auto [start, end] = *ideal;
    const int a = m_px(start);
    m_batches.ghosts.emplace_back(a, int(std::floor(rowTop)) + 1, std::max(1, m_px(end) - a),
                                  std::max(2, int(m_rowH) - 3));
}

void Frame::collectDenseRows(const Track &track, int firstRow, int lastRow)
{
    if (m_lanes) {
        // Pixel row by pixel row, where the lanes whose tops fall in one pixel row form its bucket.
        for (int row = firstRow; row <= lastRow;) {
            const double rowTop = track.rowsTop + row * m_rowH - m_scrollY;
            const int y0 = int(std::floor(rowTop));
            const int rowEnd = std::clamp(int(std::ceil((y0 + 1 + m_scrollY - track.rowsTop) / m_rowH)),
                                          row + 1, lastRow + 1);
            m_coverage.startRow(y0, std::max(1, int(std::floor(rowTop + m_rowH)) - y0), m_batches);
            for (; row < rowEnd; ++row) {
                const int firstPhase = track.rowKind(row) == RowKind::Queue ? 0 : 1;
                const auto [begin, end] = visibleLaneRange(track, row);
                for (auto it = begin; it != end; ++it) {
                    if (track.bars[std::size_t(*it)].shownAt(m_now))
                        addDense(track, track.bars[std::size_t(*it)], firstPhase);
                }
            }
        }
        m_coverage.finish(m_batches);
        return;
    }
    // Without a kept placing (a slide, a test), one for this paint.
    TimelineDenseRows::Placing own;
    const TimelineDenseRows::Placing &placing = m_style.denseRows
        ? m_style.denseRows->placing(m_layout, m_trackIndex, firstRow, lastRow, m_rowH, m_scrollY)
        : (TimelineDenseRows::build(track, firstRow, lastRow, m_rowH, m_scrollY, own), own);
    for (const TimelineDenseRows::PixelRow &pixelRow : placing.pixelRows) {
        m_coverage.startRow(pixelRow.y, pixelRow.height, m_batches);
        // Bars that all ended left of what is painted (a live patch's columns) need no look.
        for (int i = pixelRow.barsEndNs >= m_visibleStart ? pixelRow.barsBegin : pixelRow.barsEnd;
             i < pixelRow.barsEnd; ++i) {
            const Bar &bar = placing.bars[std::size_t(i)];
            if (visible(bar))
                addDense(track, bar, 0);
        }
        addOpenWaiting(track, pixelRow.waitingFromNs, pixelRow.waitingToNs,
                       placing.waiting.data() + pixelRow.waitingBegin,
                       placing.waiting.data() + pixelRow.waitingEnd);
        if (pixelRow.open) {
            for (int block = pixelRow.firstBlock; block < pixelRow.endBlock; ++block)
                addOpenBars(track, track.blocks[std::size_t(block)]);
        }
        for (int k = pixelRow.kindsBegin; k < pixelRow.kindsEnd; ++k) {
            const TimelineDenseRows::Kind &kind = placing.kinds[std::size_t(k)];
            const TimelineDenseRows::Level *level = &placing.level(kind, m_px.pixelsPerNs());
            const auto *begin = placing.runs.data() + level->begin;
            const auto *end = placing.runs.data() + level->end;
            qint64 lastStart = m_now;
            if (TimelineDenseCoverage::straddles(begin, end, m_now)) {
                // Cut inside a run (a replay): the latest start by then, in the spans that make it.
                level = &placing.levels[std::size_t(kind.levelsBegin)];
                begin = placing.runs.data() + level->begin;
                end = placing.runs.data() + level->end;
                if (TimelineDenseCoverage::straddles(begin, end, m_now))
                    lastStart = TimelineDenseRows::lastStartBy(track, pixelRow, kind.coverage, m_now);
            }
            m_coverage.pushRuns(kind.coverage, begin, end, m_px, m_now, m_visibleStart, lastStart);
        }
    }
    m_coverage.finish(m_batches);
}

void Frame::addOpenBars(const Track &track, const TimelineLayout::DenseBlock &block)
{
    for (const int index : block.openBars) {
        const Bar &bar = track.bars[std::size_t(index)];
        if (visible(bar))
            addDense(track, bar, 0);
    }
    addOpenWaiting(track, block.openWaitingFromNs, block.openWaitingToNs, block.openWaiting.data(),
                   block.openWaiting.data() + block.openWaiting.size());
}

void Frame::addOpenWaiting(const Track &track, qint64 fromNs, qint64 toNs, const int *begin, const int *end)
{
    if (begin == end)
        return;
    // Each waiting bar covers [its queue time, now): their union is one span when none was queued after
    // now's pixel (always, live); otherwise they go one by one. Offscreen parts are clipped either way.
    const int from = m_px(fromNs);
    const int nowX = m_px(std::max(m_now, toNs));
    if (m_px(toNs) < m_px(m_now)) {
        if (fromNs <= m_visibleEnd && std::max(m_now, toNs) >= m_visibleStart)
            pushSpan(Waiting, from, std::max(from + 1, nowX));
        return;
    }
    for (const int *index = begin; index != end; ++index) {
        const Bar &bar = track.bars[std::size_t(*index)];
        if (visible(bar))
            addDense(track, bar, 0);
    }
}

std::pair<std::vector<int>::const_iterator, std::vector<int>::const_iterator>
Frame::visibleLaneRange(const Track &track, int lane) const
{
    const auto &bars = track.lanes[std::size_t(lane)];
    if (track.rowKind(lane) == RowKind::Queue)
        return {bars.begin(), bars.end()};
    // A lane's bars never overlap, so their ends are as ordered as their starts.
    const qint64 now = m_now;
    const auto begin
        = std::lower_bound(bars.begin(), bars.end(), m_visibleStart, [&track, now](int index, qint64 ns) {
              return track.bars[std::size_t(index)].endAt(now) < ns;
          });
    // A replay shows a lane's requests once they were issued.
    const auto end
        = std::upper_bound(begin, bars.end(), std::min(m_visibleEnd, m_now), [&track](qint64 ns, int index) {
              return ns < track.bars.issuedNs(std::size_t(index));
          });
    return {begin, end};
}

void Frame::collectQueueLane(const Track &track, int row, double rowTop)
{
    // Requests still waiting overlap each other: one hollow outline for all of them.
    const int cy = int(std::floor(rowTop + m_rowH / 2));
    m_queueSpans.clear();
    for (const int index : track.lanes[std::size_t(row)]) {
        const Bar &bar = track.bars[std::size_t(index)];
        if (!bar.shownAt(m_now))
            continue;
        const int a = m_px(bar.t[0]);
        m_queueSpans.emplace_back(a, std::max(a + 1, m_px(bar.endAt(m_now))));
        if (bar.kind == Kind::Cancelled)
            m_batches.cross(m_queueSpans.back().second, cy, std::max(2, m_thick / 2), false);
    }
    BarMerger::unite(m_queueSpans);
    for (const auto &[a, b] : m_queueSpans)
        m_batches.waitOutlines.emplace_back(a, cy - m_thick / 2, b - a, m_thick);
}

void Frame::collectLane(const Track &track, int row, double rowTop)
{
    const auto [begin, end] = visibleLaneRange(track, row);
    const int cy = int(std::floor(rowTop + m_rowH / 2));
    const auto &lane = track.lanes[std::size_t(row)];
    m_merger.clear();
    for (auto it = begin; it != end; ++it) {
        const Bar &bar = track.bars[std::size_t(*it)];
        m_merger.add(m_scale.toPixel(bar.t[1]), m_scale.toPixel(bar.endAt(m_now)), int(it - lane.begin()));
    }
    m_merger.finish();
    for (const auto &item : m_merger.items()) {
        if (!item.isMerged()) {
            addBar(track, track.bars[std::size_t(lane[std::size_t(item.first)])].at(m_now), rowTop, 1);
            continue;
        }
        // A merged marker takes the colour of the worst outcome inside it, so failures stay visible.
        Fill fill = Merged;
        for (int k = item.first; k <= item.last && fill != MergedError; ++k) {
            const Bar &bar = track.bars[std::size_t(lane[std::size_t(k)])];
            if (bar.failed())
                fill = MergedError;
            else if (bar.kind == Kind::Cancelled)
                fill = MergedCancelled;
        }
        m_batches.fills[fill].emplace_back(item.x0, cy - m_thick / 2, item.x1 - item.x0, m_thick);
    }
}

void Frame::collectGate(const Track &track)
{
    // The gate's resizes, at the moment they happened, and "now" while live.
    const int gateRowTop = int(std::lround(track.top)) + HeaderHeight - m_scrollY;
    const int trackTop = std::max(0, gateRowTop);
    const int trackBottom = std::min(m_height, int(std::lround(track.bottom - TrackGap)) - m_scrollY);
    std::vector<int> xs;
    for (const auto &change : track.capacity) {
        const int x = m_px(change.first);
        xs.push_back(x);
        if (x < -1 || x > m_width)
            continue;
        m_batches.gateLines.emplace_back(x, trackTop, x, trackBottom);
    }
    const int initial = track.model && !track.model->run().capacityChanges.isEmpty()
        ? track.model->run().capacityChanges.constFirst().capacity
        : 0;
    for (const auto &tag : TimelinePainter::gateTags(track.capacity, xs, initial, m_metrics)) {
        if (tag.x >= -1 && tag.x <= m_width)
            m_batches.gateTags.emplace_back(QPoint(tag.x, gateRowTop), tag.text);
    }
    if (track.live() || track.isCut()) {
        const int x = m_px(m_now);
        if (x >= 0 && x <= m_width)
            m_batches.nowLines.emplace_back(x, trackTop, x, trackBottom);
    }
}

// Coloured by host, a request that did not fail takes its host's colour; failures keep their red.
int Frame::hostBatch(const Track &track, const Bar &bar) const
{
    if (!m_hostColours || bar.kind != Kind::Ok || std::size_t(bar.host) >= track.hostSlots.size())
        return -1;
    return track.hostSlots[std::size_t(bar.host)] % TimelinePalette::HostColorCount;
}

// One request, split into its phases, in a row whose top is at rowTop.
void Frame::addBar(const Track &track, const Bar &bar, double rowTop, int firstPhase)
{
    const int host = hostBatch(track, bar);
    BarX x {};
    for (int i = firstPhase; i < int(x.size()); ++i)
        x[std::size_t(i)] = m_px(bar.t[std::size_t(i)]);
    const int cy = int(std::floor(rowTop + m_rowH / 2));
    const int thickTop = cy - m_thick / 2;
    const int thinTop = cy - m_thin / 2;
    if (x[Last] - x[std::size_t(firstPhase)] < 1) {
        // Narrower than a pixel: still one pixel, in the colour that says how it ended.
        Fill fill = bar.issued ? TimelineBatches::fillFor(bar.kind, Phase::Download) : DenseWaiting;
        if (bar.kind == Kind::Cancelled)
            fill = CancelledFill;
        (host >= 0 && bar.issued ? m_batches.hostThick[std::size_t(host)] : m_batches.fills[fill])
            .emplace_back(x[std::size_t(firstPhase)], thickTop, 1, m_thick);
        return;
    }
    if (bar.robots && !m_dense && bar.issued) {
        // Pointing at the moment it went out, which the queued start of a crawl's request is not.
        m_batches.robotsMarkers.push_back(
            TimelinePalette::robotsMarker(QPoint(x[1] - 1, cy), std::clamp(m_thick, 4, 8)));
    }
    if (bar.reused && !m_dense && bar.issued) {
        // Fiddler's mark for a reused connection: a small diamond where the request went out on it.
        const int r = std::clamp(m_thick / 2, 2, 4);
        const int left = x[1];
        m_batches.reuseMarkers.push_back(QPolygon(
            {QPoint(left, cy - r), QPoint(left + r, cy), QPoint(left, cy + r), QPoint(left - r, cy)}));
    }
    for (int p = firstPhase; p < PhaseSpans::PhaseCount; ++p) {
        if (!(bar.started & (1u << p)))
            continue;
        const auto phase = Phase(p);
        const int a = x[std::size_t(p)];
        int b = x[std::size_t(p) + 1];
        if (phase == Phase::Download)
            b = std::max(b, a + 2);
        if (b <= a || b < -2 || a > m_width + 2)
            continue;
        switch (phase) {
        case Phase::Waiting:
            (bar.kind == Kind::Cancelled && !bar.issued ? m_batches.cancelledOutlines
                                                        : m_batches.waitOutlines)
                .emplace_back(a, thickTop, b - a, m_thick);
            break;
        case Phase::Connecting:
        case Phase::Tls:
        case Phase::FirstByte:
            (host >= 0 ? m_batches.hostThin[std::size_t(host)]
                       : m_batches.fills[TimelineBatches::fillFor(bar.kind, phase)])
                .emplace_back(a, thinTop, b - a, m_thin);
            break;
        case Phase::Download:
            (host >= 0 ? m_batches.hostThick[std::size_t(host)]
                       : m_batches.fills[TimelineBatches::fillFor(bar.kind, phase)])
                .emplace_back(a, thickTop, b - a, m_thick);
            break;
        case Phase::Delay:
            m_batches.fills[DelayBackground].emplace_back(a, thickTop, b - a, m_thick);
            break;
        }
    }
    if (bar.kind == Kind::Failed || bar.kind == Kind::Cancelled)
        m_batches.cross(x[FinishedBound], cy, std::max(2, m_thick / 2), bar.kind == Kind::Failed);
    if (m_labels)
        addLabel(track, bar, x, firstPhase, cy);
}

void Frame::addLabel(const Track &track, const Bar &bar, const BarX &x, int firstPhase, int cy)
{
    const QString text = TimelinePainter::barLabel(track, bar);
    if (text.isEmpty())
        return;
    // After the bar if there is room, else inside its hollow wait, else before it.
    const int textWidth = m_metrics.horizontalAdvance(text);
    const int baseline = cy + (m_metrics.ascent() - m_metrics.descent()) / 2;
    const bool error = bar.kind != Kind::Ok;
    if (x[Last] + 6 + textWidth < m_width - 2)
        m_batches.labels.push_back({QPoint(x[Last] + 6, baseline), text, error, false});
    else if (firstPhase == 0 && x[1] - x[0] >= textWidth + 16 && x[1] - 6 - textWidth > 2)
        m_batches.labels.push_back({QPoint(x[1] - 6 - textWidth, baseline), text, error, true});
    else if (x[std::size_t(firstPhase)] - 6 - textWidth > 2)
        m_batches.labels.push_back(
            {QPoint(x[std::size_t(firstPhase)] - 6 - textWidth, baseline), text, error, false});
}

void Frame::addDense(const Track &track, const Bar &bar, int firstPhase)
{
    if (bar.open || bar.t.back() > m_now) {
        addDenseSpans(track, bar.at(m_now), firstPhase);
        return;
    }
    addDenseSpans(track, bar, firstPhase);
}

void Frame::addDenseSpans(const Track &track, const Bar &bar, int firstPhase)
{
    const int host = hostBatch(track, bar);
    const int x0 = m_px(bar.t[std::size_t(firstPhase)]);
    const int x1 = m_px(bar.t[Bar::IssuedAt]);
    const int x3 = m_px(bar.t[Bar::FirstByteAt]);
    const int x4 = m_px(bar.t[Bar::FinishedAt]);
    const int x5 = m_px(bar.t[Bar::ReleasedAt]);
    if (!bar.issued) {
        pushSpan(bar.kind == Kind::Cancelled ? CancelledWaiting : Waiting, x0, std::max(x0 + 1, x5));
        return;
    }
    if (firstPhase == 0 && x1 > x0)
        pushSpan(Waiting, x0, x1);
    // In flight is at least a pixel: before the response, then the download on top of it.
    const int activeEnd = std::max(x1 + 1, x4);
    if (bar.kind == Kind::Ok) {
        const int sending = host >= 0 ? DenseClassCount + 2 * host : Sending;
        const int downloadingClass = host >= 0 ? DenseClassCount + 2 * host + 1 : Downloading;
        const bool downloading = bar.started & (1u << int(Phase::Download));
        if (!downloading) {
            pushSpan(sending, x1, activeEnd);
        } else {
            if (x3 > x1)
                pushSpan(sending, x1, x3);
            pushSpan(downloadingClass, std::min(x3, activeEnd - 1), activeEnd);
        }
    } else {
        pushSpan(bar.kind == Kind::Cancelled ? Cancelled : Error, x1, activeEnd);
    }
    if (x5 > x4)
        pushSpan(Delay, x4, x5);
}

void Frame::paintBatches()
{
    // One pass per style; the host colours where the phase colours they replace would be.
    m_painter.setPen(Qt::NoPen);
    const auto paintHostBatches = [this](const auto &batchesByHost, bool light) {
        for (std::size_t host = 0; host < batchesByHost.size(); ++host) {
            const auto &rects = batchesByHost[host];
            if (rects.empty())
                continue;
            m_painter.setBrush(light ? TimelinePalette::hostLightColor(int(host))
                                     : TimelinePalette::hostColor(int(host)));
            m_painter.drawRects(rects.data(), int(rects.size()));
        }
    };
    for (int fill = 0; fill < int(FillCount); ++fill) {
        const auto &rects = m_batches.fills[std::size_t(fill)];
        if (!rects.empty()) {
            m_painter.setBrush(TimelineBatches::fillColor(Fill(fill)));
            m_painter.drawRects(rects.data(), int(rects.size()));
            if (fill == DelayBackground || fill == FailedBackground) {
                m_painter.setBrush(TimelinePalette::hatch(fill == DelayBackground
                                                              ? TimelinePalette::phaseColor(Phase::Delay)
                                                              : TimelinePalette::error()));
                m_painter.drawRects(rects.data(), int(rects.size()));
            }
        }
        if (m_hostColours && fill == FirstByte)
            paintHostBatches(m_batches.hostThin, true);
        else if (m_hostColours && fill == Download)
            paintHostBatches(m_batches.hostThick, false);
    }
    m_painter.setBrush(Qt::NoBrush);
    // The ideal's ghosts over the measured bars, dashed, so both stay readable.
    if (!m_batches.ghosts.empty()) {
        m_painter.setPen(QPen(TimelinePalette::ideal(), 1, Qt::DashLine));
        m_painter.drawRects(m_batches.ghosts.data(), int(m_batches.ghosts.size()));
        m_painter.setPen(Qt::NoPen);
    }
    const auto outline = [this](const std::vector<QRect> &rects, const QPen &pen) {
        if (rects.empty())
            return;
        m_painter.setPen(pen);
        std::vector<QRect> inner;
        inner.reserve(rects.size());
        for (const QRect &rect : rects)
            inner.push_back(rect.adjusted(0, 0, -1, -1));
        m_painter.drawRects(inner.data(), int(inner.size()));
    };
    outline(m_batches.waitOutlines, QPen(TimelinePalette::waitingOutline(), 0));
    outline(m_batches.cancelledOutlines, QPen(TimelinePalette::cancelled(), 0, Qt::DashLine));
}

void Frame::paintMarks()
{
    m_painter.setRenderHint(QPainter::Antialiasing, true);
    if (!m_batches.errorCrosses.empty()) {
        m_painter.setPen(QPen(TimelinePalette::error(), 1.6));
        m_painter.drawLines(m_batches.errorCrosses.data(), int(m_batches.errorCrosses.size()));
    }
    if (!m_batches.cancelCrosses.empty()) {
        m_painter.setPen(QPen(TimelinePalette::cancelledMark(), 1.6));
        m_painter.drawLines(m_batches.cancelCrosses.data(), int(m_batches.cancelCrosses.size()));
    }
    if (!m_batches.reuseMarkers.empty()) {
        m_painter.setPen(Qt::NoPen);
        m_painter.setBrush(m_style.palette.color(QPalette::Text));
        for (const QPolygon &marker : m_batches.reuseMarkers)
            m_painter.drawPolygon(marker);
        m_painter.setBrush(Qt::NoBrush);
    }
    if (!m_batches.robotsMarkers.empty()) {
        m_painter.setPen(Qt::NoPen);
        m_painter.setBrush(TimelinePalette::robotsMark());
        for (const QPolygon &marker : m_batches.robotsMarkers)
            m_painter.drawPolygon(marker);
        m_painter.setBrush(Qt::NoBrush);
    }
    m_painter.setRenderHint(QPainter::Antialiasing, false);
}

void Frame::paintLabels()
{
    const QColor text = m_style.palette.color(QPalette::Text);
    for (const auto &label : m_batches.labels) {
        if (label.boxed) {
            const QRect box(label.pos.x() - 3, label.pos.y() - m_metrics.ascent(),
                            m_metrics.horizontalAdvance(label.text) + 6, m_metrics.height());
            m_painter.fillRect(box, m_style.palette.base());
        }
        m_painter.setPen(label.error ? TimelinePalette::error() : text);
        m_painter.drawText(label.pos, label.text);
    }
}

void Frame::paintGroupHeaders()
{
    // A group's header: a band naming the host where rows are tall enough for text, else a line with the
    // name on a veil at the group's top, when the group is tall enough for that.
    if (m_batches.groupHeaders.empty())
        return;
    const QPalette &palette = m_style.palette;
    QColor band = palette.color(QPalette::AlternateBase);
    band.setAlpha(160);
    QColor veil = palette.color(QPalette::Base);
    veil.setAlpha(210);
    const int textHeight = m_metrics.height();
    const int swatch = m_hostColours ? std::min(10, textHeight - 4) : 0;
    for (const auto &[t, g] : m_batches.groupHeaders) {
        const Track &track = m_tracks[std::size_t(t)];
        const Group &group = track.groups[std::size_t(g)];
        const double top = track.rowsTop + group.headerRow * m_rowH - m_scrollY;
        const int y0 = int(std::floor(top));
        m_painter.setPen(palette.color(QPalette::Mid));
        m_painter.drawLine(0, y0, m_width, y0);
        if ((group.rows + 1) * m_rowH < textHeight)
            continue;
        QString text = HostKey::displayNameOf(track.hosts.value(group.host)) + QStringLiteral("  ·  ")
            + TimelineToolTips::requestCount(group.requests);
        if (group.failed > 0)
            text += QStringLiteral("  ·  ") + TimelinePainter::tr("%n failed", nullptr, group.failed);
        const int textWidth = m_metrics.horizontalAdvance(text);
        const int left = 6 + (swatch > 0 ? swatch + 5 : 0);
        QRect box(0, y0 + 1, left + textWidth + 6, textHeight);
        if (m_rowH >= textHeight) {
            box = QRect(0, y0 + 1, m_width, std::max(textHeight, int(std::floor(top + m_rowH)) - y0 - 1));
            m_painter.fillRect(box, band);
        } else {
            m_painter.fillRect(box, veil);
        }
        if (swatch > 0 && std::size_t(group.host) < track.hostSlots.size()) {
            const int slot = track.hostSlots[std::size_t(group.host)];
            m_painter.fillRect(QRect(6, box.center().y() - swatch / 2, swatch, swatch),
                               TimelinePalette::hostColor(slot));
        }
        m_painter.setPen(palette.color(QPalette::Text));
        m_painter.drawText(QRect(left, box.top(), box.width() - left, box.height()),
                           Qt::AlignVCenter | Qt::AlignLeft, text);
    }
}

void Frame::paintSelection()
{
    // The selected request's outline, above its bar.
    if (!m_style.selectedModel)
        return;
    TimelineViewport viewport;
    viewport.setSize(m_width, m_height);
    viewport.setScale(m_scale);
    viewport.setRowHeight(m_rowH);
    viewport.setScrollY(m_scrollY);
    const QRect bar = m_layout.barRect(m_style.selectedModel, m_style.selectedId, viewport);
    if (!bar.isValid() || bar.bottom() < 0 || bar.top() >= m_height)
        return;
    const int cy = bar.top() + bar.height() / 2;
    const int half = std::max(2, m_thick / 2 + 2);
    m_painter.setPen(QPen(m_style.palette.color(QPalette::Highlight), 2));
    m_painter.drawRect(QRect(bar.left() - 2, cy - half, bar.width() + 3, 2 * half));
}

void Frame::paintGateMarkers()
{
    if (!m_batches.nowLines.empty()) {
        m_painter.setPen(QPen(m_style.palette.color(QPalette::Text), 1, Qt::DotLine));
        m_painter.drawLines(m_batches.nowLines.data(), int(m_batches.nowLines.size()));
    }
    if (!m_batches.gateLines.empty()) {
        m_painter.setPen(QPen(TimelinePalette::gate(), 2));
        m_painter.drawLines(m_batches.gateLines.data(), int(m_batches.gateLines.size()));
    }
    int tagRight = INT_MIN;
    int tagRow = INT_MIN;
    for (const auto &[pos, text] : m_batches.gateTags) {
        if (pos.y() != tagRow) {
            tagRow = pos.y();
            tagRight = INT_MIN;
        }
        const int tagWidth = m_metrics.horizontalAdvance(text) + 8;
        const int left = pos.x() + 2 + tagWidth <= m_width ? pos.x() + 2 : pos.x() - 2 - tagWidth;
        if (left <= tagRight)
            continue; // crowded: the line is still there, and its tooltip tells the size
        const QRect tag(left, pos.y() + 2, tagWidth, GateRowHeight - 3);
        m_painter.fillRect(tag, TimelinePalette::gate());
        m_painter.setPen(Qt::white);
        m_painter.drawText(tag, Qt::AlignCenter, text);
        tagRight = tag.right() + 4;
    }
}

void Frame::drawHeader(const Track &track, int y)
{
    const QRect rect(0, y, m_width, HeaderHeight);
    m_painter.fillRect(rect, m_style.palette.alternateBase());
    m_painter.setPen(m_style.palette.color(QPalette::Mid));
    m_painter.drawLine(rect.bottomLeft(), rect.bottomRight());
    QFont bold = m_style.font;
    bold.setBold(true);
    m_painter.setFont(bold);
    m_painter.setPen(m_style.palette.color(QPalette::Text));
    const QRect textRect = rect.adjusted(8, 0, -8, 0);
    m_painter.drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                       TimelinePainter::headerText(track.title, QFontMetrics(bold), textRect.width(),
                                                   track.shortLead, track.speedUp));
    m_painter.setFont(m_style.font);
}

void Frame::paintHeaders(int firstTrack)
{
    // Header lines last, so bars scrolled under them stay behind; the first visible track's header sticks to
    // the top while its rows scroll.
    for (const auto &[t, y] : m_batches.headers)
        drawHeader(m_tracks[std::size_t(t)], y);
    if (firstTrack < int(m_tracks.size())) {
        const Track &track = m_tracks[std::size_t(firstTrack)];
        if (track.top < m_scrollY && track.bottom - m_scrollY > HeaderHeight)
            drawHeader(track, 0);
    }
}

} // namespace

void TimelinePainter::paint(QPainter &painter, const TimelineLayout &layout, const TimelineViewport &viewport,
                            const Style &style)
{
    Frame(painter, layout, viewport, style).paint();
}
