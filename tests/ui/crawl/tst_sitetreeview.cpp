#include "crawl/sitetreeview.h"

#include <QSignalSpy>
#include <QTest>

#include "crawlfeed.h"
#include "models/runmodel.h"
#include "models/sitetreemodel.h"

class TestSiteTreeView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opensTheFirstLevelsAsTheyGrow();
    void aClosedBranchStaysClosed();
    void aFinishedRunOpensToTheSameLevels();
    void clickingAPageActivatesItsLatestAttempt();
    void selectRecordOpensItsAncestors();
};

void TestSiteTreeView::opensTheFirstLevelsAsTheyGrow()
{
    RunModel run;
    SiteTreeView view;
    view.setSource(&run);
    CrawlFeed feed(&run);

    const int seed = feed.page(QStringLiteral("/"));
    feed.flush();
    const int a = feed.page(QStringLiteral("/a"), seed, 1);
    feed.flush();
    const int b = feed.page(QStringLiteral("/a/b"), a, 2);
    feed.flush();
    feed.page(QStringLiteral("/a/b/c"), b, 3);
    feed.flush();

    const SiteTreeModel *tree = view.siteTree();
    QVERIFY(view.isExpanded(tree->indexOfRecord(seed)));
    QVERIFY(view.isExpanded(tree->indexOfRecord(a)));
    QVERIFY(!view.isExpanded(tree->indexOfRecord(b))); // level 2: left for the user
}

void TestSiteTreeView::aClosedBranchStaysClosed()
{
    RunModel run;
    SiteTreeView view;
    view.setSource(&run);
    CrawlFeed feed(&run);
    const int seed = feed.page(QStringLiteral("/"));
    feed.page(QStringLiteral("/a"), seed, 1);
    feed.flush();
    const QModelIndex seedIndex = view.siteTree()->indexOfRecord(seed);
    QVERIFY(view.isExpanded(seedIndex));

    view.collapse(seedIndex);
    feed.page(QStringLiteral("/b"), seed, 1);
    feed.flush();
    QVERIFY(!view.isExpanded(seedIndex));
    QCOMPARE(view.siteTree()->rowCount(seedIndex), 2);
}

void TestSiteTreeView::aFinishedRunOpensToTheSameLevels()
{
    RunModel live;
    RunResult finished;
    {
        CrawlFeed feed(&live);
        const int seed = feed.page(QStringLiteral("/"));
        const int a = feed.page(QStringLiteral("/a"), seed, 1);
        const int b = feed.page(QStringLiteral("/a/b"), a, 2);
        feed.page(QStringLiteral("/a/b/c"), b, 3);
        feed.flush();
        finished = live.run();
    }
    RunModel run;
    SiteTreeView view;
    view.setSource(&run);
    run.setRun(finished);
    const SiteTreeModel *tree = view.siteTree();
    QVERIFY(view.isExpanded(tree->indexOfRecord(0)));
    QVERIFY(view.isExpanded(tree->indexOfRecord(1)));
    QVERIFY(!view.isExpanded(tree->indexOfRecord(2)));
}

void TestSiteTreeView::clickingAPageActivatesItsLatestAttempt()
{
    RunModel run;
    SiteTreeView view;
    view.setSource(&run);
    CrawlFeed feed(&run);
    const int seed = feed.page(QStringLiteral("/"));
    feed.finish(seed, 200);
    const int busy = feed.page(QStringLiteral("/busy"), seed, 1);
    feed.finish(busy, 503);
    const int retry = feed.page(QStringLiteral("/busy"), seed, 1, 2);
    feed.flush();
    view.resize(600, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    QSignalSpy activated(&view, &SiteTreeView::requestActivated);
    const QModelIndex node = view.siteTree()->indexOfRecord(busy);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.visualRect(node).center());
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).value<RunModel *>(), &run);
    QCOMPARE(activated.at(0).at(1).toInt(), retry);

    view.setFocus();
    view.setCurrentIndex(view.siteTree()->indexOfRecord(seed));
    QTest::keyClick(&view, Qt::Key_Return);
    QCOMPARE(activated.size(), 2);
    QCOMPARE(activated.at(1).at(1).toInt(), seed);
}

void TestSiteTreeView::selectRecordOpensItsAncestors()
{
    RunModel run;
    SiteTreeView view;
    view.setAutoExpandLevels(0);
    view.setSource(&run);
    CrawlFeed feed(&run);
    const int seed = feed.page(QStringLiteral("/"));
    const int a = feed.page(QStringLiteral("/a"), seed, 1);
    const int b = feed.page(QStringLiteral("/a/b"), a, 2);
    feed.flush();
    const SiteTreeModel *tree = view.siteTree();
    QVERIFY(!view.isExpanded(tree->indexOfRecord(seed)));

    QSignalSpy activated(&view, &SiteTreeView::requestActivated);
    view.selectRecord(b);
    QCOMPARE(view.currentIndex(), tree->indexOfRecord(b));
    QVERIFY(view.isExpanded(tree->indexOfRecord(seed)));
    QVERIFY(view.isExpanded(tree->indexOfRecord(a)));
    QCOMPARE(activated.size(), 0);
}

QTEST_MAIN(TestSiteTreeView)
#include "tst_sitetreeview.moc"
