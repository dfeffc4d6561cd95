#include "timelinedenserows.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <utility>

#include "timelinedenseblocks.h"
#include "timelinepalette.h"

namespace {

using Bar = TimelineLayout::Bar;
using Track = TimelineLayout::Track;
using PixelRow = TimelineDenseRows::PixelRow;
using Placing = TimelineDenseRows::Placing;
using Run = TimelineDenseRows::Run;
constexpr int Block = TimelineLayout::DenseBlockRows;
constexpr int KindCount = TimelineLayout::CoverageCount + 2 * TimelinePalette::HostColorCount;

// Pixel row by pixel row, where the rows whose tops fall in one pixel row form its bucket.
struct Rows
{
    const Track &track;
    int lastRow;
    double rowHeight;
    int scrollY;

    PixelRow at(int row) const
    {
        const double rowTop = track.rowsTop + row * rowHeight - scrollY;
        PixelRow pixelRow;
        pixelRow.y = int(std::floor(rowTop));
        pixelRow.height = std::max(1, int(std::floor(rowTop + rowHeight)) - pixelRow.y);
        pixelRow.firstRow = row;
        pixelRow.endRow = std::clamp(int(std::ceil((pixelRow.y + 1 + scrollY - track.rowsTop) / rowHeight)),
                                     row + 1, lastRow + 1);
        return pixelRow;
    }
};

// Whether a block under the pixel row, whole or in part, was built after stamp.
bool changedSince(const Track &track, const PixelRow &pixelRow, quint64 stamp)
{
    const int last = (pixelRow.endRow - 1) / Block;
    for (int block = pixelRow.firstRow / Block; block <= last; ++block) {
        if (block >= int(track.blocks.size()) || track.blocks[std::size_t(block)].stamp > stamp)
            return true;
    }
    return false;
}

// Appends a pixel row of a placing to another, as it is.
void copyPixelRow(const Placing &from, const PixelRow &pixelRow, Placing &to)
{
    PixelRow copy = pixelRow;
    copy.barsBegin = int(to.bars.size());
    to.bars.insert(to.bars.end(), from.bars.begin() + pixelRow.barsBegin,
                   from.bars.begin() + pixelRow.barsEnd);
    copy.barsEnd = int(to.bars.size());
    copy.waitingBegin = int(to.waiting.size());
    to.waiting.insert(to.waiting.end(), from.waiting.begin() + pixelRow.waitingBegin,
                      from.waiting.begin() + pixelRow.waitingEnd);
    copy.waitingEnd = int(to.waiting.size());
    const int kinds = int(to.kinds.size()) - pixelRow.kindsBegin;
    const int levels = int(to.levels.size()) - pixelRow.levelsBegin;
    const int runs = int(to.runs.size()) - pixelRow.runsBegin;
    for (int k = pixelRow.kindsBegin; k < pixelRow.kindsEnd; ++k) {
        TimelineDenseRows::Kind kind = from.kinds[std::size_t(k)];
        kind.levelsBegin += levels;
        kind.levelsEnd += levels;
        to.kinds.push_back(kind);
    }
    for (int l = pixelRow.levelsBegin; l < pixelRow.levelsEnd; ++l) {
        TimelineDenseRows::Level level = from.levels[std::size_t(l)];
        level.begin += runs;
        level.end += runs;
        to.levels.push_back(level);
    }
    to.runs.insert(to.runs.end(), from.runs.begin() + pixelRow.runsBegin,
                   from.runs.begin() + pixelRow.runsEnd);
    copy.kindsBegin += kinds;
    copy.kindsEnd += kinds;
    copy.levelsBegin += levels;
    copy.levelsEnd += levels;
    copy.runsBegin += runs;
    copy.runsEnd += runs;
    to.pixelRows.push_back(copy);
}

// The gaps the coarser levels may close: from a microsecond, four times wider each.
constexpr int GapCount = 13;
constexpr qint64 gapNs(int level)
{
    return qint64(1024) << (2 * level);
}

// Works pixel rows out: the bars around whole blocks copied, the blocks' spans united per kind.
class Builder
{
public:
    void add(const Track &track, PixelRow pixelRow, Placing &placing)
    {
        const int firstBlock = (pixelRow.firstRow + Block - 1) / Block;
        const int endBlock = pixelRow.endRow / Block;
        const bool blocks = !track.blocks.empty() && endBlock > firstBlock;
        pixelRow.barsBegin = int(placing.bars.size());
        pixelRow.barsEndNs = std::numeric_limits<qint64>::min();
        pixelRow.waitingBegin = int(placing.waiting.size());
        addBars(track, pixelRow.firstRow, blocks ? firstBlock * Block : pixelRow.endRow, placing, pixelRow);
        if (blocks)
            addBars(track, endBlock * Block, pixelRow.endRow, placing, pixelRow);
        pixelRow.barsEnd = int(placing.bars.size());
        pixelRow.waitingEnd = int(placing.waiting.size());
        pixelRow.kindsBegin = pixelRow.kindsEnd = int(placing.kinds.size());
        pixelRow.levelsBegin = pixelRow.levelsEnd = int(placing.levels.size());
        pixelRow.runsBegin = pixelRow.runsEnd = int(placing.runs.size());
        if (blocks) {
            pixelRow.firstBlock = firstBlock;
            pixelRow.endBlock = endBlock;
            for (int block = firstBlock; block < endBlock; ++block) {
                const TimelineLayout::DenseBlock &dense = track.blocks[std::size_t(block)];
                pixelRow.open = pixelRow.open || !dense.openBars.empty() || !dense.openWaiting.empty();
                for (const TimelineLayout::CoverSpan &span : dense.spans)
                    m_parts[std::size_t(span.coverage)].emplace_back(span.startNs, span.endNs);
            }
            for (int coverage = 0; coverage < KindCount; ++coverage) {
                auto &parts = m_parts[std::size_t(coverage)];
                if (parts.empty())
                    continue;
                const int levelsBegin = int(placing.levels.size());
                unite(parts, placing);
                coarsen(placing);
                placing.kinds.push_back({coverage, levelsBegin, int(placing.levels.size())});
                parts.clear();
            }
            pixelRow.kindsEnd = int(placing.kinds.size());
            pixelRow.levelsEnd = int(placing.levels.size());
            pixelRow.runsEnd = int(placing.runs.size());
        }
        placing.pixelRows.push_back(pixelRow);
    }

private:
    static void addBars(const Track &track, int from, int to, Placing &placing, PixelRow &pixelRow)
    {
        for (int row = from; row < to; ++row) {
            const int index = track.barAtRow(row);
            if (index < 0)
                continue;
            const Bar &bar = track.bars[std::size_t(index)];
            // As TimelineDenseBlocks keeps a block's: all of them reach "now".
            if (bar.open && !bar.issued && bar.kind != TimelineLayout::Kind::Cancelled) {
                if (placing.waiting.size() == std::size_t(pixelRow.waitingBegin))
                    pixelRow.waitingFromNs = pixelRow.waitingToNs = bar.t[0];
                pixelRow.waitingFromNs = std::min(pixelRow.waitingFromNs, bar.t[0]);
                pixelRow.waitingToNs = std::max(pixelRow.waitingToNs, bar.t[0]);
                placing.waiting.push_back(index);
                continue;
            }
            placing.bars.push_back(bar);
            pixelRow.barsEndNs
                = std::max(pixelRow.barsEndNs, bar.open ? std::numeric_limits<qint64>::max() : bar.t.back());
        }
    }

    // Spans that overlap or touch become one run, as a block unites its own: the first level.
    static void unite(std::vector<std::pair<qint64, qint64>> &parts, Placing &placing)
    {
        std::sort(parts.begin(), parts.end());
        const int begin = int(placing.runs.size());
        Run run {parts.front().first, parts.front().second, parts.front().first};
        for (std::size_t i = 1; i < parts.size(); ++i) {
            if (parts[i].first > run.endNs) {
                placing.runs.push_back(run);
                run = {parts[i].first, parts[i].second, parts[i].first};
                continue;
            }
            run.endNs = std::max(run.endNs, parts[i].second);
            run.lastStartNs = parts[i].first;
        }
        placing.runs.push_back(run);
        placing.levels.push_back({0, begin, int(placing.runs.size())});
    }

    // The coarser levels worth keeping after the last one: those with at most half as many runs.
    static void coarsen(Placing &placing)
    {
        const TimelineDenseRows::Level fine = placing.levels.back();
        // How many of the first level's gaps each wider level closes: a gap closes from the first level
        // as wide as it.
        std::array<int, GapCount + 1> closedFrom {};
        for (int i = fine.begin; i + 1 < fine.end; ++i) {
            const qint64 gap
                = placing.runs[std::size_t(i) + 1].startNs - placing.runs[std::size_t(i)].lastStartNs;
            int level = 0;
            while (level < GapCount && gapNs(level) < gap)
                ++level;
            ++closedFrom[std::size_t(level)];
        }
        int count = fine.end - fine.begin;
        int kept = count;
        for (int level = 0; level < GapCount; ++level) {
            count -= closedFrom[std::size_t(level)];
            if (count * 2 > kept)
                continue;
            kept = count;
            // United from the last level kept: a gap between its runs is the same as between the spans.
            const TimelineDenseRows::Level from = placing.levels.back();
            const int begin = int(placing.runs.size());
            Run run = placing.runs[std::size_t(from.begin)];
            for (int i = from.begin + 1; i < from.end; ++i) {
                const Run next = placing.runs[std::size_t(i)];
                if (next.startNs - run.lastStartNs <= gapNs(level)) {
                    run.endNs = std::max(run.endNs, next.endNs);
                    run.lastStartNs = next.lastStartNs;
                } else {
                    placing.runs.push_back(run);
                    run = next;
                }
            }
            placing.runs.push_back(run);
            placing.levels.push_back({gapNs(level), begin, int(placing.runs.size())});
        }
    }

    std::array<std::vector<std::pair<qint64, qint64>>, KindCount> m_parts;
};

void clear(Placing &placing)
{
    placing.pixelRows.clear();
    placing.bars.clear();
    placing.waiting.clear();
    placing.kinds.clear();
    placing.levels.clear();
    placing.runs.clear();
}

// Keeps the first pixel rows of a placing, which end where its arrays are cut.
void truncate(Placing &placing, std::size_t pixelRows)
{
    if (pixelRows == 0) {
        clear(placing);
        return;
    }
    const PixelRow &last = placing.pixelRows[pixelRows - 1];
    placing.bars.resize(std::size_t(last.barsEnd));
    placing.waiting.resize(std::size_t(last.waitingEnd));
    placing.kinds.resize(std::size_t(last.kindsEnd));
    placing.levels.resize(std::size_t(last.levelsEnd));
    placing.runs.resize(std::size_t(last.runsEnd));
    placing.pixelRows.resize(pixelRows);
}

} // namespace

const TimelineDenseRows::Placing &TimelineDenseRows::placing(const TimelineLayout &layout, int index,
                                                             int firstRow, int lastRow, double rowHeight,
                                                             int scrollY)
{
    if (int(m_entries.size()) <= index)
        m_entries.resize(std::size_t(index) + 1);
    const Track &track = layout.tracks()[std::size_t(index)];
    Entry &entry = m_entries[std::size_t(index)];
    // The same rows in the same pixel rows, as far as they went.
    const bool placed = entry.layout == &layout && entry.model == track.model
        && entry.rowsTop == track.rowsTop && entry.firstRow == firstRow && entry.rowHeight == rowHeight
        && entry.scrollY == scrollY;
    if (placed && entry.generation == layout.rowsGeneration() && entry.rows == track.rows
        && entry.lastRow == lastRow)
        return entry.placing;
    const quint64 stamp = TimelineDenseBlocks::lastStamp();
    const Rows rows {track, lastRow, rowHeight, scrollY};
    if (placed && lastRow >= entry.lastRow) {
        // Pixel rows keep their place: those over blocks built since, or reaching rows added, are worked out
        // again, the rest copied.
        const Placing &before = entry.placing;
        std::size_t kept = 0;
        for (int row = firstRow; row <= lastRow && kept < before.pixelRows.size(); ++kept) {
            const PixelRow pixelRow = rows.at(row);
            const PixelRow &old = before.pixelRows[kept];
            if (old.endRow != pixelRow.endRow || changedSince(track, old, entry.stamp))
                break;
            row = pixelRow.endRow;
        }
        if (kept < before.pixelRows.size() || lastRow > entry.lastRow) {
            // The kept pixel rows stay where they are (a live run changes the rows it has got to, and those
            // before hold most of the runs); the rest is made in the spare, then appended after them.
            Placing &after = m_spare;
            clear(after);
            Builder builder;
            std::size_t next = kept;
            for (int row = kept > 0 ? before.pixelRows[kept - 1].endRow : firstRow; row <= lastRow; ++next) {
                const PixelRow pixelRow = rows.at(row);
                const PixelRow *old = next < before.pixelRows.size() ? &before.pixelRows[next] : nullptr;
                if (old && old->firstRow == pixelRow.firstRow && old->endRow == pixelRow.endRow
                    && !changedSince(track, *old, entry.stamp)) {
                    copyPixelRow(before, *old, after);
                } else {
                    builder.add(track, pixelRow, after);
                    ++m_patchedRows;
                }
                row = pixelRow.endRow;
            }
            truncate(entry.placing, kept);
            for (const PixelRow &pixelRow : after.pixelRows)
                copyPixelRow(after, pixelRow, entry.placing);
        }
    } else {
        build(track, firstRow, lastRow, rowHeight, scrollY, entry.placing);
        ++m_builds;
    }
    entry.layout = &layout;
    entry.model = track.model;
    entry.generation = layout.rowsGeneration();
    entry.stamp = stamp;
    entry.rowsTop = track.rowsTop;
    entry.rows = track.rows;
    entry.firstRow = firstRow;
    entry.lastRow = lastRow;
    entry.rowHeight = rowHeight;
    entry.scrollY = scrollY;
    return entry.placing;
}

void TimelineDenseRows::build(const Track &track, int firstRow, int lastRow, double rowHeight, int scrollY,
                              Placing &placing)
{
    clear(placing);
    const Rows rows {track, lastRow, rowHeight, scrollY};
    Builder builder;
    for (int row = firstRow; row <= lastRow;) {
        const PixelRow pixelRow = rows.at(row);
        builder.add(track, pixelRow, placing);
        row = pixelRow.endRow;
    }
}

qint64 TimelineDenseRows::lastStartBy(const Track &track, const PixelRow &pixelRow, int coverage,
                                      qint64 nowNs)
{
    using Span = TimelineLayout::CoverSpan;
    qint64 latest = std::numeric_limits<qint64>::min();
    for (int block = pixelRow.firstBlock; block < pixelRow.endBlock; ++block) {
        const auto &spans = track.blocks[std::size_t(block)].spans;
        // A block's spans go by kind, then by time.
        const auto first = std::partition_point(
            spans.begin(), spans.end(), [coverage](const Span &span) { return span.coverage < coverage; });
        const auto byNow = std::partition_point(first, spans.end(), [coverage, nowNs](const Span &span) {
            return span.coverage == coverage && span.startNs <= nowNs;
        });
        if (byNow != first)
            latest = std::max(latest, (byNow - 1)->startNs);
    }
    return latest;
}

const TimelineDenseRows::Level &TimelineDenseRows::Placing::level(const Kind &kind, double pixelsPerNs) const
{
    // Closing a gap narrower than a pixel moves no column (pushRuns), with a margin for the rounding of
    // the pixel mapping.
    for (int l = kind.levelsEnd - 1; l > kind.levelsBegin; --l) {
        const Level &candidate = levels[std::size_t(l)];
        if (double(candidate.gapNs) * pixelsPerNs < 1 - 1e-6)
            return candidate;
    }
    return levels[std::size_t(kind.levelsBegin)];
}
