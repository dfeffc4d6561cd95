#include "demoserver/demoserver.h"
#include "hostileserver.h"
#include "net/managerpool.h"
#include "run/runner.h"

#include <QHash>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <algorithm>
#include <functional>
#include <memory>
#include <utility>

// A run's pool gives a manager lanes to a host: groups of connections apart by their peerVerifyName
// (ManagerPool), any name for plain http and the host's own in another letter case for https. The fetch
// follows every redirect itself, so that a lane's name never reaches another https server, where the
// certificate would be checked against it. A gather of twelve to one host fills lane 0 and lane 1 of one
// manager: half the requests below are a lane's, and every record must come out the same whichever lane it
// had.
class TestRunnerLanes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void redirectsAreFollowedByOneSetOfRules();
    void aLanesRedirectToHttpsLeavesTheLane();
    void httpsHopsAreAllOnTheWire();
    void anHttpsHostHasLanesUnderItsOwnName();
    void anHttpsHostsRedirectsKeepQtsRules();

private:
    RunResult runToEnd(const QList<QUrl> &urls, const RunSettings &settings, int managers = 1);
    QUrl demo(const QString &path) const;

    DemoServer m_server;
};

namespace {

constexpr int Requests = 2 * ManagerPool::ConnectionsPerLane;

/// What a raw server does with the bytes a connection sent: `pending` keeps what earlier calls left in it.
using OnRead = std::function<void(QTcpSocket *socket, QByteArray &pending)>;

/// A TCP (or TLS) server on every address ("localhost" may be tried as ::1 first). onAccepted is told of each
/// connection; a connection is deleted when it closes.
bool listenRaw(QTcpServer &server, OnRead onRead, std::function<void()> onAccepted = {})
{
    if (!server.listen(QHostAddress::Any))
        return false;
    // Once a connection is ready: a QSslServer's, when its handshake is done.
    QObject::connect(
        &server, &QTcpServer::pendingConnectionAvailable, &server, [&server, onRead, onAccepted] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                if (onAccepted)
                    onAccepted();
                auto pending = std::make_shared<QByteArray>();
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, pending, onRead] {
                    *pending += socket->readAll();
                    onRead(socket, *pending);
                });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    return true;
}

/// A TLS ClientHello names the server (SNI) exactly as `host`: lower-cased, whatever a lane's letter case.
void checkServerName(const QByteArray &hello, const QByteArray &host)
{
    QVERIFY2(hello.contains(host), hello.toHex().constData());
    QVERIFY2(hello.toLower().count(host) == hello.count(host), hello.toHex().constData());
    QVERIFY2(!hello.contains("crawlscope-lane"), hello.toHex().constData());
}

/// An origin that answers every request head it reads with `answer`.
bool answerEveryRequest(QTcpServer &server, const QByteArray &answer)
{
    return listenRaw(server, [answer](QTcpSocket *socket, QByteArray &pending) {
        for (qsizetype end; (end = pending.indexOf("\r\n\r\n")) >= 0; pending.remove(0, end + 4))
            socket->write(answer);
    });
}

} // namespace

void TestRunnerLanes::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(0, &error), qPrintable(error));
}

RunResult TestRunnerLanes::runToEnd(const QList<QUrl> &urls, const RunSettings &settings, int managers)
{
    Runner runner;
    QSignalSpy finished(&runner, &Runner::runFinished);
    runner.start(urls, settings);
    if (finished.isEmpty() && !finished.wait(60'000))
        return {};
    const auto run = finished.first().first().value<RunResult>();
    if (runner.managerCount() != managers) // both lanes on one manager, or this tests nothing
        return {};
    return run;
}

QUrl TestRunnerLanes::demo(const QString &path) const
{
    QUrl url = m_server.baseUrl();
    url.setPath(path);
    return url;
}

void TestRunnerLanes::redirectsAreFollowedByOneSetOfRules()
{
    RunSettings settings;
    settings.mode = RunMode::Gather;
    settings.maxRedirects = 10;

    const RunResult followed = runToEnd(QList<QUrl>(Requests, demo(QStringLiteral("/redirect/3"))), settings);
    QCOMPARE(followed.records.size(), Requests);
    for (const RequestRecord &record : followed.records) {
        QCOMPARE(record.outcome, Outcome::Ok);
        QCOMPARE(record.status, 200);
        QCOMPARE(record.redirects, 3);
        QCOMPARE(record.finalUrl.path(), QStringLiteral("/redirect/0"));
        QCOMPARE(record.contentType, QStringLiteral("text/html; charset=utf-8"));
        QCOMPARE(record.bytes, followed.records.first().bytes); // the final page's body, never a hop's
        QVERIFY(record.bytes > 0);
    }

    // Exactly as many as allowed are followed, and not one more.
    const RunResult atLimit = runToEnd(QList<QUrl>(Requests, demo(QStringLiteral("/redirect/10"))), settings);
    QCOMPARE(atLimit.records.size(), Requests);
    for (const RequestRecord &record : atLimit.records) {
        QCOMPARE(record.outcome, Outcome::Ok);
        QCOMPARE(record.redirects, 10);
    }
    const RunResult refused = runToEnd(QList<QUrl>(Requests, demo(QStringLiteral("/redirect/12"))), settings);
    QCOMPARE(refused.records.size(), Requests);
    for (const RequestRecord &record : refused.records) {
        QCOMPARE(record.outcome, Outcome::Failed);
        QCOMPARE(record.redirects, 10);
        QCOMPARE(record.error, refused.records.first().error);
        QVERIFY2(record.error.toString().contains(QLatin1String("redirects")), qPrintable(record.error));
    }

    // A redirect status without a Location fails, in every lane alike.
    const RunResult nowhere = runToEnd(QList<QUrl>(Requests, demo(QStringLiteral("/status/302"))), settings);
    QCOMPARE(nowhere.records.size(), Requests);
    for (const RequestRecord &record : nowhere.records) {
        QCOMPARE(record.outcome, Outcome::Failed);
        QCOMPARE(record.status, 302);
        QCOMPARE(record.redirects, 0);
        QCOMPARE(record.error, nowhere.records.first().error);
        QVERIFY2(record.error.toString().contains(QLatin1String("Location")), qPrintable(record.error));
    }
}

void TestRunnerLanes::aLanesRedirectToHttpsLeavesTheLane()
{
    // "https": a plain TCP server that keeps what each connection's TLS ClientHello says, and closes it.
    // Qt names the host it verifies in the hello (SNI), so the hello shows whose name the hop carries.
    QTcpServer secure;
    QList<QByteArray> hellos;
    QVERIFY(listenRaw(secure, [&hellos](QTcpSocket *socket, QByteArray &pending) {
        hellos.append(std::exchange(pending, {}));
        socket->disconnectFromHost();
    }));
    // The origin answers every request with a redirect to it.
    QTcpServer origin;
    QVERIFY(answerEveryRequest(origin,
                               "HTTP/1.1 302 Found\r\nLocation: https://localhost:"
                                   + QByteArray::number(secure.serverPort())
                                   + "/\r\nContent-Length: 0\r\n\r\n"));

    RunSettings settings;
    settings.mode = RunMode::Gather;
    settings.maxRedirects = 5;
    const QUrl start(QStringLiteral("http://localhost:%1/").arg(origin.serverPort()));
    // The https hops have leases of their own: a second manager, whose lanes are the https host's.
    const RunResult run = runToEnd(QList<QUrl>(Requests, start), settings, 2);
    QCOMPARE(run.records.size(), Requests);
    const QUrl target(QStringLiteral("https://localhost:%1/").arg(secure.serverPort()));
    for (const RequestRecord &record : run.records) {
        QCOMPARE(record.outcome, Outcome::Failed); // nothing there speaks TLS
        QCOMPARE(record.redirects, 1);
        QCOMPARE(record.finalUrl, target);
    }
    // Every hop to https names the host as it is, and none carries the origin's lane names.
    // A connection that closes fails the requests queued for it too, so there may be fewer hellos than hops.
    QVERIFY(!hellos.isEmpty());
    for (const QByteArray &hello : std::as_const(hellos))
        checkServerName(hello, "localhost");
}

void TestRunnerLanes::httpsHopsAreAllOnTheWire()
{
    // Four lanes' worth of requests to one http host, each redirected to https: every hop has a connection
    // of its own to go out on, none waits in a Qt queue. The "https" server takes connections and never
    // answers.
    QTcpServer secure;
    int connections = 0;
    QVERIFY(listenRaw(
        secure, [](QTcpSocket *, QByteArray &pending) { pending.clear(); },
        [&connections] { ++connections; }));
    QTcpServer origin;
    QVERIFY(answerEveryRequest(origin,
                               "HTTP/1.1 307 Temporary Redirect\r\nLocation: https://localhost:"
                                   + QByteArray::number(secure.serverPort())
                                   + "/\r\nContent-Length: 0\r\n\r\n"));

    const int n = 4 * ManagerPool::ConnectionsPerLane;
    Runner runner;
    RunSettings settings;
    settings.mode = RunMode::Gather;
    QSignalSpy finished(&runner, &Runner::runFinished);
    runner.start(QList<QUrl>(n, QUrl(QStringLiteral("http://localhost:%1/").arg(origin.serverPort()))),
                 settings);
    // Qt opens one connection of an https group first and the others once the handshake has said which
    // protocol the server speaks, which this one never does: a connection for each group, and a group of
    // its own (a lane, 6 connections when they open) for each 6 hops. Shared, the 24 would be one group.
    const int groups = n / ManagerPool::ConnectionsPerLane;
    QTRY_COMPARE_WITH_TIMEOUT(connections, groups, 20'000);
    QCOMPARE(runner.managerCount(), 2); // the origin's, and one whose lanes are the https host's
    runner.cancel();
    QVERIFY(!finished.isEmpty() || finished.wait(20'000));
    const auto run = finished.first().first().value<RunResult>();
    QCOMPARE(run.records.size(), n);
    for (const RequestRecord &record : run.records) {
        QCOMPARE(record.outcome, Outcome::Cancelled);
        QCOMPARE(record.redirects, 1);
    }
}

void TestRunnerLanes::anHttpsHostHasLanesUnderItsOwnName()
{
    const int n = ManagerPool::RunLanes * ManagerPool::ConnectionsPerLane;
    const QString secure = QStringLiteral("https://localhost:%1/");
    RunSettings settings;
    settings.mode = RunMode::Gather;

    // On the wire: a group of connections per lane, all on one manager, and every hello naming the host as
    // it is. The server takes connections and never answers, so Qt opens one connection per group.
    {
        QTcpServer silent;
        QHash<QTcpSocket *, QByteArray> hellos;
        QVERIFY(listenRaw(silent,
                          [&hellos](QTcpSocket *socket, QByteArray &pending) { hellos[socket] = pending; }));
        Runner runner;
        QSignalSpy finished(&runner, &Runner::runFinished);
        runner.start(QList<QUrl>(n, QUrl(secure.arg(silent.serverPort()))), settings);
        const auto allNamed = [&hellos] {
            return std::all_of(hellos.cbegin(), hellos.cend(),
                               [](const QByteArray &hello) { return hello.contains("localhost"); });
        };
        QTRY_VERIFY_WITH_TIMEOUT(hellos.size() == ManagerPool::RunLanes && allNamed(), 20'000);
        QCOMPARE(runner.managerCount(), 1);
        for (const QByteArray &hello : std::as_const(hellos))
            checkServerName(hello, "localhost");
        runner.cancel();
        QVERIFY(!finished.isEmpty() || finished.wait(20'000));
        QCOMPARE(hellos.size(), ManagerPool::RunLanes); // one connection per group, never more
    }

    // And the server's certificate is checked against each lane's name and accepted: the name is the host's.
    HostileServer server(HostileServer::Case::TlsSelfSigned);
    QString error;
    QVERIFY2(server.listen(QHostAddress::Any, &error), qPrintable(error));
    const QSslConfiguration before = QSslConfiguration::defaultConfiguration();
    QSslConfiguration trusting = before;
    trusting.addCaCertificate(server.certificate()); // its own CA, as a user's would be
    QSslConfiguration::setDefaultConfiguration(trusting);
    const RunResult run = runToEnd(QList<QUrl>(n, QUrl(secure.arg(server.url({}).port()))), settings);
    QSslConfiguration::setDefaultConfiguration(before);
    // That the lanes are groups of their own is the silent server's part above: here every request succeeds.
    QCOMPARE(run.records.size(), n);
    for (const RequestRecord &record : run.records) {
        QVERIFY2(record.outcome == Outcome::Ok, qPrintable(record.error));
        QCOMPARE(record.status, 200);
    }
}

void TestRunnerLanes::anHttpsHostsRedirectsKeepQtsRules()
{
    // The fetch follows an https host's redirects too: to the same host on the connection's own manager and
    // lane, and never from https down to http, which the managers' policy refuses.
    QSslCertificate certificate;
    QSslKey key;
    QString error;
    QVERIFY2(HostileServer::makeCertificate(false, &certificate, &key, &error), qPrintable(error));
    QSslServer secure;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(certificate);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    secure.setSslConfiguration(tls);
    const QByteArray plain = demo(QStringLiteral("/delay/0")).toEncoded();
    QVERIFY(listenRaw(secure, [plain](QTcpSocket *socket, QByteArray &pending) {
        for (qsizetype end; (end = pending.indexOf("\r\n\r\n")) >= 0; pending.remove(0, end + 4)) {
            const QByteArray target = pending.left(end).split(' ').value(1);
            if (target == "/to-http")
                socket->write("HTTP/1.1 302 Found\r\nLocation: " + plain + "\r\nContent-Length: 0\r\n\r\n");
            else if (target == "/hop")
                socket->write("HTTP/1.1 302 Found\r\nLocation: /final\r\nContent-Length: 0\r\n\r\n");
            else
                socket->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        }
    }));
    const auto at = [&secure](const char *path) {
        return QUrl(
            QStringLiteral("https://localhost:%1%2").arg(secure.serverPort()).arg(QLatin1String(path)));
    };
    const QSslConfiguration before = QSslConfiguration::defaultConfiguration();
    QSslConfiguration trusting = before;
    trusting.addCaCertificate(certificate);
    QSslConfiguration::setDefaultConfiguration(trusting);
    RunSettings settings;
    settings.mode = RunMode::Gather;
    const int n = ManagerPool::RunLanes * ManagerPool::ConnectionsPerLane;
    Runner runner;
    QSignalSpy finished(&runner, &Runner::runFinished);
    runner.start(QList<QUrl>(n, at("/hop")) + QList<QUrl>(n, at("/to-http")), settings);
    const bool done = !finished.isEmpty() || finished.wait(60'000);
    QSslConfiguration::setDefaultConfiguration(before);
    QVERIFY(done);
    QCOMPARE(runner.managerCount(), 2); // the 48 requests' own; a same-host hop takes no lease of its own

    const auto run = finished.first().first().value<RunResult>();
    QCOMPARE(run.records.size(), 2 * n);
    for (const RequestRecord &record : run.records) {
        if (record.url.path() == QLatin1String("/hop")) {
            QVERIFY2(record.outcome == Outcome::Ok, qPrintable(record.error));
            QCOMPARE(record.redirects, 1);
            QCOMPARE(record.finalUrl, at("/final"));
            QCOMPARE(record.bytes, qint64(2));
        } else {
            QCOMPARE(record.outcome, Outcome::Failed);
            QCOMPARE(record.status, 302);
            QCOMPARE(record.redirects, 0);
            QVERIFY2(record.error.toString().contains(QLatin1String("https to http")),
                     qPrintable(record.error));
        }
    }
}

QTEST_GUILESS_MAIN(TestRunnerLanes)
#include "tst_runnerlanes.moc"
