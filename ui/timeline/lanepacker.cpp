#include "lanepacker.h"

#include <algorithm>
#include <functional>
#include <numeric>
#include <queue>
#include <utility>

std::vector<int> LanePacker::pack(const std::vector<Interval> &intervals, int *laneCount)
{
    std::vector<int> order(intervals.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&intervals](int a, int b) { return intervals[a].startNs < intervals[b].startNs; });

    using Busy = std::pair<qint64, int>; // end, lane
    std::priority_queue<Busy, std::vector<Busy>, std::greater<>> busy;
    std::priority_queue<int, std::vector<int>, std::greater<>> free;
    std::vector<int> lanes(intervals.size(), 0);
    int count = 0;
    for (const int index : order) {
        const Interval &interval = intervals[std::size_t(index)];
        while (!busy.empty() && busy.top().first <= interval.startNs) {
            free.push(busy.top().second);
            busy.pop();
        }
        int lane = count;
        if (free.empty()) {
            ++count;
        } else {
            lane = free.top();
            free.pop();
        }
        lanes[std::size_t(index)] = lane;
        busy.emplace(std::max(interval.endNs, interval.startNs), lane);
    }
    if (laneCount)
        *laneCount = count;
    return lanes;
}
