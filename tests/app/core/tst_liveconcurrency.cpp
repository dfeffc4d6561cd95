#include "core/liveconcurrency.h"

#include <QRandomGenerator>
#include <QTest>

#include "core/concurrencyseries.h"

namespace {

constexpr qint64 Ms = 1'000'000;

// A live run the test drives in batches, as the recorder would: new requests are queued, requests move on
// one mark at a time (or are cancelled), and the clock moves on. Marks may run a little ahead of the clock.
struct Scenario
{
    quint32 seed = 1;
    int batches = 200;
    int maxAppends = 8; // new records per batch
    int maxUpdates = 8; // marks moved per batch
    bool delayExpected = false;
    int delayPercent = 0; // of finished requests that get a delay release
    int cancelPercent = 0; // of moves that cancel instead
    int aheadPercent = 0; // of marks set ahead of the clock
    int oddPercent = 0; // of moves that release a delay without a finish
    bool queueAllAtStart = false;
};

class LiveRun
{
public:
    explicit LiveRun(const Scenario &scenario)
        : m_s(scenario)
        , m_random(scenario.seed)
    { }

    // Returns the indexes changed.
    QList<int> batch()
    {
        QList<int> changed;
        m_nowNs += qint64(m_random.bounded(0, 20)) * Ms / 4; // sometimes not at all: a tick
        const int appends = m_random.bounded(0, m_s.maxAppends + 1);
        for (int i = 0; i < appends; ++i) {
            RequestRecord record;
            record.id = int(records.size());
            if (m_random.bounded(20) != 0) // a few without a queued mark
                record.set(Mark::Queued, markTime());
            records.append(record);
            changed.append(record.id);
        }
        const int updates = records.isEmpty() ? 0 : m_random.bounded(0, m_s.maxUpdates + 1);
        for (int i = 0; i < updates; ++i) {
            // Mostly recent requests, as in a live run, sometimes any.
            const int window = std::min(int(records.size()), 64);
            const int index = m_random.bounded(4) == 0 ? m_random.bounded(int(records.size()))
                                                       : int(records.size()) - 1 - m_random.bounded(window);
            if (advance(records[index]))
                changed.append(index);
        }
        return changed;
    }

    qint64 nowNs() const { return m_nowNs; }
    QList<RequestRecord> records;

private:
    bool percent(int p) { return p > 0 && m_random.bounded(100) < p; }

    qint64 markTime()
    {
        if (percent(m_s.aheadPercent))
            return m_nowNs + qint64(m_random.bounded(1, 6)) * Ms;
        return std::max<qint64>(0, m_nowNs - qint64(m_random.bounded(0, 3)) * Ms);
    }

    bool advance(RequestRecord &record)
    {
        const auto set = [&](Mark mark) { record.set(mark, markTime()); };
        if (record.reached(Mark::DelayReleased))
            return false;
        if (record.reached(Mark::Finished)) {
            if (record.outcome != Outcome::Cancelled && percent(m_s.delayPercent)) {
                set(Mark::DelayReleased);
                return true;
            }
            return false;
        }
        if (percent(m_s.cancelPercent)) {
            set(Mark::Finished);
            record.outcome = Outcome::Cancelled;
            return true;
        }
        if (record.reached(Mark::Issued) && percent(m_s.oddPercent)) {
            set(Mark::DelayReleased);
            return true;
        }
        for (const Mark mark : {Mark::Issued, Mark::RequestSent, Mark::FirstByte, Mark::Finished}) {
            if (!record.reached(mark)) {
                // Now and then a mark is skipped, as when the headers arrive with the first write.
                if (mark != Mark::Finished && mark != Mark::Issued && m_random.bounded(6) == 0)
                    continue;
                set(mark);
                if (mark == Mark::Finished)
                    record.outcome = Outcome::Ok;
                return true;
            }
        }
        return false;
    }

    Scenario m_s;
    QRandomGenerator m_random;
    qint64 m_nowNs = 0;
};

} // namespace

Q_DECLARE_METATYPE(Scenario)

class TestLiveConcurrency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void equalsTheFullComputeAfterEveryBatch_data();
    void equalsTheFullComputeAfterEveryBatch();
    void randomizedRuns();
    void aTickWithNothingNewTouchesNothingOld();
    void aBatchNearNowTouchesOnlyTheBatch();
    void clearForgetsEverything();

private:
    static void compareWithCompute(const Scenario &scenario);
};

void TestLiveConcurrency::compareWithCompute(const Scenario &scenario)
{
    LiveRun run(scenario);
    LiveConcurrency live(scenario.delayExpected);
    for (int b = 0; b < scenario.batches; ++b) {
        for (const int index : run.batch())
            live.setRecord(index, run.records[index]);
        const ConcurrencySeries &got = live.update(run.nowNs());
        const ConcurrencySeries want
            = ConcurrencySeries::compute(run.records, run.nowNs(), scenario.delayExpected);
        if (got.steps() != want.steps()) {
            const auto &g = got.steps();
            const auto &w = want.steps();
            std::size_t i = 0;
            while (i < g.size() && i < w.size() && g[i] == w[i])
                ++i;
            qWarning("seed %u batch %d now %lld: %zu steps, want %zu; first difference at %zu", scenario.seed,
                     b, run.nowNs(), g.size(), w.size(), i);
        }
        QCOMPARE(got.steps(), want.steps());
        QCOMPARE(got.peakInFlight(), want.peakInFlight());
        QCOMPARE(got.peakHeld(), want.peakHeld());
        QCOMPARE(got.peakWaiting(), want.peakWaiting());
        // The blocks kept beside the steps follow them: they answer as blocks built afresh do.
        QCOMPARE(got.longestWaitNs(), want.longestWaitNs());
        const int size = int(want.steps().size());
        QRandomGenerator ranges {quint32(b)};
        for (int k = 0; k < 4; ++k) {
            const int first = k == 0 ? 0 : int(ranges.bounded(size + 1));
            const int last = k == 0 ? size : first + int(ranges.bounded(size - first + 1));
            QCOMPARE(got.extremes(first, last), want.extremes(first, last));
        }
    }
}

void TestLiveConcurrency::equalsTheFullComputeAfterEveryBatch_data()
{
    QTest::addColumn<Scenario>("scenario");
    Scenario plain;
    QTest::newRow("plain") << plain;
    Scenario delay = plain;
    delay.seed = 2;
    delay.delayExpected = true;
    delay.delayPercent = 60;
    QTest::newRow("politeness delay") << delay;
    Scenario cancels = plain;
    cancels.seed = 3;
    cancels.cancelPercent = 15;
    QTest::newRow("cancels, before and after issue") << cancels;
    Scenario ahead = delay;
    ahead.seed = 4;
    ahead.aheadPercent = 25;
    ahead.cancelPercent = 5;
    QTest::newRow("marks ahead of the clock") << ahead;
    Scenario odd = ahead;
    odd.seed = 5;
    odd.oddPercent = 10;
    QTest::newRow("delay released without a finish") << odd;
    Scenario queued = delay;
    queued.seed = 6;
    queued.queueAllAtStart = true;
    queued.maxAppends = 0;
    QTest::newRow("everything queued at the start") << queued;
    Scenario gather = plain;
    gather.seed = 7;
    gather.maxAppends = 40;
    gather.maxUpdates = 2;
    QTest::newRow("gather: more start than end") << gather;
}

void TestLiveConcurrency::equalsTheFullComputeAfterEveryBatch()
{
    QFETCH(Scenario, scenario);
    if (scenario.queueAllAtStart) {
        // All requests are handed to the run first, then only move on.
        LiveRun run(scenario);
        LiveConcurrency live(scenario.delayExpected);
        for (int i = 0; i < 300; ++i) {
            RequestRecord record;
            record.id = i;
            record.set(Mark::Queued, 0);
            run.records.append(record);
            live.setRecord(i, record);
        }
        QCOMPARE(live.update(0).steps(), ConcurrencySeries::compute(run.records, 0, true).steps());
        for (int b = 0; b < scenario.batches; ++b) {
            for (const int index : run.batch())
                live.setRecord(index, run.records[index]);
            QCOMPARE(live.update(run.nowNs()).steps(),
                     ConcurrencySeries::compute(run.records, run.nowNs(), true).steps());
        }
        return;
    }
    compareWithCompute(scenario);
}

void TestLiveConcurrency::randomizedRuns()
{
    QRandomGenerator random(20261130);
    for (int run = 0; run < 40; ++run) {
        Scenario scenario;
        scenario.seed = random.generate();
        scenario.batches = random.bounded(20, 120);
        scenario.maxAppends = random.bounded(0, 30);
        scenario.maxUpdates = random.bounded(1, 30);
        scenario.delayExpected = random.bounded(2) == 1;
        scenario.delayPercent = random.bounded(0, 100);
        scenario.cancelPercent = random.bounded(0, 30);
        scenario.aheadPercent = random.bounded(0, 40);
        scenario.oddPercent = random.bounded(0, 10);
        compareWithCompute(scenario);
        if (QTest::currentTestFailed())
            return;
    }
}

void TestLiveConcurrency::aTickWithNothingNewTouchesNothingOld()
{
    Scenario scenario;
    scenario.delayExpected = true;
    scenario.delayPercent = 50;
    scenario.batches = 400;
    LiveRun run(scenario);
    LiveConcurrency live(true);
    for (int b = 0; b < scenario.batches; ++b) {
        for (const int index : run.batch())
            live.setRecord(index, run.records[index]);
        live.update(run.nowNs());
    }
    const qsizetype steps = qsizetype(live.series().steps().size());
    QVERIFY(steps > 500);
    live.resetWork();
    // The clock moves on and the same records come again: only the open phases' end at now is redone.
    for (qsizetype i = 0; i < run.records.size(); ++i)
        live.setRecord(i, run.records[i]);
    QCOMPARE(live.work(), 0);
    live.update(run.nowNs() + 50 * Ms);
    QVERIFY2(live.work() <= 4, qPrintable(QString::number(live.work())));
    QCOMPARE(live.series().steps(),
             ConcurrencySeries::compute(run.records, run.nowNs() + 50 * Ms, true).steps());
}

void TestLiveConcurrency::aBatchNearNowTouchesOnlyTheBatch()
{
    // A run of 20 000 requests, 50 at a time, each 10 ms, then one more batch at the end.
    constexpr int Count = 20'000;
    constexpr int Permits = 50;
    QList<RequestRecord> records;
    LiveConcurrency live;
    for (int i = 0; i < Count; ++i) {
        RequestRecord record;
        record.id = i;
        const qint64 issued = qint64(i / Permits) * 10 * Ms;
        record.set(Mark::Queued, 0);
        record.set(Mark::Issued, issued);
        record.set(Mark::RequestSent, issued + Ms);
        record.set(Mark::FirstByte, issued + 5 * Ms);
        if (i < Count - Permits)
            record.set(Mark::Finished, issued + 10 * Ms);
        records.append(record);
        live.setRecord(i, record);
    }
    qint64 now = qint64(Count / Permits) * 10 * Ms - 2 * Ms;
    live.update(now);
    live.resetWork();

    // The last 50 finish, and 10 new ones are queued and issued.
    constexpr int Batch = Permits + 10;
    now += 4 * Ms;
    for (int i = Count - Permits; i < Count; ++i) {
        records[i].set(Mark::Finished, now - Ms);
        live.setRecord(i, records[i]);
    }
    for (int i = Count; i < Count + 10; ++i) {
        RequestRecord record;
        record.id = i;
        record.set(Mark::Queued, now - Ms);
        record.set(Mark::Issued, now - Ms / 2);
        records.append(record);
        live.setRecord(i, record);
    }
    live.update(now);
    QCOMPARE(live.series().steps(), ConcurrencySeries::compute(records, now, false).steps());
    // The work grows with the batch, not with the 20 000 requests before it (each of which has 3 events).
    QVERIFY2(live.work() <= 20 * Batch, qPrintable(QString::number(live.work())));
    QVERIFY(live.work() < Count / 10);
}

void TestLiveConcurrency::clearForgetsEverything()
{
    LiveConcurrency live(true);
    RequestRecord record;
    record.id = 0;
    record.set(Mark::Queued, 0);
    record.set(Mark::Issued, Ms);
    live.setRecord(0, record);
    QVERIFY(!live.update(5 * Ms).isEmpty());
    live.clear();
    QCOMPARE(live.recordCount(), 0);
    QVERIFY(live.update(5 * Ms).isEmpty());
    QCOMPARE(live.series().peakInFlight(), 0);
    QVERIFY(live.delayExpected());
}

QTEST_GUILESS_MAIN(TestLiveConcurrency)
#include "tst_liveconcurrency.moc"
