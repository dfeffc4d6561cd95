#pragma once

#include "timelinelayout.h"

/// A track's rows: one per request, or lanes packed by permit (a queue lane on top for requests not issued
/// yet), each under its host's header row when grouped by host. While a run is live, lanes take newly issued
/// requests one at a time (TimelineLiveLanes) instead of being packed again.
class TimelineRows
{
public:
    using Track = TimelineLayout::Track;
    using Bar = TimelineLayout::Bar;

    /// Lays out every row; false when rows are simply the requests in order (no lanes, no groups).
    static bool build(Track &track, bool lanes, bool grouped);
    /// Lane mode while live: puts an issued request in its lane; false if only build() can say where.
    static bool place(Track &track, int index);
    /// Lane mode while live: follows a request that was issued or ended (it was before); false as place().
    static bool patchLane(Track &track, int index, const Bar &before);
};
