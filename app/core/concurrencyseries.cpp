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
    series.m_steps.shrink_to_fit(); // a finished run's series is kept as long as it is shown
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
    for (ConcurrencySeries &series : hosts)
        series.m_steps.shrink_to_fit();
    if (total)
        total->m_steps.shrink_to_fit();
    return hosts;
}

int ConcurrencySeries::indexAt(qint64 ns) const
{
    const auto it = std::upper_bound(m_steps.begin(), m_steps.end(), ns,
                                     [](qint64 value, const Step &step) { return value < step.atNs; });
    return int(it - m_steps.begin()) - 1;
}

void ConcurrencySeries::truncate(std::size_t size)
{
    if (size >= m_steps.size())
        return;
    m_steps.resize(size);
    // A block covers its steps and needs the one after its last for its wait.
    const std::size_t blocks = size == 0 ? 0 : (size - 1) / BlockSteps;
    m_blocks.resize(std::min(m_blocks.size(), blocks));
    m_superBlocks.resize(std::min(m_superBlocks.size(), m_blocks.size() / BlockSteps));
}

void ConcurrencySeries::merge(Extremes &into, const Extremes &next)
{
    into.held = std::max(into.held, next.held);
    into.waiting = std::max(into.waiting, next.waiting);
    if (next.inFlight > into.inFlight) { // strictly: the earlier step keeps a tie
        into.inFlight = next.inFlight;
        into.inFlightIndex = next.inFlightIndex;
    }
}

void ConcurrencySeries::merge(Block &into, const Block &next)
{
    merge(into.extremes, next.extremes);
    into.waitNs = std::max(into.waitNs, next.waitNs);
}

void ConcurrencySeries::keepBlocks() const
{
    const std::size_t blocks = m_steps.empty() ? 0 : (m_steps.size() - 1) / BlockSteps;
    for (std::size_t b = m_blocks.size(); b < blocks; ++b) {
        Block block;
        for (std::size_t i = b * BlockSteps; i < (b + 1) * BlockSteps; ++i) {
            const Step &step = m_steps[i];
            merge(block.extremes,
                  Extremes {step.inFlight + step.delaying, step.inFlight, int(i), step.waiting});
            if (step.waiting > 0)
                block.waitNs = std::max(block.waitNs, m_steps[i + 1].atNs - step.atNs);
        }
        m_blocks.push_back(block);
    }
    for (std::size_t s = m_superBlocks.size(); s < m_blocks.size() / BlockSteps; ++s) {
        Block block;
        for (std::size_t b = s * BlockSteps; b < (s + 1) * BlockSteps; ++b)
            merge(block, m_blocks[b]);
        m_superBlocks.push_back(block);
    }
}

ConcurrencySeries::Extremes ConcurrencySeries::extremes(int first, int last) const
{
    keepBlocks();
    Extremes found;
    std::size_t i = std::size_t(std::max(0, first));
    const std::size_t end = std::min(std::size_t(std::max(0, last)), m_steps.size());
    const auto step = [&] {
        const Step &s = m_steps[i];
        merge(found, Extremes {s.inFlight + s.delaying, s.inFlight, int(i), s.waiting});
        ++i;
    };
    constexpr std::size_t Super = std::size_t(BlockSteps) * BlockSteps;
    // Single steps up to a block's start, blocks up to a super block's, super blocks, then back down.
    while (i < end && i % BlockSteps != 0)
        step();
    while (i + BlockSteps <= end && i / BlockSteps < m_blocks.size() && i % Super != 0) {
        merge(found, m_blocks[i / BlockSteps].extremes);
        i += BlockSteps;
    }
    while (i % Super == 0 && i + Super <= end && i / Super < m_superBlocks.size()) {
        merge(found, m_superBlocks[i / Super].extremes);
        i += Super;
    }
    while (i + BlockSteps <= end && i / BlockSteps < m_blocks.size()) {
        merge(found, m_blocks[i / BlockSteps].extremes);
        i += BlockSteps;
    }
    while (i < end)
        step();
    return found;
}

qint64 ConcurrencySeries::longestWaitNs() const
{
    keepBlocks();
    Block found;
    for (const Block &block : m_superBlocks)
        merge(found, block);
    for (std::size_t b = m_superBlocks.size() * BlockSteps; b < m_blocks.size(); ++b)
        merge(found, m_blocks[b]);
    for (std::size_t i = m_blocks.size() * BlockSteps; i + 1 < m_steps.size(); ++i) {
        if (m_steps[i].waiting > 0)
            found.waitNs = std::max(found.waitNs, m_steps[i + 1].atNs - m_steps[i].atNs);
    }
    return found.waitNs;
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
