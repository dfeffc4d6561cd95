#include "charts/sweepchart.h"

#include <QTest>

// The sweep chart draws one point per k for the measurement and the prediction, and marks where it flattens.

class TestSweepChart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onePointPerK();
    void unknownPredictionDrawsNoPredictedCurve();
};

namespace {

constexpr qint64 Ms = 1'000'000;

QList<RunResult> sweepOf(const QList<int> &ks, const QList<int> &wallsMs, int urls)
{
    QList<RunResult> runs;
    for (qsizetype i = 0; i < ks.size(); ++i) {
        RunResult run;
        run.runId = int(i);
        run.settings.mode = RunMode::Limited;
        run.settings.limit = ks[i];
        for (int r = 0; r < urls; ++r) {
            RequestRecord record;
            record.id = r;
            record.url = QUrl(QStringLiteral("http://a.test/"));
            record.set(Mark::Issued, 0);
            record.set(Mark::Finished, wallsMs[i] * Ms);
            run.records.append(record);
        }
        run.endNs = wallsMs[i] * Ms;
        runs.append(run);
    }
    return runs;
}

std::optional<qint64> hundredMs(const QUrl &)
{
    return 100 * Ms;
}

} // namespace

void TestSweepChart::onePointPerK()
{
    SweepChart chart;
    chart.resize(600, 400);
    QCOMPARE(chart.measuredPointCount(), 0);
    // Before a sweep: the hint, and no empty axes.
    QVERIFY(!chart.showsChart());
    QVERIFY(chart.caption().contains(QLatin1String("Run a sweep")));
    const QList<int> ks {1, 2, 4, 8, 16, 32};
    const QList<RunResult> runs = sweepOf(ks, {810, 410, 210, 110, 105, 104}, 8);
    chart.setCurve(SweepCurve::of(runs, hundredMs));
    QCOMPARE(chart.measuredPointCount(), ks.size());
    QCOMPARE(chart.predictedPointCount(), ks.size());
    QCOMPARE(chart.markerK(), 8);
    QVERIFY(chart.caption().contains(QLatin1String("k = 8")));
    QVERIFY(chart.showsChart());
    QVERIFY(!chart.grab().isNull());
}

void TestSweepChart::unknownPredictionDrawsNoPredictedCurve()
{
    SweepChart chart;
    chart.setCurve(SweepCurve::of(sweepOf({1, 2, 4}, {400, 200, 100}, 4), {}));
    QCOMPARE(chart.measuredPointCount(), 3);
    QCOMPARE(chart.predictedPointCount(), 0);
}

QTEST_MAIN(TestSweepChart)
#include "tst_sweepchart.moc"
