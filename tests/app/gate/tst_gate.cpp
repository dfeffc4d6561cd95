#include "gate/gate.h"

#include <QSignalSpy>
#include <QTest>

class TestGate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void admitsUpToCapacityInFifoOrder();
    void unboundedAdmitsEveryone();
    void growingAdmitsWaitersAtOnce();
    void shrinkingHoldsUntilBelowNewSize();
    void withdrawRemovesOnlyWaiters();
    void releaseInsideCallbackKeepsOrder();
};

void TestGate::admitsUpToCapacityInFifoOrder()
{
    Gate gate(2);
    QList<int> admitted;
    for (int i = 0; i < 5; ++i)
        gate.acquire([&admitted, i] { admitted.append(i); });
    QCOMPARE(admitted, (QList<int> {0, 1}));
    QCOMPARE(gate.inUse(), 2);
    QCOMPARE(gate.waiting(), 3);

    gate.release();
    QCOMPARE(admitted, (QList<int> {0, 1, 2}));
    gate.release();
    gate.release();
    QCOMPARE(admitted, (QList<int> {0, 1, 2, 3, 4}));
    QCOMPARE(gate.inUse(), 2);
    QCOMPARE(gate.waiting(), 0);
}

void TestGate::unboundedAdmitsEveryone()
{
    Gate gate(0);
    int admitted = 0;
    for (int i = 0; i < 1000; ++i)
        gate.acquire([&admitted] { ++admitted; });
    QCOMPARE(admitted, 1000);
    QCOMPARE(gate.inUse(), 1000);
}

void TestGate::growingAdmitsWaitersAtOnce()
{
    Gate gate(1);
    QSignalSpy changed(&gate, &Gate::capacityChanged);
    int admitted = 0;
    for (int i = 0; i < 6; ++i)
        gate.acquire([&admitted] { ++admitted; });
    QCOMPARE(admitted, 1);

    gate.setCapacity(4);
    QCOMPARE(admitted, 4);
    QCOMPARE(gate.inUse(), 4);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toInt(), 4);
}

void TestGate::shrinkingHoldsUntilBelowNewSize()
{
    Gate gate(4);
    int admitted = 0;
    for (int i = 0; i < 8; ++i)
        gate.acquire([&admitted] { ++admitted; });
    QCOMPARE(admitted, 4);

    gate.setCapacity(2);
    QCOMPARE(gate.inUse(), 4); // holders are never evicted
    gate.release();
    gate.release();
    QCOMPARE(admitted, 4); // 2 still hold a permit: not under the new size yet
    gate.release();
    QCOMPARE(admitted, 5); // 1 holder + the new one = 2
    QCOMPARE(gate.inUse(), 2);
}

void TestGate::withdrawRemovesOnlyWaiters()
{
    Gate gate(1);
    QList<int> admitted;
    const auto first = gate.acquire([&admitted] { admitted.append(1); });
    const auto second = gate.acquire([&admitted] { admitted.append(2); });
    gate.acquire([&admitted] { admitted.append(3); });

    QVERIFY(!gate.withdraw(first));
    QVERIFY(gate.withdraw(second));
    QCOMPARE(gate.waiting(), 1);
    gate.release();
    QCOMPARE(admitted, (QList<int> {1, 3}));
}

void TestGate::releaseInsideCallbackKeepsOrder()
{
    Gate gate(1);
    QList<int> admitted;
    for (int i = 0; i < 4; ++i) {
        gate.acquire([&gate, &admitted, i] {
            admitted.append(i);
            if (i > 0)
                gate.release(); // each later holder gives its permit straight back
        });
    }
    QCOMPARE(admitted, (QList<int> {0}));
    gate.release();
    QCOMPARE(admitted, (QList<int> {0, 1, 2, 3}));
    QCOMPARE(gate.inUse(), 0);
}

QTEST_GUILESS_MAIN(TestGate)
#include "tst_gate.moc"
