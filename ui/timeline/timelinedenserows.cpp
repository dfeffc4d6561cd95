#include "timelinedenserows.h"

#include <algorithm>
#include <cmath>

const TimelineDenseRows::Placing &TimelineDenseRows::placing(const TimelineLayout &layout, int index,
                                                             int firstRow, int lastRow, double rowHeight,
                                                             int scrollY)
{
    if (int(m_entries.size()) <= index)
        m_entries.resize(std::size_t(index) + 1);
    const Track &track = layout.tracks()[std::size_t(index)];
    Entry &entry = m_entries[std::size_t(index)];
    const bool same = entry.layout == &layout && entry.model == track.model
        && entry.generation == layout.rowsGeneration() && entry.rowsTop == track.rowsTop
        && entry.rows == track.rows && entry.firstRow == firstRow && entry.lastRow == lastRow
        && entry.rowHeight == rowHeight && entry.scrollY == scrollY;
    if (!same) {
        entry.layout = &layout;
        entry.model = track.model;
        entry.generation = layout.rowsGeneration();
        entry.rowsTop = track.rowsTop;
        entry.rows = track.rows;
        entry.firstRow = firstRow;
        entry.lastRow = lastRow;
        entry.rowHeight = rowHeight;
        entry.scrollY = scrollY;
        build(track, firstRow, lastRow, rowHeight, scrollY, entry.placing);
        ++m_builds;
    }
    return entry.placing;
}

void TimelineDenseRows::build(const Track &track, int firstRow, int lastRow, double rowHeight, int scrollY,
                              Placing &placing)
{
    placing.pixelRows.clear();
    placing.bars.clear();
    const auto addRows = [&track, &placing](int from, int to) {
        for (int row = from; row < to; ++row) {
            const int index = track.barAtRow(row);
            if (index >= 0)
                placing.bars.push_back(track.bars[std::size_t(index)]);
        }
    };
    // Pixel row by pixel row, where the rows whose tops fall in one pixel row form its bucket; whole blocks
    // of rows inside the bucket come merged already, the rows around them one by one.
    constexpr int Block = TimelineLayout::DenseBlockRows;
    for (int row = firstRow; row <= lastRow;) {
        const double rowTop = track.rowsTop + row * rowHeight - scrollY;
        const int y0 = int(std::floor(rowTop));
        const int rowEnd = std::clamp(int(std::ceil((y0 + 1 + scrollY - track.rowsTop) / rowHeight)), row + 1,
                                      lastRow + 1);
        PixelRow pixelRow;
        pixelRow.y = y0;
        pixelRow.height = std::max(1, int(std::floor(rowTop + rowHeight)) - y0);
        const int firstBlock = (row + Block - 1) / Block;
        const int endBlock = rowEnd / Block;
        const bool blocks = !track.blocks.empty() && endBlock > firstBlock;
        pixelRow.barsBefore = int(placing.bars.size());
        addRows(row, blocks ? firstBlock * Block : rowEnd);
        pixelRow.barsAfter = int(placing.bars.size());
        if (blocks) {
            pixelRow.firstBlock = firstBlock;
            pixelRow.endBlock = endBlock;
            addRows(endBlock * Block, rowEnd);
        }
        pixelRow.barsEnd = int(placing.bars.size());
        placing.pixelRows.push_back(pixelRow);
        row = rowEnd;
    }
}
