#include "replaytimeline.h"

#include <algorithm>

namespace {

// How many of the sorted times are at or before atNs.
int countUpTo(const std::vector<qint64> &sorted, qint64 atNs)
{
    return int(std::upper_bound(sorted.begin(), sorted.end(), atNs) - sorted.begin());
}

} // namespace

ReplayTimeline::ReplayTimeline(const QList<RunResult> &runs)
{
    m_runs.reserve(std::size_t(runs.size()));
    for (const RunResult &result : runs) {
        Run run;
        run.series = ConcurrencySeries::compute(result.records, result.endNs, false);
        run.capacity = ConcurrencySeries::capacitySteps(result.capacityChanges);
        for (const RequestRecord &record : result.records) {
            for (const qint64 at : record.marks) {
                if (at != RequestRecord::NotReached)
                    m_events.push_back(at);
            }
            if (record.reached(Mark::Queued))
                run.queued.push_back(record.at(Mark::Queued));
            if (record.reached(Mark::Finished)) {
                run.finished.push_back(record.at(Mark::Finished));
                m_endNs = std::max(m_endNs, record.releasedAt());
            }
            // Files from other tools may not say when the permit came; it came by the time the request went.
            const Mark permit = record.reached(Mark::GateAcquired) ? Mark::GateAcquired : Mark::Issued;
            if (record.reached(permit)) {
                run.acquired.push_back(record.at(permit));
                if (record.reached(Mark::Finished))
                    run.released.push_back(record.releasedAt());
            }
        }
        for (auto *times : {&run.queued, &run.finished, &run.acquired, &run.released})
            std::sort(times->begin(), times->end());
        for (const CapacityChange &change : run.capacity)
            m_events.push_back(change.atNs);
        m_endNs = std::max(m_endNs, result.endNs);
        m_runs.push_back(std::move(run));
    }
    m_events.push_back(m_endNs);
    std::sort(m_events.begin(), m_events.end());
    m_events.erase(std::unique(m_events.begin(), m_events.end()), m_events.end());
    // A cancelled run's records can hold marks past the moment it was called off; the replay ends after them.
    m_endNs = m_events.back();
}

ReplaySnapshot ReplayTimeline::snapshot(int run, qint64 atNs) const
{
    ReplaySnapshot snapshot;
    snapshot.atNs = atNs;
    if (run < 0 || run >= runCount())
        return snapshot;
    const Run &r = m_runs[std::size_t(run)];
    const ConcurrencySeries::Step step = r.series.at(atNs);
    snapshot.waiting = step.waiting;
    snapshot.inFlight = step.inFlight;
    snapshot.delaying = step.delaying;
    snapshot.held = countUpTo(r.acquired, atNs) - countUpTo(r.released, atNs);
    snapshot.started = countUpTo(r.queued, atNs);
    snapshot.finished = countUpTo(r.finished, atNs);
    const auto change = std::upper_bound(r.capacity.begin(), r.capacity.end(), atNs,
                                         [](qint64 ns, const CapacityChange &c) { return ns < c.atNs; });
    if (change != r.capacity.begin())
        snapshot.capacity = std::prev(change)->capacity;
    else if (!r.capacity.empty())
        snapshot.capacity = r.capacity.front().capacity;
    return snapshot;
}

qint64 ReplayTimeline::nextEvent(qint64 atNs) const
{
    const auto it = std::upper_bound(m_events.begin(), m_events.end(), atNs);
    return it == m_events.end() ? m_endNs : *it;
}

qint64 ReplayTimeline::previousEvent(qint64 atNs) const
{
    const auto it = std::lower_bound(m_events.begin(), m_events.end(), atNs);
    return it == m_events.begin() ? 0 : *std::prev(it);
}
