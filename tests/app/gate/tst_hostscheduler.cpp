#include "core/clock.h"
#include "gate/gate.h"
#include "gate/hostscheduler.h"

#include <QTest>

namespace {

constexpr qint64 MsNs = 1'000'000;

// Submits requests and notes who was admitted when.
struct Log
{
    QList<int> order;
    QHash<int, qint64> at;

    HostScheduler::Admitted note(int id)
    {
        return [this, id](qint64 admittedNs) {
            order.append(id);
            at.insert(id, admittedNs);
        };
    }
};

} // namespace

class TestHostScheduler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneHostIsTheRunsFifoGate();
    void perHostCapHoldsOnlyThatHost();
    void aBlockedHostHoldsNoPermit();
    void intervalSpacesAdmissions();
    void pauseHoldsTheHostAndNeverShortens();
    void withdrawAllReturnsWaitersInOrder();
    void gateResizeAdmitsReadyHosts();
};

void TestHostScheduler::oneHostIsTheRunsFifoGate()
{
    Gate gate(2);
    HostScheduler scheduler(&gate, 0);
    Log log;
    for (int id = 0; id < 5; ++id)
        scheduler.submit(id, QStringLiteral("a"), log.note(id));
    QCOMPARE(log.order, (QList<int> {0, 1}));
    QCOMPARE(scheduler.waiting(), 3);
    QCOMPARE(gate.inUse(), 2);

    for (int done = 0; done < 3; ++done) {
        scheduler.release(QStringLiteral("a"));
        gate.release();
    }
    QCOMPARE(log.order, (QList<int> {0, 1, 2, 3, 4}));
    QCOMPARE(scheduler.waiting(), 0);
}

void TestHostScheduler::perHostCapHoldsOnlyThatHost()
{
    Gate gate(0); // gather: no run-wide limit
    HostScheduler scheduler(&gate, 2);
    Log log;
    scheduler.submit(0, QStringLiteral("a"), log.note(0));
    scheduler.submit(1, QStringLiteral("a"), log.note(1));
    scheduler.submit(2, QStringLiteral("a"), log.note(2));
    scheduler.submit(3, QStringLiteral("b"), log.note(3));
    QCOMPARE(log.order, (QList<int> {0, 1, 3}));
    QCOMPARE(scheduler.active(QStringLiteral("a")), 2);
    QCOMPARE(scheduler.waiting(QStringLiteral("a")), 1);

    scheduler.release(QStringLiteral("b")); // another host's slot does not help a
    QCOMPARE(log.order.size(), 3);
    scheduler.release(QStringLiteral("a"));
    QCOMPARE(log.order, (QList<int> {0, 1, 3, 2}));
}

void TestHostScheduler::aBlockedHostHoldsNoPermit()
{
    // One permit, host a at its cap: b's request, queued after a's, takes the free permit.
    Gate gate(2);
    HostScheduler scheduler(&gate, 1);
    Log log;
    scheduler.submit(0, QStringLiteral("a"), log.note(0));
    scheduler.submit(1, QStringLiteral("a"), log.note(1));
    scheduler.submit(2, QStringLiteral("b"), log.note(2));
    QCOMPARE(log.order, (QList<int> {0, 2}));
    QCOMPARE(gate.inUse(), 2);
    QCOMPARE(gate.waiting(), 0);

    // Both free up at once: the earliest request of a host that may go comes first.
    scheduler.release(QStringLiteral("b"));
    gate.release();
    QCOMPARE(log.order, (QList<int> {0, 2})); // a is still at its cap
    QCOMPARE(gate.inUse(), 1);
    scheduler.release(QStringLiteral("a"));
    gate.release();
    QCOMPARE(log.order, (QList<int> {0, 2, 1}));
}

void TestHostScheduler::intervalSpacesAdmissions()
{
    Gate gate(0);
    HostScheduler scheduler(&gate, 0);
    scheduler.setInterval(QStringLiteral("a"), 40);
    Log log;
    for (int id = 0; id < 4; ++id)
        scheduler.submit(id, QStringLiteral("a"), log.note(id));
    scheduler.submit(4, QStringLiteral("b"), log.note(4)); // another host is not paced by a's interval
    QCOMPARE(log.order, (QList<int> {0, 4}));

    QTRY_COMPARE(log.order.size(), 5);
    QCOMPARE(log.order, (QList<int> {0, 4, 1, 2, 3}));
    for (int id = 1; id < 4; ++id)
        QVERIFY(log.at.value(id) - log.at.value(id - 1) >= 40 * MsNs);
}

void TestHostScheduler::pauseHoldsTheHostAndNeverShortens()
{
    Gate gate(0);
    HostScheduler scheduler(&gate, 0);
    const qint64 pausedAt = Clock::nowNs();
    scheduler.pauseUntil(QStringLiteral("a"), pausedAt + 60 * MsNs);
    scheduler.pauseUntil(QStringLiteral("a"), pausedAt + 10 * MsNs); // a shorter pause changes nothing
    Log log;
    scheduler.submit(0, QStringLiteral("a"), log.note(0));
    scheduler.submit(1, QStringLiteral("b"), log.note(1));
    QCOMPARE(log.order, (QList<int> {1}));
    QTRY_COMPARE(log.order.size(), 2);
    QVERIFY(log.at.value(0) >= pausedAt + 60 * MsNs);
}

void TestHostScheduler::withdrawAllReturnsWaitersInOrder()
{
    Gate gate(1);
    HostScheduler scheduler(&gate, 0);
    scheduler.setInterval(QStringLiteral("b"), 60'000);
    Log log;
    scheduler.submit(0, QStringLiteral("a"), log.note(0));
    scheduler.submit(1, QStringLiteral("b"), log.note(1));
    scheduler.submit(2, QStringLiteral("a"), log.note(2));
    scheduler.submit(3, QStringLiteral("b"), log.note(3));
    QCOMPARE(log.order, (QList<int> {0}));
    QCOMPARE(scheduler.withdrawAll(), (QList<int> {1, 2, 3}));
    QCOMPARE(scheduler.waiting(), 0);
    gate.release(); // nobody left to admit
    QCOMPARE(log.order, (QList<int> {0}));
    QCOMPARE(gate.inUse(), 0);
}

void TestHostScheduler::gateResizeAdmitsReadyHosts()
{
    Gate gate(1);
    HostScheduler scheduler(&gate, 0);
    Log log;
    for (int id = 0; id < 4; ++id)
        scheduler.submit(id, id % 2 ? QStringLiteral("b") : QStringLiteral("a"), log.note(id));
    QCOMPARE(log.order, (QList<int> {0}));
    gate.setCapacity(3);
    QCOMPARE(log.order, (QList<int> {0, 1, 2}));
    QCOMPARE(scheduler.waiting(), 1);
}

QTEST_GUILESS_MAIN(TestHostScheduler)
#include "tst_hostscheduler.moc"
