#pragma once

#include <QtGlobal>

#include <vector>

/// Greedy interval packing for the timeline's lane mode: each request takes the lowest lane that is free
/// when it starts, which needs exactly as many lanes as were ever busy at once (k for a semaphore of k).
class LanePacker
{
public:
    struct Interval
    {
        qint64 startNs = 0;
        qint64 endNs = 0; // an interval ending when another starts does not overlap it
    };

    /// One lane per interval, in the intervals' order; they need not be sorted.
    static std::vector<int> pack(const std::vector<Interval> &intervals, int *laneCount = nullptr);
};
