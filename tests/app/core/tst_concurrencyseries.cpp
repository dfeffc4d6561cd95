#include "core/concurrencyseries.h"
#include "core/runresult.h"

#include <QRandomGenerator>
#include <QTest>

#include <array>

class TestConcurrencySeries : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sequentialStaysAtOne();
    void gatherSpikesToN();
    void limitedPlateausAtK();
    void waitingCounts_data();
    void waitingCounts();
    void delayHoldsThePermit();
    void unfinishedRunToNow();
    void finishAndStartAtOneInstantDoNotOverlap();
    void capacitySteps();
    void perHostStepsOfAHandMadeCrawl();
    void perHostSeriesSumToTheTotal();
    void peakOfRecordsCountsEveryOverlap();
    void extremesAreTheRangesHighest();

private:
    static constexpr qint64 Ms = 1'000'000;
    // A request queued at 0 that waited until issued, then took duration.
    static RequestRecord request(int id, qint64 issued, qint64 duration, qint64 delay = 0);
    static QList<RequestRecord> schedule(int count, int permits, qint64 duration, qint64 delay = 0);
    // Five requests to three hosts (0, 1, 0, 2, 1), overlapping, one of them with a delay.
    static QList<RequestRecord> threeHosts();
    static const std::vector<int> &threeHostsOf();
    using Steps = std::vector<ConcurrencySeries::Step>;
};

QList<RequestRecord> TestConcurrencySeries::threeHosts()
{
    // id, queued, issued, finished, delay released (ms)
    const std::array<std::array<qint64, 5>, 5> table {{
        {0, 0, 0, 40, -1},
        {1, 0, 10, 30, -1},
        {2, 0, 20, 50, -1},
        {3, 5, 30, 60, -1},
        {4, 30, 40, 45, 55},
    }};
    QList<RequestRecord> records;
    for (const auto &row : table) {
        RequestRecord record;
        record.id = int(row[0]);
        record.set(Mark::Queued, row[1] * Ms);
        record.set(Mark::Issued, row[2] * Ms);
        record.set(Mark::RequestSent, row[2] * Ms + Ms);
        record.set(Mark::FirstByte, row[2] * Ms + 2 * Ms);
        record.set(Mark::Finished, row[3] * Ms);
        if (row[4] >= 0)
            record.set(Mark::DelayReleased, row[4] * Ms);
        record.outcome = Outcome::Ok;
        records.append(record);
    }
    return records;
}

const std::vector<int> &TestConcurrencySeries::threeHostsOf()
{
    static const std::vector<int> hosts {0, 1, 0, 2, 1};
    return hosts;
}

RequestRecord TestConcurrencySeries::request(int id, qint64 issued, qint64 duration, qint64 delay)
{
    RequestRecord record;
    record.id = id;
    record.set(Mark::Queued, 0);
    record.set(Mark::GateAcquired, issued);
    record.set(Mark::Issued, issued);
    record.set(Mark::RequestSent, issued + duration / 10);
    record.set(Mark::FirstByte, issued + duration / 2);
    record.set(Mark::Finished, issued + duration);
    if (delay > 0)
        record.set(Mark::DelayReleased, issued + duration + delay);
    record.outcome = Outcome::Ok;
    return record;
}

QList<RequestRecord> TestConcurrencySeries::schedule(int count, int permits, qint64 duration, qint64 delay)
{
    QList<RequestRecord> records;
    for (int i = 0; i < count; ++i)
        records.append(request(i, (i / permits) * (duration + delay), duration, delay));
    return records;
}

void TestConcurrencySeries::sequentialStaysAtOne()
{
    const auto series = ConcurrencySeries::compute(schedule(5, 1, 1000 * Ms), 5000 * Ms, false);
    QCOMPARE(series.peakInFlight(), 1);
    for (qint64 t = 0; t < 5000 * Ms; t += 100 * Ms)
        QCOMPARE(series.at(t).inFlight, 1);
    QCOMPARE(series.at(5000 * Ms).inFlight, 0);
    QCOMPARE(series.steps().back().atNs, 5000 * Ms);
}

void TestConcurrencySeries::gatherSpikesToN()
{
    const auto series = ConcurrencySeries::compute(schedule(5, 5, 1000 * Ms), 1000 * Ms, false);
    QCOMPARE(series.peakInFlight(), 5);
    QCOMPARE(series.peakWaiting(), 0);
    QCOMPARE(series.at(500 * Ms).inFlight, 5);
    QCOMPARE(series.at(1000 * Ms).inFlight, 0);
    QCOMPARE(series.steps().size(), std::size_t(2)); // up at once, down at once
}

void TestConcurrencySeries::limitedPlateausAtK()
{
    const auto series = ConcurrencySeries::compute(schedule(30, 3, 100 * Ms), 1000 * Ms, false);
    QCOMPARE(series.peakInFlight(), 3);
    for (qint64 t = 0; t < 900 * Ms; t += 10 * Ms)
        QCOMPARE(series.at(t).inFlight, 3);
    QCOMPARE(series.at(950 * Ms).inFlight, 3);
    QCOMPARE(series.at(1000 * Ms).inFlight, 0);
}

void TestConcurrencySeries::waitingCounts_data()
{
    QTest::addColumn<qint64>("at");
    QTest::addColumn<int>("inFlight");
    QTest::addColumn<int>("waiting");

    // 10 requests of 100 ms through 3 permits: 7 wait at first, then 4, then 1, then none.
    QTest::newRow("start") << qint64(0) << 3 << 7;
    QTest::newRow("first wave") << 50 * Ms << 3 << 7;
    QTest::newRow("second wave") << 150 * Ms << 3 << 4;
    QTest::newRow("third wave") << 250 * Ms << 3 << 1;
    QTest::newRow("last request") << 350 * Ms << 1 << 0;
    QTest::newRow("done") << 400 * Ms << 0 << 0;
    QTest::newRow("before the run") << qint64(-1) << 0 << 0;
}

void TestConcurrencySeries::waitingCounts()
{
    QFETCH(qint64, at);
    QFETCH(int, inFlight);
    QFETCH(int, waiting);
    const auto series = ConcurrencySeries::compute(schedule(10, 3, 100 * Ms), 400 * Ms, false);
    QCOMPARE(series.at(at).inFlight, inFlight);
    QCOMPARE(series.at(at).waiting, waiting);
    QCOMPARE(series.peakWaiting(), 7);
}

void TestConcurrencySeries::delayHoldsThePermit()
{
    // The lesson's Semaphore(3) with a 1 s delay: permits stay held through the delay.
    const auto series = ConcurrencySeries::compute(schedule(10, 3, 1000 * Ms, 1000 * Ms), 8000 * Ms, false);
    QCOMPARE(series.peakInFlight(), 3);
    QCOMPARE(series.peakHeld(), 3);
    const auto delaying = series.at(1500 * Ms);
    QCOMPARE(delaying.inFlight, 0);
    QCOMPARE(delaying.delaying, 3);
    QCOMPARE(delaying.waiting, 7);
    QCOMPARE(series.at(2500 * Ms).inFlight, 3);
    QCOMPARE(series.at(2500 * Ms).waiting, 4);
}

void TestConcurrencySeries::unfinishedRunToNow()
{
    QList<RequestRecord> records;
    RequestRecord waiting;
    waiting.id = 0;
    waiting.set(Mark::Queued, 0);
    RequestRecord running = waiting;
    running.id = 1;
    running.set(Mark::Issued, 10 * Ms);
    RequestRecord inDelay = request(2, 0, 20 * Ms);
    inDelay.outcome = Outcome::Ok;
    records << waiting << running << inDelay;

    const auto live = ConcurrencySeries::compute(records, 50 * Ms, true);
    QCOMPARE(live.at(30 * Ms).waiting, 1);
    QCOMPARE(live.at(30 * Ms).inFlight, 1);
    QCOMPARE(live.at(30 * Ms).delaying, 1);
    QCOMPARE(live.at(50 * Ms), (ConcurrencySeries::Step {50 * Ms, 0, 0, 0}));

    const auto noDelay = ConcurrencySeries::compute(records, 50 * Ms, false);
    QCOMPARE(noDelay.at(30 * Ms).delaying, 0);
}

void TestConcurrencySeries::finishAndStartAtOneInstantDoNotOverlap()
{
    const auto series = ConcurrencySeries::compute({request(0, 0, 10), request(1, 10, 10)}, 20, false);
    QCOMPARE(series.peakInFlight(), 1);
    QCOMPARE(series.steps().size(), std::size_t(3)); // queued both, then one at a time, then done
}

void TestConcurrencySeries::capacitySteps()
{
    const QList<CapacityChange> changes {{0, 3}, {0, 3}, {100, 5}, {100, 6}, {200, 6}, {300, 2}};
    const auto steps = ConcurrencySeries::capacitySteps(changes);
    QCOMPARE(steps, (std::vector<CapacityChange> {{0, 3}, {100, 6}, {300, 2}}));
}

void TestConcurrencySeries::perHostStepsOfAHandMadeCrawl()
{
    ConcurrencySeries total;
    const auto hosts
        = ConcurrencySeries::computePerHost(threeHosts(), threeHostsOf(), 3, 60 * Ms, false, &total);
    QCOMPARE(hosts.size(), std::size_t(3));
    // {at, in flight, delaying, waiting}
    QCOMPARE(hosts[0].steps(),
             (Steps {{0, 1, 0, 1}, {20 * Ms, 2, 0, 0}, {40 * Ms, 1, 0, 0}, {50 * Ms, 0, 0, 0}}));
    QCOMPARE(hosts[1].steps(),
             (Steps {{0, 0, 0, 1},
                     {10 * Ms, 1, 0, 0},
                     {30 * Ms, 0, 0, 1},
                     {40 * Ms, 1, 0, 0},
                     {45 * Ms, 0, 1, 0},
                     {55 * Ms, 0, 0, 0}}));
    QCOMPARE(hosts[2].steps(), (Steps {{5 * Ms, 0, 0, 1}, {30 * Ms, 1, 0, 0}, {60 * Ms, 0, 0, 0}}));
    // At 30 ms one request of host 1 ends, one of host 2 starts and another of host 1 starts waiting: the
    // hosts step, the total does not.
    QCOMPARE(total.steps(),
             (Steps {{0, 1, 0, 2},
                     {5 * Ms, 1, 0, 3},
                     {10 * Ms, 2, 0, 2},
                     {20 * Ms, 3, 0, 1},
                     {40 * Ms, 3, 0, 0},
                     {45 * Ms, 2, 1, 0},
                     {50 * Ms, 1, 1, 0},
                     {55 * Ms, 1, 0, 0},
                     {60 * Ms, 0, 0, 0}}));
    QCOMPARE(hosts[0].peakInFlight(), 2);
    QCOMPARE(hosts[1].peakHeld(), 1);
    QCOMPARE(hosts[2].peakWaiting(), 1);
    // The total of the per-host sweep is the plain series.
    QCOMPARE(total.steps(), ConcurrencySeries::compute(threeHosts(), 60 * Ms, false).steps());
}

void TestConcurrencySeries::perHostSeriesSumToTheTotal()
{
    // A bigger run: 40 requests through 3 permits, dealt to 3 hosts unevenly, with delays.
    const QList<RequestRecord> records = schedule(40, 3, 70 * Ms, 20 * Ms);
    std::vector<int> hostOf;
    for (int i = 0; i < records.size(); ++i)
        hostOf.push_back(i % 5 == 0 ? 2 : i % 2);
    ConcurrencySeries total;
    const auto hosts = ConcurrencySeries::computePerHost(records, hostOf, 3, 5000 * Ms, false, &total);
    QVERIFY(total.steps().size() > 10);
    std::vector<qint64> instants;
    for (const auto &step : total.steps())
        instants.push_back(step.atNs);
    for (const auto &host : hosts) {
        for (const auto &step : host.steps())
            instants.push_back(step.atNs);
    }
    for (const qint64 at : instants) {
        ConcurrencySeries::Step sum;
        for (const auto &host : hosts) {
            sum.inFlight += host.at(at).inFlight;
            sum.delaying += host.at(at).delaying;
            sum.waiting += host.at(at).waiting;
        }
        const auto expected = total.at(at);
        QCOMPARE(sum.inFlight, expected.inFlight);
        QCOMPARE(sum.delaying, expected.delaying);
        QCOMPARE(sum.waiting, expected.waiting);
    }
    // No host steps without a change of its own.
    for (const auto &host : hosts) {
        const auto &steps = host.steps();
        for (std::size_t i = 1; i < steps.size(); ++i) {
            QVERIFY(steps[i].atNs > steps[i - 1].atNs);
            QVERIFY(steps[i].inFlight != steps[i - 1].inFlight || steps[i].delaying != steps[i - 1].delaying
                    || steps[i].waiting != steps[i - 1].waiting);
        }
    }
}

void TestConcurrencySeries::peakOfRecordsCountsEveryOverlap()
{
    // Out of id order, finishes at the very instant of other issues, unfinished requests among them: the
    // peak is what counting every issue instant by hand gives.
    QList<RequestRecord> records;
    quint32 state = 12345;
    const auto next = [&state](quint32 below) {
        state = state * 1103515245u + 12345u;
        return qint64((state >> 8) % below);
    };
    for (int i = 0; i < 400; ++i) {
        const qint64 issued = next(50) * 10 * Ms;
        records.append(request(i, issued, (1 + next(8)) * 10 * Ms));
        if (i % 17 == 0)
            records.last().set(Mark::Finished, RequestRecord::NotReached);
    }
    int expected = 0;
    for (const RequestRecord &at : std::as_const(records)) {
        if (!at.reached(Mark::Finished))
            continue;
        const qint64 t = at.at(Mark::Issued);
        int inFlight = 0;
        for (const RequestRecord &other : std::as_const(records)) {
            if (other.reached(Mark::Finished) && other.at(Mark::Issued) <= t && t < other.at(Mark::Finished))
                ++inFlight;
        }
        expected = std::max(expected, inFlight);
    }
    QVERIFY(expected > 1);
    QCOMPARE(peakInFlight(records), expected);
    // A finish and an issue at one instant do not overlap.
    QCOMPARE(peakInFlight({request(0, 0, 10 * Ms), request(1, 10 * Ms, 10 * Ms)}), 1);
    QCOMPARE(peakInFlight({}), 0);
}

void TestConcurrencySeries::extremesAreTheRangesHighest()
{
    // A long run, so that ranges span single steps, blocks and blocks of blocks.
    QRandomGenerator random(7);
    QList<RequestRecord> records;
    for (int i = 0; i < 6000; ++i) {
        RequestRecord r;
        r.id = i;
        const qint64 queued = qint64(random.bounded(100'000)) * Ms / 100;
        const qint64 issued = queued + qint64(random.bounded(3)) * qint64(random.bounded(5000)) * Ms / 100;
        r.set(Mark::Queued, queued);
        r.set(Mark::Issued, issued);
        r.set(Mark::Finished, issued + qint64(random.bounded(1, 30'000)) * Ms / 100);
        if (random.bounded(4) == 0)
            r.set(Mark::DelayReleased, r.at(Mark::Finished) + 2 * Ms);
        r.outcome = Outcome::Ok;
        records.append(r);
    }
    const ConcurrencySeries series = ConcurrencySeries::compute(records, 0, true);
    const auto &steps = series.steps();
    QVERIFY(steps.size() > 4 * 32 * 32);
    const auto scan = [&](int first, int last) {
        ConcurrencySeries::Extremes want;
        for (int i = first; i < last; ++i) {
            const auto &step = steps[std::size_t(i)];
            want.held = std::max(want.held, step.inFlight + step.delaying);
            want.waiting = std::max(want.waiting, step.waiting);
            if (step.inFlight > want.inFlight) {
                want.inFlight = step.inFlight;
                want.inFlightIndex = i;
            }
        }
        return want;
    };
    const int size = int(steps.size());
    QCOMPARE(series.extremes(0, size), scan(0, size));
    QCOMPARE(series.extremes(0, 0), ConcurrencySeries::Extremes {});
    QCOMPARE(series.extremes(size - 1, size).inFlightIndex, size - 1);
    for (int k = 0; k < 3000; ++k) {
        const int first = int(random.bounded(size));
        const int most = k % 3 == 0 ? size - first : std::min(size - first, 70);
        const int last = first + int(random.bounded(most + 1));
        QCOMPARE(series.extremes(first, last), scan(first, last));
    }
    qint64 waited = 0;
    for (std::size_t i = 0; i + 1 < steps.size(); ++i) {
        if (steps[i].waiting > 0)
            waited = std::max(waited, steps[i + 1].atNs - steps[i].atNs);
    }
    QVERIFY(waited > 0);
    QCOMPARE(series.longestWaitNs(), waited);
}

QTEST_GUILESS_MAIN(TestConcurrencySeries)
#include "tst_concurrencyseries.moc"
