// The demo server's routes: what each endpoint answers, its delays, sizes, redirects and generated site.
#include "demoserver/demogensite.h"
#include "demoserver/demorouter.h"
#include "demoserver/demoserver.h"
#include "rawhttp.h"
#include "replywait.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <memory>
#include <vector>

namespace {

using namespace RawHttp;
using ReplyWait::finished;
using ReplyWait::statusOf;

} // namespace

class TestDemoServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void index();
    void fixedDelay();
    void jitterIsDeterministic();
    void jitterDependsOnSeedAndQuery();
    void plannedDelayIsWhatTheServerWaits();
    void plannedDelayIsUnknownElsewhere_data();
    void plannedDelayIsUnknownElsewhere();
    void status_data();
    void status();
    void bytes_data();
    void bytes();
    void headHasNoBody();
    void redirectChainIsFollowed();
    void redirectKeepsQuery();
    void generatedSiteLinksDeterministically();
    void generatedSiteReachesEveryPage();
    void generatedSiteRefusesWhatItLacks_data();
    void generatedSiteRefusesWhatItLacks();
    void unknownIs404_data();
    void unknownIs404();
    void badNumbersAre400_data();
    void badNumbersAre400();

private:
    std::unique_ptr<QNetworkReply> send(const QString &target, const QByteArray &verb = "GET",
                                        QNetworkRequest::RedirectPolicy policy
                                        = QNetworkRequest::ManualRedirectPolicy);
    QList<int> delaysOf(const DemoServer &server, const QStringList &targets);

    DemoServer m_server;
    QNetworkAccessManager m_manager;
};

std::unique_ptr<QNetworkReply> TestDemoServer::send(const QString &target, const QByteArray &verb,
                                                    QNetworkRequest::RedirectPolicy policy)
{
    QNetworkRequest request(m_server.baseUrl().resolved(QUrl(target)));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, policy);
    // As a custom verb, HEAD would make the manager wait for a body.
    return std::unique_ptr<QNetworkReply>(verb == "HEAD" ? m_manager.head(request)
                                                         : m_manager.sendCustomRequest(request, verb));
}

// The X-Demo-Delay-Ms of each target, fetched concurrently; empty if any request did not finish.
QList<int> TestDemoServer::delaysOf(const DemoServer &server, const QStringList &targets)
{
    std::vector<std::unique_ptr<QNetworkReply>> replies;
    for (const QString &target : targets)
        replies.emplace_back(m_manager.get(QNetworkRequest(server.baseUrl().resolved(QUrl(target)))));
    QList<int> delays;
    for (const auto &reply : replies) {
        if (!finished(reply.get()) || statusOf(reply.get()) != 200)
            return {};
        delays.append(reply->rawHeader("X-Demo-Delay-Ms").toInt());
    }
    return delays;
}

void TestDemoServer::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(0, &error), qPrintable(error));
    QVERIFY(m_server.isRunning());
    QVERIFY(m_server.port() != 0);
    QCOMPARE(m_server.baseUrl().toString(), QStringLiteral("http://127.0.0.1:%1").arg(m_server.port()));
}

void TestDemoServer::index()
{
    const auto reply = send(QStringLiteral("/"));
    QVERIFY(finished(reply.get()));
    QCOMPARE(statusOf(reply.get()), 200);
    QCOMPARE(reply->rawHeader("Content-Type"), QByteArray("text/html; charset=utf-8"));
    QCOMPARE(reply->rawHeader("Server"), QByteArray("Crawlscope-demo"));
    const QByteArray body = reply->readAll();
    QCOMPARE(reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(), body.size());
    for (const char *endpoint : {"/delay/", "/status/", "/bytes/", "/redirect/", "/gen/"})
        QVERIFY2(body.contains(endpoint), endpoint);
}

void TestDemoServer::fixedDelay()
{
    QElapsedTimer timer;
    timer.start();
    const auto reply = send(QStringLiteral("/delay/50"));
    QVERIFY(finished(reply.get()));
    QVERIFY(timer.elapsed() >= 50); // a lower bound only: the server may be late, never early
    QCOMPARE(statusOf(reply.get()), 200);
    QCOMPARE(reply->rawHeader("Content-Type"), QByteArray("text/html; charset=utf-8"));
    QCOMPARE(reply->rawHeader("X-Demo-Delay-Ms"), QByteArray("50"));
    QVERIFY(reply->readAll().contains("50 ms"));
}

void TestDemoServer::jitterIsDeterministic()
{
    const QString target = QStringLiteral("/delay/100-300");
    const QList<int> first = delaysOf(m_server, {target});
    const QList<int> second = delaysOf(m_server, {target});
    QCOMPARE(first.size(), 1);
    QCOMPARE(second, first);
    QVERIFY(first.at(0) >= 100 && first.at(0) <= 300);
    // Pinned to the formula in ENDPOINTS.md, so a change to the draw does not go unnoticed.
    QCOMPARE(first.at(0), 282);
    QCOMPARE(first.at(0), DemoRouter::jitterMs(1, "/delay/100-300", 100, 300));

    const auto reply = send(target);
    QVERIFY(finished(reply.get()));
    QVERIFY(reply->readAll().contains("282 ms"));
}

void TestDemoServer::jitterDependsOnSeedAndQuery()
{
    DemoServer other;
    other.setSeed(2);
    QVERIFY(other.start());

    QStringList targets;
    for (int n = 0; n < 6; ++n)
        targets.append(QStringLiteral("/delay/0-50?n=%1").arg(n));
    const QList<int> seedOne = delaysOf(m_server, targets);
    const QList<int> seedTwo = delaysOf(other, targets);
    QCOMPARE(seedOne.size(), targets.size());
    QCOMPARE(seedTwo.size(), targets.size());
    for (const int ms : seedOne + seedTwo)
        QVERIFY(ms >= 0 && ms <= 50);
    QVERIFY(QSet<int>(seedOne.cbegin(), seedOne.cend()).size() > 1); // the query takes part in the draw
    QVERIFY(seedOne != seedTwo); // so does the server seed

    // ?seed= overrides the server seed.
    const QStringList seeded {QStringLiteral("/delay/0-50?seed=7")};
    const QList<int> overridden = delaysOf(m_server, seeded);
    QCOMPARE(overridden.size(), 1);
    QCOMPARE(delaysOf(other, seeded), overridden);
    QCOMPARE(overridden.at(0), DemoRouter::jitterMs(7, "/delay/0-50?seed=7", 0, 50));
}

void TestDemoServer::plannedDelayIsWhatTheServerWaits()
{
    // The prediction of the lesson rests on this: what the server will wait is known before asking it.
    const QStringList targets {QStringLiteral("/delay/40"),          QStringLiteral("/delay/0-90"),
                               QStringLiteral("/delay/10-80?i=1"),   QStringLiteral("/delay/10-80?i=2"),
                               QStringLiteral("/delay/5-60?seed=9"), QStringLiteral("/status/200?delay=25"),
                               QStringLiteral("/bytes/10?delay=15")};
    const QList<int> waited = delaysOf(m_server, targets);
    QCOMPARE(waited.size(), targets.size());
    for (qsizetype i = 0; i < targets.size(); ++i) {
        const QUrl url = m_server.baseUrl().resolved(QUrl(targets[i]));
        QCOMPARE(m_server.plannedLatencyNs(url), std::optional<qint64>(qint64(waited[i]) * 1'000'000));
    }
}

void TestDemoServer::plannedDelayIsUnknownElsewhere_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("another port") << QStringLiteral("http://127.0.0.1:1/delay/40");
    QTest::newRow("another host") << QStringLiteral("http://example.com/delay/40");
    QTest::newRow("a redirect chain") << QStringLiteral("{demo}/redirect/3");
    QTest::newRow("a redirect status") << QStringLiteral("{demo}/status/302");
    QTest::newRow("the demo site") << QStringLiteral("{demo}/site/");
    QTest::newRow("a bad delay") << QStringLiteral("{demo}/delay/90-10");
}

void TestDemoServer::plannedDelayIsUnknownElsewhere()
{
    QFETCH(QString, url);
    url.replace(QStringLiteral("{demo}"), m_server.baseUrl().toString());
    QCOMPARE(m_server.plannedLatencyNs(QUrl(url)), std::nullopt);
}

void TestDemoServer::status_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("reason");
    QTest::addColumn<bool>("hasBody");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<QByteArray>("delay");

    QTest::newRow("200") << QStringLiteral("/status/200") << 200 << QByteArray("OK") << true << QByteArray()
                         << QByteArray();
    QTest::newRow("201") << QStringLiteral("/status/201") << 201 << QByteArray("Created") << true
                         << QByteArray() << QByteArray();
    QTest::newRow("204") << QStringLiteral("/status/204") << 204 << QByteArray("No Content") << false
                         << QByteArray() << QByteArray();
    QTest::newRow("404") << QStringLiteral("/status/404") << 404 << QByteArray("Not Found") << true
                         << QByteArray() << QByteArray();
    QTest::newRow("418") << QStringLiteral("/status/418") << 418 << QByteArray("I'm a teapot") << true
                         << QByteArray() << QByteArray();
    QTest::newRow("429") << QStringLiteral("/status/429?retry-after=0") << 429
                         << QByteArray("Too Many Requests") << true << QByteArray("0") << QByteArray();
    QTest::newRow("503") << QStringLiteral("/status/503?retry-after=2") << 503
                         << QByteArray("Service Unavailable") << true << QByteArray("2") << QByteArray();
    QTest::newRow("500 delayed") << QStringLiteral("/status/500?delay=20") << 500
                                 << QByteArray("Internal Server Error") << true << QByteArray()
                                 << QByteArray("20");
}

void TestDemoServer::status()
{
    QFETCH(QString, target);
    QFETCH(int, status);
    QFETCH(QByteArray, reason);
    QFETCH(bool, hasBody);
    QFETCH(QByteArray, retryAfter);
    QFETCH(QByteArray, delay);

    const auto reply = send(target);
    QVERIFY(finished(reply.get()));
    QCOMPARE(statusOf(reply.get()), status);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray(), reason);
    QCOMPARE(reply->rawHeader("Server"), QByteArray("Crawlscope-demo"));
    QVERIFY(reply->hasRawHeader("Content-Type"));
    QCOMPARE(reply->rawHeader("Retry-After"), retryAfter);
    QCOMPARE(reply->rawHeader("X-Demo-Delay-Ms"), delay);
    const QByteArray body = reply->readAll();
    QCOMPARE(!body.isEmpty(), hasBody);
    if (hasBody) {
        QCOMPARE(reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(), body.size());
        QVERIFY(body.contains(QByteArray::number(status)));
    }
}

void TestDemoServer::bytes_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<QString>("query");

    QTest::newRow("0") << qint64(0) << QString();
    QTest::newRow("1") << qint64(1) << QString();
    QTest::newRow("one period") << qint64(251) << QString();
    QTest::newRow("one chunk") << qint64(65536) << QString();
    QTest::newRow("many chunks") << qint64(3 * 1024 * 1024 + 5) << QString();
    QTest::newRow("delayed") << qint64(10) << QStringLiteral("?delay=20");
}

void TestDemoServer::bytes()
{
    QFETCH(qint64, size);
    QFETCH(QString, query);

    const auto reply = send(u"/bytes/" + QString::number(size) + query);
    QVERIFY(finished(reply.get()));
    QCOMPARE(statusOf(reply.get()), 200);
    QCOMPARE(reply->rawHeader("Content-Type"), QByteArray("application/octet-stream"));
    QCOMPARE(reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(), size);
    QCOMPARE(reply->rawHeader("X-Demo-Delay-Ms"), query.isEmpty() ? QByteArray() : QByteArray("20"));
    const QByteArray body = reply->readAll();
    QCOMPARE(body.size(), size);
    QVERIFY(body == expectedBytes(size));
}

void TestDemoServer::headHasNoBody()
{
    const auto reply = send(QStringLiteral("/bytes/1000"), "HEAD");
    QVERIFY(finished(reply.get()));
    QCOMPARE(statusOf(reply.get()), 200);
    QCOMPARE(reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(), 1000);
    QVERIFY(reply->readAll().isEmpty());

    // On the wire: a body after the HEAD response would show up as garbage before the next response.
    QByteArray received;
    QVERIFY(exchange(m_server.port(),
                     "HEAD /bytes/1000 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                         + request("/bytes/3", "Connection: close\r\n"),
                     &received));
    const QList<RawResponse> responses = splitResponses(received, {true, false});
    QCOMPARE(responses.size(), 2);
    QVERIFY(received.isEmpty());
    QCOMPARE(responses.at(0).status, 200);
    QCOMPARE(responses.at(0).header("Content-Length"), QByteArray("1000"));
    QCOMPARE(responses.at(1).status, 200);
    QCOMPARE(responses.at(1).body, expectedBytes(3));
}

void TestDemoServer::redirectChainIsFollowed()
{
    const auto reply = send(QStringLiteral("/redirect/3"), "GET", QNetworkRequest::NoLessSafeRedirectPolicy);
    QSignalSpy redirected(reply.get(), &QNetworkReply::redirected);
    QVERIFY(finished(reply.get()));
    QCOMPARE(redirected.size(), 3);
    QCOMPARE(reply->url().path(), QStringLiteral("/redirect/0"));
    QCOMPARE(statusOf(reply.get()), 200);
    // Headers are not compared: Qt 6.4 joins a header's values across the hops ("text/html, text/html").
    QVERIFY(reply->readAll().contains("The end of the redirect chain."));
}

void TestDemoServer::redirectKeepsQuery()
{
    const auto reply = send(QStringLiteral("/redirect/2?delay=5"));
    QVERIFY(finished(reply.get()));
    QCOMPARE(statusOf(reply.get()), 302);
    QCOMPARE(reply->rawHeader("Location"), QByteArray("/redirect/1?delay=5"));
    QCOMPARE(reply->rawHeader("X-Demo-Delay-Ms"), QByteArray("5"));
}

void TestDemoServer::generatedSiteLinksDeterministically()
{
    // What is served is what DemoGenSite::links() says, twice alike, in document order.
    for (const int page : {0, 1, 2499, 4999}) {
        const QByteArray path = DemoGenSite::path(5000, page);
        const auto reply = send(QString::fromLatin1(path));
        QVERIFY(finished(reply.get()));
        QCOMPARE(statusOf(reply.get()), 200);
        QCOMPARE(reply->rawHeader("Content-Type"), QByteArray("text/html; charset=utf-8"));
        QVERIFY(reply->rawHeader("X-Demo-Delay-Ms").isEmpty());
        const QByteArray body = reply->readAll();
        QVERIFY(body.contains(QByteArray("<title>Page " + QByteArray::number(page) + " of 5000</title>")));

        QList<int> served;
        for (qsizetype at = body.indexOf("href=\""); at >= 0; at = body.indexOf("href=\"", at + 1)) {
            const qsizetype start = at + 6;
            const QByteArray href = body.mid(start, body.indexOf('"', start) - start);
            QVERIFY2(href.startsWith("/gen/5000/"), href.constData());
            served.append(href.mid(10).toInt()); // "/gen/5000/" itself is page 0
        }
        const QList<int> expected = DemoGenSite::links(5000, page);
        QCOMPARE(served, expected);
        QCOMPARE(expected.size(), DemoGenSite::LinksPerPage);
        QVERIFY(!expected.contains(page));
        QCOMPARE(DemoGenSite::links(5000, page), expected);

        const auto again = send(QString::fromLatin1(path));
        QVERIFY(finished(again.get()));
        QCOMPARE(again->readAll(), body);
    }
    QCOMPARE(DemoGenSite::path(5000, 0), QByteArray("/gen/5000/"));
    QCOMPARE(DemoGenSite::path(5000, 7), QByteArray("/gen/5000/7"));
    QVERIFY(DemoGenSite::links(1, 0).isEmpty());
    QCOMPARE(DemoGenSite::links(2, 1), QList<int>(DemoGenSite::LinksPerPage, 0));
}

void TestDemoServer::generatedSiteReachesEveryPage()
{
    // From the root, by links alone, every page within a depth of log2(N): a crawl can take the whole site.
    constexpr int Pages = 5000;
    QList<int> depth(Pages, -1);
    depth[0] = 0;
    QList<int> frontier {0};
    int reached = 1;
    while (!frontier.isEmpty()) {
        QList<int> next;
        for (const int page : std::as_const(frontier)) {
            for (const int target : DemoGenSite::links(Pages, page)) {
                QVERIFY(target >= 0 && target < Pages);
                if (depth[target] >= 0)
                    continue;
                depth[target] = depth[page] + 1;
                next.append(target);
                ++reached;
            }
        }
        frontier = next;
    }
    QCOMPARE(reached, Pages);
    QVERIFY(*std::max_element(depth.cbegin(), depth.cend()) <= 13);
}

void TestDemoServer::generatedSiteRefusesWhatItLacks_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<int>("status");

    QTest::newRow("no slash") << QStringLiteral("/gen/10") << 400;
    QTest::newRow("no size") << QStringLiteral("/gen/") << 400;
    QTest::newRow("size 0") << QStringLiteral("/gen/0/") << 400;
    QTest::newRow("size too big") << QStringLiteral("/gen/1000001/") << 400;
    QTest::newRow("bad page") << QStringLiteral("/gen/10/x") << 400;
    QTest::newRow("too deep") << QStringLiteral("/gen/10/1/2") << 400;
    QTest::newRow("page past the end") << QStringLiteral("/gen/10/10") << 404;
    QTest::newRow("page 0 is the root") << QStringLiteral("/gen/10/0") << 404;
    QTest::newRow("last page") << QStringLiteral("/gen/10/9") << 200;
    QTest::newRow("one-page site") << QStringLiteral("/gen/1/") << 200;
}

void TestDemoServer::generatedSiteRefusesWhatItLacks()
{
    QFETCH(QString, target);
    QFETCH(int, status);
    const auto reply = send(target);
    QVERIFY(finished(reply.get()));
    QCOMPARE(statusOf(reply.get()), status);
    QCOMPARE(reply->rawHeader("Content-Type"), QByteArray("text/html; charset=utf-8"));
}

void TestDemoServer::unknownIs404_data()
{
    QTest::addColumn<QString>("target");
    QTest::newRow("unknown") << QStringLiteral("/nothing/here");
    QTest::newRow("favicon") << QStringLiteral("/favicon.ico");
    QTest::newRow("prefix") << QStringLiteral("/delayed/5");
}

void TestDemoServer::unknownIs404()
{
    QFETCH(QString, target);
    const auto reply = send(target);
    QVERIFY(finished(reply.get()));
    QCOMPARE(statusOf(reply.get()), 404);
    QCOMPARE(reply->rawHeader("Content-Type"), QByteArray("text/html; charset=utf-8"));
    QVERIFY(reply->readAll().contains("404"));
}

void TestDemoServer::badNumbersAre400_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QByteArray>("complaint");

    QTest::newRow("delay text") << QStringLiteral("/delay/abc") << QByteArray("bad delay");
    QTest::newRow("delay negative") << QStringLiteral("/delay/-5") << QByteArray("bad delay");
    QTest::newRow("delay too long") << QStringLiteral("/delay/600001") << QByteArray("bad delay");
    QTest::newRow("delay reversed") << QStringLiteral("/delay/300-100") << QByteArray("bad delay");
    QTest::newRow("delay missing") << QStringLiteral("/delay") << QByteArray("expected /delay/");
    QTest::newRow("delay seed") << QStringLiteral("/delay/1-2?seed=x") << QByteArray("bad seed");
    QTest::newRow("status 99") << QStringLiteral("/status/99") << QByteArray("bad status");
    QTest::newRow("status 1xx") << QStringLiteral("/status/100") << QByteArray("bad status");
    QTest::newRow("status 600") << QStringLiteral("/status/600") << QByteArray("bad status");
    QTest::newRow("retry-after") << QStringLiteral("/status/503?retry-after=soon")
                                 << QByteArray("bad retry-after");
    QTest::newRow("status delay") << QStringLiteral("/status/200?delay=1.5") << QByteArray("bad delay");
    QTest::newRow("bytes too many") << QStringLiteral("/bytes/2147483649") << QByteArray("bad size");
    QTest::newRow("bytes hex") << QStringLiteral("/bytes/0x10") << QByteArray("bad size");
    QTest::newRow("redirect too many") << QStringLiteral("/redirect/101") << QByteArray("bad redirect count");
    QTest::newRow("redirect extra") << QStringLiteral("/redirect/1/2") << QByteArray("expected /redirect/");
}

void TestDemoServer::badNumbersAre400()
{
    QFETCH(QString, target);
    QFETCH(QByteArray, complaint);
    const auto reply = send(target);
    QVERIFY(finished(reply.get()));
    QCOMPARE(statusOf(reply.get()), 400);
    const QByteArray body = reply->readAll();
    QVERIFY2(body.contains(complaint), body.constData());
}

QTEST_GUILESS_MAIN(TestDemoServer)
#include "tst_demoserver.moc"
