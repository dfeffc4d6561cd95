#include "capture/capturesettings.h"
#include "capture/proxyserver.h"
#include "capture/requestbodydevice.h"
#include "core/clock.h"
#include "recorder/recorder.h"

#include <QTest>
#include <QTimer>

#include "processstatus.h"
#include "proxyfixtures.h"

using namespace ProxyFixtures;

namespace {

constexpr qint64 MsNs = 1'000'000;

QByteArray post(const QUrl &url, const QByteArray &framing)
{
    return "POST " + url.toEncoded() + " HTTP/1.1\r\nHost: x\r\n" + framing + "\r\n";
}

} // namespace

/// The capture proxy against clients and servers that misbehave (issue 13): a request body that stalls or
/// claims more than it sends, and an upstream that closes a kept-alive connection under a request.
class TestProxyHardening : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void timesOutAChunkedBodyThatStalls();
    void endsAChunkedBodyAtItsDeadline();
    void boundsAChunkClaimingTerabytes();
    void answersAStalledStreamedBody();
    void refusesALengthNoBodyCanHave();
    void resendsASmallBodyOnANewConnection();
    void namesWhyALargeBodyCannotBeResent();

private:
    void startProxy(int timeoutMs, int deadlineMs = 0);

    std::unique_ptr<Recorder> m_recorder;
    std::unique_ptr<ProxyServer> m_proxy;
};

void TestProxyHardening::cleanup()
{
    m_proxy.reset();
    m_recorder.reset();
}

void TestProxyHardening::startProxy(int timeoutMs, int deadlineMs)
{
    CaptureSettings settings;
    settings.run.timeoutMs = timeoutMs;
    settings.run.deadlineMs = deadlineMs;
    m_proxy.reset();
    m_recorder = std::make_unique<Recorder>();
    m_recorder->begin(1, settings.run);
    m_proxy = std::make_unique<ProxyServer>(m_recorder.get());
    QString error;
    QVERIFY2(m_proxy->listen(settings, &error), qPrintable(error));
}

void TestProxyHardening::timesOutAChunkedBodyThatStalls()
{
    startProxy(300);
    Upstream upstream;
    Client client(m_proxy->port());
    const qint64 sentAt = Clock::nowNs();
    // A chunk of 64 KiB announced, 100 bytes of it sent, then nothing.
    client.send(post(upstream.url(QStringLiteral("/stall")), "Transfer-Encoding: chunked\r\n") + "10000\r\n"
                + pattern(0, 100));
    QTRY_VERIFY_WITH_TIMEOUT(client.closed(), 10'000);
    const qint64 waitedNs = Clock::nowNs() - sentAt;
    QVERIFY2(client.received.startsWith("HTTP/1.1 408 Request Timeout\r\n"), client.received.constData());
    QVERIFY(client.received.contains("Connection: close\r\n"));
    QVERIFY2(client.received.contains("no more of its chunked request body for 300 ms"),
             client.received.constData());
    // A timeout never fires before its stated time.
    QVERIFY2(waitedNs >= 300 * MsNs, qPrintable(QString::number(waitedNs)));

    QTRY_VERIFY(m_recorder->count() == 1 && m_recorder->record(0).isDone());
    const RequestRecord &record = m_recorder->record(0);
    QCOMPARE(record.status, 408);
    QCOMPARE(record.outcome, Outcome::Failed);
    QVERIFY2(record.error.toString().contains(QLatin1String("refused with 408"))
                 && record.error.toString().contains(QLatin1String("(107 bytes of it came)")),
             qPrintable(record.error));
    QVERIFY(upstream.head.isEmpty()); // a body never gathered whole is never sent
    QTRY_COMPARE(m_proxy->openConnections(), 0);
}

void TestProxyHardening::endsAChunkedBodyAtItsDeadline()
{
    // Each byte comes well within the idle timeout; the deadline ends it anyway.
    startProxy(400, 900);
    Upstream upstream;
    Client client(m_proxy->port());
    client.send(post(upstream.url(QStringLiteral("/drip")), "Transfer-Encoding: chunked\r\n") + "10000\r\n");
    QTimer drip;
    connect(&drip, &QTimer::timeout, this, [&] { client.send("x"); });
    drip.start(50);
    QTRY_VERIFY_WITH_TIMEOUT(client.closed(), 10'000);
    QVERIFY2(client.received.startsWith("HTTP/1.1 408 "), client.received.constData());
    QTRY_VERIFY(m_recorder->count() == 1 && m_recorder->record(0).isDone());
    const RequestRecord &record = m_recorder->record(0);
    QCOMPARE(record.status, 408);
    QVERIFY2(record.error.toString().contains(QLatin1String("not complete 900 ms after its head")),
             qPrintable(record.error));
    QVERIFY(record.at(Mark::Finished) - record.at(Mark::Queued) >= 900 * MsNs);
    QVERIFY(upstream.head.isEmpty());
}

void TestProxyHardening::boundsAChunkClaimingTerabytes()
{
    // A chunk size of 1 TiB is a counter in the parser, never an allocation: the proxy holds what came.
    startProxy(300);
    Upstream upstream;
    Client client(m_proxy->port());
    const qint64 before = ProcessStatus::residentKiB();
    client.send(post(upstream.url(QStringLiteral("/huge-chunk")), "Transfer-Encoding: chunked\r\n")
                + "10000000000\r\n" + pattern(0, 1024 * 1024));
    QTRY_VERIFY_WITH_TIMEOUT(client.closed(), 10'000);
    const qint64 grownKiB = ProcessStatus::residentKiB() - before;
    qInfo("VmRSS grew by %lld KiB", grownKiB);
    QVERIFY2(client.received.startsWith("HTTP/1.1 408 "), client.received.constData());
    QVERIFY2(grownKiB < 64 * 1024, qPrintable(QString::number(grownKiB)));
    QTRY_VERIFY(m_recorder->count() == 1 && m_recorder->record(0).isDone());
    QCOMPARE(m_recorder->record(0).status, 408);
}

void TestProxyHardening::answersAStalledStreamedBody()
{
    // 10 GB claimed, 1 MiB sent, then nothing: the proxy streams what came and holds only its window; the
    // upstream request's transfer timeout ends it, and the client is named as the one that stopped.
    startProxy(300);
    Upstream upstream;
    Client client(m_proxy->port());
    const qint64 claimed = 10LL * 1000 * 1000 * 1000;
    const qint64 sent = 1024 * 1024;
    const qint64 before = ProcessStatus::residentKiB();
    client.send(post(upstream.url(QStringLiteral("/ten-gigabytes")),
                     "Content-Length: " + QByteArray::number(claimed) + "\r\n")
                + pattern(0, sent));
    QTRY_VERIFY_WITH_TIMEOUT(client.closed(), 10'000);
    const qint64 grownKiB = ProcessStatus::residentKiB() - before;
    qInfo("VmRSS grew by %lld KiB", grownKiB);
    QVERIFY2(client.received.startsWith("HTTP/1.1 408 Request Timeout\r\n"), client.received.constData());
    QVERIFY(client.received.contains("Connection: close\r\n"));
    QVERIFY2(grownKiB < 64 * 1024, qPrintable(QString::number(grownKiB)));
    QCOMPARE(upstream.bodyBytes, sent);
    QVERIFY2(upstream.head.contains("Content-Length: 10000000000\r\n"), upstream.head.constData());
    QVERIFY(m_proxy->stats().peakBodyBytesHeld <= 3 * RequestBodyDevice::ReplayBytes);

    QTRY_VERIFY(m_recorder->count() == 1 && m_recorder->record(0).isDone());
    const RequestRecord &record = m_recorder->record(0);
    QCOMPARE(record.status, 408);
    QCOMPARE(record.outcome, Outcome::Failed);
    QVERIFY2(record.error.toString().contains(
                 QLatin1String("the client sent 1048576 of the 10000000000 request body bytes "
                               "it announced, then nothing for")),
             qPrintable(record.error));
    QCOMPARE(record.bytesSent(), sent);
}

void TestProxyHardening::refusesALengthNoBodyCanHave()
{
    // http_parser takes lengths up to about 1.8e19; above 2^63 - 1 one was read as 0 and sent so.
    startProxy(300);
    Upstream upstream;
    Client client(m_proxy->port());
    client.send(post(upstream.url(QStringLiteral("/overflow")), "Content-Length: 10000000000000000000\r\n")
                + "abc");
    QTRY_VERIFY(client.closed());
    QVERIFY2(client.received.startsWith("HTTP/1.1 400 "), client.received.constData());
    QTRY_VERIFY(m_recorder->count() == 1 && m_recorder->record(0).isDone());
    const RequestRecord &record = m_recorder->record(0);
    QVERIFY2(record.error.toString().contains(
                 QLatin1String("Content-Length 10000000000000000000 is larger than any body")),
             qPrintable(record.error));
    QVERIFY(upstream.head.isEmpty());
}

void TestProxyHardening::resendsASmallBodyOnANewConnection()
{
    // The upstream connection the first request left open is closed under the second: Qt sends that one
    // again on a new connection, which needs its body from the start.
    startProxy(5000);
    Upstream upstream;
    upstream.dropsReusedConnections = true;
    Client client(m_proxy->port());
    client.send(post(upstream.url(QStringLiteral("/first")), "Content-Length: 2\r\n") + "ok");
    QTRY_COMPARE(client.responses(), 1);
    QCOMPARE(upstream.connections, 1);

    const QByteArray body = pattern(3, 200'000);
    client.received.clear();
    client.send(post(upstream.url(QStringLiteral("/again")), "Content-Length: 200000\r\n") + body);
    QTRY_COMPARE_WITH_TIMEOUT(client.responses(), 1, 10'000);
    QVERIFY2(client.received.startsWith("HTTP/1.1 200 OK\r\n"), client.received.constData());
    QCOMPARE(upstream.dropped, 1);
    QCOMPARE(upstream.connections, 2);
    const QByteArray hash = QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex();
    QCOMPARE(upstream.sha256, hash);
    QVERIFY(client.received.endsWith(hash));
    QTRY_VERIFY(m_recorder->count() == 2 && m_recorder->record(1).isDone());
    QCOMPARE(m_recorder->record(1).outcome, Outcome::Ok);
}

void TestProxyHardening::namesWhyALargeBodyCannotBeResent()
{
    startProxy(5000);
    Upstream upstream;
    upstream.dropsReusedConnections = true;
    Client client(m_proxy->port());
    client.send(post(upstream.url(QStringLiteral("/first")), "Content-Length: 2\r\n") + "ok");
    QTRY_COMPARE(client.responses(), 1);

    const qint64 size = 4 * RequestBodyDevice::ReplayBytes;
    client.received.clear();
    client.send(
        post(upstream.url(QStringLiteral("/large")), "Content-Length: " + QByteArray::number(size) + "\r\n")
        + pattern(0, size));
    QTRY_COMPARE_WITH_TIMEOUT(client.responses(), 1, 10'000);
    QVERIFY2(client.received.startsWith("HTTP/1.1 502 Bad Gateway\r\n"), client.received.constData());
    QCOMPARE(upstream.dropped, 1);
    QTRY_VERIFY(m_recorder->count() == 2 && m_recorder->record(1).isDone());
    const RequestRecord &record = m_recorder->record(1);
    QCOMPARE(record.outcome, Outcome::Failed);
    QCOMPARE(record.status, 502);
    QVERIFY2(
        record.error.toString().contains(QLatin1String("closed its kept-alive connection before answering"))
            && record.error.toString().contains(QLatin1String("first 262144 bytes"))
            && record.error.toString().contains(QLatin1String("this one has 1048576")),
        qPrintable(record.error));
}

QTEST_GUILESS_MAIN(TestProxyHardening)
#include "tst_proxyhardening.moc"
