#include "net/managerpool.h"

#include <QNetworkAccessManager>
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
};

namespace {

const QUrl a(QStringLiteral("http://127.0.0.1:8080/x"));
const QUrl b(QStringLiteral("http://127.0.0.2:8080/x"));
const QUrl aOtherPort(QStringLiteral("http://127.0.0.1:8081/x"));

} // namespace

void TestManagerPool::hostsGetManagersOfTheirOwn()
{
    ManagerPool pool;
    QNetworkAccessManager *first = pool.acquire(a);
    QNetworkAccessManager *second = pool.acquire(b);
    QNetworkAccessManager *third = pool.acquire(aOtherPort); // HostKey is host and port
    QVERIFY(first != second);
    QVERIFY(first != third && second != third);
    QCOMPARE(pool.managerCount(), 3);
    QCOMPARE(pool.active(first, a), 1);
    QCOMPARE(pool.active(first, b), 0);
}

void TestManagerPool::aHostFillsAManagerBeforeTheNext()
{
    ManagerPool pool;
    QNetworkAccessManager *first = pool.acquire(a);
    for (int i = 1; i < ManagerPool::ConnectionsPerManager; ++i)
        QCOMPARE(pool.acquire(a), first);
    QNetworkAccessManager *seventh = pool.acquire(a);
    QVERIFY(seventh != first);
    pool.release(first, a);
    QCOMPARE(pool.acquire(a), first); // a free connection on a manager of its own
}

void TestManagerPool::anIdleManagerIsReused()
{
    ManagerPool pool;
    QNetworkAccessManager *first = pool.acquire(a);
    pool.release(first, a);
    QCOMPARE(pool.acquire(b), first); // nothing in flight on it: handed to the next host
    QCOMPARE(pool.managerCount(), 1);
    QVERIFY(pool.acquire(a) != first); // now b's
}

void TestManagerPool::hostsShareOnlyBeyondTheBudget()
{
    ManagerPool pool(ManagerPool::Proxy::System, 2);
    QNetworkAccessManager *first = pool.acquire(a);
    QNetworkAccessManager *second = pool.acquire(b);
    QVERIFY(first != second);
    QNetworkAccessManager *third = pool.acquire(aOtherPort);
    QCOMPARE(pool.managerCount(), 2); // the descriptor budget allows two: a third host shares
    QVERIFY(third == first || third == second);
}

void TestManagerPool::aGatherOfThousandsKeepsEveryManagerFull()
{
    // Two hosts' gathers of 1 200 each, interleaved: every manager serves one host, six at a time.
    ManagerPool pool;
    QList<QNetworkAccessManager *> ofA, ofB;
    for (int i = 0; i < 1200; ++i) {
        ofA.append(pool.acquire(a));
        ofB.append(pool.acquire(b));
    }
    QCOMPARE(pool.managerCount(), 400);
    for (int i = 0; i < 1200; ++i) {
        QCOMPARE(pool.active(ofA.at(i), a), ManagerPool::ConnectionsPerManager);
        QCOMPARE(pool.active(ofA.at(i), b), 0);
        QCOMPARE(pool.active(ofB.at(i), b), ManagerPool::ConnectionsPerManager);
    }
    // A request of a's ends on a manager in the middle: the next of a's goes there, not to a new manager,
    // and not to one of b's.
    QNetworkAccessManager *middle = ofA.at(601);
    pool.release(middle, a);
    QCOMPARE(pool.acquire(a), middle);
    QCOMPARE(pool.managerCount(), 400);
    // Everything ends: every manager is idle, and a third host's gather of 1 200 reuses them all.
    for (int i = 0; i < 1200; ++i) {
        pool.release(ofA.at(i), a);
        pool.release(ofB.at(i), b);
    }
    QSet<QNetworkAccessManager *> third;
    for (int i = 0; i < 1200; ++i) {
        QNetworkAccessManager *manager = pool.acquire(aOtherPort);
        third.insert(manager);
        QVERIFY(pool.active(manager, aOtherPort) <= ManagerPool::ConnectionsPerManager);
    }
    QCOMPARE(pool.managerCount(), 400);
    QCOMPARE(third.size(), 200);
}

QTEST_GUILESS_MAIN(TestManagerPool)
#include "tst_managerpool.moc"
