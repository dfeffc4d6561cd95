#include "timelinelivelanes.h"

void TimelineLiveLanes::clear()
{
    *this = TimelineLiveLanes();
}

void TimelineLiveLanes::reset(const std::vector<qint64> &laneEnds)
{
    clear();
    m_valid = true;
    m_ends = laneEnds;
    for (int lane = 0; lane < int(m_ends.size()); ++lane)
        m_busy.emplace(m_ends[std::size_t(lane)], lane);
}

int TimelineLiveLanes::place(qint64 startNs, qint64 endNs)
{
    while (!m_busy.empty() && m_busy.begin()->first <= startNs) {
        m_free.push(m_busy.begin()->second);
        m_busy.erase(m_busy.begin());
    }
    int lane = int(m_ends.size());
    if (!m_free.empty()) {
        lane = m_free.top();
        if (m_ends[std::size_t(lane)] > startNs)
            return -1;
        m_free.pop();
    } else {
        m_ends.push_back(0);
    }
    m_ends[std::size_t(lane)] = endNs;
    m_busy.emplace(endNs, lane);
    return lane;
}

void TimelineLiveLanes::setEnd(int lane, qint64 endNs)
{
    const auto it = m_busy.find({m_ends[std::size_t(lane)], lane});
    m_ends[std::size_t(lane)] = endNs;
    if (it != m_busy.end()) {
        m_busy.erase(it);
        m_busy.emplace(endNs, lane);
    }
}
