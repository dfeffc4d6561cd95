#pragma once

#include <QtGlobal>

#include <array>
#include <limits>
#include <map>
#include <vector>

#include "core/concurrencyseries.h"
#include "core/requestrecord.h"

/// The ConcurrencySeries of a live run, kept up to date from the records that changed instead of from every
/// record: after update(nowNs) it equals ConcurrencySeries::compute(records, nowNs, delayExpected).
///
/// Phases that have ended are kept as sorted +1/-1 events. A phase still going is kept as its start event and
/// the earliest it may end; it ends at "now", so before now it only ever counts from its start, and the steps
/// before now stay valid while the clock moves. An update redoes the steps from the earliest changed event
/// and the few after now, which in a live run is the short tail of the latest batch.
class LiveConcurrency
{
public:
    explicit LiveConcurrency(bool delayExpected = false);

    bool delayExpected() const { return m_delayExpected; }
    /// Forgets every record.
    void clear();
    /// The run's record at index was added or changed. Indexes past the end add records.
    void setRecord(qsizetype index, const RequestRecord &record);
    qsizetype recordCount() const { return qsizetype(m_marks.size()); }

    /// Phases still going end at nowNs.
    const ConcurrencySeries &update(qint64 nowNs);
    const ConcurrencySeries &series() const { return m_series; }
    /// How many of the series' first steps the last update() left as they were: a painter that drew them
    /// needs to draw again only from there.
    std::size_t keptSteps() const { return m_kept; }

    /// Events and steps written, moved or read since the last resetWork(): what the updates cost.
    qint64 work() const { return m_work; }
    void resetWork() { m_work = 0; }

private:
    using Counts = std::array<int, 3>; // in flight, delaying, waiting
    using Marks = std::array<qint64, MarkCount>;
    struct Entry
    {
        qint64 atNs;
        Counts delta;
    };
    struct TailInterval // only counts from "now" on; see contributionOf
    {
        qint64 from;
        qint64 to;
        int kind;
        friend bool operator==(const TailInterval &, const TailInterval &) = default;
    };
    struct Item;
    struct Contribution;

    static Contribution contributionOf(const Marks &marks, bool delayExpected);
    void apply(const Item &item, int sign);
    void addEntry(qint64 atNs, int kind, int delta);

    bool m_delayExpected = false;
    std::vector<Marks> m_marks;
    std::vector<char> m_present; // set once a record was given
    std::vector<Entry> m_entries; // by time, one per instant, none all zero
    std::map<qint64, Counts> m_openEnds; // the earliest end of each phase still going
    Counts m_openTotal {};
    std::vector<TailInterval> m_tailOnly;

    ConcurrencySeries m_series;
    std::vector<Counts> m_peaks; // the peaks up to and including each step: in flight, held, waiting
    std::size_t m_prefix = 0; // steps before "now", one per entry
    std::size_t m_kept = 0;
    qint64 m_dirtyAtNs = std::numeric_limits<qint64>::max(); // the earliest entry changed since update()
    qint64 m_work = 0;
};
