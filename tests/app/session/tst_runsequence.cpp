#include "demoserver/demoserver.h"
#include "run/runner.h"
#include "session/runsequence.h"

#include <QSignalSpy>
#include <QTest>

class TestRunSequence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void comparisonRunsTheThreeModesInTurn();
    void runsNeverOverlapEachOther();
    void sweepRunsOneLimitedRunPerKInOrder();
    void defaultSweepDoublesUpToTheUrlCount_data();
    void defaultSweepDoublesUpToTheUrlCount();
    void cancelStopsTheSequenceAndKeepsRecords();
    void startingAgainReplacesTheRunningSequence();

private:
    QList<QUrl> lesson(int times) const;
    DemoServer m_server;
};

void TestRunSequence::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(0, &error), qPrintable(error));
}

QList<QUrl> TestRunSequence::lesson(int times) const
{
    QUrl url = m_server.baseUrl();
    url.setPath(QStringLiteral("/delay/100"));
    return QList<QUrl>(times, url);
}

void TestRunSequence::comparisonRunsTheThreeModesInTurn()
{
    RunSettings base;
    base.limit = 2;
    const auto plan = RunSequence::comparison(base);
    QCOMPARE(plan.size(), 3);
    QCOMPARE(plan[0].mode, RunMode::Sequential);
    QCOMPARE(plan[1].mode, RunMode::Gather);
    QCOMPARE(plan[2].mode, RunMode::Limited);
    QCOMPARE(plan[2].limit, 2);

    RunSequence sequence;
    QSignalSpy finished(&sequence, &RunSequence::finished);
    QSignalSpy runFinished(&sequence, &RunSequence::runFinished);
    sequence.start(lesson(5), plan);
    QVERIFY(finished.wait(30'000));
    QCOMPARE(runFinished.size(), 3);
    QCOMPARE(finished.first().at(1).toBool(), false);
    const auto results = sequence.results();
    QCOMPARE(results.size(), 3);
    const QList<int> expectedPeaks {1, 5, 2};
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(results[i].runId, i);
        QCOMPARE(results[i].settings.mode, plan[i].mode);
        QCOMPARE(results[i].records.size(), 5);
        QCOMPARE(summarize(results[i]).ok, 5);
        QCOMPARE(summarize(results[i]).peakInFlight, expectedPeaks[i]);
    }
}

void TestRunSequence::sweepRunsOneLimitedRunPerKInOrder()
{
    RunSettings base;
    base.mode = RunMode::Gather; // a sweep is limited whatever the base says
    const QList<int> limits {4, 1, 2};
    const auto plan = RunSequence::sweep(base, limits);
    QCOMPARE(plan.size(), 3);

    RunSequence sequence;
    QSignalSpy finished(&sequence, &RunSequence::finished);
    sequence.start(lesson(4), plan);
    QVERIFY(finished.wait(30'000));
    const auto results = sequence.results();
    QCOMPARE(results.size(), limits.size());
    for (qsizetype i = 0; i < limits.size(); ++i) {
        QCOMPARE(results[i].runId, int(i));
        QCOMPARE(results[i].settings.mode, RunMode::Limited);
        QCOMPARE(results[i].settings.limit, limits[i]);
        QCOMPARE(summarize(results[i]).ok, 4);
        QCOMPARE(summarize(results[i]).peakInFlight, limits[i]);
    }
}

void TestRunSequence::defaultSweepDoublesUpToTheUrlCount_data()
{
    QTest::addColumn<int>("urls");
    QTest::addColumn<QList<int>>("limits");
    QTest::newRow("one") << 1 << QList<int> {1};
    QTest::newRow("a power of two ends on itself") << 8 << QList<int> {1, 2, 4, 8};
    QTest::newRow("ten") << 10 << QList<int> {1, 2, 4, 8, 10};
    QTest::newRow("none") << 0 << QList<int> {1};
}

void TestRunSequence::defaultSweepDoublesUpToTheUrlCount()
{
    QFETCH(int, urls);
    QFETCH(QList<int>, limits);
    QCOMPARE(RunSequence::defaultSweepLimits(urls), limits);
}

void TestRunSequence::runsNeverOverlapEachOther()
{
    RunSequence sequence;
    QSignalSpy finished(&sequence, &RunSequence::finished);
    sequence.start(lesson(3), RunSequence::comparison(RunSettings {}));
    QVERIFY(finished.wait(30'000));
    const auto results = sequence.results();
    QCOMPARE(results.size(), 3);
    for (int i = 0; i + 1 < results.size(); ++i) {
        // Wall-clock starts have millisecond resolution; the runs' own ends are exact.
        const QDateTime previousEnd = results[i].startedAt.addMSecs(results[i].endNs / 1'000'000);
        QVERIFY(results[i + 1].startedAt >= previousEnd);
    }
}

void TestRunSequence::cancelStopsTheSequenceAndKeepsRecords()
{
    RunSequence sequence;
    QSignalSpy finished(&sequence, &RunSequence::finished);
    QSignalSpy started(&sequence, &RunSequence::runStarted);
    sequence.start(lesson(4), RunSequence::comparison(RunSettings {}));
    QTRY_VERIFY(sequence.runner()->inFlight() == 1);
    sequence.cancel();
    QVERIFY(finished.wait(5'000));
    QCOMPARE(finished.first().at(1).toBool(), true);
    QCOMPARE(started.size(), 1); // gather and limited never started
    QCOMPARE(sequence.results().size(), 1);
    QVERIFY(sequence.results().first().cancelled);
    QCOMPARE(sequence.results().first().records.size(), 4);
}

void TestRunSequence::startingAgainReplacesTheRunningSequence()
{
    RunSequence sequence;
    QSignalSpy finished(&sequence, &RunSequence::finished);
    sequence.start(lesson(4), RunSequence::comparison(RunSettings {}));
    QTRY_VERIFY(sequence.runner()->inFlight() == 1);

    RunSettings limited;
    limited.limit = 2;
    sequence.start(lesson(3), {limited}, 10);
    QVERIFY(finished.wait(10'000));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(1).toBool(), false);
    // Only the new sequence's run, once: nothing queued by the replaced one restarts it.
    QCOMPARE(sequence.results().size(), 1);
    QCOMPARE(sequence.results().first().runId, 10);
    QCOMPARE(sequence.results().first().records.size(), 3);
    QVERIFY(!sequence.results().first().cancelled);
    QVERIFY(!finished.wait(300)); // and no second, stale finish
}

QTEST_GUILESS_MAIN(TestRunSequence)
#include "tst_runsequence.moc"
