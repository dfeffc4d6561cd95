#include "core/idealschedule.h"

#include <QTest>

#include <algorithm>

class TestIdealSchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void makespan_data();
    void makespan();
    void resizedGate_data();
    void resizedGate();
    void aRunIsHeldToItsRecordedGate();
    void usesServiceTimesOfTheRun();
    void perHostCap_data();
    void perHostCap();
    void startsFollowListScheduling();
    void agreesWithANaiveSchedulerOnRandomWork();
    void peakInFlightTreatsTouchingAsSequential();
};

void TestIdealSchedule::makespan_data()
{
    QTest::addColumn<QList<qint64>>("services");
    QTest::addColumn<int>("slotCount");
    QTest::addColumn<qint64>("expected");

    const QList<qint64> fiveSeconds {1000, 1000, 1000, 1000, 1000};
    QTest::newRow("sequential is the sum") << fiveSeconds << 1 << qint64(5000);
    QTest::newRow("gather is the maximum") << QList<qint64> {300, 1000, 200} << 0 << qint64(1000);
    QTest::newRow("limited 3 of 5 is two rounds") << fiveSeconds << 3 << qint64(2000);
    QTest::newRow("lesson: limit 3, 10 x (1 s + 1 s delay)") << QList<qint64>(10, 2000) << 3 << qint64(8000);
    QTest::newRow("more slots than work") << QList<qint64> {5, 7} << 10 << qint64(7);
    QTest::newRow("list scheduling in input order") << QList<qint64> {4, 1, 1, 1, 4} << 2 << qint64(7);
    QTest::newRow("empty") << QList<qint64> {} << 3 << qint64(0);
}

void TestIdealSchedule::makespan()
{
    QFETCH(QList<qint64>, services);
    QFETCH(int, slotCount);
    QFETCH(qint64, expected);
    QCOMPARE(idealMakespanNs(services, slotCount), expected);
}

void TestIdealSchedule::resizedGate_data()
{
    QTest::addColumn<QList<qint64>>("services");
    QTest::addColumn<QList<CapacityChange>>("capacity");
    QTest::addColumn<QList<qint64>>("starts");
    QTest::addColumn<qint64>("makespan");

    const QList<qint64> tenRounds(10, 2000); // the lesson: 10 x (1 s + 1 s delay held inside the gate)
    QTest::newRow("no change is plain list scheduling")
        << tenRounds << QList<CapacityChange> {{0, 3}}
        << QList<qint64> {0, 0, 0, 2000, 2000, 2000, 4000, 4000, 4000, 6000} << qint64(8000);
    // 3 -> 7 at 2.5 s: the four waiting requests go at once, not when the next round would have started.
    QTest::newRow("grow admits at once")
        << tenRounds << QList<CapacityChange> {{0, 3}, {2500, 7}}
        << QList<qint64> {0, 0, 0, 2000, 2000, 2000, 2500, 2500, 2500, 2500} << qint64(4500);
    // 3 -> 1 at 1 s: the three holders finish; after them one at a time.
    QTest::newRow("shrink lets holders finish")
        << QList<qint64>(5, 2000) << QList<CapacityChange> {{0, 3}, {1000, 1}}
        << QList<qint64> {0, 0, 0, 2000, 4000} << qint64(6000);
    QTest::newRow("several changes, the last wins")
        << QList<qint64>(6, 1000) << QList<CapacityChange> {{0, 1}, {500, 2}, {500, 4}}
        << QList<qint64> {0, 500, 500, 500, 1000, 1500} << qint64(2500);
    QTest::newRow("a change after the work changes nothing")
        << QList<qint64> {100, 100} << QList<CapacityChange> {{0, 1}, {10'000, 5}} << QList<qint64> {0, 100}
        << qint64(200);
    QTest::newRow("no gate: everything at once")
        << QList<qint64> {300, 1000, 200} << QList<CapacityChange> {{0, 0}} << QList<qint64> {0, 0, 0}
        << qint64(1000);
}

void TestIdealSchedule::resizedGate()
{
    QFETCH(QList<qint64>, services);
    QFETCH(QList<CapacityChange>, capacity);
    QFETCH(QList<qint64>, starts);
    QFETCH(qint64, makespan);
    QCOMPARE(idealStartsNs(services, capacity), starts);
    QCOMPARE(idealMakespanNs(services, capacity), makespan);
}

void TestIdealSchedule::aRunIsHeldToItsRecordedGate()
{
    // The header used to read "wall 4.43 s (ideal 8.02 s)" after a drag from 3 to 7: the ideal ignored it.
    RunResult run;
    run.settings.mode = RunMode::Limited;
    run.settings.limit = 3;
    for (int i = 0; i < 10; ++i) {
        RequestRecord record;
        record.id = i;
        record.set(Mark::Queued, 0);
        record.set(Mark::Issued, 0);
        record.set(Mark::Finished, 2000);
        run.records.append(record);
    }
    QCOMPARE(idealMakespanNs(run), 8000);
    run.capacityChanges = {{3, 3}, {2500, 7}};
    QCOMPARE(idealMakespanNs(run), 4500);
    QCOMPARE(summarize(run).idealNs, 4500);
}

void TestIdealSchedule::usesServiceTimesOfTheRun()
{
    RunResult run;
    run.settings.mode = RunMode::Limited;
    run.settings.limit = 2;
    const QList<std::pair<qint64, qint64>> spans {{0, 100}, {0, 300}, {100, 150}, {150, 400}};
    for (const auto &[issued, finished] : spans) {
        RequestRecord record;
        record.id = int(run.records.size());
        record.set(Mark::Issued, issued);
        record.set(Mark::Finished, finished);
        record.set(Mark::DelayReleased, finished + 10); // the delay counts as service
        run.records.append(record);
    }
    RequestRecord neverIssued;
    neverIssued.id = 4;
    run.records.append(neverIssued);

    // services 110, 310, 60, 260 on two slots: [110 -> 170 -> 430], [310]
    QCOMPARE(idealMakespanNs(run), qint64(430));
    run.settings.mode = RunMode::Sequential;
    QCOMPARE(idealMakespanNs(run), qint64(740));
    run.settings.mode = RunMode::Gather;
    QCOMPARE(idealMakespanNs(run), qint64(310));
}

void TestIdealSchedule::perHostCap_data()
{
    QTest::addColumn<RunMode>("mode");
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("perHost");
    QTest::addColumn<QStringList>("hosts"); // one per request, each 100 ns
    QTest::addColumn<qint64>("ideal");

    const QStringList twelveOnOne(12, QStringLiteral("a"));
    // A browser's gather of 12: 6 per host makes it two rounds, not one.
    QTest::newRow("gather, 6 per host, one host") << RunMode::Gather << 0 << 6 << twelveOnOne << qint64(200);
    QTest::newRow("gather, no cap") << RunMode::Gather << 0 << 0 << twelveOnOne << qint64(100);
    // The smaller of the gate and the cap holds.
    QTest::newRow("limited 3, 6 per host") << RunMode::Limited << 3 << 6 << twelveOnOne << qint64(400);
    QTest::newRow("limited 8, 2 per host") << RunMode::Limited << 8 << 2 << twelveOnOne << qint64(600);
    // Two hosts of 4, 2 per host, a gate of 3: as Prediction schedules it.
    QStringList twoHosts {4, QStringLiteral("a")};
    twoHosts += QStringList(4, QStringLiteral("b"));
    QTest::newRow("two hosts, gate 3, 2 per host") << RunMode::Limited << 3 << 2 << twoHosts << qint64(300);
    QTest::newRow("two hosts, gather, 2 per host") << RunMode::Gather << 0 << 2 << twoHosts << qint64(200);
}

void TestIdealSchedule::perHostCap()
{
    QFETCH(RunMode, mode);
    QFETCH(int, limit);
    QFETCH(int, perHost);
    QFETCH(QStringList, hosts);
    QFETCH(qint64, ideal);
    RunResult run;
    run.settings.mode = mode;
    run.settings.limit = limit;
    run.settings.perHost = perHost;
    for (const QString &host : hosts) {
        RequestRecord record;
        record.id = int(run.records.size());
        record.url = QUrl(QStringLiteral("http://%1.test/").arg(host));
        record.set(Mark::Issued, 0);
        record.set(Mark::Finished, 100);
        run.records.append(record);
    }
    QCOMPARE(idealMakespanNs(run), ideal);
    QCOMPARE(summarize(run).idealNs, ideal);
    QCOMPARE(idealStartsNs(run).size(), hosts.size());
}

void TestIdealSchedule::startsFollowListScheduling()
{
    QCOMPARE(idealStartsNs({4, 1, 1, 1, 4}, 2), (QList<qint64> {0, 0, 1, 2, 3}));
    QCOMPARE(idealStartsNs({5, 5, 5}, 1), (QList<qint64> {0, 5, 10}));
    QCOMPARE(idealStartsNs({5, 7, 9}, 0), (QList<qint64> {0, 0, 0}));
}

void TestIdealSchedule::agreesWithANaiveSchedulerOnRandomWork()
{
    // The scheduler keeps its slots in a heap; this one scans them all for the first free, in input order,
    // which is list scheduling by its definition.
    const auto naiveStarts = [](const QList<qint64> &services, int slots) {
        QList<qint64> starts;
        if (slots <= 0 || slots >= services.size())
            return QList<qint64>(services.size(), 0);
        QList<qint64> freeAt(slots, 0);
        for (const qint64 service : services) {
            const auto first = std::min_element(freeAt.begin(), freeAt.end());
            starts.append(*first);
            *first += service;
        }
        return starts;
    };
    quint32 seed = 12345;
    const auto next = [&seed] {
        seed = seed * 1664525u + 1013904223u;
        return seed >> 8;
    };
    for (const int n : {1, 2, 7, 100, 1000}) {
        QList<qint64> services;
        for (int i = 0; i < n; ++i)
            services.append(next() % 4 == 0 ? 0 : qint64(next() % 20'000'000)); // ties and zeros too
        for (const int slots : {0, 1, 2, 3, 7, 50, n - 1, n, n + 1}) {
            const QList<qint64> expected = naiveStarts(services, slots);
            QCOMPARE(idealStartsNs(services, slots), expected);
            QCOMPARE(idealMakespanNs(services, slots), makespanNs(services, expected));
            QCOMPARE(idealMakespanNs(services, QList<CapacityChange> {{0, slots}}),
                     makespanNs(services, expected));
        }
    }
}

void TestIdealSchedule::peakInFlightTreatsTouchingAsSequential()
{
    QList<RequestRecord> records;
    for (int i = 0; i < 3; ++i) {
        RequestRecord record;
        record.set(Mark::Issued, i * 100);
        record.set(Mark::Finished, (i + 1) * 100);
        records.append(record);
    }
    QCOMPARE(peakInFlight(records), 1);
    records[2].set(Mark::Issued, 150);
    QCOMPARE(peakInFlight(records), 2);
}

QTEST_GUILESS_MAIN(TestIdealSchedule)
#include "tst_idealschedule.moc"
