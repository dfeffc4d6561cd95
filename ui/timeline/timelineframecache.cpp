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
// A dense pixel row is at most this high (rows under TimelineViewport::DenseRowHeight pixels), plus one.
constexpr int DenseStripHeight = 6;

bool anyLive(const TimelineLayout &layout)
{
    const auto &tracks = layout.tracks();
    return std::any_of(tracks.begin(), tracks.end(),
                       [](const TimelineLayout::Track &track) { return track.live(); });
}

} // namespace

void TimelineFrameCache::clear()
{
    m_valid = false;
    m_image = QImage();
    m_changes.clear();
}

TimelineFrameCache::Outcome TimelineFrameCache::paint(QPainter &target, const Key &key, qint64 cutNs,
                                                      const PaintFrame &paintFrame)
{
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
    } else if (canPatch(key, cutNs)) {
        const QRegion region = patchRegion(key, cutNs);
        if (region.rectCount() > 0) {
            QPainter painter(&m_image);
            painter.setClipRegion(region);
            paintFrame(painter);
        }
        outcome = Outcome::Patched;
    } else {
        QPainter painter(&m_image);
        paintFrame(painter);
    }
    const bool changesStale = !m_valid || key.layout != m_key.layout || key.generation != m_key.generation;
    m_key = key;
    m_cutNs = cutNs;
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

QRegion TimelineFrameCache::patchRegion(const Key &key, qint64 cutNs) const
{
    const TimelineViewport &viewport = key.viewport;
    const int width = viewport.width();
    const int height = viewport.height();
    QRegion region;
    const int left = std::max(0, PixelMapper(viewport.scale(), width)(m_cutNs) - CutMargin);
    if (left < width)
        region += QRect(left, 0, width - left, height);
    const auto first = std::upper_bound(m_changes.begin(), m_changes.end(), Change {m_cutNs, 0, 0});
    const auto last = std::upper_bound(m_changes.begin(), m_changes.end(), Change {cutNs, 0, 0});
    if (last - first > MostChangedRows)
        return QRect(0, 0, width, height);
    const auto &tracks = key.layout->tracks();
    for (auto it = first; it != last; ++it) {
        const TimelineLayout::Track &track = tracks[std::size_t(it->track)];
        const double top = track.rowsTop + it->row * viewport.rowHeight() - viewport.scrollY();
        const int y = int(std::floor(top)) - 1;
        if (y >= height || y + DenseStripHeight < 0)
            continue;
        region += QRect(0, y, width, DenseStripHeight);
    }
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
            const TimelineLayout::Bar &bar = track.bars[i];
            if (bar.kind != TimelineLayout::Kind::Ok)
                m_changes.push_back(
                    {bar.t[TimelineLayout::Bar::FinishedAt], int(t), track.rowOfBar(int(i), lanes)});
        }
    }
    std::sort(m_changes.begin(), m_changes.end());
}
