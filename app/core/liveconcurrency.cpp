#include "liveconcurrency.h"

#include <algorithm>

namespace {

enum Kind { InFlight, Delaying, Waiting };

} // namespace

// A record's share of the counts, as PhaseSpans::of draws it for any "now".
struct LiveConcurrency::Item
{
    enum class Where : qint8 {
        Entry, // a +1/-1 event at atNs
        OpenEnd, // a phase still going that ends at max(atNs, now)
        TailOnly, // [atNs, toNs), but only from "now" on
    };
    Where where = Where::Entry;
    int kind = 0;
    qint64 atNs = 0;
    qint64 toNs = 0;
    int sign = 1;

    bool cancels(const Item &other) const
    {
        return where == other.where && kind == other.kind && atNs == other.atNs && toNs == other.toNs
            && sign == -other.sign;
    }
};

struct LiveConcurrency::Contribution
{
    std::array<Item, 8> items;
    int count = 0;

    void add(const Item &item) { items[std::size_t(count++)] = item; }
    void interval(qint64 from, qint64 to, int kind)
    {
        if (to <= from)
            return;
        add({Item::Where::Entry, kind, from});
        add({Item::Where::Entry, kind, to, 0, -1});
    }
    // [from, max(earliestEnd, now)): before now it counts from its start whatever now is.
    void open(qint64 from, qint64 earliestEnd, int kind)
    {
        add({Item::Where::Entry, kind, from});
        add({Item::Where::OpenEnd, kind, earliestEnd});
    }
};

LiveConcurrency::LiveConcurrency(bool delayExpected)
    : m_delayExpected(delayExpected)
{ }

void LiveConcurrency::clear()
{
    *this = LiveConcurrency(m_delayExpected);
}

LiveConcurrency::Contribution LiveConcurrency::contributionOf(const Marks &marks, bool delayExpected)
{
    // Mirrors PhaseSpans::of, where stop is the finish or "now" and every bound is at least the one before.
    const auto reached
        = [&marks](Mark mark) { return marks[std::size_t(mark)] != RequestRecord::NotReached; };
    const auto at = [&marks](Mark mark) { return marks[std::size_t(mark)]; };
    Contribution c;
    const qint64 queued = reached(Mark::Queued) ? at(Mark::Queued) : 0;
    const bool finished = reached(Mark::Finished);
    if (!reached(Mark::Issued)) {
        if (finished)
            c.interval(queued, std::max(queued, at(Mark::Finished)), Waiting);
        else
            c.open(queued, queued, Waiting);
        return c;
    }
    const qint64 issued = std::max(queued, at(Mark::Issued));
    c.interval(queued, issued, Waiting);
    // The clamped bounds after issued come to the latest of the marks reached and stop.
    qint64 latest = issued;
    if (reached(Mark::RequestSent))
        latest = std::max(latest, at(Mark::RequestSent));
    if (reached(Mark::FirstByte))
        latest = std::max(latest, at(Mark::FirstByte));
    if (finished) {
        const qint64 end = std::max(latest, at(Mark::Finished));
        c.interval(issued, end, InFlight);
        if (reached(Mark::DelayReleased))
            c.interval(end, std::max(end, at(Mark::DelayReleased)), Delaying);
        else if (delayExpected)
            c.open(end, end, Delaying);
        return c;
    }
    c.open(issued, latest, InFlight);
    // Released without a finish: the delay runs from max(latest, now) to max(released, latest, now), so it
    // counts nowhere before now and over [latest, released) after it.
    if (reached(Mark::DelayReleased) && at(Mark::DelayReleased) > latest)
        c.add({Item::Where::TailOnly, Delaying, latest, at(Mark::DelayReleased)});
    return c;
}

void LiveConcurrency::addEntry(qint64 atNs, int kind, int delta)
{
    const auto it = std::lower_bound(m_entries.begin(), m_entries.end(), atNs,
                                     [](const Entry &entry, qint64 ns) { return entry.atNs < ns; });
    m_dirtyAtNs = std::min(m_dirtyAtNs, atNs);
    m_work += 1 + (m_entries.end() - it); // what an insert or erase moves
    if (it != m_entries.end() && it->atNs == atNs) {
        it->delta[std::size_t(kind)] += delta;
        if (it->delta == Counts {})
            m_entries.erase(it);
        else
            m_work -= m_entries.end() - it;
        return;
    }
    Entry entry {atNs, {}};
    entry.delta[std::size_t(kind)] = delta;
    m_entries.insert(it, entry);
}

void LiveConcurrency::apply(const Item &item, int sign)
{
    const int delta = item.sign * sign;
    switch (item.where) {
    case Item::Where::Entry:
        addEntry(item.atNs, item.kind, delta);
        break;
    case Item::Where::OpenEnd: {
        ++m_work;
        m_openTotal[std::size_t(item.kind)] += delta;
        const auto it = m_openEnds.try_emplace(item.atNs).first;
        it->second[std::size_t(item.kind)] += delta;
        if (it->second == Counts {})
            m_openEnds.erase(it);
        break;
    }
    case Item::Where::TailOnly: {
        const TailInterval interval {item.atNs, item.toNs, item.kind};
        m_work += qint64(m_tailOnly.size());
        if (delta > 0) {
            m_tailOnly.push_back(interval);
        } else {
            const auto it = std::find(m_tailOnly.begin(), m_tailOnly.end(), interval);
            Q_ASSERT(it != m_tailOnly.end());
            m_tailOnly.erase(it);
        }
        break;
    }
    }
}

void LiveConcurrency::setRecord(qsizetype index, const RequestRecord &record)
{
    Q_ASSERT(index >= 0);
    const auto at = std::size_t(index);
    if (at >= m_marks.size()) {
        m_marks.resize(at + 1);
        m_present.resize(at + 1, 0);
    }
    if (m_present[at] && m_marks[at] == record.marks)
        return;
    Contribution before;
    if (m_present[at])
        before = contributionOf(m_marks[at], m_delayExpected);
    const Contribution after = contributionOf(record.marks, m_delayExpected);
    m_marks[at] = record.marks;
    m_present[at] = 1;

    // Only what differs is applied: a phase that ends keeps its start event where it is.
    std::array<bool, 8> kept {};
    for (int i = 0; i < before.count; ++i) {
        Item removal = before.items[std::size_t(i)];
        removal.sign = -removal.sign;
        bool matched = false;
        for (int j = 0; j < after.count && !matched; ++j) {
            if (!kept[std::size_t(j)] && removal.cancels(after.items[std::size_t(j)]))
                kept[std::size_t(j)] = matched = true;
        }
        if (!matched)
            apply(removal, 1);
    }
    for (int j = 0; j < after.count; ++j) {
        if (!kept[std::size_t(j)])
            apply(after.items[std::size_t(j)], 1);
    }
}

const ConcurrencySeries &LiveConcurrency::update(qint64 nowNs)
{
    using Step = ConcurrencySeries::Step;
    const auto firstAtOrAfter = [this](qint64 ns) {
        return std::size_t(
            std::lower_bound(m_entries.begin(), m_entries.end(), ns,
                             [](const Entry &entry, qint64 value) { return entry.atNs < value; })
            - m_entries.begin());
    };
    // Before now the counts are the entries' running sums, one step per entry; the steps before the earliest
    // change are still right.
    const std::size_t prefix = firstAtOrAfter(nowNs);
    const std::size_t kept = std::min({m_prefix, firstAtOrAfter(m_dirtyAtNs), prefix});
    m_series.truncate(kept);
    m_kept = kept;
    std::vector<Step> &steps = m_series.m_steps;
    m_peaks.resize(kept);
    const auto countsOf = [](const Step &step) {
        return Counts {step.inFlight, step.delaying, step.waiting};
    };
    Counts running = kept > 0 ? countsOf(steps.back()) : Counts {};
    Counts peaks = kept > 0 ? m_peaks.back() : Counts {};
    const auto push = [&](qint64 atNs, const Counts &counts) {
        steps.push_back(Step {atNs, counts[InFlight], counts[Delaying], counts[Waiting]});
        peaks
            = {std::max(peaks[0], counts[InFlight]), std::max(peaks[1], counts[InFlight] + counts[Delaying]),
               std::max(peaks[2], counts[Waiting])};
        m_peaks.push_back(peaks);
    };
    for (std::size_t i = kept; i < prefix; ++i) {
        for (std::size_t k = 0; k < running.size(); ++k)
            running[k] += m_entries[i].delta[k];
        push(m_entries[i].atNs, running);
    }
    m_work += qint64(prefix - kept);
    m_prefix = prefix;
    m_dirtyAtNs = std::numeric_limits<qint64>::max();

    // From now on: the entries there, every open phase's end at max(its earliest end, now), and the intervals
    // that only count from now. Few in a live run, where little is recorded ahead of the clock.
    std::vector<Entry> tail(m_entries.begin() + qsizetype(prefix), m_entries.end());
    Counts atNow {};
    for (std::size_t k = 0; k < atNow.size(); ++k)
        atNow[k] = -m_openTotal[k];
    for (auto it = m_openEnds.upper_bound(nowNs); it != m_openEnds.end(); ++it) {
        Entry end {it->first, {}};
        for (std::size_t k = 0; k < atNow.size(); ++k) {
            atNow[k] += it->second[k];
            end.delta[k] = -it->second[k];
        }
        tail.push_back(end);
    }
    tail.push_back({nowNs, atNow});
    for (const TailInterval &interval : m_tailOnly) {
        const qint64 from = std::max(interval.from, nowNs);
        if (interval.to <= from)
            continue;
        Entry start {from, {}};
        Entry stop {interval.to, {}};
        start.delta[std::size_t(interval.kind)] = 1;
        stop.delta[std::size_t(interval.kind)] = -1;
        tail.push_back(start);
        tail.push_back(stop);
    }
    m_work += qint64(tail.size());
    std::stable_sort(tail.begin(), tail.end(),
                     [](const Entry &a, const Entry &b) { return a.atNs < b.atNs; });
    for (std::size_t i = 0; i < tail.size();) {
        const qint64 at = tail[i].atNs;
        for (; i < tail.size() && tail[i].atNs == at; ++i) {
            for (std::size_t k = 0; k < running.size(); ++k)
                running[k] += tail[i].delta[k];
        }
        const Counts last = steps.empty() ? Counts {} : countsOf(steps.back());
        if (running != last)
            push(at, running);
    }
    m_series.m_peakInFlight = peaks[0];
    m_series.m_peakHeld = peaks[1];
    m_series.m_peakWaiting = peaks[2];
    return m_series;
}
