#pragma once

#include <QList>
#include <QtGlobal>

#include <vector>

#include "core/requestrecord.h"
#include "core/runresult.h"

/// How many requests were in flight (issued -> finished), holding their permit in a politeness delay, and
/// waiting (queued -> issued) over a run, as a step function: what the in-flight strip draws.
class ConcurrencySeries
{
public:
    struct Step
    {
        qint64 atNs = 0; // the counts hold from here to the next step's atNs
        int inFlight = 0;
        int delaying = 0;
        int waiting = 0;

        friend bool operator==(const Step &, const Step &) = default;
    };

    ConcurrencySeries() = default;
    /// Phases still going run up to nowNs, where the series ends with a step back to zero.
    static ConcurrencySeries compute(const QList<RequestRecord> &records, qint64 nowNs, bool delayExpected);
    /// The same, one series per host, from one sort and one sweep over every record: hostOf[i] in
    /// [0, hostCount) is records[i]'s host. A host's series steps only where its own counts change, and at
    /// every instant the hosts' counts add up to the total's, which is stored in *total when given.
    static std::vector<ConcurrencySeries> computePerHost(const QList<RequestRecord> &records,
                                                         const std::vector<int> &hostOf, int hostCount,
                                                         qint64 nowNs, bool delayExpected,
                                                         ConcurrencySeries *total = nullptr);

    const std::vector<Step> &steps() const { return m_steps; }
    bool isEmpty() const { return m_steps.empty(); }
    /// The counts at ns; all zero before the first step.
    Step at(qint64 ns) const;
    /// Index of the step in force at ns, or -1 before the first.
    int indexAt(qint64 ns) const;

    int peakInFlight() const { return m_peakInFlight; }
    int peakHeld() const { return m_peakHeld; } // in flight + delaying: permits in use
    int peakWaiting() const { return m_peakWaiting; }

    /// The gate's size as steps from a run's capacity changes; capacity 0 (no gate) is kept as 0.
    static std::vector<CapacityChange> capacitySteps(const QList<CapacityChange> &changes);

private:
    friend class LiveConcurrency; // keeps a series up to date in place

    void append(const Step &step);

    std::vector<Step> m_steps;
    int m_peakInFlight = 0;
    int m_peakHeld = 0;
    int m_peakWaiting = 0;
};
