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

    /// The highest counts over the steps [first, last), and the first step there where in flight reached its
    /// highest; -1 each over an empty range.
    struct Extremes
    {
        int held = -1; // in flight + delaying
        int inFlight = -1;
        int inFlightIndex = -1;
        int waiting = -1;

        friend bool operator==(const Extremes &, const Extremes &) = default;
    };
    /// Answered from block maxima kept beside the steps, so a paint that asks once per pixel column costs
    /// the columns and not the steps of a long run.
    Extremes extremes(int first, int last) const;
    /// The longest time from a step where something waits to the next step.
    qint64 longestWaitNs() const;

    int peakInFlight() const { return m_peakInFlight; }
    int peakHeld() const { return m_peakHeld; } // in flight + delaying: permits in use
    int peakWaiting() const { return m_peakWaiting; }

    /// The gate's size as steps from a run's capacity changes; capacity 0 (no gate) is kept as 0.
    static std::vector<CapacityChange> capacitySteps(const QList<CapacityChange> &changes);

private:
    friend class LiveConcurrency; // keeps a series up to date in place

    // A block's extremes over BlockSteps steps, and the longest wait that starts at one of them.
    struct Block
    {
        Extremes extremes;
        qint64 waitNs = 0;
    };
    static constexpr int BlockSteps = 32;

    void append(const Step &step);
    /// Drops the steps from size on, and the blocks that covered them.
    void truncate(std::size_t size);
    /// Builds the blocks of the steps not covered yet: a block needs the step after its last.
    void keepBlocks() const;
    static void merge(Extremes &into, const Extremes &next);
    static void merge(Block &into, const Block &next);

    std::vector<Step> m_steps;
    // Built lazily by the queries and dropped from a truncation on: blocks of BlockSteps steps, and blocks
    // of BlockSteps of those. Steps are only ever appended or cut off, so the rest stays right.
    mutable std::vector<Block> m_blocks;
    mutable std::vector<Block> m_superBlocks;
    int m_peakInFlight = 0;
    int m_peakHeld = 0;
    int m_peakWaiting = 0;
};
