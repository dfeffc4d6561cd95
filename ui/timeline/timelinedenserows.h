#pragma once

#include <QPointer>

#include <vector>

#include "timelinedensecoverage.h"
#include "timelinelayout.h"

/// Which rows of a dense track share each pixel row, for one placing of the rows: per pixel row, the indices
/// of the bars outside whole dense blocks, and the blocks' coverage united over the pixel row, per kind, in
/// time (so at any zoom), stored in pixel-row order. A paint then reads each pixel row's few runs per kind
/// instead of every block's spans, and a zoom, pan or replay step reuses them. Kept per track while its rows
/// stay put; when blocks change (a live run's records), only the pixel rows over them are worked out again.
class TimelineDenseRows
{
public:
    using Bar = TimelineLayout::Bar;
    using Track = TimelineLayout::Track;
    using Run = TimelineDenseCoverage::Run;

    /// One kind's runs of a pixel row, at a few resolutions: levels()[levelsBegin, levelsEnd).
    struct Kind
    {
        int coverage = 0;
        int levelsBegin = 0;
        int levelsEnd = 0;
    };
    /// A kind's runs()[begin, end), in order of time, where runs whose gap from the latest start before it
    /// to the next start is at most gapNs are united too. A pixel that wide has no hole there that the
    /// spans leave (see TimelineDenseCoverage::pushRuns), so any zoom with wider pixels paints the same from
    /// them. The first level unites only what overlaps or touches (gapNs 0); each next has at most half as
    /// many runs as the one before.
    struct Level
    {
        qint64 gapNs = 0;
        int begin = 0;
        int end = 0;
    };

    struct PixelRow
    {
        int y = 0;
        int height = 1;
        int firstRow = 0; // rows [firstRow, endRow) have their tops in it
        int endRow = 0;
        int firstBlock = 0; // whole blocks [firstBlock, endBlock) lie inside it
        int endBlock = 0;
        int barsBegin = 0; // into bars(): the rows outside those blocks
        int barsEnd = 0;
        qint64 barsEndNs = 0; // the latest end of those bars, or the largest qint64 when one is still going
        // Of the rows outside the blocks, those still waiting for a permit, apart: into waiting(), with their
        // earliest and latest queue time, painted together as a block's are.
        int waitingBegin = 0;
        int waitingEnd = 0;
        qint64 waitingFromNs = 0;
        qint64 waitingToNs = 0;
        int kindsBegin = 0; // into kinds(): the blocks' coverage
        int kindsEnd = 0;
        int levelsBegin = 0; // into levels() and runs(): all of it
        int levelsEnd = 0;
        int runsBegin = 0;
        int runsEnd = 0;
        bool open = false; // a block holds requests still going, drawn apart (see TimelineLayout::DenseBlock)
    };

    struct Placing
    {
        std::vector<PixelRow> pixelRows;
        // The rows' bars themselves, not indices: a paint reads them in order, where indices into the track's
        // bars would jump across all of them (host groups interleave), which made a full paint at 1 000 000
        // slower by half.
        std::vector<TimelineLayout::Bar> bars;
        std::vector<int> waiting;
        std::vector<Kind> kinds;
        std::vector<Level> levels;
        std::vector<Run> runs;

        /// The coarsest level of kind that paints as its spans do at pixelsPerNs.
        const Level &level(const Kind &kind, double pixelsPerNs) const;
    };

    /// The placing of rows [firstRow, lastRow] of the track at index, for rows rowHeight high scrolled by
    /// scrollY: kept while that and the layout's rows stay; the pixel rows over blocks built since are
    /// worked out again, and so are those that rows added below reach.
    const Placing &placing(const TimelineLayout &layout, int index, int firstRow, int lastRow,
                           double rowHeight, int scrollY);
    /// Works a placing out afresh, into placing.
    static void build(const Track &track, int firstRow, int lastRow, double rowHeight, int scrollY,
                      Placing &placing);

    /// Of the spans of coverage that the blocks of pixelRow hold, the latest start by nowNs (see
    /// TimelineDenseCoverage::pushRuns).
    static qint64 lastStartBy(const Track &track, const PixelRow &pixelRow, int coverage, qint64 nowNs);

    int buildCount() const { return m_builds; }
    /// Pixel rows worked out again in patches, not counting whole builds.
    int patchedRowCount() const { return m_patchedRows; }

private:
    struct Entry
    {
        const TimelineLayout *layout = nullptr;
        QPointer<RunModel> model;
        quint64 generation = 0;
        quint64 stamp = 0; // TimelineDenseBlocks::lastStamp() when it was last brought up to date
        double rowsTop = 0;
        int rows = 0;
        int firstRow = 0;
        int lastRow = -1;
        double rowHeight = 0;
        int scrollY = 0;
        Placing placing;
    };
    std::vector<Entry> m_entries;
    Placing m_spare; // a patch's new placing is made in it, then swapped in, so neither allocates anew
    int m_builds = 0;
    int m_patchedRows = 0;
};
