#include "demoserver/demoserver.h"
#include "hostileserver.h"
#include "run/runner.h"
#include "session/crawler.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <algorithm>

// The rules of SECURITY.md that need a network to check. Two fixtures stand for two hosts: 127.0.0.2 (the
// one the user asked for) and 127.0.0.3 (another one it leads to).
class TestSecurity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoServerBindsLoopbackOnly();
    void crawlerFollowsOnlyHttp();
    void cookiesStayWithTheirHost_data();
    void cookiesStayWithTheirHost();
    void credentialsStayWithTheirHost_data();
    void credentialsStayWithTheirHost();

private:
    static RunResult runToEnd(const QList<QUrl> &urls, bool crawl);
};

RunResult TestSecurity::runToEnd(const QList<QUrl> &urls, bool crawl)
{
    RunSettings settings;
    settings.timeoutMs = 5000;
    Runner runner;
    Crawler crawler(&runner);
    QSignalSpy finished(&runner, &Runner::runFinished);
    if (crawl) {
        settings.crawl.enabled = true;
        settings.crawl.scope = ScopeKind::Any;
        settings.perHost = CrawlSettings::DefaultPerHost;
        crawler.start(urls, settings);
    } else {
        runner.start(urls, settings);
    }
    if (!finished.wait(60'000))
        return {};
    return finished.first().first().value<RunResult>();
}

void TestSecurity::demoServerBindsLoopbackOnly()
{
    DemoServer server;
    QString error;
    QVERIFY2(server.start(0, &error), qPrintable(error));
    QCOMPARE(server.baseUrl().host(), QStringLiteral("127.0.0.1"));
    QTcpSocket loopback;
    loopback.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(loopback.waitForConnected(10'000));
    // Bound to 127.0.0.1 itself, not to every address: even another loopback address is refused, so no
    // interface that other machines reach can be listening.
    QTcpSocket other;
    other.connectToHost(QHostAddress(QStringLiteral("127.0.0.2")), server.port());
    QVERIFY(!other.waitForConnected(10'000));
    QCOMPARE(other.error(), QAbstractSocket::ConnectionRefusedError);
}

void TestSecurity::crawlerFollowsOnlyHttp()
{
    HostileServer site(HostileServer::Case::Scripted);
    site.setScript([](const QByteArray &head) -> QByteArray {
        if (head.startsWith("GET /jump "))
            return "HTTP/1.1 302 Found\r\nLocation: file:///etc/passwd\r\nContent-Length: 0\r\n\r\n";
        const QByteArray body = "<a href=\"file:///etc/passwd\">f</a><a href=\"ftp://127.0.0.2/x\">f</a>"
                                "<a href=\"data:text/html,hi\">d</a><a href=\"javascript:alert(1)\">j</a>"
                                "<a href=\"mailto:a@b.c\">m</a><a href=\"/jump\">j</a>";
        return "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    });
    QVERIFY(site.listen());
    const RunResult run = runToEnd({site.url()}, true);
    QVERIFY(!run.records.isEmpty());
    for (const RequestRecord &record : run.records) {
        QVERIFY2(record.url.scheme() == QLatin1String("http"), qPrintable(record.url.toString()));
        QVERIFY(record.finalUrl.isEmpty() || record.finalUrl.scheme() == QLatin1String("http"));
    }
    // The redirect to file: was not followed, and says why.
    const auto jump = std::find_if(run.records.cbegin(), run.records.cend(), [](const RequestRecord &r) {
        return r.url.path() == QLatin1String("/jump");
    });
    QVERIFY(jump != run.records.cend());
    QCOMPARE(jump->status, 302);
    // Anything else it came across is at most listed as skipped, never requested.
    for (const SkippedUrl &skipped : run.skipped) {
        if (skipped.url.scheme() != QLatin1String("http"))
            QCOMPARE(skipped.reason, SkipReason::Scope);
    }
}

void TestSecurity::cookiesStayWithTheirHost_data()
{
    QTest::addColumn<bool>("crawl");
    QTest::newRow("redirect followed by the run") << false;
    QTest::newRow("redirect and link followed by the crawl") << true;
}

void TestSecurity::cookiesStayWithTheirHost()
{
    QFETCH(bool, crawl);
    HostileServer other(HostileServer::Case::Scripted);
    other.setScript([](const QByteArray &) -> QByteArray {
        return "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 2\r\n\r\nok";
    });
    QVERIFY(other.listen(QHostAddress(QStringLiteral("127.0.0.3"))));
    HostileServer site(HostileServer::Case::Scripted);
    const QByteArray elsewhere = other.url(QStringLiteral("/landing")).toEncoded();
    site.setScript([&](const QByteArray &head) -> QByteArray {
        if (head.startsWith("GET /robots.txt "))
            return "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
        if (head.startsWith("GET /page "))
            return "HTTP/1.1 200 OK\r\nSet-Cookie: session=secret-cookie; Path=/\r\nContent-Type: "
                   "text/html\r\n"
                   "Content-Length: 0\r\n\r\n";
        return "HTTP/1.1 302 Found\r\nSet-Cookie: session=secret-cookie; Path=/\r\nLocation: " + elsewhere
            + "\r\nContent-Length: 0\r\n\r\n";
    });
    QVERIFY(site.listen());
    // The cookie is set first by /page, then the redirect to the other host goes out.
    const RunResult run
        = runToEnd({site.url(QStringLiteral("/page")), site.url(QStringLiteral("/go"))}, crawl);
    QVERIFY(!run.records.isEmpty());
    QTRY_VERIFY(other.requests().contains("/landing"));
    for (const QByteArray &head : other.heads())
        QVERIFY2(!head.contains("secret-cookie"), head.constData());
}

void TestSecurity::credentialsStayWithTheirHost_data()
{
    cookiesStayWithTheirHost_data();
}

void TestSecurity::credentialsStayWithTheirHost()
{
    QFETCH(bool, crawl);
    HostileServer other(HostileServer::Case::Scripted);
    other.setScript([](const QByteArray &) -> QByteArray {
        return "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"x\"\r\nContent-Length: "
               "0\r\n\r\n";
    });
    QVERIFY(other.listen(QHostAddress(QStringLiteral("127.0.0.3"))));
    HostileServer site(HostileServer::Case::Scripted);
    const QByteArray elsewhere = other.url(QStringLiteral("/landing")).toEncoded();
    site.setScript([&](const QByteArray &head) -> QByteArray {
        if (head.startsWith("GET /robots.txt "))
            return "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
        if (!head.toLower().contains("\r\nauthorization: basic "))
            return "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"x\"\r\nContent-Length: "
                   "0\r\n\r\n";
        return "HTTP/1.1 302 Found\r\nLocation: " + elsewhere + "\r\nContent-Length: 0\r\n\r\n";
    });
    QVERIFY(site.listen());
    QUrl seed = site.url(QStringLiteral("/go"));
    seed.setUserName(QStringLiteral("user"));
    seed.setPassword(QStringLiteral("hunter2"));
    const RunResult run = runToEnd({seed}, crawl);
    QVERIFY(!run.records.isEmpty());
    QTRY_VERIFY(other.requests().contains("/landing"));
    for (const QByteArray &head : other.heads()) {
        QVERIFY2(!head.toLower().contains("authorization"), head.constData());
        QVERIFY2(!head.contains("hunter2"), head.constData());
    }
}

QTEST_GUILESS_MAIN(TestSecurity)
#include "tst_security.moc"
