#include "core/durationformat.h"

#include <QLocale>
#include <QTest>

// The one formatter of durations for people: each size in the unit it is counted in, so that a prediction
// for a repeat of 99 999 does not read "99999.0 s".
class TestDurationFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }
    void text_data();
    void text();
};

void TestDurationFormat::text_data()
{
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<QString>("expected");
    constexpr qint64 Ms = 1'000'000;
    constexpr qint64 S = 1000 * Ms;
    QTest::newRow("unknown") << qint64(-1) << QStringLiteral("—");
    QTest::newRow("sub-ms") << 870'000LL << QStringLiteral("0.9 ms");
    QTest::newRow("ms") << 850 * Ms << QStringLiteral("850 ms");
    QTest::newRow("s") << 5010 * Ms << QStringLiteral("5.01 s");
    QTest::newRow("tens of s") << 12'300 * Ms << QStringLiteral("12.3 s");
    QTest::newRow("just under a minute") << 59'940 * Ms << QStringLiteral("59.9 s");
    QTest::newRow("rounds to a minute") << 59'960 * Ms << QStringLiteral("1 min 0 s");
    QTest::newRow("minutes") << 125 * S + 400 * Ms << QStringLiteral("2 min 5 s");
    QTest::newRow("just under an hour") << 3599 * S << QStringLiteral("59 min 59 s");
    QTest::newRow("an hour") << 3600 * S << QStringLiteral("1 h 0 min");
    QTest::newRow("a repeat of 99 999 s") << 99'999 * S << QStringLiteral("27 h 47 min");
}

void TestDurationFormat::text()
{
    QFETCH(qint64, ns);
    QFETCH(QString, expected);
    QCOMPARE(DurationFormat::text(ns), expected);
}

QTEST_GUILESS_MAIN(TestDurationFormat)
#include "tst_durationformat.moc"
