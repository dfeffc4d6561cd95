// The demo server's HTTP/1.1 on the wire: keep-alive, HTTP/1.0, oversized heads, request bodies, upgrades,
// clients that leave, thousands of connections at once, and a port already taken.
#include "demoserver/demoserver.h"
#include "rawhttp.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <vector>

namespace {

using namespace RawHttp;

} // namespace

class TestDemoServerHttp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keepAliveServesManyRequests();
    void http10Closes();
    void oversizedHeadIs431();
    void anErrorReachesAClientThatSentMore();
    void requestBodiesAreSkipped_data();
    void requestBodiesAreSkipped();
    void aBodyMaySendAfterItsHead();
    void anUpgradeIsAnsweredOverHttp11();
    void clientDisconnectCancelsDelay_data();
    void clientDisconnectCancelsDelay();
    void stopClosesConnections();
    void holdsThousandsOfConnections();
    void busyPortFails();

private:
    DemoServer m_server;
};

void TestDemoServerHttp::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(0, &error), qPrintable(error));
}

void TestDemoServerHttp::keepAliveServesManyRequests()
{
    QTcpSocket socket;
    QSignalSpy connected(&socket, &QTcpSocket::connected);
    socket.connectToHost(QHostAddress::LocalHost, m_server.port());
    QVERIFY(connected.wait(WaitMs));

    // One at a time: the connection stays open after each response.
    QByteArray received;
    for (int i = 0; i < 3; ++i) {
        socket.write(request("/status/201"));
        QList<RawResponse> responses;
        QVERIFY(QTest::qWaitFor(
            [&] {
                received += socket.readAll();
                responses += splitResponses(received);
                return !responses.isEmpty();
            },
            WaitMs));
        QCOMPARE(responses.size(), 1);
        QCOMPARE(responses.at(0).status, 201);
        QVERIFY(responses.at(0).header("Connection").isEmpty());
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    }

    // Pipelined: answered in order, and Connection: close is honoured after the last one.
    socket.write(request("/delay/30") + request("/status/202") + request("/bytes/5")
                 + request("/redirect/0", "Connection: close\r\n"));
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, WaitMs);
    received += socket.readAll();
    const QList<RawResponse> responses = splitResponses(received);
    QVERIFY(received.isEmpty());
    QCOMPARE(responses.size(), 4);
    QCOMPARE(responses.at(0).header("X-Demo-Delay-Ms"), QByteArray("30"));
    QCOMPARE(responses.at(1).status, 202);
    QCOMPARE(responses.at(2).body, expectedBytes(5));
    QCOMPARE(responses.at(3).status, 200);
    QCOMPARE(responses.at(3).header("Connection"), QByteArray("close"));
}

void TestDemoServerHttp::http10Closes()
{
    QByteArray received;
    QVERIFY(exchange(m_server.port(), "GET /status/200 HTTP/1.0\r\n\r\n", &received));
    const QList<RawResponse> responses = splitResponses(received);
    QCOMPARE(responses.size(), 1);
    QCOMPARE(responses.at(0).status, 200);
    QCOMPARE(responses.at(0).header("Connection"), QByteArray("close"));
}

void TestDemoServerHttp::oversizedHeadIs431()
{
    QByteArray received;
    QVERIFY(
        exchange(m_server.port(), request("/", "X-Padding: " + QByteArray(20000, 'a') + "\r\n"), &received));
    const QList<RawResponse> responses = splitResponses(received);
    QCOMPARE(responses.size(), 1);
    QCOMPARE(responses.at(0).status, 431);
}

// After an error the server reads no more requests and closes. The client's unread bytes must not turn that
// close into a reset, which can destroy the error response before the client reads it.
void TestDemoServerHttp::anErrorReachesAClientThatSentMore()
{
    DemoServer server;
    QVERIFY(server.start());
    QByteArray received;
    QVERIFY(exchange(server.port(), "NONSENSE\r\n\r\n" + QByteArray(8 * 1024 * 1024, 'x'), &received));
    const QList<RawResponse> responses = splitResponses(received);
    QCOMPARE(responses.size(), 1);
    QCOMPARE(responses.at(0).status, 400);
    QCOMPARE(responses.at(0).header("Connection"), QByteArray("close"));
    QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 0, WaitMs);
}

void TestDemoServerHttp::requestBodiesAreSkipped_data()
{
    QTest::addColumn<QByteArray>("first");
    QTest::newRow("content-length") << QByteArray("POST /status/201 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                                  "Content-Length: 11\r\n\r\nhello world");
    QTest::newRow("chunked, split") << QByteArray("POST /status/201 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                                  "Transfer-Encoding: chunked\r\n\r\n"
                                                  "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
}

// A body is read to its end, whatever its framing, so the request after it on the connection is answered.
void TestDemoServerHttp::requestBodiesAreSkipped()
{
    QFETCH(QByteArray, first);
    QByteArray received;
    QVERIFY(exchange(m_server.port(), first + request("/status/202", "Connection: close\r\n"), &received));
    const QList<RawResponse> responses = splitResponses(received);
    QCOMPARE(responses.size(), 2);
    QCOMPARE(responses.at(0).status, 405); // POST: every endpoint answers GET and HEAD only
    QCOMPARE(responses.at(1).status, 202);
}

// curl with Expect: 100-continue, or any client streaming a body, sends the head first and the body later:
// the server answers the head, and then reads the body as a body, not as the next request.
void TestDemoServerHttp::aBodyMaySendAfterItsHead()
{
    QTcpSocket socket;
    QSignalSpy connected(&socket, &QTcpSocket::connected);
    socket.connectToHost(QHostAddress::LocalHost, m_server.port());
    QVERIFY(connected.wait(WaitMs));
    socket.write("POST /status/201 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 11\r\n\r\n");
    QByteArray received;
    QVERIFY(QTest::qWaitFor(
        [&] {
            received += socket.readAll();
            QByteArray copy = received;
            return !splitResponses(copy).isEmpty();
        },
        WaitMs));
    socket.write("hello world" + request("/status/202", "Connection: close\r\n"));
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, WaitMs);
    received += socket.readAll();
    const QList<RawResponse> responses = splitResponses(received);
    QCOMPARE(responses.size(), 2);
    QCOMPARE(responses.at(0).status, 405);
    QCOMPARE(responses.at(1).status, 202);
}

// curl --http2 on an http:// URL asks to upgrade to h2c; the demo server answers over HTTP/1.1.
void TestDemoServerHttp::anUpgradeIsAnsweredOverHttp11()
{
    QByteArray received;
    QVERIFY(exchange(m_server.port(),
                     request("/status/201",
                             "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
                             "HTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA\r\n")
                         + request("/status/202", "Connection: close\r\n"),
                     &received));
    const QList<RawResponse> responses = splitResponses(received);
    QCOMPARE(responses.size(), 2);
    QCOMPARE(responses.at(0).status, 201);
    QCOMPARE(responses.at(1).status, 202);
}

void TestDemoServerHttp::clientDisconnectCancelsDelay_data()
{
    QTest::addColumn<bool>("reset");
    QTest::newRow("close") << false;
    QTest::newRow("reset") << true;
}

void TestDemoServerHttp::clientDisconnectCancelsDelay()
{
    QFETCH(bool, reset);
    DemoServer server;
    QVERIFY(server.start());

    auto socket = std::make_unique<QTcpSocket>();
    QSignalSpy connected(socket.get(), &QTcpSocket::connected);
    socket->connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(connected.wait(WaitMs));
    // The server reads both requests at once, so once the first is answered the long delay is pending.
    socket->write(request("/status/200") + request("/delay/5000"));
    QByteArray received;
    QVERIFY(QTest::qWaitFor(
        [&] {
            received += socket->readAll();
            return !splitResponses(received).isEmpty();
        },
        WaitMs));
    QCOMPARE(server.openConnections(), 1);

    if (reset)
        socket->abort();
    else
        socket->disconnectFromHost();
    socket.reset();
    QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 0, WaitMs);

    // And the server goes on answering.
    QVERIFY(exchange(server.port(), request("/delay/1", "Connection: close\r\n"), &received));
    const QList<RawResponse> after = splitResponses(received);
    QCOMPARE(after.size(), 1);
    QCOMPARE(after.at(0).status, 200);
    QCOMPARE(after.at(0).header("X-Demo-Delay-Ms"), QByteArray("1"));
}

void TestDemoServerHttp::stopClosesConnections()
{
    DemoServer server;
    QVERIFY(server.start());
    QTcpSocket socket;
    QSignalSpy connected(&socket, &QTcpSocket::connected);
    socket.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(connected.wait(WaitMs));
    socket.write(request("/delay/5000"));
    QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 1, WaitMs);

    server.stop();
    QVERIFY(!server.isRunning());
    QCOMPARE(server.openConnections(), 0);
    QVERIFY(server.baseUrl().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, WaitMs);
    QVERIFY(socket.readAll().isEmpty());

    QVERIFY(server.start()); // and it starts again
    QVERIFY(server.isRunning());
}

void TestDemoServerHttp::holdsThousandsOfConnections()
{
    constexpr int Clients = 1500;
    DemoServer server;
    QVERIFY(server.start());

    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    int done = 0;
    for (int i = 0; i < Clients; ++i) {
        auto *socket = sockets.emplace_back(std::make_unique<QTcpSocket>()).get();
        connect(socket, &QTcpSocket::connected, socket,
                [socket] { socket->write(request("/delay/200", "Connection: close\r\n")); });
        // Both may arrive for one socket; only the first counts.
        const auto finish = [socket, &done] {
            if (!socket->property("done").toBool()) {
                socket->setProperty("done", true);
                ++done;
            }
        };
        connect(socket, &QTcpSocket::disconnected, socket, finish);
        connect(socket, &QTcpSocket::errorOccurred, socket, finish);
        socket->connectToHost(QHostAddress::LocalHost, server.port());
    }
    QTRY_COMPARE_WITH_TIMEOUT(done, Clients, 60000);

    int ok = 0;
    for (const auto &socket : sockets) {
        QByteArray received = socket->readAll();
        const QList<RawResponse> responses = splitResponses(received);
        ok += responses.size() == 1 && responses.at(0).status == 200;
    }
    QCOMPARE(ok, Clients);
    QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 0, WaitMs);
}

void TestDemoServerHttp::busyPortFails()
{
    QTcpServer blocker;
    QVERIFY(blocker.listen(QHostAddress::LocalHost));

    DemoServer server;
    QString error;
    QVERIFY(!server.start(blocker.serverPort(), &error));
    QVERIFY(!server.isRunning());
    QVERIFY2(error.contains(QString::number(blocker.serverPort())), qPrintable(error));

    QVERIFY(!m_server.start(0, &error)); // already running
    QVERIFY2(error.contains(QString::number(m_server.port())), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestDemoServerHttp)
#include "tst_demoserverhttp.moc"
