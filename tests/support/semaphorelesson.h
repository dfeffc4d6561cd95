#pragma once

#include <algorithm>
#include <vector>

#include "core/runresult.h"

// The lesson's Semaphore(k) program as if recorded: n requests queued at once, each fetching for about a
// second and then sleeping inside the semaphore, so it holds its permit for the fetch and the sleep. With
// the defaults (10 requests, k = 3, 1 s + 1 s) it ends just after 8 s, as the lesson says.
namespace SemaphoreLesson {

inline constexpr qint64 Ms = 1'000'000;

inline RunResult run(int requests = 10, int k = 3, qint64 fetchMs = 1000, qint64 sleepMs = 1000)
{
    RunResult run;
    run.runId = 3;
    run.settings.mode = RunMode::Limited;
    run.settings.limit = k;
    run.settings.delayMs = int(sleepMs);
    std::vector<qint64> freeAt(std::size_t(k), 0);
    for (int i = 0; i < requests; ++i) {
        const auto slot = std::min_element(freeAt.begin(), freeAt.end());
        const qint64 issued = *slot;
        // Each fetch a millisecond longer than the one before, so no two requests change phase together.
        const qint64 finished = issued + (fetchMs + i) * Ms;
        const qint64 released = finished + sleepMs * Ms;
        *slot = released;
        RequestRecord record;
        record.id = i;
        record.url = QUrl(QStringLiteral("http://127.0.0.1:8080/delay/%1?n=%2").arg(fetchMs).arg(i));
        record.mode = RunMode::Limited;
        record.set(Mark::Queued, 0);
        record.set(Mark::GateAcquired, issued);
        record.set(Mark::Issued, issued);
        record.set(Mark::RequestSent, issued + 2 * Ms);
        record.set(Mark::FirstByte, finished - 5 * Ms);
        record.set(Mark::Finished, finished);
        record.set(Mark::DelayReleased, released);
        record.status = 200;
        record.outcome = Outcome::Ok;
        run.records.append(record);
        run.endNs = std::max(run.endNs, released);
    }
    run.capacityChanges = {{0, k}};
    return run;
}

struct Counts
{
    int waiting = 0;
    int inFlight = 0;
    int delaying = 0;
};

// Straight from the records, one by one: what starts at t counts, what ends at t does not.
inline Counts countsAt(const RunResult &run, qint64 t)
{
    Counts counts;
    const auto within = [t](qint64 from, qint64 to) { return from <= t && t < to; };
    for (const RequestRecord &r : run.records) {
        counts.waiting += within(r.at(Mark::Queued), r.at(Mark::Issued)) ? 1 : 0;
        counts.inFlight += within(r.at(Mark::Issued), r.at(Mark::Finished)) ? 1 : 0;
        counts.delaying += within(r.at(Mark::Finished), r.at(Mark::DelayReleased)) ? 1 : 0;
    }
    return counts;
}

} // namespace SemaphoreLesson
