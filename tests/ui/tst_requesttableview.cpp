#include <QScrollBar>
#include <QStandardItemModel>
#include <QTest>

#include <memory>

#include "models/requestsortproxy.h"
#include "models/runmodel.h"
#include "models/runstablemodel.h"
#include "requesttable.h"
#include "requesttableview.h"

// The request table repaints for a change only when a changed row is in sight.
class TestRequestTableView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void changesOutOfSightPaintNothing();
    void changesInSightRepaint();
    void rowsAppendedBelowPaintNothing();
    void rowsInSightRepaint_data();
    void rowsInSightRepaint();
    void aLiveRunsRowsInSightShowTheirOutcome();
    void changesInSightWithRowsAppendedRepaint_data();
    void changesInSightWithRowsAppendedRepaint();

private:
    // Counts the viewport's paints.
    class PaintCounter : public QObject
    {
    public:
        int paints = 0;
        bool eventFilter(QObject *, QEvent *event) override
        {
            paints += event->type() == QEvent::Paint ? 1 : 0;
            return false;
        }
    };
    static void fill(QStandardItemModel &model, int rows = 1000);
    static QList<QStandardItem *> row(int row);
    static void settle();

    // A shown view of 1 000 rows of three columns, its paints counted from the start of the test.
    std::unique_ptr<QStandardItemModel> m_model;
    std::unique_ptr<RequestTableView> m_view;
    std::unique_ptr<PaintCounter> m_counter;
};

void TestRequestTableView::init()
{
    m_model = std::make_unique<QStandardItemModel>();
    fill(*m_model);
    m_view = std::make_unique<RequestTableView>();
    m_view->setModel(m_model.get());
    m_view->resize(300, 200);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_counter = std::make_unique<PaintCounter>();
    m_view->viewport()->installEventFilter(m_counter.get());
    settle();
    m_counter->paints = 0;
}

void TestRequestTableView::cleanup()
{
    m_view.reset();
    m_counter.reset();
    m_model.reset();
}

QList<QStandardItem *> TestRequestTableView::row(int row)
{
    QList<QStandardItem *> items;
    for (int column = 0; column < 3; ++column)
        items.append(new QStandardItem(QStringLiteral("%1/%2").arg(row).arg(column)));
    return items;
}

void TestRequestTableView::fill(QStandardItemModel &model, int rows)
{
    model.setColumnCount(3);
    for (int i = 0; i < rows; ++i)
        model.appendRow(row(i));
}

void TestRequestTableView::settle()
{
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
}

void TestRequestTableView::aLiveRunsRowsInSightShowTheirOutcome()
{
    // The window's own chain: a live run's model, every run's table, the sorting proxy, sorted by id. The
    // first requests end while hundreds more wait and more are appended: their rows, in sight at the top,
    // repaint.
    RunModel model;
    RunsTableModel runs;
    runs.setRuns({&model});
    RequestSortProxy proxy;
    proxy.setSourceModel(&runs);
    RequestTableView view;
    view.setModel(&proxy);
    setUpRequestTable(&view, int(RunModel::Column::Id));
    view.resize(600, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    RunSettings settings;
    settings.mode = RunMode::Limited;
    settings.limit = 40;
    model.beginRun(1, settings, QDateTime::currentDateTimeUtc());
    QList<RequestRecord> records;
    for (int id = 0; id < 400; ++id) {
        RequestRecord r;
        r.id = id;
        r.url = QUrl(QStringLiteral("http://a.test/%1").arg(id));
        r.set(Mark::Queued, 0);
        records.append(r);
    }
    model.applyRecords(1, records.mid(0, 200));
    settle();
    model.applyRecords(1, records.mid(200, 100));
    settle();
    PaintCounter counter;
    view.viewport()->installEventFilter(&counter);
    QList<RequestRecord> ended;
    for (int id = 0; id < 10; ++id) {
        RequestRecord r = records[id];
        r.set(Mark::Finished, 5);
        r.outcome = Outcome::Ok;
        r.status = 200;
        ended.append(r);
    }
    // With the next slice of the list, as the runner feeds it.
    model.applyRecords(1, ended + records.mid(300));
    const QModelIndex outcome = view.model()->index(0, int(RunModel::Column::Outcome));
    QVERIFY(view.showsRows(0, 9));
    QCOMPARE(outcome.data().toString(), outcomeLabel(Outcome::Ok));
    QTRY_VERIFY(counter.paints > 0);
    QCOMPARE(view.skippedChanges(), 0);
}

void TestRequestTableView::changesOutOfSightPaintNothing()
{
    QStandardItemModel &model = *m_model;
    RequestTableView &view = *m_view;
    PaintCounter &counter = *m_counter;
    QVERIFY(!view.showsRows(500, 900));

    // One cell, and a range of rows as a live run's batch announces them.
    model.item(900, 1)->setText(QStringLiteral("changed"));
    Q_EMIT model.dataChanged(model.index(500, 0), model.index(900, 2));
    settle();
    QCOMPARE(view.skippedChanges(), 2);
    QCOMPARE(counter.paints, 0);
}

void TestRequestTableView::changesInSightRepaint()
{
    QStandardItemModel &model = *m_model;
    RequestTableView &view = *m_view;
    PaintCounter &counter = *m_counter;
    QVERIFY(view.showsRows(0, 0));
    QVERIFY(view.showsRows(2, 990)); // a range around what is in sight

    // A range that starts out of sight and ends in it repaints too.
    view.scrollTo(model.index(600, 0), QAbstractItemView::PositionAtTop);
    settle();
    counter.paints = 0;
    const QString before = model.index(601, 0).data().toString();
    model.item(601, 0)->setText(QStringLiteral("changed"));
    QTRY_VERIFY(counter.paints > 0);
    counter.paints = 0;
    Q_EMIT model.dataChanged(model.index(300, 0), model.index(601, 2));
    QTRY_VERIFY(counter.paints > 0);
    QCOMPARE(view.skippedChanges(), 0);
    QVERIFY(before != model.index(601, 0).data().toString());
}

void TestRequestTableView::rowsAppendedBelowPaintNothing()
{
    QStandardItemModel &model = *m_model;
    RequestTableView &view = *m_view;
    const int maximum = view.verticalScrollBar()->maximum();

    // Batches of rows appended below a full view, as a live run appends them: the scroll bar grows, and the
    // rows in sight, which look the same, are not repainted.
    for (int batch = 0; batch < 3; ++batch) {
        for (int i = 0; i < 100; ++i)
            model.appendRow(row(1000 + batch * 100 + i));
        QTRY_COMPARE(view.quietLayouts(), batch + 1);
    }
    settle();
    QCOMPARE(m_counter->paints, 0);
    QCOMPARE(view.verticalScrollBar()->maximum(), maximum + 300);
    view.scrollToBottom();
    QTRY_VERIFY(m_counter->paints > 0);
    QVERIFY(view.showsRows(1299, 1299));
}

void TestRequestTableView::changesInSightWithRowsAppendedRepaint_data()
{
    QTest::addColumn<bool>("oneCell");
    QTest::newRow("one cell") << true;
    QTest::newRow("a range of rows") << false;
}

void TestRequestTableView::changesInSightWithRowsAppendedRepaint()
{
    // A live run's batch appends rows below and ends requests in sight at once. While the appended rows'
    // layout is pending, Qt leaves the changed rows to that layout's repaint; the layout of rows appended
    // below does not repaint, so the change must.
    QFETCH(bool, oneCell);
    QStandardItemModel &model = *m_model;
    RequestTableView &view = *m_view;
    for (int i = 0; i < 100; ++i)
        model.appendRow(row(1000 + i));
    model.item(2, 1)->setText(QStringLiteral("changed"));
    if (!oneCell)
        Q_EMIT model.dataChanged(model.index(0, 0), model.index(5, 2));
    QTRY_COMPARE(view.quietLayouts(), 1);
    QTRY_VERIFY(m_counter->paints > 0);
}

void TestRequestTableView::rowsInSightRepaint_data()
{
    QTest::addColumn<int>("rows"); // in the model before the insert
    QTest::addColumn<int>("at");
    QTest::addColumn<int>("scrolledTo");
    QTest::newRow("appended to rows that do not fill the view") << 3 << 3 << 0;
    QTest::newRow("inserted at the top") << 1000 << 0 << 0;
    QTest::newRow("inserted among the rows in sight") << 1000 << 2 << 0;
    QTest::newRow("inserted above the rows in sight") << 1000 << 100 << 500;
}

void TestRequestTableView::rowsInSightRepaint()
{
    QFETCH(int, rows);
    QFETCH(int, at);
    QFETCH(int, scrolledTo);
    QStandardItemModel &model = *m_model;
    RequestTableView &view = *m_view;
    model.setRowCount(rows);
    view.scrollTo(model.index(scrolledTo, 0), QAbstractItemView::PositionAtTop);
    settle();
    m_counter->paints = 0;

    model.insertRow(at, row(-1));
    QTRY_VERIFY(m_counter->paints > 0);
    QCOMPARE(view.quietLayouts(), 0);

    // And a removal repaints, even right after rows came below.
    settle();
    m_counter->paints = 0;
    model.appendRow(row(-2));
    model.removeRow(at);
    QTRY_VERIFY(m_counter->paints > 0);
    QCOMPARE(view.quietLayouts(), 0);
}

QTEST_MAIN(TestRequestTableView)
#include "tst_requesttableview.moc"
