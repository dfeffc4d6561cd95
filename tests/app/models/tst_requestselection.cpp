#include "models/requestselection.h"

#include <QSignalSpy>
#include <QTest>

#include "models/runmodel.h"

class TestRequestSelection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void selectsOnceAndClears();
    void survivesTheEndOfARun();
    void aResetOrARemovedRunClearsIt();
};

namespace {

RunModel *liveModel(QObject *parent, int runId, int records)
{
    auto *model = new RunModel(parent);
    model->beginRun(runId, RunSettings {}, QDateTime::currentDateTimeUtc());
    QList<RequestRecord> batch;
    for (int i = 0; i < records; ++i) {
        RequestRecord record;
        record.id = i;
        record.url = QUrl(QStringLiteral("http://a.test/%1").arg(i));
        record.set(Mark::Queued, 0);
        batch.append(record);
    }
    model->applyRecords(runId, batch);
    return model;
}

} // namespace

void TestRequestSelection::selectsOnceAndClears()
{
    QObject owner;
    RunModel *model = liveModel(&owner, 1, 3);
    RequestSelection selection;
    QSignalSpy changed(&selection, &RequestSelection::selectionChanged);
    QVERIFY(selection.isEmpty());
    selection.select(model, 2);
    selection.select(model, 2); // the same again: no news
    QCOMPARE(changed.size(), 1);
    QCOMPARE(selection.model(), model);
    QCOMPARE(selection.recordId(), 2);
    selection.clear();
    QCOMPARE(changed.size(), 2);
    QVERIFY(selection.isEmpty());
    QCOMPARE(selection.recordId(), -1);
}

void TestRequestSelection::survivesTheEndOfARun()
{
    QObject owner;
    RunModel *model = liveModel(&owner, 4, 3);
    RequestSelection selection;
    selection.select(model, 1);
    QSignalSpy changed(&selection, &RequestSelection::selectionChanged);
    model->finishRun(model->run());
    QCOMPARE(changed.size(), 0);
    QCOMPARE(selection.recordId(), 1);
}

void TestRequestSelection::aResetOrARemovedRunClearsIt()
{
    QObject owner;
    RunModel *model = liveModel(&owner, 5, 3);
    RequestSelection selection;
    selection.select(model, 1);
    model->beginRun(6, RunSettings {}, QDateTime::currentDateTimeUtc());
    QVERIFY(selection.isEmpty());

    RunModel *other = liveModel(&owner, 7, 2);
    selection.select(other, 0);
    QSignalSpy changed(&selection, &RequestSelection::selectionChanged);
    delete other;
    QCOMPARE(changed.size(), 1);
    QVERIFY(selection.isEmpty());
}

QTEST_GUILESS_MAIN(TestRequestSelection)
#include "tst_requestselection.moc"
