#include "demoserver/demoserver.h"
#include "eventloopwatch.h"
#include "net/fetch.h"
#include "net/managerpool.h"
#include "run/runner.h"
#include "sanitizers.h"

#include <QEventLoop>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <limits>

// Invariants of the schedule, checked on what the recorder saw. No durations are asserted except where the
// invariant itself is one (a delay is held for at least its length).
class TestRunner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sequentialNeverOverlaps();
    void connectionsCloseWhenTheRunEnds();
    void limitedReachesButNeverExceedsK_data();
    void limitedReachesButNeverExceedsK();
    void gatherSendsAllBeforeFirstFinishes();
    void growingTheGateAdmitsAtOnce();
    void shrinkingTheGateHoldsNewcomers();
    void delayIsHeldInsideTheGate();
    void perHostCapIsRecordedAsWaiting();
    void failuresAreRecordedWithNothingLost();
    void timeoutsOfFetchesIssuedAtDifferentTimesEachRunTheirFullTime();
    void cancelKeepsEveryRecord();
    void cancelDuringDelayKeepsCompletedRequests();
    void longListIsFedWithoutHoldingTheEventLoop();
    void phasesAreOrdered();
    void openRunTakesRequestsUntilClosed();
    void fetchesFinishingUnderANestedLoopAreFreedInIt();

private:
    QUrl demo(const QString &path) const;
    RunResult runToEnd(Runner &runner, const QList<QUrl> &urls, const RunSettings &settings);
    static QList<QUrl> repeated(const QUrl &url, int times) { return QList<QUrl>(times, url); }
    /// How many records hold a permit at instant t (acquired at or before t, released after it).
    static int holdersAt(const QList<RequestRecord> &records, qint64 t, int except);

    DemoServer m_server;
};

void TestRunner::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(0, &error), qPrintable(error));
}

void TestRunner::openRunTakesRequestsUntilClosed()
{
    Runner runner;
    RunSettings settings;
    settings.limit = 2;
    settings.keepBodies = true;
    QSignalSpy finished(&runner, &Runner::runFinished);
    QSignalSpy drained(&runner, &Runner::drained);
    QList<int> responses;
    connect(&runner, &Runner::responseArrived, &runner, [&](int id, const FetchResponse &response) {
        responses.append(id);
        // An HTML body comes with the response when asked for; other bodies are only counted.
        const bool html = runner.recorder().record(id).url.path().startsWith(QStringLiteral("/delay"));
        QCOMPARE(response.body.contains("<html"), html);
        if (!html)
            QVERIFY(response.body.isEmpty());
        if (id == 0) // a response can add more work, as a crawler's links do
            QCOMPARE(runner.add(demo(QStringLiteral("/delay/10")), 0, 1), 2);
    });

    runner.start({demo(QStringLiteral("/delay/10"))}, settings, 7, Runner::Input::Open);
    QCOMPARE(runner.add(demo(QStringLiteral("/delay/10")), -1, 0, RequestRole::Robots), 1);
    QVERIFY(drained.wait(10'000));
    QCOMPARE(drained.first().first().toInt(), 7);
    QVERIFY(finished.isEmpty()); // open: done for now, but not over
    QCOMPARE(responses.size(), 3);

    QCOMPARE(runner.add(demo(QStringLiteral("/delay/10")), 2, 2, RequestRole::Page, 2), 3);
    QCOMPARE(runner.add(demo(QStringLiteral("/bytes/5000")), 2, 2), 4);
    QVERIFY(drained.wait(10'000));
    runner.closeInput();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(runner.add(demo(QStringLiteral("/delay/10"))), -1); // closed runs take nothing more

    const auto run = finished.first().first().value<RunResult>();
    QCOMPARE(run.records.size(), 5);
    QCOMPARE(run.records.at(4).bytes, 5000);
    QCOMPARE(run.records.at(1).role, RequestRole::Robots);
    QCOMPARE(run.records.at(2).parentId, 0);
    QCOMPARE(run.records.at(2).depth, 1);
    QCOMPARE(run.records.at(3).attempt, 2);
    QCOMPARE(summarize(run).ok, 5);
}

QUrl TestRunner::demo(const QString &path) const
{
    QUrl url = m_server.baseUrl();
    url.setPath(path);
    return url;
}

RunResult TestRunner::runToEnd(Runner &runner, const QList<QUrl> &urls, const RunSettings &settings)
{
    QSignalSpy finished(&runner, &Runner::runFinished);
    runner.start(urls, settings);
    if (finished.isEmpty() && !finished.wait(60'000))
        return {};
    return finished.first().first().value<RunResult>();
}

int TestRunner::holdersAt(const QList<RequestRecord> &records, qint64 t, int except)
{
    return int(std::count_if(records.begin(), records.end(), [&](const RequestRecord &r) {
        return r.id != except && r.reached(Mark::GateAcquired) && r.at(Mark::GateAcquired) <= t
            && r.releasedAt() > t;
    }));
}

void TestRunner::sequentialNeverOverlaps()
{
    Runner runner;
    RunSettings settings;
    settings.mode = RunMode::Sequential;
    const RunResult run = runToEnd(runner, repeated(demo(QStringLiteral("/delay/30")), 6), settings);
    QCOMPARE(run.records.size(), 6);
    for (int i = 0; i + 1 < run.records.size(); ++i) {
        const auto &current = run.records.at(i);
        const auto &next = run.records.at(i + 1);
        QCOMPARE(current.outcome, Outcome::Ok);
        QVERIFY2(next.at(Mark::Issued) >= current.at(Mark::Finished), "a sequential request started early");
    }
    QCOMPARE(peakInFlight(run.records), 1);
    QCOMPARE(summarize(run).ok, 6);
}

void TestRunner::connectionsCloseWhenTheRunEnds()
{
    // The next run opens connections of its own: the ones kept alive would only sit idle on the server.
    QTRY_COMPARE(m_server.openConnections(), 0);
    Runner runner;
    RunSettings settings;
    settings.mode = RunMode::Limited;
    settings.limit = 8;
    QSignalSpy started(&runner, &Runner::runStarted);
    runner.start(repeated(demo(QStringLiteral("/delay/100")), 16), settings, 1);
    QTRY_COMPARE(m_server.openConnections(), 8);
    QSignalSpy finished(&runner, &Runner::runFinished);
    QVERIFY(finished.wait(30'000));
    QCOMPARE(summarize(finished.first().first().value<RunResult>()).ok, 16);
    QTRY_COMPARE(m_server.openConnections(), 0);
    QCOMPARE(runner.managerCount(), 1); // what the run used, for the record: 8 fit in one manager's lanes
    // A cancelled run lets its connections go too.
    runner.start(repeated(demo(QStringLiteral("/delay/2000")), 4), settings, 2);
    QTRY_COMPARE(m_server.openConnections(), 4);
    runner.cancel();
    QTRY_COMPARE(m_server.openConnections(), 0);
}

void TestRunner::limitedReachesButNeverExceedsK_data()
{
    QTest::addColumn<int>("k");
    QTest::newRow("1") << 1;
    QTest::newRow("3") << 3;
    QTest::newRow("6, one lane's worth") << 6;
    QTest::newRow("10, beyond one lane") << 10;
    QTest::newRow("25, beyond one manager's four lanes") << 25;
}

void TestRunner::limitedReachesButNeverExceedsK()
{
    QFETCH(int, k);
    Runner runner;
    RunSettings settings;
    settings.mode = RunMode::Limited;
    settings.limit = k;
    const RunResult run = runToEnd(runner, repeated(demo(QStringLiteral("/delay/150")), 2 * k + 1), settings);
    QCOMPARE(run.records.size(), 2 * k + 1);
    QCOMPARE(summarize(run).ok, 2 * k + 1);
    QCOMPARE(peakInFlight(run.records), k);
    QCOMPARE(runner.peakInFlight(), k);
    // The pool keeps every issued request on the wire: no manager ever holds more than its lanes'
    // connections.
    const int perManager = ManagerPool::ConnectionsPerLane * ManagerPool::RunLanes;
    QVERIFY(runner.managerCount() >= (k + perManager - 1) / perManager);

    // Honest concurrency: Qt's requestSent() fires when the bytes leave the socket, so k requests were
    // really sent before the first response came back (a hidden per-host queue would hold some back).
    QList<qint64> sent;
    QList<qint64> finishedAt;
    for (const auto &record : run.records) {
        sent.append(record.at(Mark::RequestSent));
        finishedAt.append(record.at(Mark::Finished));
    }
    std::sort(sent.begin(), sent.end());
    const qint64 firstFinish = *std::min_element(finishedAt.begin(), finishedAt.end());
    QVERIFY2(sent.at(k - 1) < firstFinish, "fewer than k requests were on the wire at once");
}

void TestRunner::gatherSendsAllBeforeFirstFinishes()
{
    Runner runner;
    RunSettings settings;
    settings.mode = RunMode::Gather;
    const int n = 40;
    const RunResult run = runToEnd(runner, repeated(demo(QStringLiteral("/delay/400")), n), settings);
    QCOMPARE(run.records.size(), n);
    qint64 lastSent = 0;
    qint64 firstFinish = std::numeric_limits<qint64>::max();
    for (const auto &record : run.records) {
        QCOMPARE(record.outcome, Outcome::Ok);
        lastSent = std::max(lastSent, record.at(Mark::RequestSent));
        firstFinish = std::min(firstFinish, record.at(Mark::Finished));
    }
    QVERIFY2(lastSent < firstFinish, "gather held a request back until another finished");
    QCOMPARE(peakInFlight(run.records), n);
}

void TestRunner::growingTheGateAdmitsAtOnce()
{
    Runner runner;
    RunSettings settings;
    settings.mode = RunMode::Limited;
    settings.limit = 2;
    QSignalSpy finished(&runner, &Runner::runFinished);
    runner.start(repeated(demo(QStringLiteral("/delay/300")), 12), settings);
    QCOMPARE(runner.inFlight(), 2);

    runner.setLimit(5);
    QCOMPARE(runner.inFlight(), 5); // admitted synchronously, not at the next release

    QVERIFY(finished.wait(30'000));
    const auto run = finished.first().first().value<RunResult>();
    QCOMPARE(peakInFlight(run.records), 5);
    QCOMPARE(run.capacityChanges.size(), 2);
    QCOMPARE(run.capacityChanges.at(0).capacity, 2);
    QCOMPARE(run.capacityChanges.at(1).capacity, 5);
    const qint64 grownAt = run.capacityChanges.at(1).atNs;
    // Until the first permit came back, whichever of the first two requests that was: they wait as long,
    // and either may be answered first.
    qint64 firstReleaseNs = std::numeric_limits<qint64>::max();
    for (const RequestRecord &r : run.records) {
        if (r.reached(Mark::Finished))
            firstReleaseNs = std::min(firstReleaseNs, r.at(Mark::Finished));
    }
    QVERIFY(firstReleaseNs > grownAt);
    const auto admittedOnGrowth
        = std::count_if(run.records.begin(), run.records.end(), [&](const RequestRecord &r) {
              return r.at(Mark::GateAcquired) >= grownAt && r.at(Mark::GateAcquired) < firstReleaseNs;
          });
    QCOMPARE(admittedOnGrowth, 3);
}

void TestRunner::shrinkingTheGateHoldsNewcomers()
{
    Runner runner;
    RunSettings settings;
    settings.mode = RunMode::Limited;
    settings.limit = 4;
    QSignalSpy finished(&runner, &Runner::runFinished);
    runner.start(repeated(demo(QStringLiteral("/delay/200")), 10), settings);
    QCOMPARE(runner.inFlight(), 4);
    runner.setLimit(1);
    QCOMPARE(runner.inFlight(), 4); // holders are never evicted

    QVERIFY(finished.wait(30'000));
    const auto run = finished.first().first().value<RunResult>();
    QCOMPARE(summarize(run).ok, 10);
    const qint64 shrunkAt = run.capacityChanges.last().atNs;
    int admittedAfter = 0;
    for (const auto &record : run.records) {
        if (record.at(Mark::GateAcquired) <= shrunkAt)
            continue;
        ++admittedAfter;
        QCOMPARE(holdersAt(run.records, record.at(Mark::GateAcquired), record.id), 0);
    }
    QCOMPARE(admittedAfter, 6);
}

void TestRunner::delayIsHeldInsideTheGate()
{
    Runner runner;
    RunSettings settings;
    settings.mode = RunMode::Limited;
    settings.limit = 2;
    settings.delayMs = 150;
    const RunResult run = runToEnd(runner, repeated(demo(QStringLiteral("/delay/20")), 6), settings);
    QCOMPARE(summarize(run).ok, 6);
    for (const auto &record : run.records) {
        QVERIFY(record.reached(Mark::DelayReleased));
        QVERIFY(record.at(Mark::DelayReleased) - record.at(Mark::Finished) >= 150'000'000);
        // Nobody got in while two held a permit, delays included.
        QVERIFY(holdersAt(run.records, record.at(Mark::GateAcquired), record.id) < 2);
    }
    // The third request waited for a delay to end, not just for a response.
    QList<qint64> acquired;
    QList<qint64> released;
    for (const auto &record : run.records) {
        acquired.append(record.at(Mark::GateAcquired));
        released.append(record.at(Mark::DelayReleased));
    }
    std::sort(acquired.begin(), acquired.end());
    std::sort(released.begin(), released.end());
    QVERIFY(acquired.at(2) >= released.at(0));
}

void TestRunner::perHostCapIsRecordedAsWaiting()
{
    Runner runner;
    RunSettings settings;
    settings.mode = RunMode::Gather;
    settings.perHost = 2;
    const RunResult run = runToEnd(runner, repeated(demo(QStringLiteral("/delay/100")), 6), settings);
    QCOMPARE(summarize(run).ok, 6);
    QCOMPARE(peakInFlight(run.records), 2); // the wait for the host is not time in flight
    int waitedForHost = 0;
    for (const auto &record : run.records) {
        QVERIFY(record.at(Mark::Issued) >= record.at(Mark::GateAcquired));
        const bool issuedAfterAFinish
            = std::any_of(run.records.begin(), run.records.end(), [&](const RequestRecord &other) {
                  return other.id != record.id && other.at(Mark::Finished) <= record.at(Mark::Issued);
              });
        waitedForHost += issuedAfterAFinish ? 1 : 0;
    }
    QCOMPARE(waitedForHost, 4); // the first two went straight out, the other four waited for a slot
}

void TestRunner::failuresAreRecordedWithNothingLost()
{
    Runner runner;
    RunSettings settings;
    settings.mode = RunMode::Gather;
    settings.timeoutMs = 300;
    settings.maxBodyBytes = 1000;
    settings.maxRedirects = 10;
    QUrl closedPort = m_server.baseUrl();
    closedPort.setPort(1); // nothing listens there
    closedPort.setPath(QStringLiteral("/"));
    const QList<QUrl> urls {
        demo(QStringLiteral("/delay/10")),    demo(QStringLiteral("/status/500")),
        demo(QStringLiteral("/status/404")),  demo(QStringLiteral("/delay/5000")),
        demo(QStringLiteral("/bytes/5000")),  demo(QStringLiteral("/redirect/3")),
        demo(QStringLiteral("/redirect/12")), closedPort,
    };
    const RunResult run = runToEnd(runner, urls, settings);
    QCOMPARE(run.records.size(), urls.size());
    QVERIFY(!run.cancelled);

    const auto &records = run.records;
    QCOMPARE(records[0].outcome, Outcome::Ok);
    QCOMPARE(records[0].status, 200);
    QVERIFY(records[0].contentType.toString().startsWith(QLatin1String("text/html")));

    QCOMPARE(records[1].outcome, Outcome::HttpError);
    QCOMPARE(records[1].status, 500);
    QVERIFY(records[1].error.toString().contains(QLatin1String("500")));
    QCOMPARE(records[2].outcome, Outcome::HttpError);
    QCOMPARE(records[2].status, 404);

    QCOMPARE(records[3].outcome, Outcome::Failed);
    QVERIFY2(records[3].error.toString().contains(QLatin1String("timed out")), qPrintable(records[3].error));

    QCOMPARE(records[4].outcome, Outcome::Failed);
    QVERIFY2(records[4].error.toString().contains(QLatin1String("exceeds")), qPrintable(records[4].error));

    QCOMPARE(records[5].outcome, Outcome::Ok);
    QCOMPARE(records[5].redirects, 3);
    QCOMPARE(records[5].finalUrl.path(), QStringLiteral("/redirect/0"));
    QCOMPARE(records[5].status, 200);
    QCOMPARE(records[5].contentType,
             QStringLiteral("text/html; charset=utf-8")); // one value, not one per hop

    QCOMPARE(records[6].outcome, Outcome::Failed);
    QVERIFY(records[6].redirects <= 10);

    QCOMPARE(records[7].outcome, Outcome::Failed);
    QVERIFY(!records[7].error.isEmpty());

    const RunSummary summary = summarize(run);
    QCOMPARE(summary.ok, 2);
    QCOMPARE(summary.failed, 6);
    for (const auto &record : records)
        QVERIFY(record.reached(Mark::Finished));
}

void TestRunner::cancelKeepsEveryRecord()
{
    Runner runner;
    RunSettings settings;
    settings.mode = RunMode::Limited;
    settings.limit = 3;
    QSignalSpy finished(&runner, &Runner::runFinished);
    runner.start(repeated(demo(QStringLiteral("/delay/5000")), 10), settings);
    QTRY_VERIFY(runner.recorder().record(2).reached(Mark::RequestSent));
    runner.cancel();
    QCOMPARE(finished.size(), 1); // cancel settles the run at once
    QVERIFY(!runner.isRunning());

    const auto run = finished.first().first().value<RunResult>();
    QVERIFY(run.cancelled);
    QCOMPARE(run.records.size(), 10);
    int cancelledInFlight = 0;
    int cancelledWaiting = 0;
    for (const auto &record : run.records) {
        QCOMPARE(record.outcome, Outcome::Cancelled);
        QVERIFY(!record.error.isEmpty());
        if (record.reached(Mark::Issued)) {
            QVERIFY(record.reached(Mark::Finished));
            ++cancelledInFlight;
        } else {
            QVERIFY(!record.reached(Mark::Finished));
            ++cancelledWaiting;
        }
    }
    QCOMPARE(cancelledInFlight, 3);
    QCOMPARE(cancelledWaiting, 7);
    QCOMPARE(summarize(run).cancelled, 10);
}

void TestRunner::cancelDuringDelayKeepsCompletedRequests()
{
    Runner runner;
    RunSettings settings;
    settings.mode = RunMode::Limited;
    settings.limit = 2;
    settings.delayMs = 60'000;
    QSignalSpy finished(&runner, &Runner::runFinished);
    runner.start(repeated(demo(QStringLiteral("/delay/10")), 4), settings);
    QTRY_COMPARE(runner.delaying(), 2);
    runner.cancel();
    QCOMPARE(finished.size(), 1);
    const auto run = finished.first().first().value<RunResult>();
    QCOMPARE(run.records[0].outcome, Outcome::Ok);
    QCOMPARE(run.records[1].outcome, Outcome::Ok);
    QVERIFY(run.records[0].reached(Mark::DelayReleased));
    QCOMPARE(run.records[2].outcome, Outcome::Cancelled);
    QCOMPARE(run.records[3].outcome, Outcome::Cancelled);
}

void TestRunner::longListIsFedWithoutHoldingTheEventLoop()
{
    // 200 000 requests were once added to the recorder and the gate inside start(), holding the event loop
    // for as long as that took. They are fed a slice at a time now: the event loop turns in between, and
    // every record still says it was queued when the run started.
    constexpr int Count = 200'000;
    Runner runner;
    RunSettings settings;
    settings.mode = RunMode::Limited;
    settings.limit = 2;
    QSignalSpy finished(&runner, &Runner::runFinished);
    EventLoopWatch watch(5);
    runner.start(repeated(demo(QStringLiteral("/delay/5000")), Count), settings);
    QCOMPARE(runner.total(), Count);
    QVERIFY(runner.recorder().count() < Count);
    QCOMPARE(runner.waiting() + runner.inFlight(), Count);
    QTRY_COMPARE_WITH_TIMEOUT(runner.recorder().count(), Count, Sanitizers::bound(120'000, 360'000));
    // Feeding all of them at once held it for seconds, several times that under ASan (whose slowdown this
    // bound allows for).
    QVERIFY2(watch.largestGapMs() < Sanitizers::bound(200, 1000),
             qPrintable(QString::number(watch.largestGapMs())));
    QCOMPARE(runner.inFlight(), 2);
    QCOMPARE(runner.waiting() + runner.inFlight() + runner.done(), Count);

    const qint64 queued = runner.recorder().record(0).at(Mark::Queued);
    for (int id = 0; id < Count; ++id)
        QCOMPARE(runner.recorder().record(id).at(Mark::Queued), queued);

    // What the gate admits at once is never held back by a slice: a gather sends all of its requests in
    // start(), as asyncio.gather creates every task at once.
    RunSettings gather;
    gather.mode = RunMode::Gather;
    runner.start(repeated(demo(QStringLiteral("/delay/5000")), 300), gather);
    QCOMPARE(runner.recorder().count(), 300);
    QCOMPARE(runner.inFlight(), 300);
    QCOMPARE(finished.size(), 1); // the long run before was cancelled by the new start

    // Cancelled halfway through the feed, the rest still gets its record.
    runner.start(repeated(demo(QStringLiteral("/delay/5000")), Count), settings);
    QVERIFY(runner.recorder().count() < Count);
    runner.cancel();
    QCOMPARE(finished.size(), 3);
    const auto run = finished.last().first().value<RunResult>();
    QCOMPARE(run.records.size(), Count);
    for (int id = 0; id < Count; ++id) {
        QCOMPARE(run.records[id].id, id);
        QCOMPARE(run.records[id].outcome, Outcome::Cancelled);
    }
}

void TestRunner::phasesAreOrdered()
{
    Runner runner;
    RunSettings settings;
    settings.mode = RunMode::Limited;
    settings.limit = 4;
    settings.delayMs = 5;
    const RunResult run = runToEnd(runner, repeated(demo(QStringLiteral("/delay/20")), 12), settings);
    QCOMPARE(run.records.size(), 12);
    int connected = 0;
    for (const auto &record : run.records) {
        qint64 previous = 0;
        for (int m = 0; m < MarkCount; ++m) {
            const qint64 at = record.marks[std::size_t(m)];
            if (at == RequestRecord::NotReached) {
                // The only phases that may go unreported here: plain http has no handshake.
                QVERIFY(Mark(m) == Mark::ConnectStarted || Mark(m) == Mark::Encrypted);
                continue;
            }
            QVERIFY2(at >= previous, qPrintable(markName(Mark(m))));
            previous = at;
        }
        connected += record.reached(Mark::ConnectStarted) ? 1 : 0;
        QVERIFY(run.endNs >= record.releasedAt());
    }
    // The very first request had no connection to reuse. (Qt 6.4 reports the start of connecting for only one
    // of several connections opened at the same moment, so more than that is not promised.)
    QVERIFY(run.records.first().reached(Mark::ConnectStarted));
    QVERIFY(connected >= 1);
}

void TestRunner::timeoutsOfFetchesIssuedAtDifferentTimesEachRunTheirFullTime()
{
    // One timer watches every fetch: it is armed for the earliest, fires for fetches long done, and must
    // still end each slow one at its own time, never before, whichever fetches came and went in between.
    Runner runner;
    RunSettings settings;
    settings.mode = RunMode::Limited;
    settings.limit = 2;
    settings.timeoutMs = 300;
    const QUrl slow = demo(QStringLiteral("/delay/5000"));
    const QUrl fast = demo(QStringLiteral("/delay/20"));
    const QList<QUrl> urls {slow, fast, fast, fast, slow, fast, slow};
    const RunResult run = runToEnd(runner, urls, settings);
    QCOMPARE(run.records.size(), urls.size());
    int timedOut = 0;
    for (const RequestRecord &record : run.records) {
        if (record.url == fast) {
            QCOMPARE(record.outcome, Outcome::Ok);
            continue;
        }
        ++timedOut;
        QCOMPARE(record.outcome, Outcome::Failed);
        QVERIFY2(record.error.toString().contains(QLatin1String("timed out")), qPrintable(record.error));
        const qint64 ranNs = record.at(Mark::Finished) - record.at(Mark::Issued);
        QVERIFY2(ranNs >= 300'000'000, qPrintable(QString::number(ranNs)));
        QVERIFY2(ranNs < 3'000'000'000, qPrintable(QString::number(ranNs))); // not left to the slow answer
    }
    QCOMPARE(timedOut, 3);
}

void TestRunner::fetchesFinishingUnderANestedLoopAreFreedInIt()
{
    // A modal dialog runs an event loop of its own, here opened from a response's handler. The fetches that
    // finish under it are deleted while it runs, not held (each with its reply and body) until it closes,
    // and none is left once the run is over.
    QCOMPARE(Fetch::existing(), 0);
    Runner runner;
    RunSettings settings;
    settings.mode = RunMode::Limited;
    settings.limit = 2;
    constexpr int Total = 40;
    constexpr int UnderTheLoop = 30;
    QEventLoop modal;
    int responses = 0;
    int mostUnderTheLoop = 0;
    connect(&runner, &Runner::responseArrived, this, [&] {
        ++responses;
        if (responses == 1) {
            modal.exec();
            return;
        }
        if (responses <= 1 + UnderTheLoop) {
            mostUnderTheLoop = std::max(mostUnderTheLoop, Fetch::existing());
            if (responses == 1 + UnderTheLoop)
                modal.quit();
        }
    });
    const RunResult run = runToEnd(runner, repeated(demo(QStringLiteral("/delay/0")), Total), settings);
    QCOMPARE(summarize(run).ok, Total);
    QVERIFY2(mostUnderTheLoop >= 2, "the first fetch and the one finishing were not counted");
    // In flight, the one finishing, the first (its handler holds the loop) and the loop's latest batch.
    QVERIFY2(mostUnderTheLoop <= 2 * settings.limit + 4,
             qPrintable(QStringLiteral("%1 fetches existed under the nested loop").arg(mostUnderTheLoop)));
    QTRY_COMPARE(Fetch::existing(), 0);
}

QTEST_GUILESS_MAIN(TestRunner)
#include "tst_runner.moc"
