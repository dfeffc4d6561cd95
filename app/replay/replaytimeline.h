#pragma once

#include <QList>
#include <QtGlobal>

#include <vector>

#include "core/concurrencyseries.h"
#include "core/runresult.h"
#include "replaysnapshot.h"

/// Finished runs laid out for replay: every moment something happened to a record or the gate, sorted, and
/// each run's counts as step functions, so that the snapshot at any time is a few binary searches however
/// many records there are. Runs share one time axis from their own starts, as on the timeline.
class ReplayTimeline
{
public:
    ReplayTimeline() = default;
    explicit ReplayTimeline(const QList<RunResult> &runs);

    int runCount() const { return int(m_runs.size()); }
    bool isEmpty() const { return m_runs.empty(); }
    /// The latest end of any run: where a replay stops.
    qint64 endNs() const { return m_endNs; }
    /// Every distinct moment a record was queued, acquired, issued, changed phase, finished or released, or
    /// the gate was resized, in every run, ascending.
    const std::vector<qint64> &events() const { return m_events; }

    /// The counts of run index at atNs, as the in-flight strip counts them: what starts at atNs counts, what
    /// ends at atNs does not.
    ReplaySnapshot snapshot(int run, qint64 atNs) const;
    /// The first event after atNs, or endNs() when there is none.
    qint64 nextEvent(qint64 atNs) const;
    /// The last event before atNs, or 0 when there is none.
    qint64 previousEvent(qint64 atNs) const;

private:
    struct Run
    {
        ConcurrencySeries series; // in flight, delaying, waiting
        std::vector<qint64> queued;
        std::vector<qint64> finished;
        std::vector<qint64> acquired; // gate permits taken
        std::vector<qint64> released; // and given back, by the same records
        std::vector<CapacityChange> capacity;
    };

    std::vector<Run> m_runs;
    std::vector<qint64> m_events;
    qint64 m_endNs = 0;
};
