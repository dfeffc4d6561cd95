#include "crawl/frontierview.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>

#include <algorithm>

#include "crawl/frontierfilter.h"
#include "crawlfeed.h"
#include "models/runmodel.h"

class TestFrontierView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void filteringByReasonShowsExactlyThoseUrls();
    void filteringByStateAndText();
    void summaryFollowsTheCrawl();
    void hiddenSummaryCatchesUpWhenShown();
    void clickingARequestActivatesIt();
    void selectRecordEmitsNothing();
    void sortsLikeThePlainProxy_data();
    void sortsLikeThePlainProxy();

private:
    /// The URLs the table shows, with their state, sorted so that order does not matter.
    QStringList shown() const;
    void chooseReason(std::optional<SkipReason> reason);
    void chooseState(FrontierFilter::StateFilter state);
    QModelIndex shownIndexOf(int recordId) const;

    RunModel *m_run = nullptr;
    CrawlFeed *m_feed = nullptr;
    FrontierView *m_view = nullptr;
    int m_seed = -1;
    int m_a = -1;
    int m_missing = -1;
    int m_later = -1;
};

void TestFrontierView::init()
{
    m_run = new RunModel;
    m_view = new FrontierView;
    m_view->setSource(m_run);
    m_feed = new CrawlFeed(m_run);

    const int robots = m_feed->robots();
    m_feed->finish(robots, 404, QStringLiteral("text/plain"));
    m_feed->robotsAnswered(RobotsStatus::AllowAll,
                           QStringLiteral("robots.txt answered 404: everything is allowed"));
    m_seed = m_feed->page(QStringLiteral("/"));
    m_feed->finish(m_seed, 200);
    m_a = m_feed->page(QStringLiteral("/a"), m_seed, 1);
    m_missing = m_feed->page(QStringLiteral("/missing"), m_seed, 1);
    m_later = m_feed->page(QStringLiteral("/later"), m_seed, 1);
    m_feed->finish(m_a, 200);
    m_feed->finish(m_missing, 404);
    m_feed->skip(QStringLiteral("/"), m_seed, 1, SkipReason::Duplicate);
    m_feed->skip(QStringLiteral("/"), m_a, 2, SkipReason::Duplicate);
    m_feed->skip(QStringLiteral("/a"), m_a, 2, SkipReason::Duplicate);
    m_feed->skip(QStringLiteral("/deep"), m_a, 2, SkipReason::Depth, QStringLiteral("depth 2 > 1"));
    m_feed->flush();

    m_view->resize(1000, 500);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
}

void TestFrontierView::cleanup()
{
    delete m_view;
    delete m_feed;
    delete m_run;
}

QStringList TestFrontierView::shown() const
{
    const QAbstractItemModel *model = m_view->table()->model();
    QStringList rows;
    for (int row = 0; row < model->rowCount(); ++row) {
        rows.append(model->index(row, int(FrontierModel::Column::Url)).data().toString() + QStringLiteral(" ")
                    + model->index(row, int(FrontierModel::Column::State)).data().toString());
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

void TestFrontierView::chooseReason(std::optional<SkipReason> reason)
{
    QComboBox *box = m_view->reasonBox();
    box->setCurrentIndex(box->findData(reason ? int(*reason) : -1));
}

void TestFrontierView::chooseState(FrontierFilter::StateFilter state)
{
    QComboBox *box = m_view->stateBox();
    box->setCurrentIndex(box->findData(int(state)));
}

QModelIndex TestFrontierView::shownIndexOf(int recordId) const
{
    const QAbstractItemModel *model = m_view->table()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, int(FrontierModel::Column::Url));
        if (index.data(FrontierModel::IdRole).toInt() == recordId)
            return index;
    }
    return {};
}

void TestFrontierView::filteringByReasonShowsExactlyThoseUrls()
{
    QCOMPARE(m_view->table()->model()->rowCount(), 8);

    chooseReason(SkipReason::Duplicate);
    QCOMPARE(shown(),
             (QStringList {
                 QStringLiteral("http://site.test/ skipped"),
                 QStringLiteral("http://site.test/a skipped"),
             }));
    chooseReason(SkipReason::Depth);
    QCOMPARE(shown(), QStringList {QStringLiteral("http://site.test/deep skipped")});
    chooseReason(SkipReason::Nofollow);
    QCOMPARE(shown(), QStringList());

    // A new skip for the chosen reason shows up live; one for another reason does not.
    m_feed->skip(QStringLiteral("/nf"), m_a, 2, SkipReason::Nofollow);
    m_feed->skip(QStringLiteral("/out"), m_a, 2, SkipReason::Scope);
    m_feed->flush();
    QCOMPARE(shown(), QStringList {QStringLiteral("http://site.test/nf skipped")});

    chooseReason(std::nullopt);
    QCOMPARE(m_view->table()->model()->rowCount(), 10);
}

void TestFrontierView::filteringByStateAndText()
{
    chooseState(FrontierFilter::StateFilter::Fetched);
    QCOMPARE(shown(),
             (QStringList {
                 QStringLiteral("http://site.test/ fetched"),
                 QStringLiteral("http://site.test/a fetched"),
             }));
    QVERIFY(!m_view->reasonBox()->isEnabled()); // only skipped URLs have a reason

    chooseState(FrontierFilter::StateFilter::Failed);
    QCOMPARE(shown(),
             (QStringList {
                 QStringLiteral("http://site.test/missing failed"),
                 QStringLiteral("http://site.test/robots.txt failed"),
             }));

    // A row leaves the filter as its state changes.
    chooseState(FrontierFilter::StateFilter::Queued);
    QCOMPARE(shown(), QStringList {QStringLiteral("http://site.test/later queued")});
    m_feed->issue(m_later);
    m_feed->flush();
    QCOMPARE(shown(), QStringList());

    chooseState(FrontierFilter::StateFilter::Skipped);
    QVERIFY(m_view->reasonBox()->isEnabled());
    m_view->textFilter()->setText(QStringLiteral("DEPTH 2"));
    QCOMPARE(shown(), QStringList {QStringLiteral("http://site.test/deep skipped")});

    chooseState(FrontierFilter::StateFilter::All);
    m_view->textFilter()->setText(QStringLiteral("missing"));
    QCOMPARE(shown(), QStringList {QStringLiteral("http://site.test/missing failed")});
}

void TestFrontierView::summaryFollowsTheCrawl()
{
    QCOMPARE(
        m_view->summaryLabel()->text(),
        QStringLiteral("2 fetched · 1 failed · 1 queued · 3 skipped (too deep 1, duplicate 2) · 1 host(s)"));
    QCOMPARE(m_view->reasonBox()->itemText(m_view->reasonBox()->findData(int(SkipReason::Duplicate))),
             QStringLiteral("duplicate (2)"));

    m_feed->issue(m_later);
    m_feed->flush();
    QCOMPARE(m_view->summaryLabel()->text(),
             QStringLiteral("2 fetched · 1 failed · 1 in flight · 0 queued · "
                            "3 skipped (too deep 1, duplicate 2) · 1 host(s)"));

    m_run->clear();
    QCOMPARE(m_view->summaryLabel()->text(), QStringLiteral("0 fetched · 0 queued · 0 skipped · 0 host(s)"));
}

void TestFrontierView::hiddenSummaryCatchesUpWhenShown()
{
    const QString before = m_view->summaryLabel()->text();
    m_view->hide();
    m_feed->issue(m_later);
    m_feed->flush();
    QCOMPARE(m_view->frontier()->counts().inFlight, 1);
    QCOMPARE(m_view->summaryLabel()->text(), before); // nobody sees it, so it is not redone

    m_view->show();
    QCOMPARE(m_view->summaryLabel()->text(), FrontierView::summaryText(m_view->frontier()->counts()));
    QVERIFY(m_view->summaryLabel()->text().contains(QStringLiteral("1 in flight")));
}

void TestFrontierView::clickingARequestActivatesIt()
{
    QSignalSpy activated(m_view, &FrontierView::requestActivated);
    QTableView *table = m_view->table();

    const QModelIndex missing = shownIndexOf(m_missing);
    QVERIFY(missing.isValid());
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(missing).center());
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).value<RunModel *>(), m_run);
    QCOMPARE(activated.at(0).at(1).toInt(), m_missing);

    // Keyboard: move to /a and press Enter.
    table->setFocus();
    table->selectionModel()->setCurrentIndex(shownIndexOf(m_a), QItemSelectionModel::ClearAndSelect);
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(activated.size(), 2);
    QCOMPARE(activated.at(1).at(1).toInt(), m_a);

    // A skipped URL has no request to show.
    chooseState(FrontierFilter::StateFilter::Skipped);
    const QModelIndex skipped = table->model()->index(0, 0);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(skipped).center());
    QCOMPARE(activated.size(), 2);
}

void TestFrontierView::selectRecordEmitsNothing()
{
    QSignalSpy activated(m_view, &FrontierView::requestActivated);
    m_view->selectRecord(m_missing);
    QCOMPARE(m_view->table()->currentIndex().data(FrontierModel::IdRole).toInt(), m_missing);
    QCOMPARE(activated.size(), 0);

    // Hidden by the filter: nothing to select.
    chooseState(FrontierFilter::StateFilter::Skipped);
    m_view->selectRecord(m_a);
    QVERIFY(m_view->table()->currentIndex().data(FrontierModel::IdRole).toInt() != m_a);
}

void TestFrontierView::sortsLikeThePlainProxy_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    using Column = FrontierModel::Column;
    QTest::newRow("found ascending (the default)") << int(Column::Found) << Qt::AscendingOrder;
    QTest::newRow("found descending") << int(Column::Found) << Qt::DescendingOrder;
    QTest::newRow("id ascending") << int(Column::Id) << Qt::AscendingOrder;
    QTest::newRow("state descending") << int(Column::State) << Qt::DescendingOrder;
    QTest::newRow("url ascending") << int(Column::Url) << Qt::AscendingOrder;
}

void TestFrontierView::sortsLikeThePlainProxy()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    QSortFilterProxyModel plain;
    plain.setSortRole(FrontierModel::SortRole);
    plain.setSourceModel(m_view->frontier());
    plain.sort(column, order);
    m_view->table()->sortByColumn(column, order);

    // Rows arrive and change live, skipped URLs between the requests.
    for (int batch = 0; batch < 4; ++batch) {
        const int page = m_feed->page(QStringLiteral("/p%1").arg(batch), m_a, 2);
        m_feed->skip(QStringLiteral("/s%1").arg(batch), page, 3, SkipReason::Depth);
        m_feed->flush();
        m_feed->finish(page, batch % 2 ? 200 : 404);
        m_feed->flush();
    }
    // The same sort keys in the same order (rows of equal keys may come in either order), and the same rows.
    const auto keysAndRows = [column](const QAbstractItemModel &model) {
        QList<QVariant> keys;
        QStringList rows;
        for (int row = 0; row < model.rowCount(); ++row) {
            keys.append(model.index(row, column).data(FrontierModel::SortRole));
            rows.append(model.index(row, int(FrontierModel::Column::Url)).data().toString()
                        + model.index(row, int(FrontierModel::Column::Note)).data().toString());
        }
        std::sort(rows.begin(), rows.end());
        return std::make_pair(keys, rows);
    };
    const auto shownKeys = keysAndRows(*m_view->table()->model());
    QCOMPARE(shownKeys.first.size(), 16);
    QCOMPARE(shownKeys, keysAndRows(plain));
}

QTEST_MAIN(TestFrontierView)
#include "tst_frontierview.moc"
