#pragma once

#include "core/runresult.h"

#include <QDateTime>
#include <QList>
#include <QTimeZone>
#include <QUrl>

// Realistic runs shared by the export tests: every outcome and mode, phases not reached, capacity changes,
// unicode, commas, quotes and newlines in URLs and errors, times past 2^53 ns, and a crawl.
namespace SampleRuns {

inline RequestRecord record(int id, const QString &url, RunMode mode, Outcome outcome,
                            std::initializer_list<std::pair<Mark, qint64>> marks)
{
    RequestRecord record;
    record.id = id;
    record.url = QUrl(url);
    record.mode = mode;
    record.outcome = outcome;
    for (const auto &[mark, ns] : marks)
        record.set(mark, ns);
    return record;
}

inline RunResult limitedRun()
{
    RunResult run;
    run.runId = 7;
    run.settings.mode = RunMode::Limited;
    run.settings.limit = 2;
    run.settings.delayMs = 100;
    run.settings.perHost = 1;
    run.settings.timeoutMs = 5'000;
    run.settings.maxBodyBytes = 1'048'576;
    run.settings.maxRedirects = 3;
    run.settings.userAgent = QByteArrayLiteral("Crawlscope-test/1.0 (+https://example.org/bot)");
    run.settings.keepBodies = true;
    run.startedAt = QDateTime(QDate(2024, 5, 1), QTime(12, 30, 45, 123), QTimeZone::utc());
    run.endNs = 2'345'678'901;
    run.capacityChanges = {{0, 2}, {1'500'000'123, 4}, {2'000'000'000, 1}};

    const RunMode mode = run.settings.mode;
    RequestRecord ok = record(0, QStringLiteral("http://127.0.0.1:8123/fast"), mode, Outcome::Ok,
                              {{Mark::Queued, 0},
                               {Mark::GateAcquired, 1},
                               {Mark::Issued, 1'001},
                               {Mark::ConnectStarted, 2'500},
                               {Mark::RequestSent, 90'000},
                               {Mark::FirstByte, 12'345'678},
                               {Mark::Finished, 13'000'001},
                               {Mark::DelayReleased, 113'000'001}});
    ok.finalUrl = QUrl(QStringLiteral("http://127.0.0.1:8123/fast/"));
    ok.status = 200;
    ok.bytes = 5'120;
    ok.contentType = QStringLiteral("text/html; charset=utf-8");
    ok.redirects = 1;

    // A kept-alive connection was reused: no connect phase.
    RequestRecord notFound
        = record(1, QStringLiteral("http://127.0.0.1:8123/missing?a=1,2&b=\"x\""), mode, Outcome::HttpError,
                 {{Mark::Queued, 0},
                  {Mark::GateAcquired, 2},
                  {Mark::Issued, 3},
                  {Mark::RequestSent, 40},
                  {Mark::FirstByte, 5'000'000},
                  {Mark::Finished, 5'000'100},
                  {Mark::DelayReleased, 105'000'100}});
    notFound.finalUrl = notFound.url;
    notFound.status = 404;
    notFound.bytes = 9;
    notFound.contentType = QStringLiteral("text/plain");

    const QString unicodeUrl = QStringLiteral("http://bücher.example/straße/%E2%82%AC?q=naïve#frag");
    RequestRecord timedOut = record(2, unicodeUrl, mode, Outcome::Failed,
                                    {{Mark::Queued, 0},
                                     {Mark::GateAcquired, 113'000'001},
                                     {Mark::Issued, 113'000'002},
                                     {Mark::ConnectStarted, 113'000'010},
                                     {Mark::Finished, 5'113'000'002}});
    timedOut.error
        = QStringLiteral("Operation timed out, after 5000 ms: \"GET\" failed\nsecond line\r\nthird, "
                         "with ünïcödé and 中文");

    RequestRecord cancelled
        = record(3, QStringLiteral("https://example.org/a%2Cb/c d"), mode, Outcome::Cancelled,
                 {{Mark::Queued, 0}, {Mark::Finished, 2'345'678'901}});
    cancelled.error = QStringLiteral("cancelled");
    cancelled.parentId = 0;
    cancelled.depth = 2;

    RequestRecord pending = record(4, QStringLiteral("https://example.org/pending"), mode, Outcome::Pending,
                                   {{Mark::Queued, 9'007'199'254'740'993}});
    pending.parentId = 3;
    pending.depth = 3;

    run.records = {ok, notFound, timedOut, cancelled, pending};
    return run;
}

inline RunResult sequentialRun()
{
    RunResult run;
    run.runId = 8;
    run.settings.mode = RunMode::Sequential;
    run.settings.limit = 5; // ignored by the mode, but part of the settings
    run.startedAt = QDateTime(QDate(2024, 12, 31), QTime(23, 59, 59, 999), QTimeZone::utc());
    run.endNs = 40'000'000;
    run.cancelled = true;
    run.capacityChanges = {{0, 1}};
    RequestRecord only = record(0, QStringLiteral("http://127.0.0.1:8123/"), run.settings.mode, Outcome::Ok,
                                {{Mark::Queued, 0},
                                 {Mark::GateAcquired, 0},
                                 {Mark::Issued, 0},
                                 {Mark::ConnectStarted, 0},
                                 {Mark::RequestSent, 1},
                                 {Mark::FirstByte, 30'000'000},
                                 {Mark::Finished, 40'000'000}});
    only.finalUrl = only.url;
    only.status = 301;
    only.contentType = QStringLiteral("text/html, \"quoted\"");
    run.records = {only};
    return run;
}

// No requests, no start time: only the lossless JSON keeps such a run.
inline RunResult emptyGatherRun()
{
    RunResult run;
    run.runId = 9;
    run.settings.mode = RunMode::Gather;
    return run;
}

// A cancelled crawl of two hosts and a third still waiting: robots.txt first, a retry after 503, a redirect
// followed as a request of its own, and URLs skipped for several reasons.
inline RunResult crawlRun()
{
    RunResult run;
    run.runId = 10;
    run.settings.mode = RunMode::Limited;
    run.settings.limit = 4;
    run.settings.perHost = 2;
    run.settings.keepBodies = true;
    CrawlSettings &crawl = run.settings.crawl;
    crawl.enabled = true;
    crawl.maxDepth = 2;
    crawl.maxPages = 6;
    crawl.scope = ScopeKind::Site;
    crawl.includes
        = {QStringLiteral("^https?://([a-z]+\\.)?example\\.org/"), QStringLiteral("/p/\\d{1,3},x")};
    crawl.excludes = {QStringLiteral("\\.pdf$"), QStringLiteral("\"quoted\"")};
    crawl.honourNofollow = false;
    crawl.sortQuery = true;
    crawl.maxRetries = 1;
    run.startedAt = QDateTime(QDate(2024, 6, 2), QTime(8, 0, 0, 5), QTimeZone::utc());
    run.endNs = 900'000'000;
    run.cancelled = true;
    run.capacityChanges = {{0, 4}};

    const RunMode mode = run.settings.mode;
    const auto done = [&](int id, const QString &url, Outcome outcome, int status, qint64 from, qint64 to) {
        RequestRecord request = record(id, url, mode, outcome,
                                       {{Mark::Queued, from},
                                        {Mark::GateAcquired, from},
                                        {Mark::Issued, from + 1'000},
                                        {Mark::RequestSent, from + 2'000},
                                        {Mark::FirstByte, to - 1'000'000},
                                        {Mark::Finished, to}});
        request.finalUrl = request.url;
        request.status = status;
        request.contentType = status == 200 ? QStringLiteral("text/html") : QStringLiteral("text/plain");
        return request;
    };
    RequestRecord robots
        = done(0, QStringLiteral("http://example.org/robots.txt"), Outcome::Ok, 200, 0, 10'000'000);
    robots.role = RequestRole::Robots;
    robots.contentType = QStringLiteral("text/plain");
    RequestRecord seed = done(1, QStringLiteral("http://example.org/"), Outcome::Ok, 200, 0, 60'000'000);
    RequestRecord busy = done(2, QStringLiteral("http://example.org/about"), Outcome::HttpError, 503,
                              60'000'000, 70'000'000);
    busy.parentId = 1;
    busy.depth = 1;
    RequestRecord retry
        = done(3, QStringLiteral("http://example.org/about"), Outcome::Ok, 200, 570'000'000, 600'000'000);
    retry.parentId = 1;
    retry.depth = 1;
    retry.attempt = 2;
    RequestRecord moved
        = done(4, QStringLiteral("http://example.org/old?b=2&a=1"), Outcome::Ok, 301, 60'000'000, 65'000'000);
    moved.finalUrl = QUrl(QStringLiteral("http://example.org/new?a=1&b=2"));
    moved.parentId = 1;
    moved.depth = 1;
    RequestRecord target
        = done(5, QStringLiteral("http://example.org/new?a=1&b=2"), Outcome::Ok, 200, 65'000'000, 80'000'000);
    target.parentId = 4; // a redirect keeps its source's depth
    target.depth = 1;
    RequestRecord blogRobots = done(6, QStringLiteral("https://blog.example.org/robots.txt"),
                                    Outcome::HttpError, 404, 60'000'000, 62'000'000);
    blogRobots.role = RequestRole::Robots;
    RequestRecord post = done(7, QStringLiteral("https://blog.example.org/post/ünï"), Outcome::Ok, 200,
                              600'000'000, 700'000'000);
    post.parentId = 3;
    post.depth = 2;
    RequestRecord slowRobots
        = record(8, QStringLiteral("https://slow.example.net/robots.txt"), mode, Outcome::Cancelled,
                 {{Mark::Queued, 62'000'000}, {Mark::Finished, 900'000'000}});
    slowRobots.role = RequestRole::Robots;
    slowRobots.error = QStringLiteral("cancelled");
    run.records = {robots, seed, busy, retry, moved, target, blogRobots, post, slowRobots};

    run.skipped = {
        {QUrl(QStringLiteral("http://example.org/private/x")), 1, 1, SkipReason::Robots,
         QStringLiteral("Disallow: /private/ (group \"*\", line 3)"), 1, 60'000'001},
        {QUrl(QStringLiteral("https://other.example.com/")), 1, 1, SkipReason::Scope,
         QStringLiteral("outside example.org"), 3, 60'000'002},
        {QUrl(QStringLiteral("http://example.org/")), 3, 2, SkipReason::Duplicate, QString(), 4, 600'000'001},
        {QUrl(QStringLiteral("https://blog.example.org/deep")), 7, 3, SkipReason::Depth,
         QStringLiteral("deeper than 2"), 1, 700'000'001},
        {QUrl(QStringLiteral("http://example.org/contact")), 5, 2, SkipReason::PageLimit,
         QStringLiteral("6 pages"), 2, 9'007'199'254'740'993},
        {QUrl(QStringLiteral("https://slow.example.net/")), -1, 0, SkipReason::Cancelled, QString(), 1,
         900'000'000},
    };
    run.hosts = {
        {QStringLiteral("http://example.org"), RobotsStatus::Parsed,
         QStringLiteral("robots.txt answered 200: 2 rules apply"), 0, 500, 5},
        {QStringLiteral("https://blog.example.org"), RobotsStatus::AllowAll,
         QStringLiteral("robots.txt answered 404: everything is allowed"), 6, 0, 1},
        {QStringLiteral("https://slow.example.net"), RobotsStatus::Fetching, QString(), 8, 0, 0},
    };
    return run;
}

// One record for each way a request can end early, as the timings must still add up for them.
inline RunResult edgeRun()
{
    using namespace Qt::StringLiterals;
    RunResult run;
    run.runId = 11;
    run.settings.mode = RunMode::Limited;
    run.settings.limit = 3;
    run.settings.delayMs = 1000;
    run.startedAt = QDateTime(QDate(2024, 5, 1), QTime(12, 0), QTimeZone::utc());
    run.endNs = 30'002'000'000;
    const RunMode mode = run.settings.mode;
    const QString url = u"http://127.0.0.1:8123/slow"_s;
    RequestRecord reused = record(0, url, mode, Outcome::Ok,
                                  {{Mark::Queued, 0},
                                   {Mark::GateAcquired, 0},
                                   {Mark::Issued, 500'000},
                                   {Mark::RequestSent, 600'000},
                                   {Mark::FirstByte, 10'000'000},
                                   {Mark::Finished, 12'000'000},
                                   {Mark::DelayReleased, 1'012'000'000}});
    reused.status = 200;
    reused.finalUrl = reused.url;
    RequestRecord refused = record(1, url, mode, Outcome::Failed,
                                   {{Mark::Queued, 0},
                                    {Mark::GateAcquired, 0},
                                    {Mark::Issued, 1'000'000},
                                    {Mark::ConnectStarted, 1'200'000},
                                    {Mark::Finished, 31'000'000}});
    refused.error = u"Connection refused"_s;
    RequestRecord timedOut = record(2, url, mode, Outcome::Failed,
                                    {{Mark::Queued, 0},
                                     {Mark::GateAcquired, 0},
                                     {Mark::Issued, 0},
                                     {Mark::ConnectStarted, 100},
                                     {Mark::RequestSent, 2'000'000},
                                     {Mark::Finished, 30'002'000'000}});
    timedOut.error = u"Operation timed out"_s;
    RequestRecord cancelledQueued
        = record(3, url, mode, Outcome::Cancelled, {{Mark::Queued, 1'500'000}, {Mark::Finished, 50'000'000}});
    cancelledQueued.error = u"cancelled"_s;
    RequestRecord cancelledAfterGate
        = record(4, url, mode, Outcome::Cancelled,
                 {{Mark::Queued, 0}, {Mark::GateAcquired, 40'000'000}, {Mark::Finished, 50'000'000}});
    cancelledAfterGate.error = u"cancelled"_s;
    RequestRecord cancelledReading = record(5, url, mode, Outcome::Cancelled,
                                            {{Mark::Queued, 0},
                                             {Mark::GateAcquired, 0},
                                             {Mark::Issued, 0},
                                             {Mark::ConnectStarted, 0},
                                             {Mark::RequestSent, 10},
                                             {Mark::FirstByte, 1'000},
                                             {Mark::Finished, 50'000'000}});
    cancelledReading.status = 200;
    cancelledReading.bytes = 100;
    cancelledReading.finalUrl = cancelledReading.url;
    cancelledReading.error = u"cancelled"_s;
    const RequestRecord pendingQueued = record(6, url, mode, Outcome::Pending, {{Mark::Queued, 2'000'000}});
    const RequestRecord pendingIssued = record(
        7, url, mode, Outcome::Pending, {{Mark::Queued, 0}, {Mark::GateAcquired, 1}, {Mark::Issued, 2}});
    const RequestRecord neverQueued = record(8, url, mode, Outcome::Pending, {});
    run.records = {reused,           refused,       timedOut,      cancelledQueued, cancelledAfterGate,
                   cancelledReading, pendingQueued, pendingIssued, neverQueued};
    return run;
}

inline QList<RunResult> all()
{
    return {limitedRun(), sequentialRun(), emptyGatherRun(), crawlRun()};
}

} // namespace SampleRuns
