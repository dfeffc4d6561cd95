#include "models/sitetreemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "crawlfeed.h"
#include "models/runmodel.h"

class TestSiteTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void growsUnderTheRightParents();
    void retriesFoldIntoTheirFirstAttempt();
    void retryNamingItsEarlierAttemptAsParent();
    void otherOriginsShowTheWholeUrl();
    void resetsWithTheRun();

private:
    /// The tree, a line per node, indented two spaces per level: URL text, status and depth.
    static QStringList dump(const SiteTreeModel &model, const QModelIndex &parent = {}, int level = 0);
    static QString text(const QModelIndex &index, SiteTreeModel::Column column, int role = Qt::DisplayRole);
};

QStringList TestSiteTreeModel::dump(const SiteTreeModel &model, const QModelIndex &parent, int level)
{
    QStringList lines;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        lines.append(QString(level * 2, u' ') + text(index, SiteTreeModel::Column::Url)
                     + QStringLiteral(" | ") + text(index, SiteTreeModel::Column::Status)
                     + QStringLiteral(" | ") + text(index, SiteTreeModel::Column::Depth));
        lines += dump(model, index, level + 1);
    }
    return lines;
}

QString TestSiteTreeModel::text(const QModelIndex &index, SiteTreeModel::Column column, int role)
{
    return index.siblingAtColumn(int(column)).data(role).toString();
}

void TestSiteTreeModel::growsUnderTheRightParents()
{
    RunModel run;
    SiteTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSource(&run);
    CrawlFeed feed(&run);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);

    const int robots = feed.robots();
    const int seed = feed.page(QStringLiteral("/"));
    feed.flush();
    QCOMPARE(dump(model),
             QStringList {QStringLiteral("http://site.test/ | queued | 0")}); // robots.txt left out
    QCOMPARE(model.indexOfRecord(robots), QModelIndex());

    feed.finish(robots, 200, QStringLiteral("text/plain"));
    feed.issue(seed);
    feed.flush();
    QCOMPARE(dump(model), QStringList {QStringLiteral("http://site.test/ | in flight | 0")});

    // A batch with three children of the seed and a grandchild: one insert per parent.
    feed.finish(seed, 200);
    const int a = feed.page(QStringLiteral("/a"), seed, 1);
    const int b = feed.page(QStringLiteral("/b"), seed, 1);
    const int pdf = feed.page(QStringLiteral("/doc.pdf"), seed, 1);
    const int c = feed.page(QStringLiteral("/a/c"), a, 2);
    inserts.clear();
    feed.flush();
    QCOMPARE(inserts.size(), 2);
    QCOMPARE(inserts.at(0).at(0).toModelIndex(), model.indexOfRecord(seed));
    QCOMPARE(inserts.at(0).at(1).toInt(), 0);
    QCOMPARE(inserts.at(0).at(2).toInt(), 2);
    QCOMPARE(inserts.at(1).at(0).toModelIndex(), model.indexOfRecord(a));
    QCOMPARE(inserts.at(1).at(1).toInt(), 0);
    QCOMPARE(inserts.at(1).at(2).toInt(), 0);

    // Updates reach the right nodes, the parent's answer after its child arrived.
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    for (const int id : {a, b, pdf})
        feed.issue(id);
    feed.finish(b, 503);
    feed.finish(pdf, 200, QStringLiteral("application/pdf"));
    feed.flush();
    QCOMPARE(changes.size(), 1); // /a, /b and /doc.pdf are neighbours
    QCOMPARE(changes.at(0).at(0).toModelIndex(), model.indexOfRecord(a));
    QCOMPARE(changes.at(0).at(1).toModelIndex(), model.indexOfRecord(pdf, int(SiteTreeModel::Column::Depth)));

    feed.finish(a, 200);
    const int b2 = feed.page(QStringLiteral("/b"), seed, 1, 2);
    feed.flush();
    feed.finish(b2, 200);
    feed.finish(c, 301);
    const int d = feed.page(QStringLiteral("/d"), c, 2);
    feed.flush();
    feed.finish(d, 200);
    const int e = feed.page(QStringLiteral("/e"), d, 3);
    feed.issue(e);
    feed.fail(e, QStringLiteral("timed out: no data for 20000 ms"));
    feed.flush();

    QCOMPARE(dump(model),
             (QStringList {
                 QStringLiteral("http://site.test/ | 200 | 0"),
                 QStringLiteral("  /a | 200 | 1"),
                 QStringLiteral("    /a/c | 301 | 2"),
                 QStringLiteral("      /d | 200 | 2"),
                 QStringLiteral("        /e | failed | 3"),
                 QStringLiteral("  /b | 200 (attempt 2) | 1"),
                 QStringLiteral("  /doc.pdf | 200 | 1"),
             }));
    QCOMPARE(model.indexOfRecord(e).data(SiteTreeModel::IdRole).toInt(), e);
    QCOMPARE(text(model.indexOfRecord(e), SiteTreeModel::Column::Status, Qt::ToolTipRole),
             QStringLiteral("timed out: no data for 20000 ms"));
    QCOMPARE(text(model.indexOfRecord(d), SiteTreeModel::Column::Url, Qt::ToolTipRole),
             QStringLiteral("http://site.test/d"));
    QCOMPARE(resets.size(), 0);
}

void TestSiteTreeModel::retriesFoldIntoTheirFirstAttempt()
{
    RunModel run;
    SiteTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSource(&run);
    CrawlFeed feed(&run);
    const int seed = feed.page(QStringLiteral("/"));
    feed.finish(seed, 200);
    const int busy = feed.page(QStringLiteral("/busy"), seed, 1);
    const int other = feed.page(QStringLiteral("/other"), seed, 1);
    feed.finish(busy, 429);
    feed.flush();

    QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    const int second = feed.page(QStringLiteral("/busy"), seed, 1, 2);
    feed.flush();
    QCOMPARE(inserts.size(), 0); // no node of its own
    QCOMPARE(changes.size(), 1);
    QCOMPARE(model.indexOfRecord(second), model.indexOfRecord(busy));
    QCOMPARE(text(model.indexOfRecord(busy), SiteTreeModel::Column::Status),
             QStringLiteral("queued (attempt 2)"));

    feed.finish(second, 503);
    const int third = feed.page(QStringLiteral("/busy"), seed, 1, 3);
    feed.finish(third, 200);
    const int child = feed.page(QStringLiteral("/busy/next"), third, 2);
    feed.flush();

    const QModelIndex node = model.indexOfRecord(busy);
    QCOMPARE(node.data(SiteTreeModel::IdRole).toInt(), third);
    QCOMPARE(node.data(SiteTreeModel::AttemptIdsRole).value<QList<int>>(),
             (QList<int> {busy, second, third}));
    QCOMPARE(text(node, SiteTreeModel::Column::Status), QStringLiteral("200 (attempt 3)"));
    QCOMPARE(text(node, SiteTreeModel::Column::Status, Qt::ToolTipRole),
             QStringLiteral("attempt 1: HTTP 429\nattempt 2: HTTP 503\nattempt 3: 200"));
    QCOMPARE(dump(model),
             (QStringList {
                 QStringLiteral("http://site.test/ | 200 | 0"),
                 QStringLiteral("  /busy | 200 (attempt 3) | 1"),
                 QStringLiteral("    /busy/next | queued | 2"),
                 QStringLiteral("  /other | queued | 1"),
             }));
    QCOMPARE(model.indexOfRecord(child).parent(), node);
    QCOMPARE(model.indexOfRecord(other).row(), 1);
}

void TestSiteTreeModel::retryNamingItsEarlierAttemptAsParent()
{
    RunModel run;
    SiteTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSource(&run);
    CrawlFeed feed(&run);
    const int seed = feed.page(QStringLiteral("/"));
    feed.finish(seed, 503);
    const int retry = feed.page(QStringLiteral("/"), seed, 0, 2);
    feed.flush();
    QCOMPARE(dump(model), QStringList {QStringLiteral("http://site.test/ | queued (attempt 2) | 0")});
    QCOMPARE(model.indexOfRecord(retry), model.indexOfRecord(seed));
}

void TestSiteTreeModel::otherOriginsShowTheWholeUrl()
{
    RunModel run;
    SiteTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSource(&run);
    CrawlFeed feed(&run);
    const int seed = feed.page(QStringLiteral("/docs/"));
    feed.finish(seed, 200);
    feed.recorder().add(QUrl(QStringLiteral("https://cdn.test/lib.js")), seed, 1);
    feed.page(QStringLiteral("/search?q=a"), seed, 1);
    feed.flush();
    QCOMPARE(dump(model),
             (QStringList {
                 QStringLiteral("http://site.test/docs/ | 200 | 0"),
                 QStringLiteral("  https://cdn.test/lib.js | queued | 1"),
                 QStringLiteral("  /search?q=a | queued | 1"),
             }));
}

void TestSiteTreeModel::resetsWithTheRun()
{
    RunModel run;
    SiteTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSource(&run);
    RunResult finished;
    {
        CrawlFeed feed(&run);
        feed.robots();
        const int seed = feed.page(QStringLiteral("/"));
        feed.finish(seed, 200);
        const int a = feed.page(QStringLiteral("/a"), seed, 1);
        feed.page(QStringLiteral("/a/b"), a, 2);
        feed.flush();
        finished = run.run();
    }
    const QStringList tree {
        QStringLiteral("http://site.test/ | 200 | 0"),
        QStringLiteral("  /a | queued | 1"),
        QStringLiteral("    /a/b | queued | 2"),
    };
    QCOMPARE(dump(model), tree);

    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    run.beginRun(2, RunSettings {}, QDateTime::currentDateTimeUtc());
    QCOMPARE(resets.size(), 1);
    QCOMPARE(model.rowCount(), 0);
    run.setRun(finished);
    QCOMPARE(dump(model), tree);

    // Another run's batch is dropped by the run model, so the tree stays as it is.
    RequestRecord stray;
    stray.id = 4;
    stray.url = CrawlFeed::url(QStringLiteral("/stray"));
    run.applyRecords(99, {stray});
    QCOMPARE(dump(model), tree);

    run.clear();
    QCOMPARE(model.rowCount(), 0);
    model.setSource(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestSiteTreeModel)
#include "tst_sitetreemodel.moc"
