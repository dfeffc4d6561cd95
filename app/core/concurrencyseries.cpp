#include "concurrencyseries.h"

#include <algorithm>

#include "phasespans.h"

namespace {

struct Event
{
    qint64 atNs;
    int host;
    qint16 inFlight;
    qint16 delaying;
    qint16 waiting;
};

// Every phase start and end of the records as +1/-1 events, sorted by time.
std::vector<Event> sortedEvents(const QList<RequestRecord> &records, const std::vector<int> *hostOf,
                                qint64 nowNs, bool delayExpected)
{
    using Phase = PhaseSpans::Phase;
    std::vector<Event> events;
    events.reserve(std::size_t(records.size()) * 4);
    for (qsizetype i = 0; i < records.size(); ++i) {
        const int host = hostOf ? (*hostOf)[std::size_t(i)] : 0;
        const auto add = [&events, host](qint64 from, qint64 to, qint16 Event::*field) {
            if (to <= from)
                return;
            Event start {from, host, 0, 0, 0};
            Event stop {to, host, 0, 0, 0};
            start.*field = 1;
            stop.*field = -1;
            events.push_back(start);
            events.push_back(stop);
        };
        const PhaseSpans spans = PhaseSpans::of(records[i], nowNs, delayExpected);
        add(spans.start(Phase::Waiting), spans.end(Phase::Waiting), &Event::waiting);
        if (spans.hasStarted(Phase::Connecting))
            add(spans.start(Phase::Connecting), spans.end(Phase::Download), &Event::inFlight);
        if (spans.hasStarted(Phase::Delay))
            add(spans.start(Phase::Delay), spans.end(Phase::Delay), &Event::delaying);
    }
    std::sort(events.begin(), events.end(), [](const Event &a, const Event &b) { return a.atNs < b.atNs; });
    return events;
}

bool sameCounts(const ConcurrencySeries::Step &a, const ConcurrencySeries::Step &b)
{
    return a.inFlight == b.inFlight && a.delaying == b.delaying && a.waiting == b.waiting;
}

void addEvent(ConcurrencySeries::Step &step, const Event &event)
{
    step.inFlight += event.inFlight;
    step.delaying += event.delaying;
    step.waiting += event.waiting;
}

} // namespace

void ConcurrencySeries::append(const Step &step)
{
    m_steps.push_back(step);
    m_peakInFlight = std::max(m_peakInFlight, step.inFlight);
    m_peakHeld = std::max(m_peakHeld, step.inFlight + step.delaying);
    m_peakWaiting = std::max(m_peakWaiting, step.waiting);
}

ConcurrencySeries ConcurrencySeries::compute(const QList<RequestRecord> &records, qint64 nowNs,
                                             bool delayExpected)
{
    const std::vector<Event> events = sortedEvents(records, nullptr, nowNs, delayExpected);
    // Everything at one instant becomes one step, so a finish and a start at the same time never overlap.
    ConcurrencySeries series;
    Step current;
    for (std::size_t i = 0; i < events.size();) {
        const qint64 at = events[i].atNs;
        for (; i < events.size() && events[i].atNs == at; ++i)
            addEvent(current, events[i]);
        current.atNs = at;
        if (series.m_steps.empty() || !sameCounts(series.m_steps.back(), current))
            series.append(current);
    }
    return series;
}

std::vector<ConcurrencySeries> ConcurrencySeries::computePerHost(const QList<RequestRecord> &records,
                                                                 const std::vector<int> &hostOf,
                                                                 int hostCount, qint64 nowNs,
                                                                 bool delayExpected, ConcurrencySeries *total)
{
    Q_ASSERT(hostOf.size() == std::size_t(records.size()));
    const std::vector<Event> events = sortedEvents(records, &hostOf, nowNs, delayExpected);
    std::vector<ConcurrencySeries> hosts(std::size_t(std::max(0, hostCount)));
    std::vector<Step> current(hosts.size());
    std::vector<int> touched; // hosts with an event at this instant, each once
    std::vector<char> isTouched(hosts.size(), 0);
    Step sum;
    if (total)
        *total = ConcurrencySeries();
    for (std::size_t i = 0; i < events.size();) {
        const qint64 at = events[i].atNs;
        for (; i < events.size() && events[i].atNs == at; ++i) {
            const Event &event = events[i];
            const auto host = std::size_t(event.host);
            addEvent(current[host], event);
            addEvent(sum, event);
            if (!isTouched[host]) {
                isTouched[host] = 1;
                touched.push_back(event.host);
            }
        }
        for (const int host : touched) {
            ConcurrencySeries &series = hosts[std::size_t(host)];
            Step &step = current[std::size_t(host)];
            step.atNs = at;
            if (series.m_steps.empty() || !sameCounts(series.m_steps.back(), step))
                series.append(step);
            isTouched[std::size_t(host)] = 0;
        }
        touched.clear();
        sum.atNs = at;
        if (total && (total->m_steps.empty() || !sameCounts(total->m_steps.back(), sum)))
            total->append(sum);
    }
    return hosts;
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
