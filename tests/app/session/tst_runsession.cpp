#include "demoserver/demoserver.h"
#include "models/runmodel.h"
#include "run/runner.h"
#include "session/runsequence.h"
#include "session/runsession.h"

#include <QSignalSpy>
#include <QTest>

class TestRunSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void modelsFillLiveAndEndComplete();
    void stopKeepsEveryRecord();
    void limitChangesReachTheRunningGate();
    void crawlProgressCountsPagesQueuedSkippedAndHosts();

private:
    QList<QUrl> urls(const QString &path, int times) const;
    DemoServer m_server;
};

void TestRunSession::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(0, &error), qPrintable(error));
}

void TestRunSession::crawlProgressCountsPagesQueuedSkippedAndHosts()
{
    RunSession session;
    QSignalSpy finished(&session, &RunSession::finished);
    RunSettings settings;
    settings.perHost = CrawlSettings::DefaultPerHost;
    settings.crawl.enabled = true;
    settings.crawl.maxDepth = 1;
    session.start(urls(QStringLiteral("/site/"), 1), {settings});

    // Links found on the start page queue up behind the demo's Crawl-delay, so there is a moment with a
    // known queue and an estimate for it.
    QTRY_VERIFY_WITH_TIMEOUT(session.progress().queued > 5, 10'000);
    const RunSession::Progress live = session.progress();
    QVERIFY(live.crawling);
    QCOMPARE(live.hosts, 1);
    QVERIFY(live.etaNs > 0);
    QVERIFY(live.total > live.done);

    QVERIFY(finished.wait(30'000));
    const RunResult &run = session.models().first()->run();
    const RunSession::Progress done = session.progress();
    int pages = 0;
    for (const auto &record : run.records)
        pages += record.role == RequestRole::Page ? 1 : 0;
    QCOMPARE(done.pagesDone, pages);
    QCOMPARE(done.done, int(run.records.size()));
    QCOMPARE(done.total, done.done);
    QCOMPARE(done.queued, 0);
    QCOMPARE(done.skipped, int(run.skipped.size()));
    QVERIFY(done.skipped > 0);
    QCOMPARE(done.etaNs, 0);
}

QList<QUrl> TestRunSession::urls(const QString &path, int times) const
{
    QUrl url = m_server.baseUrl();
    url.setPath(path);
    return QList<QUrl>(times, url);
}

void TestRunSession::modelsFillLiveAndEndComplete()
{
    RunSession session;
    QSignalSpy finished(&session, &RunSession::finished);
    RunSettings settings;
    settings.limit = 2;
    session.start(urls(QStringLiteral("/delay/200"), 6), {settings});
    QCOMPARE(session.models().size(), 1);
    RunModel *model = session.models().first();
    QVERIFY(model->isLive());
    // Rows arrive in batches while the run goes, before it ends.
    QTRY_COMPARE(model->rowCount(), 6);
    QVERIFY(session.isRunning());
    QTRY_VERIFY(session.progress().inFlight == 2);
    QCOMPARE(session.progress().total, 6);

    QVERIFY(finished.wait(20'000));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(!model->isLive());
    QCOMPARE(summarize(model->run()).ok, 6);
    const auto progress = session.progress();
    QCOMPARE(progress.done, 6);
    QCOMPARE(progress.inFlight, 0);
    QCOMPARE(progress.etaNs, 0);
}

void TestRunSession::stopKeepsEveryRecord()
{
    RunSession session;
    QSignalSpy finished(&session, &RunSession::finished);
    RunSettings settings;
    settings.limit = 2;
    session.start(urls(QStringLiteral("/delay/10000"), 5), {settings});
    QTRY_COMPARE(session.progress().inFlight, 2);
    session.stop();
    QVERIFY(finished.size() == 1 || finished.wait(5'000));
    QCOMPARE(finished.first().first().toBool(), true);
    const RunResult run = session.models().first()->run();
    QVERIFY(run.cancelled);
    QCOMPARE(run.records.size(), 5);
    QCOMPARE(summarize(run).cancelled, 5);
    QCOMPARE(session.results().size(), 1);
}

void TestRunSession::limitChangesReachTheRunningGate()
{
    RunSession session;
    QSignalSpy finished(&session, &RunSession::finished);
    RunSettings settings;
    settings.limit = 1;
    session.start(urls(QStringLiteral("/delay/300"), 8), {settings});
    QTRY_COMPARE(session.progress().inFlight, 1);
    session.setLimit(4);
    QCOMPARE(session.progress().inFlight, 4);
    QVERIFY(finished.wait(20'000));
    const RunResult run = session.models().first()->run();
    QCOMPARE(run.capacityChanges.last().capacity, 4);
    QCOMPARE(peakInFlight(run.records), 4);
}

QTEST_GUILESS_MAIN(TestRunSession)
#include "tst_runsession.moc"
