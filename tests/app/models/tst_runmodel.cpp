#include "models/runmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

class TestRunModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void batchesInsertAndUpdate();
    void batchesOfAnotherRunAreDropped();
    void setRunReplacesEverything();
    void phasesAndSortRole();
    void endFollowsTheLiveClock();

private:
    static RequestRecord record(int id, qint64 queued = 0);
};

RequestRecord TestRunModel::record(int id, qint64 queued)
{
    RequestRecord r;
    r.id = id;
    r.url = QUrl(QStringLiteral("http://example.com/%1").arg(id));
    r.set(Mark::Queued, queued);
    return r;
}

void TestRunModel::batchesInsertAndUpdate()
{
    RunModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.beginRun(7, RunSettings {}, QDateTime::currentDateTimeUtc());
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    model.applyRecords(7, {record(0), record(1), record(2)});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(inserted.size(), 1); // one insert per batch

    auto updated = record(1);
    updated.set(Mark::Issued, 5);
    updated.outcome = Outcome::Ok;
    model.applyRecords(7, {updated, record(3)});
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.records().at(1).outcome, Outcome::Ok);
    QCOMPARE(model.index(1, int(RunModel::Column::Outcome)).data().toString(), QStringLiteral("ok"));
    QCOMPARE(model.index(3, int(RunModel::Column::Url)).data().toString(),
             QStringLiteral("http://example.com/3"));
}

void TestRunModel::batchesOfAnotherRunAreDropped()
{
    RunModel model;
    model.beginRun(2, RunSettings {}, QDateTime::currentDateTimeUtc());
    model.applyRecords(1, {record(0)});
    QCOMPARE(model.rowCount(), 0);
}

void TestRunModel::setRunReplacesEverything()
{
    RunModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.beginRun(0, RunSettings {}, QDateTime::currentDateTimeUtc());
    model.applyRecords(0, {record(0)});
    QVERIFY(model.isLive());

    RunResult run;
    run.runId = 0;
    run.endNs = 1000;
    run.records = {record(0), record(1)};
    QSignalSpy reset(&model, &RunModel::runReset);
    model.setRun(run);
    QCOMPARE(reset.size(), 1);
    QVERIFY(!model.isLive());
    QCOMPARE(model.run(), run);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestRunModel::phasesAndSortRole()
{
    RequestRecord r = record(0, 0);
    r.set(Mark::GateAcquired, 100);
    r.set(Mark::Issued, 200);
    r.set(Mark::RequestSent, 250);
    r.set(Mark::FirstByte, 1250);
    r.set(Mark::Finished, 2250);
    QCOMPARE(RunModel::phaseNs(r, RunModel::Column::Waiting), 200);
    QCOMPARE(RunModel::phaseNs(r, RunModel::Column::Connecting), 50);
    QCOMPARE(RunModel::phaseNs(r, RunModel::Column::FirstByte), 1000);
    QCOMPARE(RunModel::phaseNs(r, RunModel::Column::Download), 1000);
    QCOMPARE(RunModel::phaseNs(r, RunModel::Column::Delay), -1); // no delay happened
    QCOMPARE(RunModel::phaseNs(r, RunModel::Column::Total), 2050);

    RunModel model;
    RunResult run;
    run.records = {r};
    model.setRun(run);
    const QModelIndex total = model.index(0, int(RunModel::Column::Total));
    QCOMPARE(total.data(RunModel::SortRole).toLongLong(), 2050);
    QCOMPARE(total.data().toString(), QStringLiteral("0.0")); // ms for people
    QCOMPARE(model.index(0, 0).data(RunModel::RecordRole).value<RequestRecord>(), r);
}

void TestRunModel::endFollowsTheLiveClock()
{
    RunModel model;
    model.beginRun(0, RunSettings {}, QDateTime::currentDateTimeUtc());
    QSignalSpy changed(&model, &RunModel::timelineChanged);
    model.setLiveNowNs(5'000);
    QCOMPARE(model.endNs(), 5'000);
    QCOMPARE(changed.size(), 1);
}

QTEST_GUILESS_MAIN(TestRunModel)
#include "tst_runmodel.moc"
