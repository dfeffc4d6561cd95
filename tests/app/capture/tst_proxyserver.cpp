#include "capture/capturesettings.h"
#include "capture/proxyconnection.h"
#include "capture/proxyserver.h"
#include "core/clock.h"
#include "demoserver/demoserver.h"
#include "export/exporter.h"
#include "recorder/recorder.h"

#include <QCryptographicHash>
#include <QFile>
#include <QNetworkProxy>
#include <QProcess>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

#include "proxyfixtures.h"

using namespace ProxyFixtures;

/// The recording proxy in-process, against the demo server and a loopback TLS server.
class TestProxyServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void forwardsAndShowsConnectionReuse();
    void streamsBodiesWhole();
    void endsEachRequestBeforeTheClientHasIt();
    void followsNoRedirect();
    void refusesMalformedRequestsAndOthersGoOn();
    void refusesRequestsForItself();
    void tunnelsConnectAsOneRecord();
    void streamsALargeRequestBodyUpstream();
    void answersExpectContinue();
    void holdsAPipelinedBodyBackBehindASlowResponse();
    void keepsAnEmptyBodysLength();
    void sendsAChunkedBodyWithItsLength();
    void refusesMalformedChunkedBodies();
    void refusesAChunkedBodyOverTheCap();
    void recordsABodyCutShortByTheClient();
    void redactsAuthorizationInExports_data();
    void redactsAuthorizationInExports();

private:
    void startProxy(const CaptureSettings &settings = {});
    QUrl demo(const QString &path) const { return QUrl(m_demo.baseUrl().toString() + path); }

    DemoServer m_demo;
    std::unique_ptr<Recorder> m_recorder;
    std::unique_ptr<ProxyServer> m_proxy;
};

void TestProxyServer::init()
{
    QVERIFY(m_demo.start());
    startProxy();
}

void TestProxyServer::cleanup()
{
    m_proxy.reset();
    m_recorder.reset();
    m_demo.stop();
}

void TestProxyServer::startProxy(const CaptureSettings &settings)
{
    m_proxy.reset();
    m_recorder = std::make_unique<Recorder>();
    m_recorder->begin(1, settings.run);
    m_proxy = std::make_unique<ProxyServer>(m_recorder.get());
    QString error;
    QVERIFY2(m_proxy->listen(settings, &error), qPrintable(error));
    QCOMPARE(m_proxy->address().host(), QStringLiteral("127.0.0.1"));
}

void TestProxyServer::forwardsAndShowsConnectionReuse()
{
    Client client(m_proxy->port());
    client.send(get(demo(QStringLiteral("/delay/10"))));
    QTRY_COMPARE(client.responses(), 1);
    client.send(get(demo(QStringLiteral("/delay/10"))));
    QTRY_COMPARE(client.responses(), 2);
    QVERIFY(client.received.startsWith("HTTP/1.1 200 OK\r\n"));

    QTRY_COMPARE(m_recorder->count(), 2);
    QTRY_VERIFY(m_recorder->record(1).isDone());
    for (int id = 0; id < 2; ++id) {
        const RequestRecord &record = m_recorder->record(id);
        QCOMPARE(record.outcome, Outcome::Ok);
        QCOMPARE(record.status, 200);
        QCOMPARE(record.method(), QStringLiteral("GET"));
        QCOMPARE(record.connection(), 0);
        QCOMPARE(record.reusedConnection(), id == 1);
        QVERIFY(record.bytes > 0);
        QVERIFY(record.proxyNs() >= 0);
        QVERIFY(record.at(Mark::Queued) <= record.at(Mark::Issued));
        QVERIFY(record.at(Mark::Issued) <= record.at(Mark::RequestSent));
        QVERIFY(record.at(Mark::RequestSent) <= record.at(Mark::FirstByte));
        QVERIFY(record.at(Mark::FirstByte) <= record.at(Mark::Finished));
    }
    // A second client connection is a new one.
    Client other(m_proxy->port());
    other.send(get(demo(QStringLiteral("/delay/0"))));
    QTRY_COMPARE(other.responses(), 1);
    QTRY_VERIFY(m_recorder->count() == 3 && m_recorder->record(2).isDone());
    QCOMPARE(m_recorder->record(2).connection(), 1);
    QVERIFY(!m_recorder->record(2).reusedConnection());
}

void TestProxyServer::streamsBodiesWhole()
{
    const qint64 size = 3'000'000;
    Client client(m_proxy->port());
    client.send(get(demo(QStringLiteral("/bytes/%1").arg(size)), "Accept-Encoding: gzip\r\n"));
    QTRY_COMPARE_WITH_TIMEOUT(client.responses(), 1, 20'000);
    const qsizetype headEnd = client.received.indexOf("\r\n\r\n") + 4;
    QCOMPARE(client.received.size() - headEnd, size);
    QVERIFY(client.received.left(headEnd).contains("Content-Length: 3000000"));
    QTRY_VERIFY(m_recorder->count() == 1 && m_recorder->record(0).isDone());
    QCOMPARE(m_recorder->record(0).bytes, size);
}

void TestProxyServer::endsEachRequestBeforeTheClientHasIt()
{
    // The tracer matches the proxy's records into the client's by time: a record must end before the client
    // has its last byte, and begin after the client sent it, however this process is scheduled.
    Client client(m_proxy->port());
    QList<qint64> receivedAt;
    connect(client.socket.get(), &QTcpSocket::readyRead, this, [&] {
        while (receivedAt.size() < client.responses())
            receivedAt << Clock::nowNs();
    });
    QList<qint64> sentAt;
    for (int i = 0; i < 20; ++i) {
        sentAt << Clock::nowNs();
        client.send(get(demo(QStringLiteral("/bytes/%1").arg(1000 * i))));
        QTRY_COMPARE(receivedAt.size(), i + 1);
    }
    QTRY_VERIFY(m_recorder->count() == 20 && m_recorder->record(19).isDone());
    for (int id = 0; id < 20; ++id) {
        const RequestRecord &record = m_recorder->record(id);
        QCOMPARE(record.outcome, Outcome::Ok);
        QVERIFY(record.at(Mark::Queued) >= m_recorder->sinceStartNs(sentAt[id]));
        QVERIFY2(record.at(Mark::Finished) <= m_recorder->sinceStartNs(receivedAt[id]),
                 qPrintable(QStringLiteral("%1: finished %2 ns after the client had it")
                                .arg(id)
                                .arg(record.at(Mark::Finished) - m_recorder->sinceStartNs(receivedAt[id]))));
    }
}

void TestProxyServer::followsNoRedirect()
{
    Client client(m_proxy->port());
    client.send(get(demo(QStringLiteral("/redirect/2"))));
    QTRY_COMPARE(client.responses(), 1);
    QVERIFY2(client.received.startsWith("HTTP/1.1 302"), client.received.constData());
    QVERIFY(client.received.contains("Location: /redirect/1"));
    QTRY_VERIFY(m_recorder->count() == 1 && m_recorder->record(0).isDone());
    QCOMPARE(m_recorder->record(0).status, 302);
}

void TestProxyServer::refusesMalformedRequestsAndOthersGoOn()
{
    Client slow(m_proxy->port());
    slow.send(get(demo(QStringLiteral("/delay/300"))));
    QTRY_COMPARE(m_recorder->count(), 1);

    struct Bad
    {
        QByteArray request;
        QByteArray status;
        QString reason;
    };
    const QList<Bad> bad {
        {"GET /delay/0 HTTP/1.1\r\nHost: x\r\n\r\n", "400", QStringLiteral("origin-form")},
        {"FETCH http://h/ HTTP/1.1\r\n\r\n", "501", QStringLiteral("unknown method")},
        {"GET http://h/ HTTP/1.1\r\nX: " + QByteArray(CaptureSettings::DefaultMaxHeadBytes, 'a') + "\r\n\r\n",
         "400", QStringLiteral("longer than")},
        {"GET http://h/ HTTP/1.1\r\nBad\x01Header: x\r\n\r\n", "400", QStringLiteral("malformed")},
        {"GET ftp://h/f HTTP/1.1\r\n\r\n", "501", QStringLiteral("scheme ftp")},
    };
    std::vector<std::unique_ptr<Client>> clients;
    for (const Bad &request : bad) {
        clients.push_back(std::make_unique<Client>(m_proxy->port()));
        clients.back()->send(request.request);
    }
    for (qsizetype i = 0; i < bad.size(); ++i) {
        QTRY_VERIFY(clients[i]->closed());
        QVERIFY2(clients[i]->received.startsWith(QByteArray("HTTP/1.1 " + bad[i].status)),
                 clients[i]->received.constData());
    }
    QTRY_COMPARE(slow.responses(), 1);
    QVERIFY(slow.received.startsWith("HTTP/1.1 200 OK"));

    QTRY_COMPARE(m_recorder->count(), 1 + int(bad.size()));
    QTRY_VERIFY(m_recorder->record(0).isDone());
    QCOMPARE(m_recorder->record(0).outcome, Outcome::Ok);
    QStringList reasons;
    for (int id = 1; id < m_recorder->count(); ++id) {
        QCOMPARE(m_recorder->record(id).outcome, Outcome::Failed);
        reasons << m_recorder->record(id).error;
    }
    for (const Bad &request : bad) {
        QVERIFY2(reasons.join(u'|').contains(request.reason), qPrintable(reasons.join(u'|')));
    }
}

void TestProxyServer::refusesRequestsForItself()
{
    Client client(m_proxy->port());
    client.send(get(m_proxy->address()));
    QTRY_VERIFY(client.closed());
    QVERIFY(client.received.startsWith("HTTP/1.1 400"));
    QCOMPARE(m_recorder->count(), 1);
}

void TestProxyServer::tunnelsConnectAsOneRecord()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt has no TLS backend here");
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        QSKIP("openssl is not installed");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcess make;
    make.start(openssl,
               {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                dir.filePath(QStringLiteral("key.pem")), QStringLiteral("-out"),
                dir.filePath(QStringLiteral("cert.pem")), QStringLiteral("-days"), QStringLiteral("1"),
                QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")});
    QVERIFY(make.waitForFinished(60'000));
    QCOMPARE(make.exitCode(), 0);
    QFile keyFile(dir.filePath(QStringLiteral("key.pem")));
    QFile certFile(dir.filePath(QStringLiteral("cert.pem")));
    QVERIFY(keyFile.open(QIODevice::ReadOnly) && certFile.open(QIODevice::ReadOnly));
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
    configuration.setLocalCertificate(QSslCertificate(certFile.readAll()));

    // The TLS server answers one request and closes.
    QSslServer server;
    server.setSslConfiguration(configuration);
    QVERIFY(server.listen(QHostAddress::LocalHost));
    connect(&server, &QSslServer::pendingConnectionAvailable, this, [&server] {
        auto *socket = static_cast<QSslSocket *>(server.nextPendingConnection());
        connect(socket, &QSslSocket::readyRead, socket, [socket] {
            if (socket->readAll().contains("\r\n\r\n"))
                socket->write("HTTP/1.1 200 OK\r\nContent-Length: 6\r\nConnection: close\r\n\r\nsecret");
            socket->disconnectFromHost();
        });
    });

    QSslSocket client;
    client.setProxy(QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), m_proxy->port()));
    client.setPeerVerifyMode(QSslSocket::VerifyNone);
    QByteArray received;
    connect(&client, &QSslSocket::readyRead, this, [&] { received += client.readAll(); });
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.serverPort());
    QTRY_VERIFY_WITH_TIMEOUT(client.isEncrypted(), 10000);
    client.write("GET /inside HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QTRY_VERIFY(received.endsWith("secret"));
    QTRY_VERIFY(client.state() == QAbstractSocket::UnconnectedState);

    QTRY_VERIFY(m_recorder->count() == 1 && m_recorder->record(0).isDone());
    const RequestRecord &tunnel = m_recorder->record(0);
    QCOMPARE(tunnel.role, RequestRole::Tunnel);
    QCOMPARE(tunnel.method(), QStringLiteral("CONNECT"));
    QCOMPARE(tunnel.url.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(tunnel.url.port(), int(server.serverPort()));
    QCOMPARE(tunnel.outcome, Outcome::Ok);
    QVERIFY(tunnel.bytes > 6); // the server's TLS bytes, never their text
    QVERIFY(tunnel.bytesSent() > 0);
    QVERIFY(tunnel.reached(Mark::FirstByte));
    QVERIFY(!tunnel.url.path().contains(QLatin1String("inside")));
}

void TestProxyServer::streamsALargeRequestBodyUpstream()
{
    // 20 MB: more than every buffer on the way, the proxy's window and the kernel's socket buffers.
    const qint64 size = 20 * 1024 * 1024;
    const qint64 piece = 64 * 1024;
    Upstream upstream;
    Client client(m_proxy->port());
    QCryptographicHash sent(QCryptographicHash::Sha256);
    qint64 written = 0;
    qint64 writtenWhenUpstreamBegan = -1;
    upstream.firstBodyBytes = [&] {
        if (writtenWhenUpstreamBegan < 0)
            writtenWhenUpstreamBegan = written;
    };
    // The client writes as its socket drains, as a real one would.
    const auto writeMore = [&] {
        while (written < size && client.socket->bytesToWrite() < piece) {
            const QByteArray bytes = pattern(written, std::min(piece, size - written));
            sent.addData(bytes);
            client.send(bytes);
            written += bytes.size();
        }
    };
    connect(client.socket.get(), &QTcpSocket::bytesWritten, this, writeMore);
    client.send("POST " + upstream.url(QStringLiteral("/upload")).toEncoded()
                + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                + QByteArray::number(size) + "\r\n\r\n");
    writeMore();

    QTRY_COMPARE_WITH_TIMEOUT(client.responses(), 1, 60'000);
    QCOMPARE(written, size);
    QCOMPARE(upstream.bodyBytes, size);
    QCOMPARE(upstream.sha256, sent.result().toHex());
    QVERIFY(client.received.endsWith(upstream.sha256));
    QVERIFY2(upstream.head.contains("Content-Length: 20971520\r\n"), upstream.head.constData());
    QVERIFY(!upstream.head.toLower().contains("transfer-encoding"));
    // Streamed, not gathered: the server had the body's first bytes before the client had written it all,
    // and the proxy never held more than its window, the socket's buffer and a first read.
    QVERIFY(writtenWhenUpstreamBegan >= 0);
    QVERIFY2(writtenWhenUpstreamBegan < size, qPrintable(QString::number(writtenWhenUpstreamBegan)));
    const qint64 peak = m_proxy->stats().peakBodyBytesHeld;
    QVERIFY2(peak > 0 && peak <= 3 * ProxyConnection::BodyWindowBytes, qPrintable(QString::number(peak)));

    QTRY_VERIFY(m_recorder->count() == 1 && m_recorder->record(0).isDone());
    const RequestRecord &record = m_recorder->record(0);
    QCOMPARE(record.outcome, Outcome::Ok);
    QCOMPARE(record.method(), QStringLiteral("POST"));
    QCOMPARE(record.bytesSent(), size);
    QCOMPARE(record.bytes, upstream.sha256.size());
}

void TestProxyServer::answersExpectContinue()
{
    Upstream upstream;
    Client client(m_proxy->port());
    const QByteArray body = pattern(0, 1000);
    client.send("PUT " + upstream.url(QStringLiteral("/put")).toEncoded()
                + " HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 1000\r\n\r\n");
    // As curl does: the body goes only after the 100.
    QTRY_COMPARE(client.received, QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
    client.received.clear();
    client.send(body);
    QTRY_COMPARE(client.responses(), 1);
    QVERIFY(client.received.startsWith("HTTP/1.1 200 OK"));
    QCOMPARE(upstream.sha256, QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex());
    QVERIFY2(!upstream.head.toLower().contains("expect"), upstream.head.constData());
    QTRY_VERIFY(m_recorder->count() == 1 && m_recorder->record(0).isDone());
    QCOMPARE(m_recorder->record(0).method(), QStringLiteral("PUT"));
    QCOMPARE(m_recorder->record(0).bytesSent(), 1000);

    // The connection goes on: the next request on it is read as one.
    client.received.clear();
    client.send("POST " + upstream.url(QStringLiteral("/again")).toEncoded()
                + " HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc");
    QTRY_COMPARE(client.responses(), 1);
    QCOMPARE(upstream.sha256, QCryptographicHash::hash("abc", QCryptographicHash::Sha256).toHex());
    QTRY_VERIFY(m_recorder->count() == 2 && m_recorder->record(1).isDone());
    QVERIFY(m_recorder->record(1).reusedConnection());
}

void TestProxyServer::holdsAPipelinedBodyBackBehindASlowResponse()
{
    // A large POST pipelined behind a GET that takes a while: the proxy leaves it in the client's socket,
    // whose buffer is bounded, until the GET is answered, then streams it.
    const qint64 size = 8 * 1024 * 1024;
    const qint64 piece = 64 * 1024;
    Upstream upstream;
    Client client(m_proxy->port());
    qint64 written = 0;
    const auto writeMore = [&] {
        while (written < size && client.socket->bytesToWrite() < piece) {
            client.send(pattern(written, std::min(piece, size - written)));
            written += std::min(piece, size - written);
        }
    };
    client.send("GET " + demo(QStringLiteral("/delay/1000")).toEncoded() + " HTTP/1.1\r\nHost: x\r\n\r\n"
                + "POST " + upstream.url(QStringLiteral("/behind")).toEncoded()
                + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + QByteArray::number(size) + "\r\n\r\n");
    connect(client.socket.get(), &QTcpSocket::bytesWritten, this, writeMore);
    writeMore();
    QTRY_COMPARE_WITH_TIMEOUT(client.responses(), 2, 60'000);
    QCOMPARE(upstream.bodyBytes, size);
    const qint64 peak = m_proxy->stats().peakBodyBytesHeld;
    QVERIFY2(peak <= 3 * ProxyConnection::BodyWindowBytes, qPrintable(QString::number(peak)));
}

void TestProxyServer::keepsAnEmptyBodysLength()
{
    // A POST of no body says so with Content-Length: 0; without it, some servers answer 411.
    Upstream upstream;
    Client client(m_proxy->port());
    client.send("POST " + upstream.url(QStringLiteral("/empty")).toEncoded()
                + " HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
    QTRY_COMPARE(client.responses(), 1);
    QVERIFY(client.received.startsWith("HTTP/1.1 200 OK"));
    QVERIFY2(upstream.head.startsWith("POST /empty"), upstream.head.constData());
    QVERIFY2(upstream.head.toLower().contains("content-length: 0\r\n"), upstream.head.constData());
    QTRY_VERIFY(m_recorder->count() == 1 && m_recorder->record(0).isDone());
    QCOMPARE(m_recorder->record(0).bytesSent(), 0);
}

void TestProxyServer::sendsAChunkedBodyWithItsLength()
{
    Upstream upstream;
    Client client(m_proxy->port());
    const QByteArray body = pattern(7, 1'000'003);
    // Odd pieces, so that chunk boundaries and reads never line up; a pipelined GET behind it.
    client.send("POST " + upstream.url(QStringLiteral("/chunked")).toEncoded()
                + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked(body, 4093));
    QTRY_COMPARE_WITH_TIMEOUT(client.responses(), 1, 20'000);
    QCOMPARE(upstream.bodyBytes, body.size());
    QCOMPARE(upstream.sha256, QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex());
    QVERIFY2(upstream.head.contains("Content-Length: 1000003\r\n"), upstream.head.constData());
    QVERIFY(!upstream.head.toLower().contains("transfer-encoding"));
    QTRY_VERIFY(m_recorder->count() == 1 && m_recorder->record(0).isDone());
    QCOMPARE(m_recorder->record(0).outcome, Outcome::Ok);
    QCOMPARE(m_recorder->record(0).bytesSent(), body.size());
}

void TestProxyServer::refusesMalformedChunkedBodies()
{
    Upstream upstream;
    Client good(m_proxy->port());
    Client bad(m_proxy->port());
    bad.send("POST " + upstream.url(QStringLiteral("/bad")).toEncoded()
             + " HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nzz\r\nmore\r\n0\r\n\r\n");
    good.send("POST " + upstream.url(QStringLiteral("/good")).toEncoded()
              + " HTTP/1.1\r\nContent-Length: 2\r\n\r\nok");
    QTRY_VERIFY(bad.closed());
    QVERIFY2(bad.received.startsWith("HTTP/1.1 400 Bad Request\r\n"), bad.received.constData());
    QVERIFY(bad.received.contains("chunk size"));
    QTRY_COMPARE(good.responses(), 1);
    QVERIFY(good.received.startsWith("HTTP/1.1 200 OK"));

    QTRY_VERIFY(m_recorder->count() == 2 && m_recorder->record(0).isDone() && m_recorder->record(1).isDone());
    const bool badFirst = m_recorder->record(0).url.path() == QLatin1String("/bad");
    const RequestRecord &refused = m_recorder->record(badFirst ? 0 : 1);
    QCOMPARE(refused.url.path(), QStringLiteral("/bad"));
    QCOMPARE(refused.outcome, Outcome::Failed);
    QCOMPARE(refused.status, 400);
    QVERIFY2(refused.error.toString().contains(QLatin1String("malformed request body"))
                 && refused.error.toString().contains(QLatin1String("chunk size")),
             qPrintable(refused.error));
    QCOMPARE(m_recorder->record(badFirst ? 1 : 0).outcome, Outcome::Ok);
    QVERIFY(!upstream.head.contains("/bad"));
}

void TestProxyServer::refusesAChunkedBodyOverTheCap()
{
    CaptureSettings settings;
    settings.maxGatheredBodyBytes = 1000;
    startProxy(settings);
    Upstream upstream;
    Client client(m_proxy->port());
    client.send("POST " + upstream.url(QStringLiteral("/big")).toEncoded()
                + " HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked(pattern(0, 5000), 500));
    QTRY_VERIFY(client.closed());
    QVERIFY2(client.received.startsWith("HTTP/1.1 413 "), client.received.constData());
    QTRY_VERIFY(m_recorder->count() == 1 && m_recorder->record(0).isDone());
    QCOMPARE(m_recorder->record(0).status, 413);
    QVERIFY2(m_recorder->record(0).error.toString().contains(QLatin1String("over 1000 bytes")),
             qPrintable(m_recorder->record(0).error));
    QVERIFY(upstream.head.isEmpty());
}

void TestProxyServer::recordsABodyCutShortByTheClient()
{
    Upstream upstream;
    {
        Client client(m_proxy->port());
        client.send("POST " + upstream.url(QStringLiteral("/cut")).toEncoded()
                    + " HTTP/1.1\r\nContent-Length: 1000000\r\n\r\n" + pattern(0, 100'000));
        QTRY_VERIFY(upstream.bodyBytes > 0);
        client.socket->abort();
    }
    QTRY_VERIFY(m_recorder->count() == 1 && m_recorder->record(0).isDone());
    const RequestRecord &record = m_recorder->record(0);
    QCOMPARE(record.outcome, Outcome::Cancelled);
    QVERIFY2(record.error.toString().contains(QLatin1String("before the whole request body")),
             qPrintable(record.error));
    QVERIFY(upstream.sha256.isEmpty()); // the server never got a whole body to answer
    QTRY_COMPARE(m_proxy->openConnections(), 0);

    // The proxy goes on.
    Client next(m_proxy->port());
    next.send("POST " + upstream.url(QStringLiteral("/next")).toEncoded()
              + " HTTP/1.1\r\nContent-Length: 2\r\n\r\nok");
    QTRY_COMPARE(next.responses(), 1);
    QVERIFY(next.received.startsWith("HTTP/1.1 200 OK"));
}

void TestProxyServer::redactsAuthorizationInExports_data()
{
    QTest::addColumn<bool>("keepSecrets");
    QTest::newRow("redacted") << false;
    QTest::newRow("--keep-secrets") << true;
}

void TestProxyServer::redactsAuthorizationInExports()
{
    QFETCH(bool, keepSecrets);
    CaptureSettings settings;
    settings.keepSecrets = keepSecrets;
    startProxy(settings);
    Client client(m_proxy->port());
    client.send(get(demo(QStringLiteral("/delay/0")),
                    "Authorization: Bearer topsecret\r\nCookie: id=cookiesecret\r\nX-Visible: shown\r\n"));
    QTRY_COMPARE(client.responses(), 1);
    QTRY_VERIFY(m_recorder->count() == 1 && m_recorder->record(0).isDone());
    m_recorder->end(false);

    QTemporaryDir dir;
    for (const QString &name :
         {QStringLiteral("run.json"), QStringLiteral("run.har"), QStringLiteral("run.csv")}) {
        QString error;
        QVERIFY2(exportRuns({m_recorder->result()}, dir.filePath(name), &error), qPrintable(error));
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        // CSV keeps no headers at all; JSON and HAR keep them, redacted.
        const bool csv = name.endsWith(QLatin1String(".csv"));
        QCOMPARE(text.contains("topsecret"), keepSecrets && !csv);
        QCOMPARE(text.contains("cookiesecret"), keepSecrets && !csv);
        QCOMPARE(text.contains("[redacted]"), !keepSecrets && !csv);
        QVERIFY2(csv || text.contains("shown"), qPrintable(name));
    }
}

QTEST_GUILESS_MAIN(TestProxyServer)
#include "tst_proxyserver.moc"
