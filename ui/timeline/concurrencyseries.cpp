#include "concurrencyseries.h"

#include <algorithm>

#include "phasespans.h"

namespace {

struct Event
{
    qint64 atNs;
    int inFlight;
    int delaying;
    int waiting;
};

} // namespace

ConcurrencySeries ConcurrencySeries::compute(const QList<RequestRecord> &records, qint64 nowNs,
                                             bool delayExpected)
{
    using Phase = PhaseSpans::Phase;
    std::vector<Event> events;
    events.reserve(std::size_t(records.size()) * 4);
    const auto add = [&events](qint64 from, qint64 to, int Event::*field) {
        if (to <= from)
            return;
        Event start {from, 0, 0, 0};
        Event stop {to, 0, 0, 0};
        start.*field = 1;
        stop.*field = -1;
        events.push_back(start);
        events.push_back(stop);
    };
    for (const RequestRecord &record : records) {
        const PhaseSpans spans = PhaseSpans::of(record, nowNs, delayExpected);
        add(spans.start(Phase::Waiting), spans.end(Phase::Waiting), &Event::waiting);
        if (spans.hasStarted(Phase::Connecting))
            add(spans.start(Phase::Connecting), spans.end(Phase::Download), &Event::inFlight);
        if (spans.hasStarted(Phase::Delay))
            add(spans.start(Phase::Delay), spans.end(Phase::Delay), &Event::delaying);
    }
    std::sort(events.begin(), events.end(), [](const Event &a, const Event &b) { return a.atNs < b.atNs; });

    // Everything at one instant becomes one step, so a finish and a start at the same time never overlap.
    ConcurrencySeries series;
    Step current;
    for (std::size_t i = 0; i < events.size();) {
        const qint64 at = events[i].atNs;
        for (; i < events.size() && events[i].atNs == at; ++i) {
            current.inFlight += events[i].inFlight;
            current.delaying += events[i].delaying;
            current.waiting += events[i].waiting;
        }
        current.atNs = at;
        if (!series.m_steps.empty() && series.m_steps.back().inFlight == current.inFlight
            && series.m_steps.back().delaying == current.delaying
            && series.m_steps.back().waiting == current.waiting)
            continue;
        series.m_steps.push_back(current);
        series.m_peakInFlight = std::max(series.m_peakInFlight, current.inFlight);
        series.m_peakHeld = std::max(series.m_peakHeld, current.inFlight + current.delaying);
        series.m_peakWaiting = std::max(series.m_peakWaiting, current.waiting);
    }
    return series;
}

int ConcurrencySeries::indexAt(qint64 ns) const
{
    const auto it = std::upper_bound(m_steps.begin(), m_steps.end(), ns,
                                     [](qint64 value, const Step &step) { return value < step.atNs; });
    return int(it - m_steps.begin()) - 1;
}

ConcurrencySeries::Step ConcurrencySeries::at(qint64 ns) const
{
    const int index = indexAt(ns);
    if (index < 0)
        return Step {ns, 0, 0, 0};
    return m_steps[std::size_t(index)];
}

std::vector<CapacityChange> ConcurrencySeries::capacitySteps(const QList<CapacityChange> &changes)
{
    std::vector<CapacityChange> steps;
    for (const CapacityChange &change : changes) {
        if (!steps.empty() && steps.back().atNs == change.atNs)
            steps.back().capacity = change.capacity;
        else if (steps.empty() || steps.back().capacity != change.capacity)
            steps.push_back(change);
    }
    return steps;
}
