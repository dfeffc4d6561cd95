#include "demoserver/demogensite.h"
#include "demoserver/demoserver.h"
#include "eventloopwatch.h"
#include "fixtureserver.h"
#include "run/runner.h"
#include "sanitizers.h"
#include "session/crawler.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>

// The crawler parses on worker threads: the event loop keeps running while a huge page is read, and the crawl
// still acts on responses in the order they arrived.
namespace {

RunSettings crawlSettings()
{
    RunSettings settings;
    settings.crawl.enabled = true;
    settings.perHost = CrawlSettings::DefaultPerHost;
    settings.crawl.maxLinksPerPage = 0; // these pages are about reading every link without a stall
    return settings;
}

QByteArray repeatedLinks(const QByteArray &href, int count)
{
    const QByteArray link = "<a href=" + href + "></a>";
    QByteArray page;
    page.reserve(link.size() * count + 64);
    page += "<!DOCTYPE html><html><body>";
    for (int i = 0; i < count; ++i)
        page += link;
    page += "</body></html>";
    return page;
}

QString pathOf(const QUrl &url)
{
    return url.toString(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::FullyEncoded);
}

QStringList pagePaths(const RunResult &run)
{
    QStringList paths;
    for (const auto &record : run.records) {
        if (record.role == RequestRole::Page)
            paths.append(pathOf(record.url));
    }
    paths.sort();
    return paths;
}

const SkippedUrl *skipped(const RunResult &run, const QString &path, SkipReason reason)
{
    const auto it = std::find_if(run.skipped.cbegin(), run.skipped.cend(), [&](const SkippedUrl &skip) {
        return skip.reason == reason && pathOf(skip.url) == path;
    });
    return it == run.skipped.cend() ? nullptr : &*it;
}

} // namespace

class TestCrawlerParsing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eventLoopRunsWhileAMillionLinksAreParsed();
    void responsesAreActedOnInArrivalOrder();
    void aNewCrawlDropsTheOldOnesParses();
    void crawlsTheWholeGeneratedSite();
};

void TestCrawlerParsing::eventLoopRunsWhileAMillionLinksAreParsed()
{
    constexpr int Links = 1'000'000;
    FixtureServer server;
    server.set("/robots.txt", {404, "text/plain", "", {}});
    server.set("/", FixtureServer::html(repeatedLinks("/a", Links)));
    server.set("/a", FixtureServer::html("<p>leaf</p>"));

    Runner runner;
    Crawler crawler(&runner);
    QSignalSpy finished(&runner, &Runner::runFinished);
    EventLoopWatch watch;
    crawler.start({server.url(QStringLiteral("/"))}, crawlSettings());
    QVERIFY(finished.wait(Sanitizers::waitMs(120'000)));
    const qint64 maxGapMs = watch.largestGapMs();

    // A generous bound: parsing on the GUI thread stalled it for seconds (and far longer under ASan, whose
    // slowdown this bound allows for).
    QVERIFY2(maxGapMs < Sanitizers::bound(200, 1000),
             qPrintable(QStringLiteral("the event loop stalled for %1 ms").arg(maxGapMs)));
    QVERIFY(watch.ticks() > 0);

    // Every one of the links was acted on all the same.
    const auto run = finished.first().first().value<RunResult>();
    QVERIFY(!run.cancelled);
    QCOMPARE(pagePaths(run), (QStringList {QStringLiteral("/"), QStringLiteral("/a")}));
    const SkippedUrl *duplicate = skipped(run, QStringLiteral("/a"), SkipReason::Duplicate);
    QVERIFY(duplicate);
    QCOMPARE(duplicate->count, Links - 1);
}

void TestCrawlerParsing::responsesAreActedOnInArrivalOrder()
{
    // One request at a time, so /big's response arrives before /small's. /big takes far longer to parse,
    // yet its link gets the last page of the budget, and /small's is the one the limit keeps out.
    FixtureServer server;
    server.set("/robots.txt", {404, "text/plain", "", {}});
    server.set("/", FixtureServer::html("<a href=/big>big</a> <a href=/small>small</a>"));
    server.set("/big", FixtureServer::html(repeatedLinks("/from-big", 200'000)));
    server.set("/small", FixtureServer::html("<a href=/from-small>x</a>"));
    server.set("/from-big", FixtureServer::html("<p>leaf</p>"));
    server.set("/from-small", FixtureServer::html("<p>leaf</p>"));

    RunSettings settings = crawlSettings();
    settings.perHost = 1;
    settings.mode = RunMode::Sequential;
    settings.crawl.maxPages = 4;
    Runner runner;
    Crawler crawler(&runner);
    QSignalSpy finished(&runner, &Runner::runFinished);
    crawler.start({server.url(QStringLiteral("/"))}, settings);
    QVERIFY(finished.wait(Sanitizers::waitMs(60'000)));
    const auto run = finished.first().first().value<RunResult>();

    QCOMPARE(pagePaths(run),
             (QStringList {QStringLiteral("/"), QStringLiteral("/big"), QStringLiteral("/from-big"),
                           QStringLiteral("/small")}));
    QVERIFY(skipped(run, QStringLiteral("/from-small"), SkipReason::PageLimit));
    QCOMPARE(skipped(run, QStringLiteral("/from-big"), SkipReason::Duplicate)->count, 200'000 - 1);
    QCOMPARE(crawler.pendingResponses(), 0);
}

void TestCrawlerParsing::aNewCrawlDropsTheOldOnesParses()
{
    FixtureServer server;
    server.set("/robots.txt", {404, "text/plain", "", {}});
    server.set("/", FixtureServer::html(repeatedLinks("/stale", 300'000)));
    server.set("/stale", FixtureServer::html("<p>never</p>"));
    server.set("/fresh", FixtureServer::html("<a href=/fresh-leaf>x</a>"));
    server.set("/fresh-leaf", FixtureServer::html("<p>leaf</p>"));

    Runner runner;
    Crawler crawler(&runner);
    QSignalSpy finished(&runner, &Runner::runFinished);
    crawler.start({server.url(QStringLiteral("/"))}, crawlSettings(), 1);
    // The big page arrived and is being parsed (or acted on): a new crawl starts then.
    QTRY_VERIFY_WITH_TIMEOUT(crawler.pendingResponses() > 0, 30'000);
    crawler.start({server.url(QStringLiteral("/fresh"))}, crawlSettings(), 2);
    QCOMPARE(finished.size(), 1);
    const auto first = finished.first().first().value<RunResult>();
    QVERIFY(first.cancelled);
    QVERIFY(!pagePaths(first).contains(QStringLiteral("/stale")));

    QVERIFY(finished.wait(Sanitizers::waitMs(30'000)));
    const auto second = finished.last().first().value<RunResult>();
    QCOMPARE(second.runId, 2);
    QVERIFY(!second.cancelled);
    QCOMPARE(pagePaths(second), (QStringList {QStringLiteral("/fresh"), QStringLiteral("/fresh-leaf")}));
    for (const SkippedUrl &skip : second.skipped)
        QVERIFY2(pathOf(skip.url) != QStringLiteral("/stale"),
                 "a result of the cancelled crawl came through");
    QCOMPARE(crawler.pendingResponses(), 0);
}

void TestCrawlerParsing::crawlsTheWholeGeneratedSite()
{
    // Every page once, and every other link met counted as a duplicate: nothing is lost or doubled on the way
    // through the worker threads, with many pages in flight and parsed at once.
    constexpr int Pages = 400;
    DemoServer server;
    QString error;
    QVERIFY2(server.start(0, &error), qPrintable(error));
    RunSettings settings = crawlSettings();
    settings.mode = RunMode::Gather;
    settings.perHost = 8;
    settings.crawl.obeyRobots = false;
    settings.crawl.maxDepth = 1000;
    settings.crawl.maxPages = Pages;
    Runner runner;
    Crawler crawler(&runner);
    QSignalSpy finished(&runner, &Runner::runFinished);
    crawler.start({server.baseUrl().resolved(QUrl(QString::fromLatin1(DemoGenSite::path(Pages, 0))))},
                  settings);
    QVERIFY(finished.wait(Sanitizers::waitMs(60'000)));
    const auto run = finished.first().first().value<RunResult>();

    QStringList expected;
    for (int page = 0; page < Pages; ++page)
        expected.append(QString::fromLatin1(DemoGenSite::path(Pages, page)));
    expected.sort();
    QCOMPARE(pagePaths(run), expected);
    int duplicates = 0;
    for (const SkippedUrl &skip : run.skipped) {
        QCOMPARE(skip.reason, SkipReason::Duplicate);
        duplicates += skip.count;
    }
    QCOMPARE(duplicates, Pages * DemoGenSite::LinksPerPage - (Pages - 1));
    for (const RequestRecord &record : run.records)
        QCOMPARE(record.status, 200);
}

QTEST_GUILESS_MAIN(TestCrawlerParsing)
#include "tst_crawlerparsing.moc"
