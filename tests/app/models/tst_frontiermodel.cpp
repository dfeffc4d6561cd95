#include "models/frontiermodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "crawlfeed.h"
#include "models/runmodel.h"

class TestFrontierModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsACrawlLive();
    void skipSeenAgainIsCountedInPlace();
    void skipBeforeItsParentGetsItsParentLater();
    void resetsWithTheRun();
    void updatesAnnounceOnlyWhatCanChange();
    void rolesForSortingAndFiltering();
    void statesFollowTheMarks_data();
    void statesFollowTheMarks();

private:
    static QStringList rows(const FrontierModel &model);
    static QString cell(const FrontierModel &model, int row, FrontierModel::Column column);
};

// One line per row: id, URL, state and note, then depth, parent and the times seen.
QStringList TestFrontierModel::rows(const FrontierModel &model)
{
    using C = FrontierModel::Column;
    QStringList lines;
    for (int row = 0; row < model.rowCount(); ++row) {
        lines.append(QStringList {cell(model, row, C::Id), cell(model, row, C::Url),
                                  cell(model, row, C::State), cell(model, row, C::Note),
                                  cell(model, row, C::Depth), cell(model, row, C::Parent),
                                  cell(model, row, C::Seen)}
                         .join(QStringLiteral(" | ")));
    }
    return lines;
}

QString TestFrontierModel::cell(const FrontierModel &model, int row, FrontierModel::Column column)
{
    return model.index(row, int(column)).data().toString();
}

void TestFrontierModel::followsACrawlLive()
{
    RunModel run;
    FrontierModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSource(&run);
    CrawlFeed feed(&run);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy countsChanged(&model, &FrontierModel::countsChanged);

    // robots.txt first, the seed waits behind it.
    const int robots = feed.robots();
    const int seed = feed.page(QStringLiteral("/"));
    feed.flush();
    QCOMPARE(rows(model),
             (QStringList {
                 QStringLiteral("0 | http://site.test/robots.txt | queued | robots.txt of "
                                "site.test | 0 |  | 1"),
                 QStringLiteral("1 | http://site.test/ | queued |  | 0 |  | 1"),
             }));
    QCOMPARE(model.counts().queued, 1); // robots.txt is not a page
    QCOMPARE(model.counts().robots, 1);
    QCOMPARE(model.counts().hosts, 1);
    QVERIFY(countsChanged.size() > 0);

    // Batch 2: robots.txt answers, the seed goes out.
    feed.finish(robots, 200, QStringLiteral("text/plain"));
    feed.robotsAnswered(RobotsStatus::Parsed, QStringLiteral("robots.txt answered 200: 1 rule group"));
    feed.issue(seed);
    feed.flush();
    QCOMPARE(cell(model, 0, FrontierModel::Column::Note),
             QStringLiteral("robots.txt answered 200: 1 rule group"));
    QCOMPARE(cell(model, 1, FrontierModel::Column::State), QStringLiteral("in flight"));
    QCOMPARE(model.counts().inFlight, 1);
    QCOMPARE(model.counts().queued, 0);

    // Batch 3: the seed's links, one of them with a link of its own before it has even been fetched.
    feed.finish(seed, 200);
    const int a = feed.page(QStringLiteral("/a"), seed, 1);
    const int b = feed.page(QStringLiteral("/b"), seed, 1);
    const int pdf = feed.page(QStringLiteral("/doc.pdf"), seed, 1);
    const int c = feed.page(QStringLiteral("/a/c"), a, 2);
    feed.skip(QStringLiteral("/"), seed, 1, SkipReason::Duplicate);
    feed.skip(QStringLiteral("/private"), seed, 1, SkipReason::Robots, QStringLiteral("Disallow: /private"));
    const int insertsBefore = int(inserts.size());
    feed.flush();
    QCOMPARE(inserts.size(), insertsBefore + 2); // one for the records, one for the skipped URLs
    QCOMPARE(model.rowCount(), 8);
    QCOMPARE(model.counts().queued, 4);
    QCOMPARE(model.counts().skipped, 2);

    // Batch 4: answers, a 503 among them; the duplicate is met again from another page.
    for (const int id : {a, b, pdf})
        feed.issue(id);
    feed.finish(b, 503);
    feed.finish(pdf, 200, QStringLiteral("application/pdf"));
    feed.skip(QStringLiteral("/"), pdf, 2, SkipReason::Duplicate);
    feed.flush();
    QCOMPARE(model.counts().failed, 1);

    // Batch 5: /a answers after its child arrived; /b is tried again.
    feed.finish(a, 200);
    const int b2 = feed.page(QStringLiteral("/b"), seed, 1, 2);
    feed.flush();
    QCOMPARE(cell(model, b, FrontierModel::Column::Note), QStringLiteral("HTTP 503; retried as #6"));
    QCOMPARE(model.counts().failed, 0); // the retry speaks for /b now
    QCOMPARE(model.counts().retries, 1);

    // Batch 6: the retry works; /a/c redirects.
    feed.finish(b2, 200);
    feed.finish(c, 301);
    const int d = feed.page(QStringLiteral("/d"), c, 2);
    feed.flush();

    // Batch 7: the redirect's target has a link that times out.
    feed.finish(d, 200);
    const int e = feed.page(QStringLiteral("/e"), d, 3);
    feed.issue(e);
    feed.fail(e, QStringLiteral("timed out: no data for 20000 ms"));
    feed.flush();

    QCOMPARE(
        rows(model),
        (QStringList {
            QStringLiteral("0 | http://site.test/robots.txt | fetched | robots.txt answered 200: 1 rule "
                           "group | 0 |  | 1"),
            QStringLiteral("1 | http://site.test/ | fetched | HTML, 3 link(s) followed | 0 |  | 1"),
            QStringLiteral("2 | http://site.test/a | fetched | HTML, 1 link(s) followed | 1 | "
                           "http://site.test/ | 1"),
            QStringLiteral(
                "3 | http://site.test/b | failed | HTTP 503; retried as #6 | 1 | http://site.test/ | 1"),
            QStringLiteral(
                "4 | http://site.test/doc.pdf | fetched | not HTML: application/pdf, links not read | "
                "1 | http://site.test/ | 1"),
            QStringLiteral("5 | http://site.test/a/c | fetched | redirect to http://site.test/d | 2 | "
                           "http://site.test/a | 1"),
            QStringLiteral("6 | http://site.test/b | fetched | attempt 2; HTML, 0 link(s) followed | 1 | "
                           "http://site.test/ | 1"),
            QStringLiteral("7 | http://site.test/d | fetched | HTML, 1 link(s) followed | 2 | "
                           "http://site.test/a/c | 1"),
            QStringLiteral("8 | http://site.test/e | failed | timed out: no data for 20000 ms | 3 | "
                           "http://site.test/d | 1"),
            QStringLiteral(" | http://site.test/ | skipped | duplicate | 1 | http://site.test/ | 2"),
            QStringLiteral(" | http://site.test/private | skipped | robots.txt: Disallow: /private | 1 | "
                           "http://site.test/ | 1"),
        }));
    QCOMPARE(cell(model, b2, FrontierModel::Column::Status), QStringLiteral("200"));
    QCOMPARE(cell(model, e, FrontierModel::Column::Status), QString());
    QCOMPARE(cell(model, seed, FrontierModel::Column::Host), QStringLiteral("site.test"));

    FrontierModel::Counts expected;
    expected.fetched = 6; // /, /a, /doc.pdf, /a/c, /b (2nd attempt), /d
    expected.failed = 1; // /e
    expected.retries = 1;
    expected.robots = 1;
    expected.skipped = 2;
    expected.skippedBy[std::size_t(SkipReason::Duplicate)] = 1;
    expected.skippedBy[std::size_t(SkipReason::Robots)] = 1;
    expected.hosts = 1;
    QCOMPARE(model.counts(), expected);
    QCOMPARE(resets.size(), 0); // every batch was applied in place
}

void TestFrontierModel::skipSeenAgainIsCountedInPlace()
{
    RunModel run;
    FrontierModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSource(&run);
    CrawlFeed feed(&run);
    const int seed = feed.page(QStringLiteral("/"));
    feed.finish(seed, 200);
    feed.skip(QStringLiteral("/x"), seed, 1, SkipReason::Depth, QStringLiteral("depth 1 > 0"));
    feed.flush();
    QCOMPARE(model.rowCount(), 2);

    QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    feed.skip(QStringLiteral("/x"), seed, 1, SkipReason::Depth, QStringLiteral("depth 1 > 0"));
    feed.flush();
    QCOMPARE(inserts.size(), 0);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.at(0).at(0).toModelIndex().row(), 1);
    QCOMPARE(changes.at(0).at(1).toModelIndex().row(), 1);
    QCOMPARE(cell(model, 1, FrontierModel::Column::Seen), QStringLiteral("2"));
    QCOMPARE(model.counts().skipped, 1);

    // The same URL for another reason is a row of its own.
    feed.skip(QStringLiteral("/x"), seed, 1, SkipReason::Scope, QStringLiteral("excluded by /x"));
    feed.flush();
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.counts().skippedBy[std::size_t(SkipReason::Scope)], 1);
    QCOMPARE(cell(model, 2, FrontierModel::Column::Note), QStringLiteral("out of scope: excluded by /x"));
}

void TestFrontierModel::skipBeforeItsParentGetsItsParentLater()
{
    RunModel run;
    FrontierModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSource(&run);
    run.beginRun(3, RunSettings {}, QDateTime::currentDateTimeUtc());

    SkippedUrl skip;
    skip.url = CrawlFeed::url(QStringLiteral("/later"));
    skip.parentId = 0;
    skip.depth = 1;
    skip.reason = SkipReason::PageLimit;
    run.applyCrawl(3, {skip}, {});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(cell(model, 0, FrontierModel::Column::Parent), QString());

    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    RequestRecord parent;
    parent.id = 0;
    parent.url = CrawlFeed::url(QStringLiteral("/"));
    parent.set(Mark::Queued, 0);
    run.applyRecords(3, {parent});
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(model.isSkippedRow(1));
    QCOMPARE(cell(model, 1, FrontierModel::Column::Parent), QStringLiteral("http://site.test/"));
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.at(0).at(0).toModelIndex().row(), 1);
}

void TestFrontierModel::updatesAnnounceOnlyWhatCanChange()
{
    RunModel run;
    FrontierModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSource(&run);
    CrawlFeed feed(&run);
    const int seed = feed.page(QStringLiteral("/"));
    feed.flush();
    QCOMPARE(model.sortKey(seed, FrontierModel::Column::Found),
             model.index(seed, int(FrontierModel::Column::Found)).data(FrontierModel::SortRole).toLongLong());

    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    feed.finish(seed, 200);
    feed.flush();
    // A request's update changes its state, note and status; never its id or the time it was found, which a
    // table sorted by them would otherwise re-sort for every batch.
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.at(0).at(0).toModelIndex().column(), int(FrontierModel::Column::State));
    QCOMPARE(changes.at(0).at(1).toModelIndex().column(), int(FrontierModel::Column::Status));
    QCOMPARE(model.index(seed, int(FrontierModel::Column::State)).data(FrontierModel::StateRole).toInt(),
             int(FrontierModel::State::Fetched));
    QCOMPARE(model.sortKey(seed, FrontierModel::Column::State), int(FrontierModel::State::Fetched));
    QCOMPARE(model.sortKey(seed, FrontierModel::Column::Url), std::nullopt);
}

void TestFrontierModel::resetsWithTheRun()
{
    RunModel run;
    FrontierModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSource(&run);
    RunResult finished;
    {
        CrawlFeed feed(&run);
        const int seed = feed.page(QStringLiteral("/"));
        feed.finish(seed, 200);
        feed.page(QStringLiteral("/a"), seed, 1);
        feed.skip(QStringLiteral("/"), seed, 1, SkipReason::Duplicate);
        feed.flush();
        finished = run.run();
    }
    QCOMPARE(model.rowCount(), 3);

    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy counts(&model, &FrontierModel::countsChanged);
    run.beginRun(2, RunSettings {}, QDateTime::currentDateTimeUtc());
    QCOMPARE(resets.size(), 1);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.counts(), FrontierModel::Counts {});
    QVERIFY(counts.size() > 0);

    run.setRun(finished);
    QCOMPARE(resets.size(), 2);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.counts().fetched, 1);
    QCOMPARE(model.counts().queued, 1);
    QCOMPARE(cell(model, 0, FrontierModel::Column::Note), QStringLiteral("HTML, 1 link(s) followed"));

    run.clear();
    QCOMPARE(model.rowCount(), 0);

    // A source that goes away leaves an empty model, not a dangling one.
    auto *gone = new RunModel;
    gone->setRun(finished);
    model.setSource(gone);
    QCOMPARE(model.rowCount(), 3);
    delete gone;
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.source(), nullptr);
}

void TestFrontierModel::rolesForSortingAndFiltering()
{
    RunModel run;
    FrontierModel model;
    model.setSource(&run);
    CrawlFeed feed(&run);
    const int robots = feed.robots();
    const int seed = feed.page(QStringLiteral("/"));
    feed.finish(seed, 503);
    const int retry = feed.page(QStringLiteral("/"), -1, 0, 2);
    feed.skip(QStringLiteral("/z"), seed, 1, SkipReason::Nofollow);
    feed.flush();

    const auto role = [&](int row, int role, FrontierModel::Column column = FrontierModel::Column::Url) {
        return model.index(row, int(column)).data(role).toInt();
    };
    QCOMPARE(role(robots, FrontierModel::KindRole), int(FrontierModel::Kind::Robots));
    QCOMPARE(role(seed, FrontierModel::KindRole), int(FrontierModel::Kind::Page));
    QCOMPARE(role(retry, FrontierModel::KindRole), int(FrontierModel::Kind::Retry));
    QCOMPARE(role(3, FrontierModel::KindRole), int(FrontierModel::Kind::Skipped));
    QCOMPARE(role(retry, FrontierModel::IdRole), retry);
    QCOMPARE(role(3, FrontierModel::IdRole), -1);
    QCOMPARE(role(3, FrontierModel::ReasonRole), int(SkipReason::Nofollow));
    QCOMPARE(role(seed, FrontierModel::ReasonRole), -1);
    QCOMPARE(role(seed, FrontierModel::StateRole), int(FrontierModel::State::Failed));
    QCOMPARE(role(3, FrontierModel::StateRole), int(FrontierModel::State::Skipped));
    QCOMPARE(role(seed, FrontierModel::SortRole, FrontierModel::Column::Status), 503);
    QCOMPARE(role(3, FrontierModel::SortRole, FrontierModel::Column::Id), -1);
    QCOMPARE(model.rowOfRecord(retry), retry);
    QCOMPARE(model.rowOfRecord(99), -1);
    QCOMPARE(model.rowOfSkipped(0), 3);
    QCOMPARE(model.index(seed, int(FrontierModel::Column::Url)).data(Qt::ToolTipRole).toString(),
             QStringLiteral("http://site.test/"));
}

void TestFrontierModel::statesFollowTheMarks_data()
{
    QTest::addColumn<QList<Mark>>("marks");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<FrontierModel::State>("state");

    QTest::newRow("queued") << QList<Mark> {Mark::Queued} << Outcome::Pending << FrontierModel::State::Queued;
    QTest::newRow("waiting") << QList<Mark> {Mark::Queued, Mark::GateAcquired} << Outcome::Pending
                             << FrontierModel::State::Waiting;
    QTest::newRow("in flight") << QList<Mark> {Mark::Queued, Mark::GateAcquired, Mark::Issued}
                               << Outcome::Pending << FrontierModel::State::InFlight;
    QTest::newRow("ok") << QList<Mark> {Mark::Issued, Mark::Finished} << Outcome::Ok
                        << FrontierModel::State::Fetched;
    QTest::newRow("http error") << QList<Mark> {Mark::Issued, Mark::Finished} << Outcome::HttpError
                                << FrontierModel::State::Failed;
    QTest::newRow("failed") << QList<Mark> {Mark::Issued, Mark::Finished} << Outcome::Failed
                            << FrontierModel::State::Failed;
    QTest::newRow("cancelled while queued")
        << QList<Mark> {Mark::Queued} << Outcome::Cancelled << FrontierModel::State::Cancelled;
}

void TestFrontierModel::statesFollowTheMarks()
{
    QFETCH(QList<Mark>, marks);
    QFETCH(Outcome, outcome);
    QFETCH(FrontierModel::State, state);
    RequestRecord record;
    for (const Mark mark : std::as_const(marks))
        record.set(mark, 1);
    record.outcome = outcome;
    QCOMPARE(FrontierModel::stateOf(record), state);
}

QTEST_GUILESS_MAIN(TestFrontierModel)
#include "tst_frontiermodel.moc"
