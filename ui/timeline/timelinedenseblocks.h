#pragma once

#include "timelinelayout.h"

/// Builds a track's dense blocks (TimelineLayout::DenseBlock): per run of rows, the union of its finished
/// bars' times per kind of coverage, split as the painter splits a single bar, but in time rather than
/// pixels, so it holds at any zoom.
class TimelineDenseBlocks
{
public:
    using Track = TimelineLayout::Track;

    /// Rebuilds every block (all), or only those in track.dirtyBlocks and any new ones; lanes have none.
    static void refresh(Track &track, bool all, bool lanes, bool colourByHost);
    static void build(Track &track, int block, bool colourByHost);
    /// The stamp of the block built last, in every layout: a block built after a stamp was taken has a
    /// greater one.
    static quint64 lastStamp();
};
