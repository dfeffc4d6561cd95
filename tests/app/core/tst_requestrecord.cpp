#include "core/requestrecord.h"

#include <QTest>

#include <limits>

// A run keeps a million records: each byte of one is a megabyte of a run. The narrow counts must clamp what
// outside data brings rather than wrap it into another number.
class TestRequestRecord : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsItsSize();
    void clampsAStatus_data();
    void clampsAStatus();
    void clampsACount_data();
    void clampsACount();
};

void TestRequestRecord::keepsItsSize()
{
    // Two URLs and two texts of 8 bytes, nine marks and the bytes, three ints, three two-byte counts, three
    // one-byte enums and the capture's pointer: 141 bytes, aligned to 144.
    static_assert(sizeof(RequestRecord) == 144);
    static_assert(sizeof(SharedText) == 8 && sizeof(StoredUrl) == 8 && sizeof(CaptureFields) == 8);
}

void TestRequestRecord::clampsAStatus_data()
{
    QTest::addColumn<qint64>("value");
    QTest::addColumn<int>("expected");
    QTest::newRow("none") << qint64(0) << 0;
    QTest::newRow("ok") << qint64(200) << 200;
    QTest::newRow("largest") << qint64(999) << 999;
    QTest::newRow("four digits") << qint64(1000) << 999;
    QTest::newRow("past two bytes") << qint64(70000) << 999; // would wrap to 4464 as a qint16
    QTest::newRow("past int") << (qint64(1) << 40) << 999;
    QTest::newRow("negative") << qint64(-1) << 0;
}

void TestRequestRecord::clampsAStatus()
{
    QFETCH(qint64, value);
    QFETCH(int, expected);
    RequestRecord record;
    record.status = RequestRecord::statusFrom(value);
    QCOMPARE(int(record.status), expected);
}

void TestRequestRecord::clampsACount_data()
{
    QTest::addColumn<qint64>("value");
    QTest::addColumn<int>("expected");
    QTest::newRow("none") << qint64(0) << 0;
    QTest::newRow("a few") << qint64(3) << 3;
    QTest::newRow("largest") << qint64(32767) << 32767;
    QTest::newRow("past two bytes") << qint64(70000) << 32767; // would wrap to 4464
    QTest::newRow("past unsigned two bytes") << qint64(65536) << 32767; // would wrap to 0
    QTest::newRow("negative") << qint64(-5) << 0;
}

void TestRequestRecord::clampsACount()
{
    QFETCH(qint64, value);
    QFETCH(int, expected);
    RequestRecord record;
    record.redirects = RequestRecord::countFrom(value);
    record.attempt = RequestRecord::countFrom(value);
    QCOMPARE(int(record.redirects), expected);
    QCOMPARE(int(record.attempt), expected);
    QCOMPARE(RequestRecord::MaxCount, int(std::numeric_limits<decltype(record.attempt)>::max()));
}

QTEST_GUILESS_MAIN(TestRequestRecord)
#include "tst_requestrecord.moc"
