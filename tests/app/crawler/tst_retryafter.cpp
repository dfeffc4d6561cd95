#include "crawler/retryafter.h"

#include <QTest>

class TestRetryAfter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses_data();
    void parses();
};

void TestRetryAfter::parses_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("expectedMs"); // -1: not a Retry-After value

    // RFC 9110's examples, against a clock at Fri, 31 Dec 1999 23:59:00 GMT.
    QTest::newRow("seconds") << QByteArray("120") << qint64(120'000);
    QTest::newRow("zero") << QByteArray("0") << qint64(0);
    QTest::newRow("blanks around") << QByteArray(" 5 ") << qint64(5'000);
    QTest::newRow("IMF-fixdate") << QByteArray("Fri, 31 Dec 1999 23:59:59 GMT") << qint64(59'000);
    QTest::newRow("RFC 850") << QByteArray("Friday, 31-Dec-99 23:59:30 GMT") << qint64(30'000);
    QTest::newRow("asctime") << QByteArray("Fri Dec 31 23:59:10 1999") << qint64(10'000);
    QTest::newRow("asctime, one-digit day") << QByteArray("Sat Jan  1 00:00:00 2000") << qint64(60'000);
    QTest::newRow("date in the past") << QByteArray("Thu, 01 Jan 1998 00:00:00 GMT") << qint64(0);
    QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
    QTest::newRow("fraction") << QByteArray("1.5") << qint64(-1);
    QTest::newRow("empty") << QByteArray("") << qint64(-1);
    QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
    QTest::newRow("not GMT") << QByteArray("Fri, 31 Dec 1999 23:59:59 CET") << qint64(-1);
}

void TestRetryAfter::parses()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, expectedMs);
    const QDateTime now(QDate(1999, 12, 31), QTime(23, 59, 0), Qt::UTC);
    const auto ms = retryAfterMs(value, now);
    QCOMPARE(ms.value_or(-1), expectedMs);
}

QTEST_GUILESS_MAIN(TestRetryAfter)
#include "tst_retryafter.moc"
