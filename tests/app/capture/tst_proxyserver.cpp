#include "capture/capturesettings.h"
#include "capture/proxyserver.h"
#include "demoserver/demoserver.h"
#include "export/exporter.h"
#include "recorder/recorder.h"

#include <QFile>
#include <QNetworkProxy>
#include <QProcess>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

/// A raw client of the proxy: what it sent is exactly what the test wrote, and what came back is kept whole.
struct Client
{
    std::unique_ptr<QTcpSocket> socket = std::make_unique<QTcpSocket>();
    QByteArray received;

    explicit Client(quint16 port)
    {
        QObject::connect(socket.get(), &QTcpSocket::readyRead, socket.get(),
                         [this] { received += socket->readAll(); });
        socket->connectToHost(QHostAddress::LocalHost, port);
    }
    void send(const QByteArray &bytes) { socket->write(bytes); }
    bool closed() const { return socket->state() == QAbstractSocket::UnconnectedState; }
    /// Responses complete by Content-Length so far.
    int responses() const
    {
        int count = 0;
        qsizetype at = 0;
        while (true) {
            const qsizetype end = received.indexOf("\r\n\r\n", at);
            if (end < 0)
                return count;
            const QByteArray head = received.mid(at, end - at).toLower();
            const qsizetype lengthAt = head.indexOf("content-length: ");
            const qsizetype length = lengthAt < 0
                ? 0
                : head.mid(lengthAt + 16, head.indexOf('\r', lengthAt) - lengthAt - 16).toLongLong();
            if (received.size() < end + 4 + length)
                return count;
            ++count;
            at = end + 4 + length;
        }
    }
};

QByteArray get(const QUrl &url, const QByteArray &extra = {})
{
    return "GET " + url.toEncoded() + " HTTP/1.1\r\nHost: " + url.authority().toLatin1() + "\r\n" + extra
        + "\r\n";
}

} // namespace

/// The recording proxy in-process, against the demo server and a loopback TLS server.
class TestProxyServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void forwardsAndShowsConnectionReuse();
    void streamsBodiesWhole();
    void followsNoRedirect();
    void refusesMalformedRequestsAndOthersGoOn();
    void refusesRequestsForItself();
    void tunnelsConnectAsOneRecord();
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
        QCOMPARE(record.method, QStringLiteral("GET"));
        QCOMPARE(record.connection, 0);
        QCOMPARE(record.reusedConnection, id == 1);
        QVERIFY(record.bytes > 0);
        QVERIFY(record.proxyNs >= 0);
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
    QCOMPARE(m_recorder->record(2).connection, 1);
    QVERIFY(!m_recorder->record(2).reusedConnection);
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
    QCOMPARE(tunnel.method, QStringLiteral("CONNECT"));
    QCOMPARE(tunnel.url.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(tunnel.url.port(), int(server.serverPort()));
    QCOMPARE(tunnel.outcome, Outcome::Ok);
    QVERIFY(tunnel.bytes > 6); // the server's TLS bytes, never their text
    QVERIFY(tunnel.bytesSent > 0);
    QVERIFY(tunnel.reached(Mark::FirstByte));
    QVERIFY(!tunnel.url.path().contains(QLatin1String("inside")));
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
