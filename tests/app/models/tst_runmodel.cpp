#include "models/runmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>

class TestRunModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void batchesInsertAndUpdate();
    void batchesOfAnotherRunAreDropped();
    void setRunReplacesEverything();
    void phasesAndSortRole();
    void endFollowsTheLiveClock();
    void batchesAnnounceExactRanges();
    void finishingIsNotAReset();
    void finishingAnnouncesWhatTheBatchesMissed();
    void capacityIsASignalOfItsOwn();
    void outcomesAreShownTranslatedAndSortInOrder();

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
    const auto topLeft = changed.first().at(0).value<QModelIndex>();
    const auto bottomRight = changed.first().at(1).value<QModelIndex>();
    QCOMPARE(topLeft.row(), 1);
    QCOMPARE(bottomRight.row(), 1);
    // What can change of a row: never its id or URL, so a table sorted by id has nothing to re-sort.
    QCOMPARE(topLeft.column(), int(RunModel::Column::Outcome));
    QCOMPARE(bottomRight.column(), int(RunModel::Column::Count) - 1);
    QCOMPARE(model.records().at(1).outcome, Outcome::Ok);
    QCOMPARE(model.index(1, int(RunModel::Column::Outcome)).data().toString(), QStringLiteral("OK"));
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
    QSignalSpy changed(&model, &RunModel::liveNowChanged);
    QSignalSpy appended(&model, &RunModel::recordsAppended);
    QSignalSpy updated(&model, &RunModel::recordsUpdated);
    model.setLiveNow(0, 5'000);
    QCOMPARE(model.endNs(), 5'000);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toLongLong(), 5'000);
    // The same moment again, or another run's clock, is no change at all.
    model.setLiveNow(0, 5'000);
    model.setLiveNow(1, 9'000);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.endNs(), 5'000);
    // A tick says nothing about records.
    QCOMPARE(appended.size(), 0);
    QCOMPARE(updated.size(), 0);
}

void TestRunModel::batchesAnnounceExactRanges()
{
    RunModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.beginRun(3, RunSettings {}, QDateTime::currentDateTimeUtc());
    QSignalSpy appended(&model, &RunModel::recordsAppended);
    QSignalSpy updated(&model, &RunModel::recordsUpdated);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    model.applyRecords(3, {record(0), record(1), record(2), record(3)});
    QCOMPARE(appended.size(), 1);
    QCOMPARE(appended.at(0).at(0).toInt(), 0);
    QCOMPARE(appended.at(0).at(1).toInt(), 3);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 3);
    QCOMPARE(updated.size(), 0);

    // Updates in any order, one twice, and two new records: each announced once, by what it is.
    RequestRecord third = record(3, 7);
    RequestRecord first = record(1, 8);
    model.applyRecords(3, {third, record(4), first, third, record(5)});
    QCOMPARE(appended.size(), 2);
    QCOMPARE(appended.at(1).at(0).toInt(), 4);
    QCOMPARE(appended.at(1).at(1).toInt(), 5);
    QCOMPARE(updated.size(), 1);
    QCOMPARE(updated.at(0).at(0).value<QList<int>>(), (QList<int> {1, 3}));
    QCOMPARE(model.records().at(3).at(Mark::Queued), 7);
}

void TestRunModel::finishingIsNotAReset()
{
    RunModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.beginRun(4, RunSettings {}, QDateTime::currentDateTimeUtc());
    RunResult result;
    result.runId = 4;
    result.settings = model.run().settings;
    result.startedAt = model.run().startedAt;
    result.records = {record(0), record(1)};
    result.records[1].set(Mark::Finished, 900);
    result.records[1].outcome = Outcome::Ok;
    result.endNs = 1'000;
    model.applyRecords(4, result.records);
    model.setLiveNow(4, 950);

    QSignalSpy reset(&model, &RunModel::runReset);
    QSignalSpy modelReset(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy appended(&model, &RunModel::recordsAppended);
    QSignalSpy updated(&model, &RunModel::recordsUpdated);
    QSignalSpy finished(&model, &RunModel::runFinished);
    const QPersistentModelIndex kept = model.index(1, int(RunModel::Column::Url));
    model.finishRun(result);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(modelReset.size(), 0);
    QCOMPARE(appended.size(), 0); // the batches had carried everything
    QCOMPARE(updated.size(), 0);
    QVERIFY(kept.isValid()); // a view's selection survives the end of the run
    QCOMPARE(kept.row(), 1);
    QVERIFY(!model.isLive());
    QCOMPARE(model.run(), result);
    QCOMPARE(model.endNs(), 1'000);
}

void TestRunModel::finishingAnnouncesWhatTheBatchesMissed()
{
    RunModel model;
    model.beginRun(5, RunSettings {}, QDateTime::currentDateTimeUtc());
    model.applyRecords(5, {record(0), record(1)});
    RunResult result = model.run();
    result.records[0].outcome = Outcome::Cancelled;
    result.records[0].set(Mark::Finished, 40);
    result.records.append(record(2));
    QSignalSpy appended(&model, &RunModel::recordsAppended);
    QSignalSpy updated(&model, &RunModel::recordsUpdated);
    model.finishRun(result);
    QCOMPARE(appended.size(), 1);
    QCOMPARE(appended.at(0).at(0).toInt(), 2);
    QCOMPARE(updated.size(), 1);
    QCOMPARE(updated.at(0).at(0).value<QList<int>>(), QList<int> {0});
    QCOMPARE(model.records(), result.records);
}

void TestRunModel::capacityIsASignalOfItsOwn()
{
    RunModel model;
    model.beginRun(6, RunSettings {}, QDateTime::currentDateTimeUtc());
    QSignalSpy capacity(&model, &RunModel::capacityChanged);
    QSignalSpy appended(&model, &RunModel::recordsAppended);
    model.applyCapacity(6, {0, 3});
    model.applyCapacity(6, {500, 7});
    model.applyCapacity(2, {600, 9}); // another run's
    QCOMPARE(capacity.size(), 2);
    QCOMPARE(model.run().capacityChanges, (QList<CapacityChange> {{0, 3}, {500, 7}}));
    QCOMPARE(appended.size(), 0);
}

void TestRunModel::outcomesAreShownTranslatedAndSortInOrder()
{
    // A translator that marks what it translates: the table must show the outcome through it, not the
    // exports' snake_case name.
    class Marking : public QTranslator
    {
    public:
        QString translate(const char *context, const char *source, const char *, int) const override
        {
            return qstrcmp(context, "Outcome") == 0 ? QStringLiteral("<%1>").arg(QLatin1String(source))
                                                    : QString();
        }
        bool isEmpty() const override { return false; }
    } marking;
    QVERIFY(QCoreApplication::installTranslator(&marking));

    RunModel model;
    RunResult run;
    const Outcome outcomes[] = {Outcome::Failed, Outcome::Ok, Outcome::Pending, Outcome::HttpError};
    for (const Outcome outcome : outcomes) {
        RequestRecord r = record(int(run.records.size()));
        r.outcome = outcome;
        run.records.append(r);
    }
    model.setRun(run);
    const auto shown
        = [&](int row) { return model.index(row, int(RunModel::Column::Outcome)).data().toString(); };
    QCOMPARE(shown(0), QStringLiteral("<Failed>"));
    QCOMPARE(shown(1), QStringLiteral("<OK>"));
    QCOMPARE(shown(2), QStringLiteral("<Not finished>"));
    QCOMPARE(shown(3), QStringLiteral("<HTTP error>"));
    QVERIFY(QCoreApplication::removeTranslator(&marking));
    QCOMPARE(shown(3), QStringLiteral("HTTP error"));

    // Sorted by what the outcome is, not by its text in one language or another.
    const auto key = [&](int row) {
        return model.index(row, int(RunModel::Column::Outcome)).data(RunModel::SortRole).toInt();
    };
    QCOMPARE(key(0), int(Outcome::Failed));
    QCOMPARE(key(1), int(Outcome::Ok));
}

QTEST_GUILESS_MAIN(TestRunModel)
#include "tst_runmodel.moc"
