#include "timelinelayout.h"

// The layout's answers about places: which track a height falls in, what lies under a point, where a bar is.

#include <algorithm>
#include <cmath>

#include "barmerger.h"

int TimelineLayout::trackAtContentY(double y) const
{
    if (m_tracks.empty() || y < 0)
        return -1;
    const auto it = std::upper_bound(m_tracks.begin(), m_tracks.end(), y,
                                     [](double value, const Track &track) { return value < track.top; });
    const int index = int(it - m_tracks.begin()) - 1;
    if (index < 0 || y >= m_tracks[std::size_t(index)].bottom)
        return -1;
    return index;
}

TimelineLayout::Hit TimelineLayout::hitTest(QPointF pos, const TimelineViewport &viewport) const
{
    Hit hit;
    const int width = viewport.width();
    const double scrollY = viewport.scrollY();
    const double rowHeight = viewport.rowHeight();
    const TimeScale &scale = viewport.scale();
    const int t = trackAtContentY(pos.y() + scrollY);
    if (t < 0 || pos.x() < 0 || pos.x() >= width)
        return hit;
    hit.track = t;
    const Track &track = m_tracks[std::size_t(t)];
    const double contentY = pos.y() + scrollY;
    if (contentY < track.rowsTop) {
        hit.gateRow = contentY >= track.top + HeaderHeight; // else the header line
        return hit;
    }
    const double rowPos = (contentY - track.rowsTop) / rowHeight;
    if (rowPos >= track.rows)
        return hit;

    const int x = int(std::floor(pos.x()));
    const bool dense = viewport.isDense();
    // The rows drawn into this pixel row: one, or every row whose top falls in it when rows are sub-pixel.
    int firstRow = int(std::floor(rowPos));
    int lastRow = firstRow;
    if (rowHeight < 1) {
        const double pixelTop = std::floor(pos.y()) + scrollY - track.rowsTop;
        firstRow = std::max(0, int(std::ceil(pixelTop / rowHeight)));
        lastRow = std::min(track.rows - 1, int(std::ceil((pixelTop + 1) / rowHeight)) - 1);
    }
    hit.row = firstRow;
    const qint64 now = track.nowNs();
    const PixelMapper px(scale, width);
    const int tolerance = dense ? 0 : 2;
    const auto covers = [&](const Bar &stored, int firstPhase) {
        if (!stored.shownAt(now) || (firstPhase == 1 && stored.t[1] > now))
            return false;
        const Bar bar = stored.at(now);
        const int x0 = px(bar.t[std::size_t(firstPhase)]);
        const int x1 = std::max(x0 + 1, px(bar.t.back()));
        return x >= x0 - tolerance && x < x1 + tolerance;
    };

    for (int row = firstRow; row <= lastRow; ++row) {
        if (!m_options.lanes) {
            const int index = track.barAtRow(row);
            if (index >= 0 && covers(track.bars[std::size_t(index)], 0))
                hit.bars.push_back(index);
            continue;
        }
        const auto &lane = track.lanes[std::size_t(row)];
        const bool queueLane = track.rowKind(row) == RowKind::Queue;
        const int firstPhase = queueLane ? 0 : 1;
        if (queueLane || dense) {
            for (const int index : lane) {
                if (covers(track.bars[std::size_t(index)], firstPhase))
                    hit.bars.push_back(index);
            }
            continue;
        }
        // Lanes are merged exactly as painted, so a marker's tooltip counts what the marker holds.
        const qint64 from = scale.toTime(x - 3.0);
        const auto begin
            = std::lower_bound(lane.begin(), lane.end(), from, [&track, now](int index, qint64 ns) {
                  return track.bars[std::size_t(index)].endAt(now) < ns;
              });
        BarMerger merger;
        for (auto it = begin; it != lane.end(); ++it) {
            const Bar &bar = track.bars[std::size_t(*it)];
            const double x0 = scale.toPixel(bar.t[1]);
            if (x0 > x + 3.0 || bar.t[1] > now)
                break;
            merger.add(x0, scale.toPixel(bar.endAt(now)), int(it - lane.begin()));
        }
        merger.finish();
        const BarMerger::Item *best = nullptr;
        int bestDistance = tolerance + 1;
        for (const auto &item : merger.items()) {
            const int distance = x < item.x0 ? item.x0 - x : (x >= item.x1 ? x - item.x1 + 1 : 0);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = &item;
            }
        }
        if (best) {
            for (int k = best->first; k <= best->last; ++k)
                hit.bars.push_back(lane[std::size_t(k)]);
        }
    }
    return hit;
}

QRect TimelineLayout::barRect(const RunModel *model, int recordId, const TimelineViewport &viewport) const
{
    const int t = trackOf(model);
    if (t < 0)
        return {};
    const Track &track = m_tracks[std::size_t(t)];
    const int index = track.barIndexOf(recordId);
    if (index < 0)
        return {};
    const Bar bar = track.bars[std::size_t(index)].at(track.nowNs());
    const double rowHeight = viewport.rowHeight();
    const double top
        = track.rowsTop + track.rowOfBar(index, m_options.lanes) * rowHeight - viewport.scrollY();
    const PixelMapper px(viewport.scale(), viewport.width());
    const int x0 = px(m_options.lanes && bar.issued ? bar.t[1] : bar.t[0]);
    const int x1 = std::max(x0 + 1, px(bar.t.back()));
    const int y0 = int(std::floor(top));
    return QRect(x0, y0, x1 - x0, std::max(1, int(std::floor(top + rowHeight)) - y0));
}
