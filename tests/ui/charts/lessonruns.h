#pragma once

#include <QList>

#include <algorithm>
#include <vector>

#include "core/runresult.h"

// The lesson's comparison made by hand: the same requests run sequential, gather and limited(3), each
// request issued as soon as the mode allows, as an ideal engine would.
namespace LessonRuns {

inline constexpr qint64 Ms = 1'000'000;

inline RunResult scheduled(int runId, RunMode mode, const QList<qint64> &durationsMs, int limit = 3)
{
    RunResult run;
    run.runId = runId;
    run.settings.mode = mode;
    run.settings.limit = limit;
    const int slots = mode == RunMode::Sequential ? 1
        : mode == RunMode::Gather                 ? int(durationsMs.size())
                                                  : limit;
    std::vector<qint64> freeAt(std::size_t(std::max(slots, 1)), 0);
    for (qsizetype i = 0; i < durationsMs.size(); ++i) {
        const auto slot = std::min_element(freeAt.begin(), freeAt.end());
        const qint64 issued = *slot;
        const qint64 finished = issued + durationsMs.at(i) * Ms;
        *slot = finished;
        RequestRecord record;
        record.id = int(i);
        record.mode = mode;
        record.set(Mark::Queued, 0);
        record.set(Mark::GateAcquired, issued);
        record.set(Mark::Issued, issued);
        record.set(Mark::RequestSent, issued + Ms);
        record.set(Mark::FirstByte, finished - 10 * Ms);
        record.set(Mark::Finished, finished);
        record.status = 200;
        record.bytes = 1024;
        record.outcome = Outcome::Ok;
        run.records.append(record);
        run.endNs = std::max(run.endNs, finished);
    }
    run.capacityChanges = {{0, run.settings.gateCapacity()}};
    return run;
}

// Five requests of one second each: sequential takes 5 s, gather 1 s, limited(3) 2 s.
inline QList<RunResult> lesson()
{
    const QList<qint64> durations(5, 1000);
    return {scheduled(1, RunMode::Sequential, durations), scheduled(2, RunMode::Gather, durations),
            scheduled(3, RunMode::Limited, durations)};
}

// The same with durations that differ, as a real server's would, so histograms spread over several bins.
inline QList<RunResult> variedLesson()
{
    const QList<qint64> durations {1000, 1180, 870, 1420, 960, 1090, 1250, 930};
    return {scheduled(1, RunMode::Sequential, durations), scheduled(2, RunMode::Gather, durations),
            scheduled(3, RunMode::Limited, durations)};
}

} // namespace LessonRuns
