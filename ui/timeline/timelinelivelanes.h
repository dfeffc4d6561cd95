#pragma once

#include <QtGlobal>

#include <functional>
#include <limits>
#include <queue>
#include <set>
#include <utility>
#include <vector>

/// Lane mode while a run is live: places each request as it is issued in the lowest lane free at that time,
/// as LanePacker does for a whole run, without packing every request again. A request still going holds its
/// lane until it ends. When a placement could differ from what a full packing would do (a request issued
/// before one already placed took a lane freed in between), place() refuses and the caller packs in full.
class TimelineLiveLanes
{
public:
    static constexpr qint64 StillGoing = std::numeric_limits<qint64>::max();

    void clear();
    bool isValid() const { return m_valid; }
    /// Starts from lanes packed in full: each lane's end (StillGoing while its last request goes).
    void reset(const std::vector<qint64> &laneEnds);
    /// The lane for a request holding a permit from startNs to endNs, or -1 if only a full packing can say.
    int place(qint64 startNs, qint64 endNs);
    /// The last request of lane now ends at endNs.
    void setEnd(int lane, qint64 endNs);
    int laneCount() const { return int(m_ends.size()); }

private:
    bool m_valid = false;
    std::vector<qint64> m_ends;
    std::set<std::pair<qint64, int>> m_busy; // end, lane
    std::priority_queue<int, std::vector<int>, std::greater<>> m_free; // lowest lane first
};
