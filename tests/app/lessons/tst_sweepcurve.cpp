#include "lessons/sweepcurve.h"

#include <QTest>

// A sweep's curve: one point per k in order, the prediction beside the measurement, and where it flattens.

class TestSweepCurve : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void whatIsASweep();
    void flattens_data();
    void flattens();
};

namespace {

constexpr qint64 Ms = 1'000'000;

// A finished limited(k) run of n requests to host, each taking serviceMs, ending at wallMs.
RunResult runOf(int k, int n, qint64 wallMs, int perHost = 0, const QString &host = QStringLiteral("a.test"))
{
    RunResult run;
    run.settings.mode = RunMode::Limited;
    run.settings.limit = k;
    run.settings.perHost = perHost;
    for (int i = 0; i < n; ++i) {
        RequestRecord record;
        record.id = i;
        record.url = QUrl(QStringLiteral("http://%1/delay/100").arg(host));
        record.set(Mark::Queued, 0);
        record.set(Mark::Issued, 0);
        record.set(Mark::Finished, wallMs * Ms);
        run.records.append(record);
    }
    run.endNs = wallMs * Ms;
    return run;
}

std::optional<qint64> hundredMs(const QUrl &)
{
    return 100 * Ms;
}

} // namespace

void TestSweepCurve::whatIsASweep()
{
    QVERIFY(SweepCurve::isSweep({runOf(1, 4, 400), runOf(2, 4, 200)}));
    QVERIFY(!SweepCurve::isSweep({runOf(1, 4, 400)}));
    QVERIFY(!SweepCurve::isSweep({runOf(2, 4, 200), runOf(1, 4, 400)})); // k must grow
    QVERIFY(!SweepCurve::isSweep({runOf(1, 4, 400), runOf(2, 5, 200)})); // the same URLs
    RunResult gather = runOf(2, 4, 100);
    gather.settings.mode = RunMode::Gather;
    QVERIFY(!SweepCurve::isSweep({runOf(1, 4, 400), gather}));
    RunResult stopped = runOf(2, 4, 100);
    stopped.cancelled = true;
    QVERIFY(!SweepCurve::isSweep({runOf(1, 4, 400), stopped}));
}

void TestSweepCurve::flattens_data()
{
    QTest::addColumn<int>("urls");
    QTest::addColumn<int>("perHost");
    QTest::addColumn<QList<int>>("ks");
    QTest::addColumn<QList<int>>("wallsMs");
    QTest::addColumn<int>("flatK");
    QTest::addColumn<SweepCurve::Why>("why");

    // 8 URLs of 100 ms: n/k rounds until k = 8.
    QTest::newRow("the number of URLs") << 8 << 0 << QList<int> {1, 2, 4, 8, 16}
                                        << QList<int> {800, 400, 200, 100, 100} << 8 << SweepCurve::Why::Urls;
    // 2 per host on one host: no faster than 2 at a time.
    QTest::newRow("the per-host cap") << 8 << 2 << QList<int> {1, 2, 4, 8} << QList<int> {800, 400, 400, 400}
                                      << 2 << SweepCurve::Why::PerHost;
    // Nothing explains it but the server: it stops at 4 of 16.
    QTest::newRow("the server") << 16 << 0 << QList<int> {1, 2, 4, 8, 16}
                                << QList<int> {1600, 800, 400, 390, 395} << 4 << SweepCurve::Why::Server;
    // Still falling at the last k, but that k is every URL: nothing larger can help.
    QTest::newRow("ends at the number of URLs")
        << 8 << 0 << QList<int> {1, 2, 4, 8} << QList<int> {800, 400, 200, 110} << 8 << SweepCurve::Why::Urls;
    QTest::newRow("still falling") << 16 << 0 << QList<int> {1, 2, 4} << QList<int> {1600, 800, 400} << 4
                                   << SweepCurve::Why::None;
}

void TestSweepCurve::flattens()
{
    QFETCH(int, urls);
    QFETCH(int, perHost);
    QFETCH(QList<int>, ks);
    QFETCH(QList<int>, wallsMs);
    QFETCH(int, flatK);
    QFETCH(SweepCurve::Why, why);

    QList<RunResult> runs;
    for (qsizetype i = 0; i < ks.size(); ++i)
        runs.append(runOf(ks[i], urls, wallsMs[i], perHost));
    QVERIFY(SweepCurve::isSweep(runs));
    const SweepCurve curve = SweepCurve::of(runs, hundredMs);
    QCOMPARE(curve.points().size(), ks.size());
    for (qsizetype i = 0; i < ks.size(); ++i) {
        QCOMPARE(curve.points()[i].k, ks[i]);
        QCOMPARE(curve.points()[i].wallNs, wallsMs[i] * Ms);
        // The prediction of limited(k) over 100 ms requests, the per-host cap included.
        const int slots = perHost > 0 ? std::min(ks[i], perHost) : ks[i];
        QCOMPARE(curve.points()[i].predictedNs, qint64((urls + slots - 1) / slots) * 100 * Ms);
    }
    QCOMPARE(curve.points().at(curve.flatIndex()).k, flatK);
    QCOMPARE(curve.why(), why);
    QVERIFY(!curve.whyText().isEmpty());

    // Unknown latencies leave the predicted curve empty, never guessed.
    const SweepCurve unknown = SweepCurve::of(runs, {});
    for (const SweepCurve::Point &point : unknown.points())
        QCOMPARE(point.predictedNs, -1);
}

QTEST_GUILESS_MAIN(TestSweepCurve)
#include "tst_sweepcurve.moc"
