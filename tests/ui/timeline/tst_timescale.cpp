#include "timeline/timescale.h"

#include <QTest>

#include <cmath>

class TestTimeScale : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mapping_data();
    void mapping();
    void zoomKeepsTheAnchorTime_data();
    void zoomKeepsTheAnchorTime();
    void zoomStopsAtOneMicrosecond();
    void panMovesByPixels();
    void clampsToTheData();
    void fitShowsTheDataRange();
    void tickStep_data();
    void tickStep();
    void ticksAreEvenlySpaced();
    void formatTick_data();
    void formatTick();
    void niceCeil_data();
    void niceCeil();
};

void TestTimeScale::mapping_data()
{
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("end");
    QTest::addColumn<double>("width");
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<double>("x");

    QTest::newRow("origin") << qint64(0) << qint64(1'000'000'000) << 1000.0 << qint64(0) << 0.0;
    QTest::newRow("middle") << qint64(0) << qint64(1'000'000'000) << 1000.0 << qint64(500'000'000) << 500.0;
    QTest::newRow("end") << qint64(0) << qint64(1'000'000'000) << 1000.0 << qint64(1'000'000'000) << 1000.0;
    QTest::newRow("offset window") << qint64(2'000'000'000) << qint64(4'000'000'000) << 800.0
                                   << qint64(3'000'000'000) << 400.0;
    QTest::newRow("left of the window")
        << qint64(1'000'000) << qint64(2'000'000) << 100.0 << qint64(500'000) << -50.0;
    QTest::newRow("microseconds") << qint64(10'000) << qint64(12'000) << 200.0 << qint64(11'000) << 100.0;
}

void TestTimeScale::mapping()
{
    QFETCH(qint64, start);
    QFETCH(qint64, end);
    QFETCH(double, width);
    QFETCH(qint64, ns);
    QFETCH(double, x);

    TimeScale scale(start, end, width);
    scale.setDataRange(0, end);
    scale.setRange(start, end);
    QCOMPARE(scale.startNs(), start);
    QCOMPARE(scale.endNs(), end);
    QCOMPARE(scale.toPixel(ns), x);
    QCOMPARE(scale.toTime(x), ns);
}

void TestTimeScale::zoomKeepsTheAnchorTime_data()
{
    QTest::addColumn<double>("factor");
    QTest::addColumn<double>("anchorX");

    QTest::newRow("in at the middle") << 2.0 << 500.0;
    QTest::newRow("in near the left") << 1.2 << 37.0;
    QTest::newRow("in near the right") << 10.0 << 951.0;
    QTest::newRow("out") << 0.8 << 700.0;
    QTest::newRow("deep") << 1000.0 << 333.0;
}

void TestTimeScale::zoomKeepsTheAnchorTime()
{
    QFETCH(double, factor);
    QFETCH(double, anchorX);

    TimeScale scale(0, 10'000'000'000, 1000);
    scale.setRange(2'000'000'000, 6'000'000'000);
    const qint64 before = scale.toTime(anchorX);
    const qint64 span = scale.spanNs();
    scale.zoom(factor, anchorX);
    QCOMPARE(scale.spanNs(), qint64(std::llround(span / factor)));
    // Within a nanosecond-per-pixel of rounding.
    QVERIFY2(std::abs(scale.toTime(anchorX) - before) <= qint64(std::ceil(scale.nsPerPixel())),
             qPrintable(QStringLiteral("%1 vs %2").arg(scale.toTime(anchorX)).arg(before)));
}

void TestTimeScale::zoomStopsAtOneMicrosecond()
{
    TimeScale scale(0, 1'000'000'000, 1000);
    for (int i = 0; i < 100; ++i)
        scale.zoom(10, 500);
    QCOMPARE(scale.spanNs(), TimeScale::MinimumSpanNs);
    QVERIFY(scale.startNs() > 499'000'000 && scale.endNs() < 501'000'000);
}

void TestTimeScale::panMovesByPixels()
{
    TimeScale scale(0, 10'000'000'000, 1000);
    scale.setRange(1'000'000'000, 2'000'000'000);
    scale.pan(100); // 100 px of 1 ms each
    QCOMPARE(scale.startNs(), qint64(1'100'000'000));
    QCOMPARE(scale.spanNs(), qint64(1'000'000'000));
    scale.pan(-50);
    QCOMPARE(scale.startNs(), qint64(1'050'000'000));
}

void TestTimeScale::clampsToTheData()
{
    TimeScale scale(0, 10'000'000'000, 1000);
    scale.setRange(1'000'000'000, 2'000'000'000);
    scale.pan(-10'000); // far left: stops at 0, the run's start
    QCOMPARE(scale.startNs(), qint64(0));
    scale.pan(1'000'000); // far right: some data stays in view
    QVERIFY(scale.startNs() < 10'000'000'000);
    scale.zoom(1e-6, 0); // far out: ten times the data at most
    QCOMPARE(scale.spanNs(), qint64(100'000'000'000));
    QCOMPARE(scale.startNs(), qint64(0));

    TimeScale negative(-5'000, 5'000, 100); // data that starts before 0 may be shown
    QCOMPARE(negative.startNs(), qint64(-5'000));
}

void TestTimeScale::fitShowsTheDataRange()
{
    TimeScale scale(0, 1'000'000'000, 800);
    scale.setDataRange(0, 4'200'000'000);
    scale.setRange(100, 200'000);
    scale.fit();
    QCOMPARE(scale.startNs(), qint64(0));
    QCOMPARE(scale.endNs(), qint64(4'200'000'000));
    QCOMPARE(scale.toPixel(4'200'000'000), 800.0);
}

void TestTimeScale::tickStep_data()
{
    QTest::addColumn<qint64>("span");
    QTest::addColumn<double>("width");
    QTest::addColumn<qint64>("step");

    QTest::newRow("5 s over 1000 px") << qint64(5'000'000'000) << 1000.0 << qint64(500'000'000);
    QTest::newRow("1 s over 1000 px") << qint64(1'000'000'000) << 1000.0 << qint64(100'000'000);
    QTest::newRow("1 s over 400 px") << qint64(1'000'000'000) << 400.0 << qint64(200'000'000);
    QTest::newRow("4 s over 1600 px") << qint64(4'000'000'000) << 1600.0 << qint64(200'000'000);
    QTest::newRow("10 ms over 1000 px") << qint64(10'000'000) << 1000.0 << qint64(1'000'000);
    QTest::newRow("1 µs over 1600 px") << qint64(1'000) << 1600.0 << qint64(50);
    QTest::newRow("1000 s over 1600 px") << qint64(1'000'000'000'000) << 1600.0 << qint64(50'000'000'000);
}

void TestTimeScale::tickStep()
{
    QFETCH(qint64, span);
    QFETCH(double, width);
    QFETCH(qint64, step);

    TimeScale scale(0, span, width);
    QCOMPARE(scale.tickStepNs(), step);
    const double spacing = double(step) / scale.nsPerPixel();
    QVERIFY2(spacing >= 60 && spacing <= 160, qPrintable(QString::number(spacing)));
}

void TestTimeScale::ticksAreEvenlySpaced()
{
    TimeScale scale(0, 10'000'000'000, 1200);
    scale.setRange(1'234'567'890, 3'456'789'012);
    const auto ticks = scale.ticks();
    QVERIFY(ticks.size() >= 8 && ticks.size() <= 20);
    const qint64 step = scale.tickStepNs();
    QVERIFY(ticks.first().ns >= scale.startNs() && ticks.first().ns - step < scale.startNs());
    QVERIFY(ticks.last().ns <= scale.endNs());
    for (const auto &tick : ticks) {
        QCOMPARE(tick.ns % step, 0);
        QCOMPARE(tick.x, scale.toPixel(tick.ns));
        QVERIFY(!tick.label.isEmpty());
    }
}

void TestTimeScale::formatTick_data()
{
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<qint64>("step");
    QTest::addColumn<QString>("label");

    QTest::newRow("zero, ms steps") << qint64(0) << qint64(250'000'000) << QStringLiteral("0 ms");
    QTest::newRow("250 ms") << qint64(250'000'000) << qint64(250'000'000) << QStringLiteral("250 ms");
    QTest::newRow("1.5 s") << qint64(1'500'000'000) << qint64(500'000'000) << QStringLiteral("1.5 s");
    QTest::newRow("1.25 s") << qint64(1'250'000'000) << qint64(250'000'000) << QStringLiteral("1.25 s");
    QTest::newRow("2 s, whole steps")
        << qint64(2'000'000'000) << qint64(1'000'000'000) << QStringLiteral("2 s");
    QTest::newRow("zero, s steps") << qint64(0) << qint64(2'000'000'000) << QStringLiteral("0 s");
    QTest::newRow("µs") << qint64(50'000) << qint64(10'000) << QStringLiteral("50 µs");
    QTest::newRow("sub-µs") << qint64(150) << qint64(50) << QStringLiteral("0.15 µs");
    QTest::newRow("ms with decimals") << qint64(1'500'000) << qint64(100'000) << QStringLiteral("1.5 ms");
    QTest::newRow("minutes stay in s")
        << qint64(120'000'000'000) << qint64(20'000'000'000) << QStringLiteral("120 s");
}

void TestTimeScale::formatTick()
{
    QFETCH(qint64, ns);
    QFETCH(qint64, step);
    QFETCH(QString, label);
    QCOMPARE(TimeScale::formatTick(ns, step), label);
}

void TestTimeScale::niceCeil_data()
{
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<qint64>("nice");
    QTest::newRow("1") << qint64(1) << qint64(1);
    QTest::newRow("3") << qint64(3) << qint64(5);
    QTest::newRow("6") << qint64(6) << qint64(10);
    QTest::newRow("200") << qint64(200) << qint64(200);
    QTest::newRow("201") << qint64(201) << qint64(500);
    QTest::newRow("1.2 s") << qint64(1'200'000'000) << qint64(2'000'000'000);
}

void TestTimeScale::niceCeil()
{
    QFETCH(qint64, ns);
    QFETCH(qint64, nice);
    QCOMPARE(TimeScale::niceCeil(ns), nice);
}

QTEST_GUILESS_MAIN(TestTimeScale)
#include "tst_timescale.moc"
