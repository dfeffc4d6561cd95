#include "core/hostkey.h"
#include "core/phasespans.h"
#include "demoserver/demoserver.h"
#include "export/exporter.h"
#include "hostileserver.h"
#include "net/fetch.h"
#include "processstatus.h"
#include "run/runner.h"
#include "sanitizers.h"
#include "session/crawler.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

// Issue 13's hostile servers, each its own test: the hostile request ends within its bound and with its
// reason, a healthy request to another host in the same run (the demo server on 127.0.0.1, the fixture on
// 127.0.0.2) is unaffected, memory stays bounded, and nothing crashes. Bounds are invariants ("not before
// its timeout, and well before forever"), never measured durations.
namespace {

constexpr qint64 MsNs = 1'000'000;
constexpr int IdleMs = 1000;
constexpr int DeadlineMs = 3000;
constexpr int TickMs = 200; // faster than the idle timeout: only the deadline can stop a drip
// Generous: loaded CI machines. A healthy /delay/100 has this long; a request that ends "at its deadline"
// ends before the deadline plus this. Under ASan, code runs 2-3 times slower.
constexpr qint64 SlackMs = Sanitizers::bound<qint64>(4000, 10'000);
// Under ASan the resident size also holds the quarantine of freed blocks, which a case's garbage fills.
constexpr qint64 MaxGrowthKiB = 256 * 1024 + Sanitizers::bound<qint64>(0, Sanitizers::QuarantineKiB);

qint64 durationMs(const RequestRecord &record)
{
    return (record.at(Mark::Finished) - record.at(Mark::Issued)) / MsNs;
}

RunSettings hostileSettings()
{
    RunSettings settings;
    settings.mode = RunMode::Gather;
    settings.timeoutMs = IdleMs;
    settings.deadlineMs = DeadlineMs;
    return settings;
}

} // namespace

class TestHostileServers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void plainCase_data();
    void plainCase();
    void hugeHeaderDoesNotHoldAnotherHost_data();
    void hugeHeaderDoesNotHoldAnotherHost();
    void closeDelimitedBodyIsComplete();
    void certificateErrorsAreNamed_data();
    void certificateErrorsAreNamed();
    void certificateErrorsAfterARedirectAreNamed();
    void eachRunSendsItsOwnUserAgent();
    void tlsHandshakeIsAPhase();
    void timeoutNeverFiresEarly();
    void declaredCharsetDecodesLinks();
    void invalidUtf8IsReplacedNotFatal();
    void manyLinksAreCappedAndCounted();
    void hugeRobotsEndsTheCrawl();
    void endlessRetryAfterGivesUp();
    void unreadableRetryAfterIsSaid();

private:
    struct Outcome
    {
        RunResult run;
        RequestRecord hostile;
        QList<RequestRecord> healthy;
        qint64 growthKiB = 0;
    };
    /// Runs the hostile URL with three healthy demo requests beside it in one gather run.
    Outcome runBeside(const QUrl &hostile, const RunSettings &settings);
    RunResult crawl(const QUrl &seed, RunSettings settings, qint64 *growthKiB);
    void checkHealthy(const QList<RequestRecord> &healthy);

    DemoServer m_demo;
};

void TestHostileServers::initTestCase()
{
    QString error;
    QVERIFY2(m_demo.start(0, &error), qPrintable(error));
    QVERIFY(HostKey::fromUrl(m_demo.baseUrl())
            != HostKey::fromUrl(QUrl(QStringLiteral("http://127.0.0.2:1/"))));
}

TestHostileServers::Outcome TestHostileServers::runBeside(const QUrl &hostile, const RunSettings &settings)
{
    Outcome outcome;
    const qint64 before = ProcessStatus::residentKiB();
    Runner runner;
    QSignalSpy finished(&runner, &Runner::runFinished);
    const QUrl healthy = m_demo.baseUrl().resolved(QUrl(QStringLiteral("/delay/100")));
    runner.start({hostile, healthy, healthy, healthy}, settings);
    if (!finished.wait(60'000))
        return outcome;
    outcome.growthKiB = ProcessStatus::residentKiB() - before;
    outcome.run = finished.first().first().value<RunResult>();
    outcome.hostile = outcome.run.records.value(0);
    outcome.healthy = outcome.run.records.mid(1);
    // The figures issue 13's closing note asks for (time, RSS, the healthy requests beside it); printed, not
    // asserted: the assertions are the bounds in each test.
    qint64 healthyMaxMs = 0;
    for (const RequestRecord &record : std::as_const(outcome.healthy))
        healthyMaxMs = std::max(healthyMaxMs, durationMs(record));
    qInfo("figure case=\"%s\" hostile_ms=%lld reason=\"%s\" rss_growth_kib=%lld healthy_max_ms=%lld",
          QTest::currentDataTag() ? QTest::currentDataTag() : QTest::currentTestFunction(),
          durationMs(outcome.hostile), qPrintable(outcome.hostile.error), outcome.growthKiB, healthyMaxMs);
    return outcome;
}

void TestHostileServers::checkHealthy(const QList<RequestRecord> &healthy)
{
    QCOMPARE(healthy.size(), 3);
    for (const RequestRecord &record : healthy) {
        QVERIFY2(record.outcome == ::Outcome::Ok, qPrintable(record.error));
        QVERIFY2(durationMs(record) < 100 + SlackMs, qPrintable(QString::number(durationMs(record))));
    }
}

void TestHostileServers::plainCase_data()
{
    QTest::addColumn<HostileServer::Case>("hostileCase");
    QTest::addColumn<QString>("reason"); // a part of the recorded error
    QTest::addColumn<qint64>("atLeastMs"); // the stated bound it must not end before
    QTest::addColumn<qint64>("atMostMs");

    using C = HostileServer::Case;
    const QString timeout = QStringLiteral("no complete response header within %1 ms").arg(IdleMs);
    const QString deadline = QStringLiteral("deadline exceeded: not complete %1 ms").arg(DeadlineMs);
    QTest::newRow("never answers") << C::NeverAnswers << timeout << qint64(IdleMs) << IdleMs + SlackMs;
    QTest::newRow("drips a byte a tick") << C::Drip << deadline << qint64(DeadlineMs) << DeadlineMs + SlackMs;
    // Qt says nothing of a header until it is whole, so a trickling header is an idle one.
    QTest::newRow("slowloris headers") << C::Slowloris << timeout << qint64(IdleMs) << IdleMs + SlackMs;
    QTest::newRow("resets mid-body") << C::ResetMidBody << QStringLiteral("closed") << qint64(0) << SlackMs;
    QTest::newRow("announces 10 GB") << C::Announces10GB << QStringLiteral("exceeds the limit") << qint64(0)
                                     << SlackMs;
    QTest::newRow("gzip bomb") << C::GzipBomb << QStringLiteral("only a compression bomb has") << qint64(0)
                               << SlackMs;
    QTest::newRow("redirect loop") << C::RedirectLoop << QStringLiteral("redirect") << qint64(0) << SlackMs;
    QTest::newRow("redirect to file:")
        << C::RedirectToFile << QStringLiteral("unsupported scheme \"file\"") << qint64(0) << SlackMs;
    QTest::newRow("redirect to ftp:")
        << C::RedirectToFtp << QStringLiteral("unsupported scheme \"ftp\"") << qint64(0) << SlackMs;
    QTest::newRow("redirect to data:")
        << C::RedirectToData << QStringLiteral("unsupported scheme \"data\"") << qint64(0) << SlackMs;
    QTest::newRow("closes right after accept")
        << C::CloseOnAccept << QStringLiteral("closed") << qint64(0) << SlackMs;
}

void TestHostileServers::plainCase()
{
    QFETCH(HostileServer::Case, hostileCase);
    QFETCH(QString, reason);
    QFETCH(qint64, atLeastMs);
    QFETCH(qint64, atMostMs);

    HostileServer server(hostileCase);
    server.setTickMs(TickMs);
    QString error;
    QVERIFY2(server.listen(QHostAddress(QStringLiteral("127.0.0.2")), &error), qPrintable(error));
    const Outcome outcome = runBeside(server.url(QStringLiteral("/loop/0")), hostileSettings());
    QVERIFY(outcome.run.runId >= 0 && !outcome.run.records.isEmpty());

    const RequestRecord &hostile = outcome.hostile;
    QCOMPARE(hostile.outcome, ::Outcome::Failed);
    QVERIFY2(hostile.error.toString().contains(reason, Qt::CaseInsensitive), qPrintable(hostile.error));
    QVERIFY2(durationMs(hostile) >= atLeastMs, qPrintable(QString::number(durationMs(hostile))));
    QVERIFY2(durationMs(hostile) < atMostMs, qPrintable(QString::number(durationMs(hostile))));
    checkHealthy(outcome.healthy);
    QVERIFY2(outcome.growthKiB < MaxGrowthKiB, qPrintable(QString::number(outcome.growthKiB)));
    if (hostileCase == HostileServer::Case::GzipBomb) {
        // Stopped once past the check's threshold, not after inflating the whole of a chunk (100 MB, with the
        // event loop, and the healthy host's requests, waiting on it).
        const QRegularExpressionMatch inflated
            = QRegularExpression(QStringLiteral("inflated to over (\\d+) bytes")).match(hostile.error);
        QVERIFY2(inflated.hasMatch(), qPrintable(hostile.error));
        QVERIFY2(inflated.captured(1).toLongLong() <= Fetch::DecompressionCheckThreshold + 64 * 1024,
                 qPrintable(hostile.error));
    }
}

void TestHostileServers::hugeHeaderDoesNotHoldAnotherHost_data()
{
    QTest::addColumn<qint64>("headerBytes");
    QTest::addColumn<QString>("reason");
    // Past our cap and within what Qt 6.4 hands over: refused by its size, as its own failure.
    QTest::newRow("80 KiB") << qint64(80 * 1024) << QStringLiteral("exceeds the limit of 65536 bytes");
    // Past what Qt 6.4 accepts, read quickly: Qt reports the status line and drops every field,
    // Content-Length too, so the body never ends. Said as the header's failure, never as "no data".
    QTest::newRow("200 KB") << qint64(200'000) << QStringLiteral("response header refused");
    // Far past it: Qt reads a header byte by byte and reports nothing before its end, so either the idle
    // timeout finds it still coming, or Qt refuses it as above. Either way the reason is the header's.
    QTest::newRow("8 MB") << qint64(8LL * 1024 * 1024) << QStringLiteral("response header");
}

void TestHostileServers::hugeHeaderDoesNotHoldAnotherHost()
{
    QFETCH(qint64, headerBytes);
    QFETCH(QString, reason);
    HostileServer server(HostileServer::Case::HugeHeader);
    server.setHeaderBytes(headerBytes);
    QVERIFY(server.listen());
    RunSettings settings = hostileSettings();
    settings.timeoutMs = 5000;
    settings.deadlineMs = 30'000;
    const Outcome outcome = runBeside(server.url(), settings);
    QCOMPARE(outcome.hostile.outcome, ::Outcome::Failed);
    QVERIFY2(outcome.hostile.error.toString().contains(reason), qPrintable(outcome.hostile.error));
    QVERIFY2(!outcome.hostile.error.toString().contains(QLatin1String("no data")),
             qPrintable(outcome.hostile.error));
    // Parsed on a thread of its host's own: the healthy host's requests are not held up behind it.
    checkHealthy(outcome.healthy);
    QVERIFY2(outcome.growthKiB < MaxGrowthKiB, qPrintable(QString::number(outcome.growthKiB)));
}

void TestHostileServers::certificateErrorsAfterARedirectAreNamed()
{
    // A plain-http request watches for TLS only once a redirect takes it to https: the hop's certificate
    // errors must still be named, every one of them (Qt's own error string names only the first).
    HostileServer tls(HostileServer::Case::TlsExpired);
    QString error;
    QVERIFY2(tls.listen(QHostAddress(QStringLiteral("127.0.0.2")), &error), qPrintable(error));
    const QByteArray location = tls.url(QStringLiteral("/ok")).toEncoded();
    HostileServer redirect(HostileServer::Case::Scripted);
    redirect.setScript([location](const QByteArray &) -> QByteArray {
        return "HTTP/1.1 302 Found\r\nLocation: " + location + "\r\nContent-Length: 0\r\n\r\n";
    });
    QVERIFY(redirect.listen());
    const Outcome outcome = runBeside(redirect.url(QStringLiteral("/to-tls")), hostileSettings());
    const RequestRecord &hostile = outcome.hostile;
    QCOMPARE(hostile.outcome, ::Outcome::Failed);
    QCOMPARE(hostile.redirects, 1);
    QVERIFY2(hostile.error.toString().startsWith(QLatin1String("TLS error")), qPrintable(hostile.error));
    QVERIFY2(hostile.error.toString().contains(QLatin1String("self-signed"), Qt::CaseInsensitive),
             qPrintable(hostile.error));
    QVERIFY2(hostile.error.toString().contains(QLatin1String("expired"), Qt::CaseInsensitive),
             qPrintable(hostile.error));
    checkHealthy(outcome.healthy);
}

void TestHostileServers::eachRunSendsItsOwnUserAgent()
{
    // The request's headers are built once per run's settings and reused: a run with other settings must
    // not send the previous run's.
    HostileServer server(HostileServer::Case::Scripted);
    server.setScript(
        [](const QByteArray &) -> QByteArray { return "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"; });
    QVERIFY(server.listen());
    const QList<QByteArray> agents {"FirstAgent/1.0", "SecondAgent/2.0", "ThirdAgent/3.0"};
    for (const QByteArray &agent : agents) {
        RunSettings settings = hostileSettings();
        settings.userAgent = agent;
        settings.crawl.enabled = agent.startsWith("Third"); // the other redirect policy too
        const Outcome outcome = runBeside(server.url(QStringLiteral("/agent")), settings);
        QCOMPARE(outcome.hostile.outcome, ::Outcome::Ok);
    }
    const QList<QByteArray> &heads = server.heads();
    QCOMPARE(heads.size(), agents.size());
    for (qsizetype i = 0; i < agents.size(); ++i) {
        const QByteArray head = heads.at(i).toLower();
        QVERIFY2(head.contains(QByteArray("\r\nuser-agent: " + agents.at(i).toLower() + "\r\n")),
                 heads.at(i).constData());
        QVERIFY2(head.contains("\r\naccept-encoding: gzip, deflate\r\n"), heads.at(i).constData());
        // Timings are the origin's: a cache on the way is asked to reload, as Qt asks for AlwaysNetwork.
        QVERIFY2(head.contains("\r\ncache-control: no-cache\r\n"), heads.at(i).constData());
        QVERIFY2(head.contains("\r\npragma: no-cache\r\n"), heads.at(i).constData());
    }
}

void TestHostileServers::closeDelimitedBodyIsComplete()
{
    HostileServer server(HostileServer::Case::Http10CloseDelimited);
    QVERIFY(server.listen());
    const Outcome outcome = runBeside(server.url(), hostileSettings());
    QVERIFY2(outcome.hostile.outcome == ::Outcome::Ok, qPrintable(outcome.hostile.error));
    QCOMPARE(outcome.hostile.status, 200);
    QVERIFY(outcome.hostile.bytes > 0);
    checkHealthy(outcome.healthy);
}

void TestHostileServers::certificateErrorsAreNamed_data()
{
    QTest::addColumn<HostileServer::Case>("hostileCase");
    QTest::addColumn<QString>("problem");
    QTest::newRow("self-signed") << HostileServer::Case::TlsSelfSigned << QStringLiteral("self-signed");
    QTest::newRow("expired") << HostileServer::Case::TlsExpired << QStringLiteral("expired");
}

void TestHostileServers::certificateErrorsAreNamed()
{
    QFETCH(HostileServer::Case, hostileCase);
    QFETCH(QString, problem);
    HostileServer server(hostileCase);
    QString error;
    QVERIFY2(server.listen(QHostAddress(QStringLiteral("127.0.0.2")), &error), qPrintable(error));
    const Outcome outcome = runBeside(server.url(QStringLiteral("/ok")), hostileSettings());
    const RequestRecord &hostile = outcome.hostile;
    QCOMPARE(hostile.outcome, ::Outcome::Failed);
    QVERIFY2(hostile.error.toString().startsWith(QLatin1String("TLS error")), qPrintable(hostile.error));
    QVERIFY2(hostile.error.toString().contains(problem, Qt::CaseInsensitive), qPrintable(hostile.error));
    QCOMPARE(hostile.status, 0); // never ignored: no response was read
    QVERIFY(!hostile.reached(Mark::Encrypted));
    checkHealthy(outcome.healthy);
}

void TestHostileServers::tlsHandshakeIsAPhase()
{
    HostileServer server(HostileServer::Case::TlsSelfSigned);
    QString error;
    QVERIFY2(server.listen(QHostAddress(QStringLiteral("127.0.0.2")), &error), qPrintable(error));
    // Trusted as a CA by this process, the way a user's own CA would be: the handshake then succeeds.
    const QSslConfiguration before = QSslConfiguration::defaultConfiguration();
    QSslConfiguration trusting = before;
    trusting.addCaCertificate(server.certificate());
    QSslConfiguration::setDefaultConfiguration(trusting);
    const Outcome outcome = runBeside(server.url(QStringLiteral("/ok")), hostileSettings());
    QSslConfiguration::setDefaultConfiguration(before);

    const RequestRecord &record = outcome.hostile;
    QVERIFY2(record.outcome == ::Outcome::Ok, qPrintable(record.error));
    QVERIFY(record.reached(Mark::ConnectStarted) && record.reached(Mark::Encrypted));
    QVERIFY(record.at(Mark::ConnectStarted) <= record.at(Mark::Encrypted));
    QVERIFY(record.at(Mark::Encrypted) <= record.at(Mark::RequestSent));
    const PhaseSpans spans = PhaseSpans::of(record, record.at(Mark::Finished), false);
    QVERIFY(spans.hasStarted(PhaseSpans::Phase::Tls));
    QCOMPARE(spans.start(PhaseSpans::Phase::Tls), record.at(Mark::ConnectStarted));
    // Plain http beside it has no TLS phase.
    for (const RequestRecord &healthy : outcome.healthy) {
        QVERIFY(!healthy.reached(Mark::Encrypted));
        QVERIFY(
            !PhaseSpans::of(healthy, healthy.at(Mark::Finished), false).hasStarted(PhaseSpans::Phase::Tls));
    }

    // Carried to the files: HAR's ssl (inside connect), the CSV's and the JSON's encrypted mark.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const QString &name : {QStringLiteral("r.har"), QStringLiteral("r.csv"), QStringLiteral("r.json")})
        QVERIFY2(exportRuns({outcome.run}, dir.filePath(name), &error), qPrintable(error));
    QFile har(dir.filePath(QStringLiteral("r.har")));
    QVERIFY(har.open(QIODevice::ReadOnly));
    const QJsonObject log = QJsonDocument::fromJson(har.readAll()).object().value(u"log").toObject();
    const QJsonObject timings = log.value(u"entries").toArray().at(0).toObject().value(u"timings").toObject();
    QVERIFY(timings.value(u"ssl").toDouble() >= 0);
    QVERIFY(timings.value(u"ssl").toDouble() <= timings.value(u"connect").toDouble());
    QFile csv(dir.filePath(QStringLiteral("r.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QVERIFY(csv.readLine().contains("encrypted_ms"));
    QFile json(dir.filePath(QStringLiteral("r.json")));
    QVERIFY(json.open(QIODevice::ReadOnly));
    QVERIFY(json.readAll().contains("\"encrypted_ns\""));
    const auto back = importRuns(dir.filePath(QStringLiteral("r.json")), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->first().records.first().at(Mark::Encrypted), record.at(Mark::Encrypted));
}

void TestHostileServers::timeoutNeverFiresEarly()
{
    // Qt's transfer timeout is a coarse timer: 3 s fired from 2.85 s. Ours never fires before its time.
    HostileServer server(HostileServer::Case::NeverAnswers);
    QVERIFY(server.listen());
    RunSettings settings = hostileSettings();
    settings.timeoutMs = 600;
    Runner runner;
    QSignalSpy finished(&runner, &Runner::runFinished);
    runner.start(QList<QUrl>(8, server.url()), settings);
    QVERIFY(finished.wait(30'000));
    const RunResult run = finished.first().first().value<RunResult>();
    for (const RequestRecord &record : run.records) {
        QVERIFY2(record.error.toString().contains(QLatin1String("within 600 ms")), qPrintable(record.error));
        // From issued: the idle clock starts when the request is handed to the network.
        QVERIFY2(record.at(Mark::Finished) - record.at(Mark::Issued) >= 600 * MsNs,
                 qPrintable(QString::number(record.at(Mark::Finished) - record.at(Mark::Issued))));
    }
}

RunResult TestHostileServers::crawl(const QUrl &seed, RunSettings settings, qint64 *growthKiB)
{
    settings.crawl.enabled = true;
    settings.mode = RunMode::Limited;
    settings.limit = 4;
    settings.perHost = CrawlSettings::DefaultPerHost;
    const qint64 before = ProcessStatus::residentKiB();
    Runner runner;
    Crawler crawler(&runner);
    QSignalSpy finished(&runner, &Runner::runFinished);
    crawler.start({seed, m_demo.baseUrl().resolved(QUrl(QStringLiteral("/delay/100")))}, settings);
    if (!finished.wait(120'000))
        return {};
    const qint64 growth = ProcessStatus::residentKiB() - before;
    if (growthKiB)
        *growthKiB = growth;
    RunResult run = finished.first().first().value<RunResult>();
    qint64 healthyMs = -1; // the /delay/100 seed beside the hostile one
    for (const RequestRecord &record : run.records) {
        if (record.url.path() == QLatin1String("/delay/100"))
            healthyMs = durationMs(record);
    }
    qInfo("figure case=\"%s\" crawl_records=%lld rss_growth_kib=%lld healthy_ms=%lld",
          QTest::currentTestFunction(), qint64(run.records.size()), growth, healthyMs);
    return run;
}

void TestHostileServers::declaredCharsetDecodesLinks()
{
    // <a href="/caf\xE9"> in a page declared ISO-8859-1 is /café, whose path a browser sends as UTF-8.
    HostileServer server(HostileServer::Case::WrongCharset);
    QVERIFY(server.listen());
    const RunResult run = crawl(server.url(), RunSettings {}, nullptr);
    QVERIFY(!run.records.isEmpty());
    QTRY_VERIFY(server.requests().contains("/caf%C3%A9"));
    QVERIFY(!server.requests().contains("/caf%EF%BF%BD"));
}

void TestHostileServers::invalidUtf8IsReplacedNotFatal()
{
    // Declared UTF-8 and not: the bad bytes become U+FFFD, as a browser decodes them, and the crawl goes on.
    HostileServer server(HostileServer::Case::InvalidUtf8);
    QVERIFY(server.listen());
    const RunResult run = crawl(server.url(), RunSettings {}, nullptr);
    QVERIFY(!run.records.isEmpty());
    QVERIFY(server.requests().contains("/caf%EF%BF%BD"));
    const auto healthy = std::find_if(run.records.cbegin(), run.records.cend(), [&](const RequestRecord &r) {
        return r.url.port() == m_demo.baseUrl().port() && r.role == RequestRole::Page;
    });
    QVERIFY(healthy != run.records.cend());
    QCOMPARE(healthy->outcome, ::Outcome::Ok);
}

void TestHostileServers::manyLinksAreCappedAndCounted()
{
    HostileServer server(HostileServer::Case::ManyLinks);
    QVERIFY(server.listen());
    RunSettings settings;
    settings.crawl.maxPages = 20;
    qint64 growthKiB = 0;
    const RunResult run = crawl(server.url(), settings, &growthKiB);
    QVERIFY(!run.records.isEmpty());
    // The first maxLinksPerPage links are read. The page is parsed only as far as it takes to find them: what
    // that part held past the cap is counted, the rest is neither read nor counted, and the run says so.
    QCOMPARE(run.pagesCutShort, 1);
    QVERIFY2(run.linksDropped > 0
                 && run.linksDropped < HostileServer::ManyLinksCount - CrawlSettings::DefaultMaxLinksPerPage,
             qPrintable(QString::number(run.linksDropped)));
    qint64 skipped = run.skippedBeyondKept;
    for (const SkippedUrl &url : run.skipped)
        skipped += url.count;
    QVERIFY2(skipped >= CrawlSettings::DefaultMaxLinksPerPage - settings.crawl.maxPages,
             qPrintable(QString::number(skipped)));
    QVERIFY(run.skipped.size() <= CrawlSettings::DefaultMaxSkippedKept);
    QVERIFY2(growthKiB < MaxGrowthKiB, qPrintable(QString::number(growthKiB)));
}

void TestHostileServers::hugeRobotsEndsTheCrawl()
{
    HostileServer server(HostileServer::Case::HugeRobots);
    QVERIFY(server.listen());
    qint64 growthKiB = 0;
    const RunResult run = crawl(server.url(), RunSettings {}, &growthKiB);
    QVERIFY(!run.records.isEmpty());
    QVERIFY(std::all_of(run.records.cbegin(), run.records.cend(),
                        [](const RequestRecord &record) { return record.isDone(); }));
    const auto host = std::find_if(run.hosts.cbegin(), run.hosts.cend(), [&](const CrawlHost &h) {
        return h.origin == HostKey::fromUrl(server.url()).origin();
    });
    QVERIFY(host != run.hosts.cend());
    QVERIFY(host->robots != RobotsStatus::Fetching);
    QVERIFY2(growthKiB < MaxGrowthKiB, qPrintable(QString::number(growthKiB)));
}

void TestHostileServers::endlessRetryAfterGivesUp()
{
    HostileServer server(HostileServer::Case::EndlessRetryAfter);
    QVERIFY(server.listen());
    RunSettings settings;
    settings.crawl.maxRetries = 2;
    const RunResult run = crawl(server.url(), settings, nullptr);
    QVERIFY(!run.records.isEmpty());
    const auto last = std::find_if(run.records.crbegin(), run.records.crend(),
                                   [&](const RequestRecord &r) { return r.url == server.url(); });
    QVERIFY(last != run.records.crend());
    QCOMPARE(last->status, 503);
    QCOMPARE(last->attempt, 3);
    QVERIFY2(last->error.toString().contains(QLatin1String("not retried")), qPrintable(last->error));
}

void TestHostileServers::unreadableRetryAfterIsSaid()
{
    // Treated as absent (the backoff applies), and said so on the record, quoted so that it prints safely.
    HostileServer server(HostileServer::Case::Scripted);
    server.setScript([](const QByteArray &head) -> QByteArray {
        if (head.startsWith("GET /robots.txt "))
            return "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
        return "HTTP/1.1 503 Busy\r\nRetry-After: soon\x1b[2J\r\nContent-Length: 0\r\n\r\n";
    });
    QVERIFY(server.listen());
    RunSettings settings;
    settings.crawl.maxRetries = 1;
    const RunResult run = crawl(server.url(), settings, nullptr);
    const auto first = std::find_if(run.records.cbegin(), run.records.cend(), [&](const RequestRecord &r) {
        return r.url == server.url() && r.attempt == 1;
    });
    QVERIFY(first != run.records.cend());
    QCOMPARE(first->status, 503);
    QVERIFY2(first->error.toString().contains(
                 QLatin1String("Retry-After \"soon\\x1b[2J\" is unreadable: backed off 1000 ms")),
             qPrintable(first->error));
    QVERIFY(!first->error.toString().contains(QChar(0x1b)));
}

QTEST_GUILESS_MAIN(TestHostileServers)
#include "tst_hostileservers.moc"
