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
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<qint64>("expectedMs"); // -1: not a Retry-After value
    const QDateTime y1999(QDate(1999, 12, 31), QTime(23, 59, 0), Qt::UTC);
    const QDateTime y2027(QDate(2027, 12, 31), QTime(23, 59, 0), Qt::UTC);

    // Against a clock at Fri, 31 Dec 1999 23:59:00 GMT, or the same moment in 2027.
    QTest::newRow("seconds") << QByteArray("120") << y1999 << qint64(120'000);
    QTest::newRow("zero") << QByteArray("0") << y1999 << qint64(0);
    QTest::newRow("blanks around") << QByteArray(" 5 ") << y1999 << qint64(5'000);
    QTest::newRow("IMF-fixdate") << QByteArray("Fri, 31 Dec 1999 23:59:59 GMT") << y1999 << qint64(59'000);
    QTest::newRow("RFC 850") << QByteArray("Friday, 31-Dec-99 23:59:30 GMT") << y1999 << qint64(30'000);
    QTest::newRow("asctime") << QByteArray("Fri Dec 31 23:59:10 1999") << y1999 << qint64(10'000);
    QTest::newRow("asctime, one-digit day")
        << QByteArray("Sat Jan  1 00:00:00 2000") << y1999 << qint64(60'000);
    QTest::newRow("date in the past") << QByteArray("Thu, 01 Jan 1998 00:00:00 GMT") << y1999 << qint64(0);
    QTest::newRow("negative") << QByteArray("-5") << y1999 << qint64(-1);
    QTest::newRow("fraction") << QByteArray("1.5") << y1999 << qint64(-1);
    QTest::newRow("empty") << QByteArray("") << y1999 << qint64(-1);
    QTest::newRow("garbage") << QByteArray("soon") << y1999 << qint64(-1);
    // RFC 9110: a two-digit year is in the century that puts it at most 50 years ahead.
    QTest::newRow("RFC 850 in 2027") << QByteArray("Friday, 31-Dec-27 23:59:30 GMT") << y2027
                                     << qint64(30'000);
    QTest::newRow("RFC 850, 76 in 1999 is 1976")
        << QByteArray("Friday, 31-Dec-76 23:59:30 GMT") << y1999 << qint64(0);
    QTest::newRow("RFC 850, 49 in 1999 is 2049")
        << QByteArray("Friday, 31-Dec-49 23:59:30 GMT") << y1999 << qint64(1'577'923'230'000);
    QTest::newRow("RFC 850, wrong weekday")
        << QByteArray("Monday, 31-Dec-27 23:59:30 GMT") << y2027 << qint64(-1);
    QTest::newRow("IMF-fixdate in 2027")
        << QByteArray("Fri, 31 Dec 2027 23:59:01 GMT") << y2027 << qint64(1'000);
    QTest::newRow("not GMT") << QByteArray("Fri, 31 Dec 1999 23:59:59 CET") << y1999 << qint64(-1);
}

void TestRetryAfter::parses()
{
    QFETCH(QByteArray, value);
    QFETCH(QDateTime, now);
    QFETCH(qint64, expectedMs);
    const auto ms = retryAfterMs(value, now);
    QCOMPARE(ms.value_or(-1), expectedMs);
}

QTEST_GUILESS_MAIN(TestRetryAfter)
#include "tst_retryafter.moc"
