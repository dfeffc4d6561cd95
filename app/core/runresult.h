#pragma once

#include "requestrecord.h"
#include "runsettings.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <array>

/// A change of the gate's size during a run, so views can show the moment it happened.
struct CapacityChange
{
    qint64 atNs = 0;
    int capacity = 0;

    friend bool operator==(const CapacityChange &, const CapacityChange &) = default;
};

/// A run held to fewer requests in flight than it asked for, because more would not fit in what the process
/// may open (one socket per connection, at most one network manager per 6 connections to a host). maxInFlight
/// 0: the run was not capped.
struct ConcurrencyCap
{
    int maxInFlight = 0;
    QString reason;

    bool isCapped() const { return maxInFlight > 0; }
    friend bool operator==(const ConcurrencyCap &, const ConcurrencyCap &) = default;
};

/// Everything one run recorded: its settings, when it started on the wall clock, and every request.
struct RunResult
{
    int runId = 0;
    RunSettings settings;
    QDateTime startedAt; // UTC wall-clock time of the run's monotonic zero
    qint64 endNs = 0; // when the last request released its permit, or the run was cancelled
    bool cancelled = false;
    QList<RequestRecord> records; // by id, in input order
    QList<CapacityChange> capacityChanges; // the initial size first, as asked for
    ConcurrencyCap concurrencyCap; // the real gate was smaller than asked, and why
    // Crawl mode only: the URLs found and not requested, and the hosts crawled.
    QList<SkippedUrl> skipped; // in the order they were first found
    QList<CrawlHost> hosts; // in the order they were first needed
    bool recovered = false; // read back from the journal of a run whose process ended before it did
    // What the crawl's memory bounds dropped: links past CrawlSettings::maxLinksPerPage (counted, not read),
    // and skips of URLs past CrawlSettings::maxSkippedKept (counted, not kept).
    qint64 linksDropped = 0;
    qint64 skippedBeyondKept = 0;
    // Pages parsed only as far as their first maxLinksPerPage links: the links after that part were neither
    // read nor counted, so linksDropped is exact only when this is 0.
    qint64 pagesCutShort = 0;

    friend bool operator==(const RunResult &, const RunResult &) = default;
};

Q_DECLARE_METATYPE(RunResult)

/// The numbers a run is judged by; the CLI's --json prints exactly these.
struct RunSummary
{
    int requests = 0;
    int ok = 0;
    int failed = 0; // HTTP errors and network failures
    int cancelled = 0;
    qint64 wallNs = 0;
    qint64 idealNs = 0;
    int peakInFlight = 0;
    qint64 bytes = 0;
};

RunSummary summarize(const RunResult &run);

/// Makes every record's id its position, as models and views expect, and points parents, skipped URLs and
/// hosts at the new ids (a reference to an id no record has becomes -1). For runs read from files, whose
/// ids may be anything; a run Crawlscope recorded is left as it is.
void renumberRecords(RunResult &run);

/// What a crawl found, besides the RunSummary of its requests.
struct CrawlSummary
{
    int pages = 0; // page URLs requested, each once (retries and robots.txt aside)
    int retries = 0; // further attempts after 429 or 503
    int robotsRequests = 0;
    int notHtml = 0; // pages fetched whose links were not read: not HTML
    std::array<int, SkipReasonCount> skipped {}; // distinct URLs, by SkipReason
    int skippedTotal = 0;
    int hosts = 0;
};

CrawlSummary summarizeCrawl(const RunResult &run);

/// Frees the run on a worker thread and leaves it empty. A run of 100 000 records takes about 4 ms to free,
/// a stall if its owner goes on the GUI thread; what the records share with copies kept elsewhere (URLs,
/// texts) is counted atomically, so those copies are untouched.
void releaseInBackground(RunResult &run);

/// When the last finished request released its permit: a run's end, for files that do not say it.
qint64 lastReleaseNs(const QList<RequestRecord> &records);

/// Largest number of requests issued and not yet finished at one moment. A finish and a start at the same
/// instant do not overlap.
int peakInFlight(const QList<RequestRecord> &records);
