#include "models/requestsortproxy.h"

#include <QAbstractItemModelTester>
#include <QIdentityProxyModel>
#include <QTest>

#include "models/runmodel.h"
#include "models/runstablemodel.h"

// The request table's sort proxy orders rows exactly as a plain QSortFilterProxyModel does, and sorts by id
// without reading a sort key.
class TestRequestSortProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sortsLikeThePlainProxy_data();
    void sortsLikeThePlainProxy();
    void idOrderReadsNoSortKey();

private:
    // Counts the sort keys read through it.
    class KeyCounter : public QIdentityProxyModel
    {
    public:
        mutable int sortReads = 0;
        QVariant data(const QModelIndex &index, int role) const override
        {
            sortReads += role == RunModel::SortRole ? 1 : 0;
            return QIdentityProxyModel::data(index, role);
        }
    };

    static RequestRecord record(int id, qint64 totalNs);
    static QStringList rows(const QAbstractItemModel &model);
    // Two live runs fed batch by batch, as the engine feeds them, a batch's new records out of id order.
    static void feed(RunModel &first, RunModel &second);
};

RequestRecord TestRequestSortProxy::record(int id, qint64 totalNs)
{
    RequestRecord r;
    r.id = id;
    r.url = QUrl(QStringLiteral("http://example.com/%1").arg(id));
    r.set(Mark::Queued, 0);
    r.set(Mark::Issued, 10);
    r.set(Mark::Finished, 10 + totalNs);
    return r;
}

QStringList TestRequestSortProxy::rows(const QAbstractItemModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, int(RunModel::Column::Id)).data().toString());
    return ids;
}

void TestRequestSortProxy::feed(RunModel &first, RunModel &second)
{
    first.beginRun(1, RunSettings {}, QDateTime::currentDateTimeUtc());
    second.beginRun(2, RunSettings {}, QDateTime::currentDateTimeUtc());
    int next = 0;
    for (int batch = 0; batch < 6; ++batch) {
        QList<RequestRecord> changed;
        for (int i = 2; i >= 0; --i)
            changed.append(record(next + i, (next + i) * 7919 % 13));
        if (next > 0)
            changed.append(record(next - 1, 50)); // an update of a row already shown
        first.applyRecords(1, changed);
        for (auto &r : changed)
            r.set(Mark::Finished, 10 + (r.id * 31 % 11));
        second.applyRecords(2, changed);
        next += 3;
    }
}

void TestRequestSortProxy::sortsLikeThePlainProxy_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<int>("shownRun");
    QTest::newRow("id ascending") << int(RunModel::Column::Id) << Qt::AscendingOrder << -1;
    QTest::newRow("id descending") << int(RunModel::Column::Id) << Qt::DescendingOrder << -1;
    QTest::newRow("id, the second run only") << int(RunModel::Column::Id) << Qt::DescendingOrder << 1;
    QTest::newRow("in flight ascending") << int(RunModel::Column::Total) << Qt::AscendingOrder << -1;
    QTest::newRow("url descending") << int(RunModel::Column::Url) << Qt::DescendingOrder << -1;
}

void TestRequestSortProxy::sortsLikeThePlainProxy()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    QFETCH(int, shownRun);
    RunModel first;
    RunModel second;
    RunsTableModel runs;
    runs.setRuns({&first, &second});
    runs.showOnly(shownRun);
    RequestSortProxy proxy;
    proxy.setSourceModel(&runs);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSortFilterProxyModel plain;
    plain.setSortRole(RunModel::SortRole);
    plain.setSourceModel(&runs);
    proxy.sort(column, order);
    plain.sort(column, order);

    feed(first, second);
    QCOMPARE(proxy.rowCount(), shownRun < 0 ? 36 : 18);
    QCOMPARE(rows(proxy), rows(plain));

    // Sorting again from scratch gives the same order too (rows of equal keys then come in source order).
    for (QSortFilterProxyModel *model : {static_cast<QSortFilterProxyModel *>(&proxy), &plain}) {
        model->sort(-1);
        model->sort(column, order);
    }
    QCOMPARE(rows(proxy), rows(plain));
}

void TestRequestSortProxy::idOrderReadsNoSortKey()
{
    RunModel first;
    RunModel second;
    RunsTableModel runs;
    runs.setRuns({&first, &second});
    KeyCounter counter;
    counter.setSourceModel(&runs);
    RequestSortProxy proxy;
    proxy.setSourceModel(&counter);
    proxy.sort(int(RunModel::Column::Id), Qt::AscendingOrder);

    feed(first, second);
    QCOMPARE(proxy.rowCount(), 36);
    QCOMPARE(proxy.index(0, 0).data(RunModel::IdRole).toInt(), 0);
    QCOMPARE(proxy.index(35, 0).data(RunModel::IdRole).toInt(), 17);
    QCOMPARE(counter.sortReads, 0);

    // Another column reads its keys, as before.
    proxy.sort(int(RunModel::Column::Total), Qt::AscendingOrder);
    QVERIFY(counter.sortReads > 0);
}

QTEST_GUILESS_MAIN(TestRequestSortProxy)
#include "tst_requestsortproxy.moc"
