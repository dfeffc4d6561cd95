#include "runresult.h"

#include "idealschedule.h"

#include <QHash>
#include <QThreadPool>

#include <algorithm>
#include <utility>
#include <vector>

void releaseInBackground(RunResult &run)
{
    if (run.records.isEmpty() && run.skipped.isEmpty()) {
        run = {};
        return;
    }
    // Freed inside the task, so on the worker, whatever thread the callable itself ends on.
    QThreadPool::globalInstance()->start([gone = std::exchange(run, {})]() mutable { gone = {}; });
}

int peakInFlight(const QList<RequestRecord> &records)
{
    // A sweep over the issues and the finishes, each sorted on its own: a finish at the same instant as an
    // issue goes first. Issues mostly come in id order already, so that sort is often only a check; the
    // window asks this of a whole run as it ends, and sorting 2 n (time, +-1) pairs took tens of ms at 100
    // 000.
    std::vector<qint64> issued;
    std::vector<qint64> finished;
    issued.reserve(std::size_t(records.size()));
    finished.reserve(std::size_t(records.size()));
    for (const auto &record : records) {
        if (!record.reached(Mark::Issued) || !record.reached(Mark::Finished))
            continue;
        issued.push_back(record.at(Mark::Issued));
        finished.push_back(record.at(Mark::Finished));
    }
    for (auto *times : {&issued, &finished}) {
        if (!std::is_sorted(times->begin(), times->end()))
            std::sort(times->begin(), times->end());
    }
    int current = 0;
    int peak = 0;
    std::size_t done = 0;
    for (const qint64 at : issued) {
        while (done < finished.size() && finished[done] <= at) {
            --current;
            ++done;
        }
        peak = std::max(peak, ++current);
    }
    return peak;
}

qint64 lastReleaseNs(const QList<RequestRecord> &records)
{
    qint64 end = 0;
    for (const auto &record : records) {
        if (record.reached(Mark::Finished))
            end = std::max(end, record.releasedAt());
    }
    return end;
}

RunSummary summarize(const RunResult &run)
{
    RunSummary summary;
    summary.requests = int(run.records.size());
    for (const auto &record : run.records) {
        switch (record.outcome) {
        case Outcome::Ok:
            ++summary.ok;
            break;
        case Outcome::HttpError:
        case Outcome::Failed:
            ++summary.failed;
            break;
        case Outcome::Cancelled:
            ++summary.cancelled;
            break;
        case Outcome::Pending:
            break;
        }
        summary.bytes += record.bytes;
    }
    summary.wallNs = run.endNs;
    summary.idealNs = idealMakespanNs(run);
    summary.peakInFlight = peakInFlight(run.records);
    return summary;
}

CrawlSummary summarizeCrawl(const RunResult &run)
{
    CrawlSummary summary;
    for (const auto &record : run.records) {
        if (record.role == RequestRole::Robots) {
            ++summary.robotsRequests;
            continue;
        }
        if (record.attempt > 1) {
            ++summary.retries;
            continue;
        }
        ++summary.pages;
    }
    // A URL retried counts once, by the answer it finally got.
    for (const auto &record : run.records) {
        if (record.role == RequestRole::Page && record.outcome == Outcome::Ok && record.status >= 200
            && record.status < 300 && !isHtmlContentType(record.contentType))
            ++summary.notHtml;
    }
    for (const auto &skipped : run.skipped) {
        ++summary.skipped[std::size_t(skipped.reason)];
        ++summary.skippedTotal;
    }
    summary.hosts = int(run.hosts.size());
    return summary;
}

void renumberRecords(RunResult &run)
{
    bool inOrder = true;
    for (qsizetype i = 0; i < run.records.size() && inOrder; ++i)
        inOrder = run.records.at(i).id == i;
    if (inOrder) {
        // Ids are positions already; a reference past the records still points at none.
        const auto known = [&run](int id) { return id >= 0 && id < run.records.size() ? id : -1; };
        for (RequestRecord &record : run.records)
            record.parentId = known(record.parentId);
        for (SkippedUrl &skipped : run.skipped)
            skipped.parentId = known(skipped.parentId);
        for (CrawlHost &host : run.hosts)
            host.robotsRecordId = known(host.robotsRecordId);
        return;
    }
    QHash<int, int> newIds; // the first record with an id keeps it, as a parent link would mean
    for (qsizetype i = 0; i < run.records.size(); ++i) {
        if (!newIds.contains(run.records.at(i).id))
            newIds.insert(run.records.at(i).id, int(i));
    }
    for (qsizetype i = 0; i < run.records.size(); ++i) {
        RequestRecord &record = run.records[i];
        record.id = int(i);
        record.parentId = newIds.value(record.parentId, -1);
    }
    for (SkippedUrl &skipped : run.skipped)
        skipped.parentId = newIds.value(skipped.parentId, -1);
    for (CrawlHost &host : run.hosts)
        host.robotsRecordId = newIds.value(host.robotsRecordId, -1);
}
