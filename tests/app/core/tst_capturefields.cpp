#include "core/requestrecord.h"

#include <QTest>

// A capture's fields live beside the record, allocated only when a capture sets one: a run's million records
// pay a pointer each for them. Readers see the same values as when they were members.
class TestCaptureFields : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTheDefaultsOfARun();
    void defaultsAllocateNothing();
    void copiesShareAndDetachOnWrite();
    void comparesByValue();
};

void TestCaptureFields::readsTheDefaultsOfARun()
{
    const RequestRecord record;
    QCOMPARE(record.method(), QStringLiteral("GET"));
    QCOMPARE(record.connection(), -1);
    QCOMPARE(record.reusedConnection(), false);
    QCOMPARE(record.bytesSent(), 0);
    QCOMPARE(record.proxyNs(), RequestRecord::NotReached);
    QVERIFY(record.requestHeaders().isEmpty());
}

void TestCaptureFields::defaultsAllocateNothing()
{
    RequestRecord record;
    record.setMethod(QStringLiteral("GET"));
    record.setConnection(-1);
    record.setProxyNs(RequestRecord::NotReached);
    record.setRequestHeaders(QString());
    QVERIFY(!record.hasCaptureFields());
    record.setBytesSent(12);
    QVERIFY(record.hasCaptureFields());
    QCOMPARE(record.bytesSent(), 12);
    QCOMPARE(record.method(), QStringLiteral("GET"));
}

void TestCaptureFields::copiesShareAndDetachOnWrite()
{
    RequestRecord record;
    record.setMethod(QStringLiteral("POST"));
    record.setConnection(3);
    RequestRecord copy = record;
    copy.setConnection(4);
    QCOMPARE(record.connection(), 3);
    QCOMPARE(copy.connection(), 4);
    QCOMPARE(copy.method(), QStringLiteral("POST"));
}

void TestCaptureFields::comparesByValue()
{
    RequestRecord a;
    RequestRecord b;
    a.setReusedConnection(true);
    QVERIFY(a != b);
    b.setReusedConnection(true);
    QVERIFY(a == b); // two allocations with equal values
    QVERIFY(a.hasCaptureFields() && b.hasCaptureFields());
    b.setReusedConnection(false); // back to the defaults, still allocated
    QVERIFY(b == RequestRecord());
}

QTEST_GUILESS_MAIN(TestCaptureFields)
#include "tst_capturefields.moc"
