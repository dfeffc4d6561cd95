#include "core/hostkey.h"
#include "demoserver/demoserver.h"
#include "demoserver/demosite.h"
#include "demositeoracle.h"
#include "fixtureserver.h"
#include "net/managerpool.h"
#include "run/runner.h"
#include "session/crawler.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>

namespace {

constexpr qint64 MsNs = 1'000'000;

RunSettings crawlSettings()
{
    RunSettings settings;
    settings.crawl.enabled = true;
    settings.perHost = CrawlSettings::DefaultPerHost;
    return settings;
}

RunResult crawl(const QList<QUrl> &seeds, const RunSettings &settings)
{
    Runner runner;
    Crawler crawler(&runner);
    QSignalSpy finished(&runner, &Runner::runFinished);
    crawler.start(seeds, settings);
    if (finished.isEmpty() && !finished.wait(60'000))
        return {};
    return finished.first().first().value<RunResult>();
}

QString pathOf(const QUrl &url)
{
    return url.toString(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::FullyEncoded);
}

QList<RequestRecord> pages(const RunResult &run)
{
    QList<RequestRecord> result;
    std::copy_if(run.records.cbegin(), run.records.cend(), std::back_inserter(result),
                 [](const RequestRecord &record) { return record.role == RequestRole::Page; });
    return result;
}

QStringList sortedPaths(const QList<RequestRecord> &records)
{
    QStringList paths;
    for (const auto &record : records)
        paths.append(pathOf(record.url));
    paths.sort();
    return paths;
}

QStringList skippedPaths(const RunResult &run, SkipReason reason)
{
    QStringList paths;
    for (const auto &skipped : run.skipped) {
        if (skipped.reason == reason)
            paths.append(pathOf(skipped.url));
    }
    paths.sort();
    return paths;
}

QList<RequestRecord> recordsFor(const RunResult &run, const QString &path)
{
    QList<RequestRecord> result;
    for (const auto &record : run.records) {
        if (pathOf(record.url) == path)
            result.append(record);
    }
    return result;
}

} // namespace

class TestCrawler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // One polite crawl of the demo site, checked from several sides.
    void findsExactlyTheExpectedPages();
    void skipsWithTheExpectedReasons();
    void fetchesRobotsTxtOnceBeforeAnyPage();
    void keepsTheCrawlDelaySpacing();
    void waitsOutRetryAfterAndRetries();
    void keepsThePerHostCap();
    void recordsParentsAndDepths();

    void limitsAreHard_data();
    void limitsAreHard();
    void robotsTxtAnswers_data();
    void robotsTxtAnswers();
    void ignoringRobotsIsExplicit();
    void redirectsAreFollowedHopByHopAndOnce();
    void redirectChainsAreBounded();
    void scopeAndPatternsDecide();
    void nofollowIsHonouredUnlessTurnedOff();
    void retryAfterDateIsHonoured();
    void retriesAreBounded();
    void tooLongRetryAfterIsNotWaitedFor();
    void nothingSlipsOutBetweenA429AndItsPause();
    void aRetryWithNoPageLeftIsNotWaitedFor();
    void perHostCapHoldsWithoutCrawlDelay();
    void robotsTxtRedirectedToAnotherHostDecidesForItsOwn();
    void cancelKeepsEverythingFound();
    void badPatternsAreNamed();

private:
    RunResult m_polite;
    QUrl m_site;
};

void TestCrawler::initTestCase()
{
    DemoServer server; // a fresh server, so busy.html answers its 429 to this crawl
    QString error;
    QVERIFY2(server.start(0, &error), qPrintable(error));
    m_site = server.baseUrl().resolved(QUrl(QStringLiteral("/site/")));
    m_polite = crawl({m_site}, crawlSettings());
    QVERIFY(!m_polite.records.isEmpty());
    QVERIFY(!m_polite.cancelled);
}

void TestCrawler::findsExactlyTheExpectedPages()
{
    QList<RequestRecord> firstAttempts = pages(m_polite);
    firstAttempts.removeIf([](const RequestRecord &record) { return record.attempt > 1; });
    const QStringList expected = DemoSiteOracle::expectedPolitePaths(DemoSite::PoliteMaxDepth);
    QCOMPARE(sortedPaths(firstAttempts), expected);

    // Each URL once, but busy.html: its 429 was retried as a second request.
    QStringList all = sortedPaths(pages(m_polite));
    QCOMPARE(all.count(QStringLiteral("/site/busy.html")), 2);
    all.removeOne(QStringLiteral("/site/busy.html"));
    QCOMPARE(all, expected);
    for (const auto &record : pages(m_polite))
        QVERIFY2(record.outcome != Outcome::Failed && record.outcome != Outcome::Cancelled,
                 qPrintable(record.url.toString() + u' ' + record.error.toString()));
}

void TestCrawler::skipsWithTheExpectedReasons()
{
    QCOMPARE(skippedPaths(m_polite, SkipReason::Robots),
             (QStringList {QStringLiteral("/site/private/secret.html"), QStringLiteral("/site/report.pdf")}));
    QCOMPARE(skippedPaths(m_polite, SkipReason::Nofollow), QStringList {QStringLiteral("/site/hidden.html")});

    // Exactly what one more level would have fetched.
    QStringList deeper = DemoSiteOracle::expectedPolitePaths(DemoSite::PoliteMaxDepth + 1);
    for (const QString &path : DemoSiteOracle::expectedPolitePaths(DemoSite::PoliteMaxDepth))
        deeper.removeOne(path);
    QCOMPARE(skippedPaths(m_polite, SkipReason::Depth), deeper);

    // Every spelling of about.html, the redirect's target included, was recognised as the page fetched.
    const QStringList duplicates = skippedPaths(m_polite, SkipReason::Duplicate);
    QVERIFY(duplicates.contains(QStringLiteral("/site/about.html")));
    const auto about
        = std::find_if(m_polite.skipped.cbegin(), m_polite.skipped.cend(), [](const SkippedUrl &s) {
              return s.reason == SkipReason::Duplicate && pathOf(s.url) == QStringLiteral("/site/about.html");
          });
    // ./about.html, /site/./about.html, #team, HTTP://HOST, the redirect, the refresh and nofollow.html.
    QCOMPARE(about->count, 7);
    const QStringList fetched = sortedPaths(pages(m_polite));
    for (const QString &path : duplicates)
        QVERIFY2(fetched.contains(path), qPrintable(path));

    QVERIFY(skippedPaths(m_polite, SkipReason::Scope).isEmpty());
    QVERIFY(skippedPaths(m_polite, SkipReason::PageLimit).isEmpty());

    const CrawlSummary summary = summarizeCrawl(m_polite);
    QCOMPARE(summary.pages, DemoSiteOracle::expectedPolitePaths().size());
    QCOMPARE(summary.retries, 1);
    QCOMPARE(summary.notHtml, 1); // data.csv; the PDF is disallowed
}

void TestCrawler::fetchesRobotsTxtOnceBeforeAnyPage()
{
    QList<RequestRecord> robots;
    std::copy_if(m_polite.records.cbegin(), m_polite.records.cend(), std::back_inserter(robots),
                 [](const RequestRecord &record) { return record.role == RequestRole::Robots; });
    QCOMPARE(robots.size(), 1);
    QCOMPARE(pathOf(robots.first().url), QStringLiteral("/robots.txt"));
    QCOMPARE(robots.first().status, 200);
    for (const auto &page : pages(m_polite))
        QVERIFY(page.at(Mark::Issued) >= robots.first().at(Mark::Finished));

    QCOMPARE(m_polite.hosts.size(), 1);
    const CrawlHost &host = m_polite.hosts.first();
    QCOMPARE(host.origin, HostKey::fromUrl(m_site).origin());
    QCOMPARE(host.robots, RobotsStatus::Parsed);
    QCOMPARE(host.crawlDelayMs, 200);
    QCOMPARE(host.robotsRecordId, robots.first().id);
    QCOMPARE(host.pages, pages(m_polite).size());
}

void TestCrawler::keepsTheCrawlDelaySpacing()
{
    // The demo's robots.txt asks for Crawl-delay: 0.2; from robots.txt itself on, no two requests to the host
    // were admitted closer together.
    QList<qint64> admitted;
    for (const auto &record : m_polite.records)
        admitted.append(record.at(Mark::GateAcquired));
    std::sort(admitted.begin(), admitted.end());
    for (qsizetype i = 1; i < admitted.size(); ++i)
        QVERIFY2(admitted[i] - admitted[i - 1] >= 200 * MsNs,
                 qPrintable(QStringLiteral("requests %1 and %2 were %3 ns apart")
                                .arg(i - 1)
                                .arg(i)
                                .arg(admitted[i] - admitted[i - 1])));
}

void TestCrawler::waitsOutRetryAfterAndRetries()
{
    const QList<RequestRecord> busy = recordsFor(m_polite, QStringLiteral("/site/busy.html"));
    QCOMPARE(busy.size(), 2);
    QCOMPARE(busy[0].status, 429);
    QCOMPARE(busy[0].attempt, 1);
    QCOMPARE(busy[1].status, 200);
    QCOMPARE(busy[1].attempt, 2);
    QCOMPARE(busy[1].parentId, busy[0].parentId);
    QCOMPARE(busy[1].depth, busy[0].depth);
    // Retry-After: 1, counted from the moment the 429 was complete.
    QVERIFY(busy[1].at(Mark::GateAcquired)
            >= busy[0].at(Mark::Finished) + DemoSite::BusyRetryAfterS * 1000 * MsNs);
    // The whole host waited, not only that URL.
    for (const auto &record : m_polite.records) {
        QVERIFY(record.at(Mark::GateAcquired) <= busy[0].at(Mark::Finished)
                || record.at(Mark::GateAcquired) >= busy[0].at(Mark::Finished) + 1000 * MsNs);
    }
    // patience.html is only linked from busy.html's 200, so only a crawler that retried finds it.
    QCOMPARE(recordsFor(m_polite, QStringLiteral("/site/patience.html")).size(), 1);
}

void TestCrawler::keepsThePerHostCap()
{
    QCOMPARE(m_polite.settings.perHost, CrawlSettings::DefaultPerHost);
    QVERIFY(peakInFlight(m_polite.records) <= CrawlSettings::DefaultPerHost);
}

void TestCrawler::recordsParentsAndDepths()
{
    const auto byId = [&](int id) { return m_polite.records.at(id); };
    for (const auto &record : pages(m_polite)) {
        const QString path = pathOf(record.url);
        if (path == QStringLiteral("/site/")) {
            QCOMPARE(record.parentId, -1);
            QCOMPARE(record.depth, 0);
            continue;
        }
        QVERIFY2(record.parentId >= 0, qPrintable(path));
        QVERIFY(record.depth <= DemoSite::PoliteMaxDepth);
        const RequestRecord parent = byId(record.parentId);
        // A redirect keeps its source's depth; a link is one level deeper.
        if (parent.status >= 300 && parent.status < 400)
            QCOMPARE(record.depth, parent.depth);
        else if (record.attempt == 1)
            QCOMPARE(record.depth, parent.depth + 1);
    }
    const RequestRecord hop = recordsFor(m_polite, QStringLiteral("/site/redirect-hop")).first();
    QCOMPARE(pathOf(byId(hop.parentId).url), QStringLiteral("/site/redirect-me"));
    QCOMPARE(hop.depth, 1);
    const RequestRecord guide = recordsFor(m_polite, QStringLiteral("/site/docs/guide.html")).first();
    QCOMPARE(pathOf(byId(guide.parentId).url), QStringLiteral("/site/base.html"));
}

void TestCrawler::limitsAreHard_data()
{
    QTest::addColumn<int>("maxPages");
    QTest::addColumn<int>("maxDepth");
    QTest::addColumn<int>("expectedPages");
    QTest::addColumn<bool>("pageLimitHit");

    QTest::newRow("10 pages") << 10 << 5 << 10 << true;
    QTest::newRow("depth 0") << 100 << 0 << 1 << false;
    QTest::newRow("depth 1, 5 pages") << 5 << 1 << 5 << true;
}

void TestCrawler::limitsAreHard()
{
    QFETCH(int, maxPages);
    QFETCH(int, maxDepth);
    QFETCH(int, expectedPages);
    QFETCH(bool, pageLimitHit);

    DemoServer server;
    QString error;
    QVERIFY2(server.start(0, &error), qPrintable(error));
    RunSettings settings = crawlSettings();
    settings.crawl.maxPages = maxPages;
    settings.crawl.maxDepth = maxDepth;
    settings.mode = RunMode::Gather;
    const RunResult run = crawl({server.baseUrl().resolved(QUrl(QStringLiteral("/site/")))}, settings);

    QCOMPARE(pages(run).size(), expectedPages);
    QCOMPARE(run.records.size(), expectedPages + 1); // and the robots.txt
    for (const auto &record : run.records)
        QVERIFY(record.depth <= maxDepth);
    QCOMPARE(!skippedPaths(run, SkipReason::PageLimit).isEmpty(), pageLimitHit);
    if (maxDepth == 0)
        QVERIFY(!skippedPaths(run, SkipReason::Depth).isEmpty());
}

void TestCrawler::robotsTxtAnswers_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<RobotsStatus>("decision");
    QTest::addColumn<bool>("pageFetched");

    QTest::newRow("200 disallowing /") << 200 << RobotsStatus::Parsed << false;
    QTest::newRow("404: allow all") << 404 << RobotsStatus::AllowAll << true;
    QTest::newRow("403: allow all") << 403 << RobotsStatus::AllowAll << true;
    QTest::newRow("500: disallow all") << 500 << RobotsStatus::DisallowAll << false;
    QTest::newRow("503 after retries: disallow all") << 503 << RobotsStatus::DisallowAll << false;
    QTest::newRow("429 after retries: disallow all") << 429 << RobotsStatus::DisallowAll << false;
}

void TestCrawler::robotsTxtAnswers()
{
    QFETCH(int, status);
    QFETCH(RobotsStatus, decision);
    QFETCH(bool, pageFetched);

    FixtureServer server;
    server.set("/robots.txt", {status, "text/plain", "User-agent: *\nDisallow: /\n", {{"Retry-After", "0"}}});
    server.set("/", FixtureServer::html("<a href=/next>next</a>"));
    RunSettings settings = crawlSettings();
    settings.crawl.maxRetries = 1;
    const RunResult run = crawl({server.url(QStringLiteral("/"))}, settings);

    QCOMPARE(run.hosts.size(), 1);
    QCOMPARE(run.hosts.first().robots, decision);
    QVERIFY(!run.hosts.first().robotsDetail.isEmpty());
    QCOMPARE(server.requests().first(), QByteArray("/robots.txt"));
    const int robotsRequests = status == 503 || status == 429 ? 2 : 1; // one retry allowed
    QCOMPARE(server.requests().count("/robots.txt"), robotsRequests);
    QCOMPARE(server.requests().contains("/"), pageFetched);
    QCOMPARE(skippedPaths(run, SkipReason::Robots).contains(QStringLiteral("/")), !pageFetched);
    if (pageFetched)
        QVERIFY(server.requests().contains("/next"));
}

void TestCrawler::ignoringRobotsIsExplicit()
{
    FixtureServer server;
    server.set("/robots.txt", {200, "text/plain", "User-agent: *\nDisallow: /\n", {}});
    server.set("/", FixtureServer::html("<a href=/next>next</a>"));
    RunSettings settings = crawlSettings();
    settings.crawl.obeyRobots = false;
    const RunResult run = crawl({server.url(QStringLiteral("/"))}, settings);

    QVERIFY(!server.requests().contains("/robots.txt"));
    QCOMPARE(server.requests(), (QList<QByteArray> {"/", "/next"}));
    QCOMPARE(run.hosts.first().robots, RobotsStatus::Ignored);
    QVERIFY(!run.settings.crawl.obeyRobots); // the result says so, for every summary and export
}

void TestCrawler::redirectsAreFollowedHopByHopAndOnce()
{
    FixtureServer server;
    server.set("/robots.txt", {404, "text/plain", "", {}});
    server.set("/", FixtureServer::html("<a href=/old>old</a> <a href=/new>new</a> <a href=/away>away</a>"));
    server.set("/old", {301, "text/html", "", {{"Location", "/older"}}});
    server.set("/older", {302, "text/html", "", {{"Location", "/new#top"}}});
    server.set("/new", FixtureServer::html("<a href=/>home</a> <a href=/OLD>case</a>"));
    server.set("/away", {301, "text/html", "", {{"Location", "http://localhost:1/elsewhere"}}});
    const RunResult run = crawl({server.url(QStringLiteral("/"))}, crawlSettings());

    QList<QByteArray> requests = server.requests();
    std::sort(requests.begin(), requests.end());
    QCOMPARE(requests, (QList<QByteArray> {"/", "/OLD", "/away", "/new", "/old", "/older", "/robots.txt"}));
    const RequestRecord older = recordsFor(run, QStringLiteral("/older")).first();
    QCOMPARE(older.status, 302);
    QCOMPARE(pathOf(run.records.at(older.parentId).url), QStringLiteral("/old"));
    QCOMPARE(older.depth, 1);
    QVERIFY(skippedPaths(run, SkipReason::Duplicate).contains(QStringLiteral("/new")));
    QCOMPARE(skippedPaths(run, SkipReason::Scope), QStringList {QStringLiteral("/elsewhere")});
}

void TestCrawler::redirectChainsAreBounded()
{
    FixtureServer server;
    server.set("/robots.txt", {404, "text/plain", "", {}});
    for (int i = 0; i < 5; ++i)
        server.set("/r" + QByteArray::number(i),
                   {301, "text/html", "", {{"Location", "/r" + QByteArray::number(i + 1)}}});
    RunSettings settings = crawlSettings();
    settings.maxRedirects = 2;
    const RunResult run = crawl({server.url(QStringLiteral("/r0"))}, settings);

    QCOMPARE(sortedPaths(pages(run)),
             (QStringList {QStringLiteral("/r0"), QStringLiteral("/r1"), QStringLiteral("/r2")}));
    QCOMPARE(skippedPaths(run, SkipReason::RedirectLimit), QStringList {QStringLiteral("/r3")});
}

void TestCrawler::scopeAndPatternsDecide()
{
    FixtureServer server;
    server.set("/robots.txt", {404, "text/plain", "", {}});
    const QByteArray other = "http://localhost:" + QByteArray::number(server.serverPort());
    server.set("/",
               FixtureServer::html("<a href=/keep/a>a</a> <a href=/keep/private/b>b</a> <a href=/drop>c</a> "
                                   "<a href="
                                   + other + "/keep/x>other host</a> <a href=mailto:x@y.z>mail</a>"));
    RunSettings settings = crawlSettings();
    settings.crawl.includes = {QStringLiteral("/keep/"), QStringLiteral("/$")};
    settings.crawl.excludes = {QStringLiteral("private")};
    const RunResult run = crawl({server.url(QStringLiteral("/"))}, settings);

    QCOMPARE(sortedPaths(pages(run)), (QStringList {QStringLiteral("/"), QStringLiteral("/keep/a")}));
    QMap<QString, QString> details;
    for (const auto &skipped : run.skipped) {
        if (skipped.reason == SkipReason::Scope)
            details.insert(skipped.url.toString(), skipped.detail);
    }
    QCOMPARE(details.size(), 3);
    QVERIFY(details.value(server.url(QStringLiteral("/keep/private/b")).toString())
                .contains(QStringLiteral("private")));
    QVERIFY(
        details.value(server.url(QStringLiteral("/drop")).toString()).contains(QStringLiteral("include")));
    QVERIFY(details.value(QString::fromLatin1(other) + QStringLiteral("/keep/x"))
                .contains(QStringLiteral("host")));
}

void TestCrawler::nofollowIsHonouredUnlessTurnedOff()
{
    FixtureServer server;
    server.set("/robots.txt", {404, "text/plain", "", {}});
    server.set("/", FixtureServer::html("<a href=/ad rel=nofollow>ad</a> <a href=/page>page</a>"));
    const RunResult polite = crawl({server.url(QStringLiteral("/"))}, crawlSettings());
    QCOMPARE(sortedPaths(pages(polite)), (QStringList {QStringLiteral("/"), QStringLiteral("/page")}));
    QCOMPARE(skippedPaths(polite, SkipReason::Nofollow), QStringList {QStringLiteral("/ad")});

    RunSettings settings = crawlSettings();
    settings.crawl.honourNofollow = false;
    const RunResult all = crawl({server.url(QStringLiteral("/"))}, settings);
    QCOMPARE(sortedPaths(pages(all)),
             (QStringList {QStringLiteral("/"), QStringLiteral("/ad"), QStringLiteral("/page")}));
}

void TestCrawler::retryAfterDateIsHonoured()
{
    // A date 3 s ahead (2 to 3 s, at the header's one-second resolution) is well beyond the 1 s backoff a
    // crawler would use without it.
    FixtureServer server;
    server.set("/robots.txt", {404, "text/plain", "", {}});
    const QByteArray date = QLocale::c()
                                .toString(QDateTime::currentDateTimeUtc().addSecs(3),
                                          QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
                                .toLatin1();
    server.set("/", {503, "text/html", "", {{"Retry-After", date}}});
    RunSettings settings = crawlSettings();
    settings.crawl.maxRetries = 1;
    const RunResult run = crawl({server.url(QStringLiteral("/"))}, settings);

    const QList<RequestRecord> attempts = recordsFor(run, QStringLiteral("/"));
    QCOMPARE(attempts.size(), 2);
    QVERIFY(attempts[1].at(Mark::GateAcquired) - attempts[0].at(Mark::Finished) >= 1900 * MsNs);
}

void TestCrawler::retriesAreBounded()
{
    FixtureServer server;
    server.set("/robots.txt", {404, "text/plain", "", {}});
    server.set("/", {429, "text/html", "", {{"Retry-After", "0"}}});
    server.set("/backoff", {503, "text/html", "", {}});
    RunSettings settings = crawlSettings();
    settings.crawl.maxRetries = 2;
    const RunResult run
        = crawl({server.url(QStringLiteral("/")), server.url(QStringLiteral("/backoff"))}, settings);

    const QList<RequestRecord> attempts = recordsFor(run, QStringLiteral("/"));
    QCOMPARE(attempts.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(attempts[i].attempt, i + 1);
        QCOMPARE(attempts[i].outcome, Outcome::HttpError);
    }
    QVERIFY2(attempts[2].error.toString().contains(QStringLiteral("not retried: 3 attempt")),
             qPrintable(attempts[2].error));
    // Without Retry-After: 1 s, then 2 s.
    const QList<RequestRecord> backoff = recordsFor(run, QStringLiteral("/backoff"));
    QCOMPARE(backoff.size(), 3);
    QVERIFY(backoff[1].at(Mark::GateAcquired) - backoff[0].at(Mark::Finished) >= 1000 * MsNs);
    QVERIFY(backoff[2].at(Mark::GateAcquired) - backoff[1].at(Mark::Finished) >= 2000 * MsNs);
}

void TestCrawler::tooLongRetryAfterIsNotWaitedFor()
{
    FixtureServer server;
    server.set("/robots.txt", {404, "text/plain", "", {}});
    server.set("/", {503, "text/html", "", {{"Retry-After", "86400"}}});
    const RunResult run = crawl({server.url(QStringLiteral("/"))}, crawlSettings());

    const QList<RequestRecord> attempts = recordsFor(run, QStringLiteral("/"));
    QCOMPARE(attempts.size(), 1);
    QVERIFY2(attempts.first().error.toString().contains(QStringLiteral("Retry-After asks for 86400 s")),
             qPrintable(attempts.first().error));
}

void TestCrawler::nothingSlipsOutBetweenA429AndItsPause()
{
    // No Crawl-delay to hide it: the host's next request must not take the slot the 429 gives back.
    FixtureServer server;
    server.set("/robots.txt", {404, "text/plain", "", {}});
    server.set("/", FixtureServer::html("<a href=/busy>busy</a> <a href=/a>a</a> <a href=/b>b</a>"));
    server.set("/busy", {429, "text/html", "", {{"Retry-After", "1"}}});
    RunSettings settings = crawlSettings();
    settings.mode = RunMode::Gather;
    settings.perHost = 1;
    settings.crawl.maxRetries = 0;
    const RunResult run = crawl({server.url(QStringLiteral("/"))}, settings);

    const RequestRecord busy = recordsFor(run, QStringLiteral("/busy")).first();
    QCOMPARE(busy.status, 429);
    for (const QString &path : {QStringLiteral("/a"), QStringLiteral("/b")}) {
        const RequestRecord after = recordsFor(run, path).first();
        QVERIFY2(after.at(Mark::GateAcquired) >= busy.at(Mark::Finished) + 1000 * MsNs,
                 qPrintable(path
                            + QStringLiteral(" went out %1 ms after the 429")
                                  .arg((after.at(Mark::GateAcquired) - busy.at(Mark::Finished)) / MsNs)));
    }
}

void TestCrawler::aRetryWithNoPageLeftIsNotWaitedFor()
{
    FixtureServer server;
    server.set("/robots.txt", {404, "text/plain", "", {}});
    server.set("/", FixtureServer::html("<a href=/busy>busy</a>"));
    server.set("/busy", {503, "text/html", "", {{"Retry-After", "1"}}});
    RunSettings settings = crawlSettings();
    settings.crawl.maxPages = 2;
    const RunResult run = crawl({server.url(QStringLiteral("/"))}, settings);

    QCOMPARE(pages(run).size(), 2);
    const RequestRecord busy = recordsFor(run, QStringLiteral("/busy")).first();
    QVERIFY2(busy.error.toString().contains(QStringLiteral("not retried: the limit of 2 pages")),
             qPrintable(busy.error));
    QCOMPARE(skippedPaths(run, SkipReason::PageLimit), QStringList {QStringLiteral("/busy")});
}

void TestCrawler::perHostCapHoldsWithoutCrawlDelay()
{
    // robots.txt ignored, so no Crawl-delay spaces the requests out: the cap alone keeps the host at 2.
    DemoServer server;
    QString error;
    QVERIFY2(server.start(0, &error), qPrintable(error));
    RunSettings settings = crawlSettings();
    settings.mode = RunMode::Gather;
    settings.crawl.obeyRobots = false;
    settings.crawl.maxDepth = 1;
    const RunResult run = crawl({server.baseUrl().resolved(QUrl(QStringLiteral("/site/")))}, settings);
    QVERIFY(pages(run).size() > 10);
    QCOMPARE(peakInFlight(run.records), CrawlSettings::DefaultPerHost);
}

void TestCrawler::robotsTxtRedirectedToAnotherHostDecidesForItsOwn()
{
    // RFC 9309: robots.txt redirects are followed, to another host too; the rules found there are the
    // first host's.
    FixtureServer server;
    const QByteArray other = "http://localhost:" + QByteArray::number(server.serverPort());
    server.set("/robots.txt", {301, "text/plain", "", {{"Location", other + "/rules.txt"}}});
    server.set("/rules.txt", {200, "text/plain", "User-agent: *\nDisallow: /private\n", {}});
    server.set("/", FixtureServer::html("<a href=/private>no</a> <a href=/public>yes</a>"));
    const RunResult run = crawl({server.url(QStringLiteral("/"))}, crawlSettings());

    QCOMPARE(run.hosts.size(), 1);
    QCOMPARE(run.hosts.first().robots, RobotsStatus::Parsed);
    QCOMPARE(pathOf(run.records.at(run.hosts.first().robotsRecordId).url), QStringLiteral("/rules.txt"));
    QCOMPARE(sortedPaths(pages(run)), (QStringList {QStringLiteral("/"), QStringLiteral("/public")}));
    QCOMPARE(skippedPaths(run, SkipReason::Robots), QStringList {QStringLiteral("/private")});
}

void TestCrawler::cancelKeepsEverythingFound()
{
    DemoServer server;
    QString error;
    QVERIFY2(server.start(0, &error), qPrintable(error));
    const QUrl site = server.baseUrl().resolved(QUrl(QStringLiteral("/site/")));

    // Cancelled before robots.txt answered: the seed is kept as a skipped URL, robots.txt as a record.
    {
        Runner runner;
        Crawler crawler(&runner);
        QSignalSpy finished(&runner, &Runner::runFinished);
        crawler.start({site}, crawlSettings());
        runner.cancel();
        QCOMPARE(finished.size(), 1);
        const auto run = finished.first().first().value<RunResult>();
        QVERIFY(run.cancelled);
        QCOMPARE(run.records.size(), 1);
        QCOMPARE(run.records.first().role, RequestRole::Robots);
        QCOMPARE(run.records.first().outcome, Outcome::Cancelled);
        QCOMPARE(skippedPaths(run, SkipReason::Cancelled), QStringList {QStringLiteral("/site/")});
        QVERIFY(!crawler.isRunning());
    }
    // A new crawl on a runner still busy with another ends that one first, and then runs whole.
    {
        Runner runner;
        Crawler crawler(&runner);
        QSignalSpy finished(&runner, &Runner::runFinished);
        crawler.start({site}, crawlSettings(), 1);
        RunSettings shallow = crawlSettings();
        shallow.crawl.maxDepth = 0;
        crawler.start({site}, shallow, 2);
        QCOMPARE(finished.size(), 1);
        QVERIFY(finished.first().first().value<RunResult>().cancelled);
        QVERIFY(finished.wait(20'000));
        const auto second = finished.last().first().value<RunResult>();
        QCOMPARE(second.runId, 2);
        QVERIFY(!second.cancelled);
        QCOMPARE(sortedPaths(pages(second)), QStringList {QStringLiteral("/site/")});
    }
    // Cancelled mid-crawl: every record and every skip so far stays.
    {
        Runner runner;
        Crawler crawler(&runner);
        QSignalSpy finished(&runner, &Runner::runFinished);
        int recordsSeen = 0;
        connect(&runner, &Runner::recordsChanged, &runner, [&](int, const QList<RequestRecord> &changed) {
            recordsSeen = std::max(recordsSeen, changed.last().id + 1);
        });
        crawler.start({site}, crawlSettings());
        QTRY_VERIFY_WITH_TIMEOUT(runner.total() >= 8, 20'000);
        runner.cancel();
        QCOMPARE(finished.size(), 1);
        const auto run = finished.first().first().value<RunResult>();
        QVERIFY(run.cancelled);
        QVERIFY(run.records.size() >= 8);
        QVERIFY(std::all_of(run.records.cbegin(), run.records.cend(),
                            [](const RequestRecord &r) { return r.isDone(); }));
        QVERIFY(!run.skipped.isEmpty());
        QVERIFY(run.records.size() >= recordsSeen);
    }
}

void TestCrawler::badPatternsAreNamed()
{
    CrawlSettings settings;
    settings.enabled = true;
    QVERIFY(Crawler::checkSettings(settings).isEmpty());
    settings.excludes = {QStringLiteral("fine"), QStringLiteral("(unclosed")};
    const QString error = Crawler::checkSettings(settings);
    QVERIFY(error.contains(QStringLiteral("exclude")));
    QVERIFY(error.contains(QStringLiteral("(unclosed")));
    settings.excludes.clear();
    settings.maxPages = 0;
    QVERIFY(Crawler::checkSettings(settings).contains(QStringLiteral("page limit")));
}

QTEST_GUILESS_MAIN(TestCrawler)
#include "tst_crawler.moc"
