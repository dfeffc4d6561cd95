#pragma once

#include <QPointer>

#include <vector>

#include "timelinelayout.h"

/// Which rows of a dense track share each pixel row, for one placing of the rows: the whole dense blocks
/// inside each pixel row, and copies of the bars around them, stored in pixel-row order. A paint then reads
/// the bars one after the other instead of jumping through a million of them (grouped rows are far apart in
/// record order), and a zoom, pan or replay step reuses them. Kept per track until its rows move (scroll,
/// row height, rows added) or a bar changes.
class TimelineDenseRows
{
public:
    using Bar = TimelineLayout::Bar;
    using Track = TimelineLayout::Track;

    struct PixelRow
    {
        int y = 0;
        int height = 1;
        int firstBlock = 0; // whole blocks [firstBlock, endBlock) lie inside it
        int endBlock = 0;
        int barsBefore = 0; // into bars(): the rows before its blocks start here
        int barsAfter = 0; // and the rows after them here
        int barsEnd = 0;
    };

    struct Placing
    {
        std::vector<PixelRow> pixelRows;
        std::vector<Bar> bars;
    };

    /// The placing of rows [firstRow, lastRow] of the track at index, for rows rowHeight high scrolled by
    /// scrollY; rebuilt only when that or the layout's rows generation changed.
    const Placing &placing(const TimelineLayout &layout, int index, int firstRow, int lastRow,
                           double rowHeight, int scrollY);
    /// Works a placing out afresh, into placing.
    static void build(const Track &track, int firstRow, int lastRow, double rowHeight, int scrollY,
                      Placing &placing);

    int buildCount() const { return m_builds; }

private:
    struct Entry
    {
        const TimelineLayout *layout = nullptr;
        QPointer<RunModel> model;
        quint64 generation = 0;
        double rowsTop = 0;
        int rows = 0;
        int firstRow = 0;
        int lastRow = -1;
        double rowHeight = 0;
        int scrollY = 0;
        Placing placing;
    };
    std::vector<Entry> m_entries;
    int m_builds = 0;
};
