#include "core/idealschedule.h"

#include <QTest>

class TestIdealSchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void makespan_data();
    void makespan();
    void usesServiceTimesOfTheRun();
    void startsFollowListScheduling();
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

void TestIdealSchedule::startsFollowListScheduling()
{
    QCOMPARE(idealStartsNs({4, 1, 1, 1, 4}, 2), (QList<qint64> {0, 0, 1, 2, 3}));
    QCOMPARE(idealStartsNs({5, 5, 5}, 1), (QList<qint64> {0, 5, 10}));
    QCOMPARE(idealStartsNs({5, 7, 9}, 0), (QList<qint64> {0, 0, 0}));
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
