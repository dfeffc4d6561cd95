#include "net/managerpool.h"

#include <QNetworkAccessManager>
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

QTEST_GUILESS_MAIN(TestManagerPool)
#include "tst_managerpool.moc"
