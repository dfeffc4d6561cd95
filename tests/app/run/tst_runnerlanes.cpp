#include "demoserver/demoserver.h"
#include "net/managerpool.h"
#include "run/runner.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

// A run's pool gives a manager lanes to a plain-http host: groups of connections apart by their
// peerVerifyName (ManagerPool). The fetch follows a lane's redirects itself, so that the lane's name never
// reaches an https server, where the certificate would be checked against it. A gather of twelve to one
// host fills lane 0 and lane 1 of one manager: half the requests below are a lane's.
class TestRunnerLanes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aLanesRedirectsAreFollowedAsQtFollowsThem();
    void aLanesRedirectToHttpsLeavesTheLane();

private:
    RunResult runToEnd(const QList<QUrl> &urls, const RunSettings &settings);

    DemoServer m_server;
};

namespace {

constexpr int Requests = 2 * ManagerPool::ConnectionsPerLane;

} // namespace

void TestRunnerLanes::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(0, &error), qPrintable(error));
}

RunResult TestRunnerLanes::runToEnd(const QList<QUrl> &urls, const RunSettings &settings)
{
    Runner runner;
    QSignalSpy finished(&runner, &Runner::runFinished);
    runner.start(urls, settings);
    if (finished.isEmpty() && !finished.wait(60'000))
        return {};
    const auto run = finished.first().first().value<RunResult>();
    if (runner.managerCount() != 1) // both lanes on one manager, or this tests nothing
        return {};
    return run;
}

void TestRunnerLanes::aLanesRedirectsAreFollowedAsQtFollowsThem()
{
    RunSettings settings;
    settings.mode = RunMode::Gather;
    settings.maxRedirects = 10;
    QUrl chain = m_server.baseUrl();
    chain.setPath(QStringLiteral("/redirect/3"));
    QUrl tooLong = m_server.baseUrl();
    tooLong.setPath(QStringLiteral("/redirect/12"));

    const RunResult followed = runToEnd(QList<QUrl>(Requests, chain), settings);
    QCOMPARE(followed.records.size(), Requests);
    for (const RequestRecord &record : followed.records) {
        QCOMPARE(record.outcome, Outcome::Ok);
        QCOMPARE(record.status, 200);
        QCOMPARE(record.redirects, 3);
        QCOMPARE(record.finalUrl.path(), QStringLiteral("/redirect/0"));
        QCOMPARE(record.contentType, QStringLiteral("text/html; charset=utf-8"));
        QVERIFY(record.bytes > 0);
    }

    const RunResult refused = runToEnd(QList<QUrl>(Requests, tooLong), settings);
    QCOMPARE(refused.records.size(), Requests);
    for (const RequestRecord &record : refused.records) {
        QCOMPARE(record.outcome, Outcome::Failed);
        QVERIFY2(record.error.toString().contains(QLatin1String("redirects"), Qt::CaseInsensitive),
                 qPrintable(record.error));
        QVERIFY(record.redirects <= 10);
    }
}

void TestRunnerLanes::aLanesRedirectToHttpsLeavesTheLane()
{
    // "https": a plain TCP server that keeps what each connection's TLS ClientHello says, and closes it.
    // Qt names the host it verifies in the hello (SNI), so the hello shows whose name the hop carries.
    QTcpServer secure;
    QVERIFY(secure.listen(QHostAddress::Any)); // "localhost" may be tried as ::1 first
    QList<QByteArray> hellos;
    connect(&secure, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *socket = secure.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, socket, [&hellos, socket] {
                hellos.append(socket->readAll());
                socket->disconnectFromHost();
            });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
    // The origin answers every request with a redirect to it.
    QTcpServer origin;
    QVERIFY(origin.listen(QHostAddress::Any));
    const QByteArray answer = "HTTP/1.1 302 Found\r\nLocation: https://localhost:"
        + QByteArray::number(secure.serverPort()) + "/\r\nContent-Length: 0\r\n\r\n";
    connect(&origin, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *socket = origin.nextPendingConnection()) {
            auto pending = std::make_shared<QByteArray>();
            connect(socket, &QTcpSocket::readyRead, socket, [socket, pending, answer] {
                *pending += socket->readAll();
                for (qsizetype end; (end = pending->indexOf("\r\n\r\n")) >= 0; pending->remove(0, end + 4))
                    socket->write(answer);
            });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });

    RunSettings settings;
    settings.mode = RunMode::Gather;
    settings.maxRedirects = 5;
    const QUrl start(QStringLiteral("http://localhost:%1/").arg(origin.serverPort()));
    const RunResult run = runToEnd(QList<QUrl>(Requests, start), settings);
    QCOMPARE(run.records.size(), Requests);
    const QUrl target(QStringLiteral("https://localhost:%1/").arg(secure.serverPort()));
    for (const RequestRecord &record : run.records) {
        QCOMPARE(record.outcome, Outcome::Failed); // nothing there speaks TLS
        QCOMPARE(record.redirects, 1);
        QCOMPARE(record.finalUrl, target);
    }
    // Every hop to https names the host, and none carries a lane's name.
    // A connection that closes fails the requests queued for it too, so there may be fewer hellos than hops;
    // a lane's name would have opened connections of its own.
    QVERIFY(!hellos.isEmpty());
    for (const QByteArray &hello : std::as_const(hellos)) {
        QVERIFY2(!hello.contains("crawlscope-lane"), hello.toHex().constData());
        QVERIFY2(hello.contains("localhost"), hello.toHex().constData());
    }
}

QTEST_GUILESS_MAIN(TestRunnerLanes)
#include "tst_runnerlanes.moc"
