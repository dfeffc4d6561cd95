#include "timelinedenseblocks.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <limits>

#include "core/phasespans.h"
#include "timelinepalette.h"

namespace {

using Bar = TimelineLayout::Bar;
using Kind = TimelineLayout::Kind;
using DenseBlock = TimelineLayout::DenseBlock;
constexpr int DenseBlockRows = TimelineLayout::DenseBlockRows;
using enum TimelineLayout::Coverage;

// One count for all layouts, so a stamp never repeats even when a track is built afresh.
std::atomic<quint64> stamps {0};

} // namespace

void TimelineDenseBlocks::refresh(Track &track, bool all, bool lanes, bool colourByHost)
{
    if (lanes) {
        track.blocks.clear();
        track.dirtyBlocks.clear();
        return;
    }
    const int count = (track.rows + DenseBlockRows - 1) / DenseBlockRows;
    if (all || int(track.blocks.size()) > count) {
        track.blocks.assign(std::size_t(count), DenseBlock {});
        for (int block = 0; block < count; ++block)
            build(track, block, colourByHost);
    } else {
        const int before = int(track.blocks.size());
        track.blocks.resize(std::size_t(count));
        std::sort(track.dirtyBlocks.begin(), track.dirtyBlocks.end());
        track.dirtyBlocks.erase(std::unique(track.dirtyBlocks.begin(), track.dirtyBlocks.end()),
                                track.dirtyBlocks.end());
        for (const int block : track.dirtyBlocks) {
            if (block < before)
                build(track, block, colourByHost);
        }
        for (int block = before; block < count; ++block)
            build(track, block, colourByHost);
    }
    track.dirtyBlocks.clear();
}

quint64 TimelineDenseBlocks::lastStamp()
{
    return stamps.load();
}

void TimelineDenseBlocks::build(Track &track, int block, bool colourByHost)
{
    DenseBlock &dense = track.blocks[std::size_t(block)];
    dense = DenseBlock {};
    dense.stamp = ++stamps;
    dense.startNs = std::numeric_limits<qint64>::max();
    // Qualified: clang 14 (the sanitized build) cannot resolve an enumerator of `using enum` in a template
    // argument.
    std::array<std::vector<std::pair<qint64, qint64>>,
               TimelineLayout::CoverageCount + 2 * TimelinePalette::HostColorCount>
        parts;
    const bool hostColours = colourByHost;
    const int end = std::min(track.rows, (block + 1) * DenseBlockRows);
    for (int row = block * DenseBlockRows; row < end; ++row) {
        const int index = track.barAtRow(row);
        if (index < 0)
            continue;
        const Bar &bar = track.bars[std::size_t(index)];
        if (bar.open && !bar.issued && bar.kind != Kind::Cancelled) {
            if (dense.openWaiting.empty())
                dense.openWaitingFromNs = dense.openWaitingToNs = bar.t[0];
            dense.openWaitingFromNs = std::min(dense.openWaitingFromNs, bar.t[0]);
            dense.openWaitingToNs = std::max(dense.openWaitingToNs, bar.t[0]);
            dense.openWaiting.push_back(index);
            continue;
        }
        if (bar.open) {
            dense.openBars.push_back(index);
            continue;
        }
        // Bounds by phase: issued (1), the first byte (the download's start), finished, the delay's end.
        constexpr std::size_t firstByte = std::size_t(PhaseSpans::Phase::Download);
        constexpr std::size_t finished = firstByte + 1;
        constexpr std::size_t delayEnd = PhaseSpans::PhaseCount;
        dense.startNs = std::min(dense.startNs, bar.t[0]);
        dense.endNs = std::max(dense.endNs, bar.t[delayEnd]);
        // As the painter splits a single bar, in time rather than pixels.
        const auto add = [&parts](int coverage, qint64 from, qint64 to) {
            parts[std::size_t(coverage)].emplace_back(from, to);
        };
        if (!bar.issued) {
            add(bar.kind == Kind::Cancelled ? CoverCancelledWaiting : CoverWaiting, bar.t[0],
                bar.t[delayEnd]);
            continue;
        }
        if (bar.t[1] > bar.t[0])
            add(CoverWaiting, bar.t[0], bar.t[1]);
        if (bar.kind == Kind::Ok) {
            const int host = hostColours && std::size_t(bar.host) < track.hostSlots.size()
                ? track.hostSlots[std::size_t(bar.host)] % TimelinePalette::HostColorCount
                : -1;
            const int sending = host >= 0 ? CoverageCount + 2 * host : CoverSending;
            const int downloading = host >= 0 ? CoverageCount + 2 * host + 1 : CoverDownloading;
            if (!(bar.started & (1u << int(PhaseSpans::Phase::Download)))) {
                add(sending, bar.t[1], bar.t[finished]);
            } else {
                if (bar.t[firstByte] > bar.t[1])
                    add(sending, bar.t[1], bar.t[firstByte]);
                add(downloading, bar.t[firstByte], bar.t[finished]);
            }
        } else {
            add(bar.kind == Kind::Cancelled ? CoverCancelled : CoverError, bar.t[1], bar.t[finished]);
        }
        if (bar.t[delayEnd] > bar.t[finished])
            add(CoverDelay, bar.t[finished], bar.t[delayEnd]);
    }
    for (std::size_t coverage = 0; coverage < parts.size(); ++coverage) {
        auto &list = parts[coverage];
        if (list.empty())
            continue;
        std::sort(list.begin(), list.end());
        qint64 from = list.front().first;
        qint64 to = list.front().second;
        for (std::size_t i = 1; i < list.size(); ++i) {
            if (list[i].first > to) {
                dense.spans.push_back({from, to, int(coverage)});
                from = list[i].first;
            }
            to = std::max(to, list[i].second);
        }
        dense.spans.push_back({from, to, int(coverage)});
    }
}
