#include "core/runcaption.h"

#include <QTest>

// The run's header: the prediction while it runs, the measurement beside it after, the overhead between, and
// an ideal held to the per-host cap.

class TestRunCaption : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void predictionBeforeMeasurementAfter_data();
    void predictionBeforeMeasurementAfter();
    void unknownLatencyIsSaid();
    void theSpeedUpIsNamedForANarrowHeader();
    void headerIdealRespectsThePerHostCap();
};

namespace {

constexpr qint64 Ms = 1'000'000;

// A finished run of n requests of 1 s to one host, in rounds of k, ending at wallMs.
RunResult runOf(RunMode mode, int k, int n, qint64 wallMs, int perHost = 0)
{
    RunResult run;
    run.settings.mode = mode;
    run.settings.limit = k;
    run.settings.perHost = perHost;
    for (int i = 0; i < n; ++i) {
        RequestRecord record;
        record.id = i;
        record.url = QUrl(QStringLiteral("http://a.test/delay/1000"));
        record.set(Mark::Queued, 0);
        const qint64 start = qint64(i / k) * 1000 * Ms;
        record.set(Mark::Issued, start);
        record.set(Mark::Finished, start + 1000 * Ms);
        record.outcome = Outcome::Ok;
        record.status = 200;
        run.records.append(record);
    }
    run.endNs = wallMs * Ms;
    return run;
}

std::optional<qint64> oneSecond(const QUrl &)
{
    return 1000 * Ms;
}

QList<QUrl> urlsOf(const RunResult &run)
{
    QList<QUrl> urls;
    for (const RequestRecord &record : run.records)
        urls.append(record.url);
    return urls;
}

} // namespace

void TestRunCaption::predictionBeforeMeasurementAfter_data()
{
    QTest::addColumn<qint64>("wallMs");
    QTest::addColumn<QString>("overhead");

    QTest::newRow("slower than predicted") << qint64(2100) << QStringLiteral("overhead 100 ms (5.0 %)");
    QTest::newRow("faster than predicted") << qint64(1950) << QStringLiteral("overhead −50 ms (−2.5 %)");
}

void TestRunCaption::predictionBeforeMeasurementAfter()
{
    QFETCH(qint64, wallMs);
    QFETCH(QString, overhead);
    RunResult run = runOf(RunMode::Limited, 3, 6, wallMs);
    const Prediction prediction = Prediction::of(urlsOf(run), run.settings, oneSecond);
    QCOMPARE(prediction.makespanNs(), 2000 * Ms);

    RunCaption::Facts facts;
    facts.requests = 6;
    facts.live = true;
    facts.endNs = 500 * Ms;
    facts.prediction = prediction;
    const QString live = RunCaption::header(run, facts);
    QVERIFY2(live.contains(QLatin1String("running 500 ms"))
                 && live.contains(QLatin1String("predicted 2.00 s")),
             qPrintable(live));

    facts.live = false;
    facts.endNs = wallMs * Ms;
    const QString done = RunCaption::header(run, facts);
    QVERIFY2(done.contains(QLatin1String("predicted 2.00 s, ") + overhead), qPrintable(done));

    // Without a prediction the header says nothing about one.
    facts.prediction.reset();
    QVERIFY(!RunCaption::header(run, facts).contains(QLatin1String("predict")));
}

void TestRunCaption::unknownLatencyIsSaid()
{
    const RunResult run = runOf(RunMode::Gather, 3, 3, 1000);
    const Prediction unknown = Prediction::of(urlsOf(run), run.settings, {});
    RunCaption::Facts facts;
    facts.requests = 3;
    facts.prediction = unknown;
    const QString header = RunCaption::header(run, facts);
    QVERIFY2(header.contains(QLatin1String("no prediction: ")) && header.contains(unknown.whyUnknown()),
             qPrintable(header));
    QVERIFY(!header.contains(QLatin1String("overhead")));
}

void TestRunCaption::theSpeedUpIsNamedForANarrowHeader()
{
    const RunResult run = runOf(RunMode::Gather, 3, 3, 1000);
    RunCaption::Facts facts;
    facts.requests = 3;
    facts.sequentialWallNs = run.endNs * 3;
    QString speedUp = QStringLiteral("stale");
    const QString header = RunCaption::header(run, facts, &speedUp);
    QCOMPARE(speedUp, QStringLiteral("3.0× faster than sequential"));
    QVERIFY2(header.split(QStringLiteral("  ·  ")).contains(speedUp), qPrintable(header));
    facts.sequentialWallNs = -1; // no sequential run beside it: no speed-up
    RunCaption::header(run, facts, &speedUp);
    QVERIFY(speedUp.isEmpty());
}

void TestRunCaption::headerIdealRespectsThePerHostCap()
{
    // A browser's gather: 12 requests of 1 s, 6 per host, two rounds. The ideal is 2 s, not the 1 s of a
    // gather without the cap.
    const RunResult run = runOf(RunMode::Gather, 6, 12, 2010, 6);
    RunCaption::Facts facts;
    facts.requests = 12;
    const QString header = RunCaption::header(run, facts);
    QVERIFY2(header.contains(QLatin1String("ideal 2.00 s")), qPrintable(header));
}

QTEST_GUILESS_MAIN(TestRunCaption)
#include "tst_runcaption.moc"
