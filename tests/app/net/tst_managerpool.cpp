#include "net/managerpool.h"

#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSet>
#include <QTest>
#include <QUrl>

// Issue 13: an 8 MB header from one host stalled the HTTP thread of the manager the first requests of every
// host shared, and a healthy host's request behind it timed out. A manager now serves one host at a time.
class TestManagerPool : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hostsGetManagersOfTheirOwn();
    void aHostFillsAManagerBeforeTheNext();
    void anIdleManagerIsReused();
    void hostsShareOnlyBeyondTheBudget();
    void aGatherOfThousandsKeepsEveryManagerFull();
    void lanesFillAManagerBeforeTheNext();
    void httpsLanesAreTheHostsOwnName();
    void anHttpsHostHasAsManyLanesAsLetterCases();
    void applyLaneNamesEachLaneApart();
};

namespace {

const QUrl a(QStringLiteral("http://127.0.0.1:8080/x"));
const QUrl b(QStringLiteral("http://127.0.0.2:8080/x"));
const QUrl aOtherPort(QStringLiteral("http://127.0.0.1:8081/x"));

} // namespace

void TestManagerPool::hostsGetManagersOfTheirOwn()
{
    ManagerPool pool;
    QNetworkAccessManager *first = pool.acquire(a).manager;
    QNetworkAccessManager *second = pool.acquire(b).manager;
    QNetworkAccessManager *third = pool.acquire(aOtherPort).manager; // HostKey is host and port
    QVERIFY(first != second);
    QVERIFY(first != third && second != third);
    QCOMPARE(pool.managerCount(), 3);
    QCOMPARE(pool.active(first, a), 1);
    QCOMPARE(pool.active(first, b), 0);
}

void TestManagerPool::aHostFillsAManagerBeforeTheNext()
{
    ManagerPool pool;
    const ManagerPool::Lease first = pool.acquire(a);
    QCOMPARE(first.lane, 0);
    for (int i = 1; i < ManagerPool::ConnectionsPerLane; ++i)
        QCOMPARE(pool.acquire(a).manager, first.manager);
    const ManagerPool::Lease seventh = pool.acquire(a);
    QVERIFY(seventh.manager != first.manager);
    QCOMPARE(seventh.lane, 0); // one lane unless asked for more
    pool.release(first, a);
    QCOMPARE(pool.acquire(a).manager, first.manager); // a free connection on a manager of its own
}

void TestManagerPool::anIdleManagerIsReused()
{
    ManagerPool pool;
    const ManagerPool::Lease first = pool.acquire(a);
    pool.release(first, a);
    QCOMPARE(pool.acquire(b).manager, first.manager); // nothing in flight on it: handed to the next host
    QCOMPARE(pool.managerCount(), 1);
    QVERIFY(pool.acquire(a).manager != first.manager); // now b's
}

void TestManagerPool::hostsShareOnlyBeyondTheBudget()
{
    ManagerPool pool(ManagerPool::Proxy::System, 2);
    QNetworkAccessManager *first = pool.acquire(a).manager;
    QNetworkAccessManager *second = pool.acquire(b).manager;
    QVERIFY(first != second);
    QNetworkAccessManager *third = pool.acquire(aOtherPort).manager;
    QCOMPARE(pool.managerCount(), 2); // the descriptor budget allows two: a third host shares
    QVERIFY(third == first || third == second);
}

void TestManagerPool::aGatherOfThousandsKeepsEveryManagerFull()
{
    // Two hosts' gathers of 1 200 each, interleaved: every manager serves one host, six at a time.
    ManagerPool pool;
    QList<ManagerPool::Lease> ofA, ofB;
    for (int i = 0; i < 1200; ++i) {
        ofA.append(pool.acquire(a));
        ofB.append(pool.acquire(b));
    }
    QCOMPARE(pool.managerCount(), 400);
    for (int i = 0; i < 1200; ++i) {
        QCOMPARE(pool.active(ofA.at(i).manager, a), ManagerPool::ConnectionsPerLane);
        QCOMPARE(pool.active(ofA.at(i).manager, b), 0);
        QCOMPARE(pool.active(ofB.at(i).manager, b), ManagerPool::ConnectionsPerLane);
    }
    // A request of a's ends on a manager in the middle: the next of a's goes there, not to a new manager,
    // and not to one of b's.
    const ManagerPool::Lease middle = ofA.at(601);
    pool.release(middle, a);
    QCOMPARE(pool.acquire(a).manager, middle.manager);
    QCOMPARE(pool.managerCount(), 400);
    // Everything ends: every manager is idle, and a third host's gather of 1 200 reuses them all.
    for (int i = 0; i < 1200; ++i) {
        pool.release(ofA.at(i), a);
        pool.release(ofB.at(i), b);
    }
    QSet<QNetworkAccessManager *> third;
    for (int i = 0; i < 1200; ++i) {
        QNetworkAccessManager *manager = pool.acquire(aOtherPort).manager;
        third.insert(manager);
        QVERIFY(pool.active(manager, aOtherPort) <= ManagerPool::ConnectionsPerLane);
    }
    QCOMPARE(pool.managerCount(), 400);
    QCOMPARE(third.size(), 200);
}

void TestManagerPool::lanesFillAManagerBeforeTheNext()
{
    ManagerPool pool(ManagerPool::Proxy::System, 0, 4);
    QCOMPARE(pool.lanesFor(HostKey::fromUrl(a)), 4);
    QList<ManagerPool::Lease> leases;
    for (int i = 0; i < 4 * ManagerPool::ConnectionsPerLane; ++i)
        leases.append(pool.acquire(a));
    QCOMPARE(pool.managerCount(), 1);
    for (int i = 0; i < leases.size(); ++i) {
        QCOMPARE(leases.at(i).manager, leases.first().manager);
        QCOMPARE(leases.at(i).lane, i / ManagerPool::ConnectionsPerLane); // a lane fills before the next
    }
    for (int lane = 0; lane < 4; ++lane)
        QCOMPARE(pool.activeInLane({leases.first().manager, lane}, a), ManagerPool::ConnectionsPerLane);
    const ManagerPool::Lease next = pool.acquire(a);
    QVERIFY(next.manager != leases.first().manager); // all four lanes full
    QCOMPARE(next.lane, 0);
    QCOMPARE(pool.managerCount(), 2);

    // A request of lane 2 ends: the next of a's takes its place, in lane 2 of the first manager.
    pool.release(leases.at(14), a);
    QCOMPARE(pool.activeInLane(leases.at(14), a), ManagerPool::ConnectionsPerLane - 1);
    const ManagerPool::Lease refill = pool.acquire(a);
    QCOMPARE(refill.manager, leases.first().manager);
    QCOMPARE(refill.lane, 2);

    // A gather of 1 000: 42 managers of 24, not 167 of 6.
    ManagerPool gather(ManagerPool::Proxy::System, 0, 4);
    QSet<QNetworkAccessManager *> managers;
    for (int i = 0; i < 1000; ++i)
        managers.insert(gather.acquire(b).manager);
    QCOMPARE(managers.size(), 42);
}

void TestManagerPool::httpsLanesAreTheHostsOwnName()
{
    // An https request's peerVerifyName is what the certificate is checked against and the TLS hello carries,
    // both lower-cased by Qt: each lane's is the host's own name, in a letter case of its own.
    const QUrl secure(QStringLiteral("https://www.example.com:8443/x"));
    ManagerPool pool(ManagerPool::Proxy::System, 0, ManagerPool::MaxLanes);
    QCOMPARE(pool.lanesFor(HostKey::fromUrl(secure)), ManagerPool::MaxLanes);
    QNetworkRequest zero(secure);
    ManagerPool::applyLane(zero, 0);
    QVERIFY(zero.peerVerifyName().isEmpty());
    QSet<QString> names;
    for (int lane = 1; lane < ManagerPool::MaxLanes; ++lane) {
        QNetworkRequest request(secure);
        ManagerPool::applyLane(request, lane);
        QCOMPARE(request.peerVerifyName().toLower(), QStringLiteral("www.example.com"));
        QCOMPARE(QUrl::toAce(request.peerVerifyName()), QByteArray("www.example.com")); // what Qt sends
        names.insert(request.peerVerifyName());
    }
    QCOMPARE(names.size(), ManagerPool::MaxLanes - 1);

    // So a run's pool fills an https host's manager as it does a plain-http host's.
    ManagerPool run(ManagerPool::Proxy::System, 0, ManagerPool::RunLanes);
    QSet<QNetworkAccessManager *> managers;
    for (int i = 0; i < 2 * ManagerPool::RunLanes * ManagerPool::ConnectionsPerLane; ++i) {
        const ManagerPool::Lease lease = run.acquire(secure);
        QCOMPARE(lease.lanes, ManagerPool::RunLanes);
        managers.insert(lease.manager);
    }
    QCOMPARE(managers.size(), 2);
}

void TestManagerPool::anHttpsHostHasAsManyLanesAsLetterCases()
{
    const auto lanes = [](const char *url) {
        return ManagerPool(ManagerPool::Proxy::System, 0, ManagerPool::MaxLanes)
            .lanesFor(HostKey::fromUrl(QUrl(QString::fromLatin1(url))));
    };
    QCOMPARE(lanes("https://127.0.0.1/"), 2); // the address as it is, and no name
    QCOMPARE(lanes("https://[::1]/"), 2);
    QCOMPARE(lanes("https://[2001:db8::a]/"), 2); // an address is checked as one, whatever its letters
    QCOMPARE(lanes("https://[fe80::1%25eth0]/"), 1); // no certificate names a zone
    QCOMPARE(lanes("https://a.1/"), 3);
    QCOMPARE(lanes("https://ab.1/"), 5);
    QCOMPARE(lanes("https://abc.1/"), ManagerPool::MaxLanes);
    QCOMPARE(lanes("https://xn--bcher-kva.de/"), ManagerPool::MaxLanes);
    QCOMPARE(lanes("http://127.0.0.1/"), ManagerPool::MaxLanes); // plain http: any name will do
    QCOMPARE(lanes("ftp://example.com/"), 1);
    // Each name of a host with few letters is still its own.
    for (const char *host : {"https://a.1/", "https://ab.1/", "https://[::1]/", "https://[2001:db8::a]/",
                             "https://xn--bcher-kva.de/"}) {
        const QUrl url(QString::fromLatin1(host));
        QSet<QString> names;
        for (int lane = 1; lane < lanes(host); ++lane) {
            QNetworkRequest request(url);
            ManagerPool::applyLane(request, lane);
            QCOMPARE(request.peerVerifyName().toLower(), url.host(QUrl::FullyEncoded));
            if (!url.host().contains(u':')) // what Qt sends and checks: an address it sends none of
                QCOMPARE(QUrl::toAce(request.peerVerifyName()), url.host(QUrl::FullyEncoded).toLatin1());
            names.insert(request.peerVerifyName());
        }
        QCOMPARE(names.size(), lanes(host) - 1);
    }
}

void TestManagerPool::applyLaneNamesEachLaneApart()
{
    QNetworkRequest zero(a);
    ManagerPool::applyLane(zero, 0);
    QVERIFY(zero.peerVerifyName().isEmpty()); // lane 0 is the request as it comes
    QSet<QString> names;
    for (int lane = 1; lane < ManagerPool::MaxLanes; ++lane) {
        QNetworkRequest request(a);
        ManagerPool::applyLane(request, lane);
        QVERIFY(!request.peerVerifyName().isEmpty());
        names.insert(request.peerVerifyName());
    }
    QCOMPARE(names.size(), ManagerPool::MaxLanes - 1);
}

QTEST_GUILESS_MAIN(TestManagerPool)
#include "tst_managerpool.moc"
