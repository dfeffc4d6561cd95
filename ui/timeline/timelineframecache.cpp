#include "timelineframecache.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

#include "timelinelayout.h"

namespace {

// How far left of the previous cut a forward step can change pixels: a download's first pixel column is
// pulled back one when it is a pixel wide, and the "now" line and its neighbours move with the cut.
constexpr int CutMargin = 4;
// More rows than this changing their look in one step: painting everything is as cheap.
constexpr int MostChangedRows = 256;
// How far right of "now" a live frame can draw: a failure's cross, and a bar at least a pixel wide. Right of
// it there is only the background and the grid, the same in every frame at one scale.
constexpr int NowMargin = 8;
// A dense pixel row is at most this high (rows under TimelineViewport::DenseRowHeight pixels), plus one.
constexpr int DenseStripHeight = 6;

bool anyLive(const TimelineLayout &layout)
{
    const auto &tracks = layout.tracks();
    return std::any_of(tracks.begin(), tracks.end(),
                       [](const TimelineLayout::Track &track) { return track.live(); });
}

qint64 latestLiveNow(const TimelineLayout &layout)
{
    qint64 now = -1;
    for (const TimelineLayout::Track &track : layout.tracks()) {
        if (track.live())
            now = std::max(now, track.nowNs());
    }
    return now;
}

qint64 earliestLiveNow(const TimelineLayout &layout)
{
    qint64 now = -1;
    for (const TimelineLayout::Track &track : layout.tracks()) {
        if (track.live())
            now = now < 0 ? track.nowNs() : std::min(now, track.nowNs());
    }
    return now;
}

} // namespace

void TimelineFrameCache::clear()
{
    m_valid = false;
    m_image = QImage();
    m_changes.clear();
}

QRegion TimelineFrameCache::pendingRegion(const Key &key, qint64 cutNs) const
{
    const QSize pixels
        = (QSizeF(key.viewport.width(), key.viewport.height()) * key.devicePixelRatio).toSize();
    const QRect all(0, 0, key.viewport.width(), key.viewport.height());
    if (!m_valid || m_image.size() != pixels || m_image.devicePixelRatio() != key.devicePixelRatio)
        return all;
    if (key == m_key && cutNs == m_cutNs)
        return m_unshown;
    int fromX = 0;
    if (canPatchLive(key, cutNs))
        return livePatchRegion(key, fromX) | m_unshown;
    if (canPatch(key, cutNs))
        return patchRegion(key, cutNs, fromX) | m_unshown;
    return all;
}

TimelineFrameCache::Outcome TimelineFrameCache::paint(QPainter &target, const Key &key, qint64 cutNs,
                                                      const PaintFrame &paintFrame, const QRegion &shown)
{
    const QRect all(0, 0, key.viewport.width(), key.viewport.height());
    QRegion changed;
    const QSize pixels
        = (QSizeF(key.viewport.width(), key.viewport.height()) * key.devicePixelRatio).toSize();
    if (m_image.size() != pixels || m_image.devicePixelRatio() != key.devicePixelRatio) {
        m_image = QImage(pixels, QImage::Format_ARGB32_Premultiplied);
        m_image.setDevicePixelRatio(key.devicePixelRatio);
        m_valid = false;
    }
    Outcome outcome = Outcome::Painted;
    if (m_valid && key == m_key && cutNs == m_cutNs) {
        outcome = Outcome::Copied;
    } else if (const bool live = canPatchLive(key, cutNs); live || canPatch(key, cutNs)) {
        int fromX = 0;
        const QRegion region = live ? livePatchRegion(key, fromX) : patchRegion(key, cutNs, fromX);
        if (region.rectCount() > 0) {
            QPainter painter(&m_image);
            painter.setClipRegion(region);
            paintFrame(painter, fromX);
        }
        changed = region;
        outcome = Outcome::Patched;
    } else {
        QPainter painter(&m_image);
        paintFrame(painter, 0);
        changed = all;
    }
    m_unshown = (m_unshown | changed) - shown;
    const bool changesStale = !m_valid || key.layout != m_key.layout || key.generation != m_key.generation;
    m_key = key;
    m_cutNs = cutNs;
    m_liveNowNs = key.layout ? earliestLiveNow(*key.layout) : -1;
    m_valid = true;
    // Only a finished run is ever patched, and going live or finishing changes the generation: a live
    // frame need not pay for a look at every bar.
    if (changesStale) {
        m_changes.clear();
        if (key.layout && !anyLive(*key.layout))
            collectChanges(*key.layout);
    }
    switch (outcome) {
    case Outcome::Painted:
        ++m_painted;
        break;
    case Outcome::Patched:
        ++m_patched;
        break;
    case Outcome::Copied:
        ++m_copied;
        break;
    }
    const QPainter::CompositionMode mode = target.compositionMode();
    target.setCompositionMode(QPainter::CompositionMode_Source);
    target.drawImage(QPointF(0, 0), m_image);
    target.setCompositionMode(mode);
    return outcome;
}

bool TimelineFrameCache::canPatch(const Key &key, qint64 cutNs) const
{
    // Only a replay stepping forward over a dense picture with nothing selected: labels, markers and the
    // selection's outline of legible rows can move left of the cut.
    if (!m_valid || !(key == m_key) || m_cutNs < 0 || cutNs < m_cutNs || !key.layout
        || !key.viewport.isDense() || key.selectedModel)
        return false;
    return !anyLive(*key.layout);
}

bool TimelineFrameCache::canPatchLive(const Key &key, qint64 cutNs) const
{
    // The same rows in the same place at the same scale, nothing selected (its outline and label can sit
    // anywhere), and a dense picture (no labels beside the bars): only the records and the clock moved.
    if (!m_valid || m_liveNowNs < 0 || !key.layout || key.layout != m_key.layout
        || key.structure != m_key.structure || key.damageCount < m_key.damageCount || cutNs != m_cutNs
        || !key.viewport.isDense() || key.selectedModel || key.layout->options().lanes
        || key.layout->options().groupByHost)
        return false;
    Key same = key;
    same.generation = m_key.generation;
    same.damageCount = m_key.damageCount;
    if (!(same == m_key))
        return false;
    const qint64 now = earliestLiveNow(*key.layout);
    return now >= m_liveNowNs;
}

void TimelineFrameCache::addRowStrip(QRegion &region, const Key &key, int track, int firstRow,
                                     int lastRow) const
{
    const TimelineViewport &viewport = key.viewport;
    const TimelineLayout::Track &t = key.layout->tracks()[std::size_t(track)];
    const auto topOf = [&](int row) {
        return int(std::floor(t.rowsTop + row * viewport.rowHeight() - viewport.scrollY())) - 1;
    };
    const int y = topOf(firstRow);
    const int bottom = topOf(lastRow) + DenseStripHeight;
    if (y >= viewport.height() || bottom < 0)
        return;
    region += QRect(0, y, viewport.width(), bottom - y);
}

QRegion TimelineFrameCache::livePatchRegion(const Key &key, int &fromX) const
{
    const TimelineViewport &viewport = key.viewport;
    const int width = viewport.width();
    const int height = viewport.height();
    const int scrollY = int(viewport.scrollY());
    QRegion region;
    // Bars still going grow from the previous "now" to the new one, and the "now" line moves; nothing left
    // of it changes but the damaged rows, and nothing right of it at all.
    const PixelMapper px(viewport.scale(), width);
    const int left = std::max(0, px(m_liveNowNs) - CutMargin);
    const int right = std::min(width, px(latestLiveNow(*key.layout)) + NowMargin);
    if (left < right)
        region += QRect(left, 0, right - left, height);
    fromX = left;
    // The headers say how far each run got; the first one also sticks to the top.
    const auto &tracks = key.layout->tracks();
    region += QRect(0, 0, width, TimelineLayout::HeaderHeight);
    for (const TimelineLayout::Track &track : tracks) {
        const int top = int(std::lround(track.top)) - scrollY;
        const int bottom = int(std::lround(track.rowsTop)) - scrollY;
        if (bottom >= 0 && top < height)
            region += QRect(0, top, width, bottom - top + 1);
    }
    const auto &damage = key.layout->damage();
    if (key.damageCount - m_key.damageCount > MostChangedRows) {
        fromX = 0;
        return QRect(0, 0, width, height);
    }
    for (int i = m_key.damageCount; i < key.damageCount; ++i) {
        const TimelineLayout::Damage &change = damage[std::size_t(i)];
        if (px(change.fromNs) - CutMargin >= left)
            continue;
        fromX = 0;
        for (std::size_t t = 0; t < tracks.size(); ++t) {
            if (tracks[t].model == change.model) {
                const int row = tracks[t].rowOfBar(change.bar, false);
                addRowStrip(region, key, int(t), row,
                            change.lastBar > change.bar ? tracks[t].rowOfBar(change.lastBar, false) : row);
                break;
            }
        }
    }
    return region;
}

QRegion TimelineFrameCache::patchRegion(const Key &key, qint64 cutNs, int &fromX) const
{
    const TimelineViewport &viewport = key.viewport;
    const int width = viewport.width();
    const int height = viewport.height();
    QRegion region;
    const int left = std::max(0, PixelMapper(viewport.scale(), width)(m_cutNs) - CutMargin);
    if (left < width)
        region += QRect(left, 0, width - left, height);
    fromX = left;
    const auto first = std::upper_bound(m_changes.begin(), m_changes.end(), Change {m_cutNs, 0, 0});
    const auto last = std::upper_bound(m_changes.begin(), m_changes.end(), Change {cutNs, 0, 0});
    if (last - first > MostChangedRows || first != last)
        fromX = 0;
    if (last - first > MostChangedRows)
        return QRect(0, 0, width, height);
    for (auto it = first; it != last; ++it)
        addRowStrip(region, key, it->track, it->row, it->row);
    return region;
}

void TimelineFrameCache::collectChanges(const TimelineLayout &layout)
{
    // Until it ends, a request that fails or is cancelled is drawn as one still going.
    m_changes.clear();
    const bool lanes = layout.options().lanes;
    const auto &tracks = layout.tracks();
    for (std::size_t t = 0; t < tracks.size(); ++t) {
        const TimelineLayout::Track &track = tracks[t];
        for (std::size_t i = 0; i < track.bars.size(); ++i) {
            if (track.bars.kindOf(i) != TimelineLayout::Kind::Ok)
                m_changes.push_back({track.bars[i].t[TimelineLayout::Bar::FinishedAt], int(t),
                                     track.rowOfBar(int(i), lanes)});
        }
    }
    std::sort(m_changes.begin(), m_changes.end());
}
