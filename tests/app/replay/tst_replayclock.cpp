#include "replay/replayclock.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <set>

#include "semaphorelesson.h"

using SemaphoreLesson::Ms;

// The replay clock against recorded runs: replay time follows the wall clock times the speed, steps land on
// the recorded events, and the counts at any moment are the records' own.
class TestReplayClock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void followsTheWallClockTimesTheSpeed_data();
    void followsTheWallClockTimesTheSpeed();
    void changingSpeedKeepsTheTime();
    void stopsAtTheEnd();
    void speedsAreClamped();
    void stepLandsOnTheNextEvent();
    void stepBackLandsOnThePreviousEvent();
    void stepsIncludeGateChanges();
    void countsAreTheRecords_data();
    void countsAreTheRecords();
    void countsMatchEveryRecordAtEveryEvent();
    void activityFollowsTheFocusedRun();
    void comparedRunsShareOneAxis();

private:
    qint64 m_wallNs = 0;
    ReplayClock *newClock(const QList<RunResult> &runs);
    std::unique_ptr<ReplayClock> m_clock;
};

void TestReplayClock::init()
{
    m_wallNs = 1'000'000'000'000; // any monotonic reading
    m_clock.reset();
}

ReplayClock *TestReplayClock::newClock(const QList<RunResult> &runs)
{
    m_clock = std::make_unique<ReplayClock>();
    m_clock->setWallClock([this] { return m_wallNs; });
    m_clock->setRuns(runs);
    return m_clock.get();
}

void TestReplayClock::followsTheWallClockTimesTheSpeed_data()
{
    QTest::addColumn<double>("speed");
    QTest::addColumn<qint64>("startMs");
    QTest::addColumn<qint64>("wallMs");
    QTest::newRow("1x from 0") << 1.0 << qint64(0) << qint64(1500);
    QTest::newRow("0.05x from 0") << 0.05 << qint64(0) << qint64(10'000);
    QTest::newRow("0.25x from 2 s") << 0.25 << qint64(2000) << qint64(3000);
    QTest::newRow("2x from 1.234 s") << 2.0 << qint64(1234) << qint64(1700);
    QTest::newRow("4x from 0") << 4.0 << qint64(0) << qint64(1999);
}

void TestReplayClock::followsTheWallClockTimesTheSpeed()
{
    QFETCH(double, speed);
    QFETCH(qint64, startMs);
    QFETCH(qint64, wallMs);
    ReplayClock *clock = newClock({SemaphoreLesson::run()});
    clock->setSpeed(speed);
    clock->seek(startMs * Ms);
    clock->play();
    QVERIFY(clock->isPlaying());
    // In several frames, as the frame timer would: each lands where start + s * d says, not on a sum of
    // rounded steps.
    for (int frame = 1; frame <= 4; ++frame) {
        m_wallNs += wallMs * Ms / 4;
        clock->advance();
        const qint64 expected = startMs * Ms + qint64(std::llround(speed * double(wallMs * Ms / 4 * frame)));
        QCOMPARE(clock->timeNs(), expected);
    }
}

void TestReplayClock::changingSpeedKeepsTheTime()
{
    ReplayClock *clock = newClock({SemaphoreLesson::run()});
    clock->play();
    m_wallNs += 1000 * Ms;
    clock->setSpeed(0.5); // catches up at 1x first: 1 s
    QCOMPARE(clock->timeNs(), 1000 * Ms);
    m_wallNs += 1000 * Ms;
    clock->advance();
    QCOMPARE(clock->timeNs(), 1500 * Ms);
    // Seeking while playing goes on from there.
    clock->seek(5000 * Ms);
    m_wallNs += 200 * Ms;
    clock->advance();
    QCOMPARE(clock->timeNs(), 5100 * Ms);
}

void TestReplayClock::stopsAtTheEnd()
{
    ReplayClock *clock = newClock({SemaphoreLesson::run()});
    QSignalSpy playing(clock, &ReplayClock::playingChanged);
    clock->setSpeed(4.0);
    clock->play();
    m_wallNs += 60'000 * Ms;
    clock->advance();
    QCOMPARE(clock->timeNs(), clock->endNs());
    QVERIFY(!clock->isPlaying());
    QCOMPARE(playing.count(), 2);
    // Playing again from the end starts over.
    clock->play();
    QCOMPARE(clock->timeNs(), 0);
    QVERIFY(clock->isPlaying());
}

void TestReplayClock::speedsAreClamped()
{
    ReplayClock *clock = newClock({SemaphoreLesson::run()});
    clock->setSpeed(0.001);
    QCOMPARE(clock->speed(), ReplayClock::MinSpeed);
    clock->setSpeed(100);
    QCOMPARE(clock->speed(), ReplayClock::MaxSpeed);
    QCOMPARE(ReplayClock::speeds().front(), 0.05);
    QCOMPARE(ReplayClock::speeds().back(), 4.0);
}

void TestReplayClock::stepLandsOnTheNextEvent()
{
    const RunResult run = SemaphoreLesson::run();
    std::set<qint64> events {0};
    for (const RequestRecord &record : run.records) {
        for (const qint64 at : record.marks) {
            if (at != RequestRecord::NotReached)
                events.insert(at);
        }
    }
    ReplayClock *clock = newClock({run});
    QCOMPARE(clock->endNs(), *events.rbegin());
    QCOMPARE(clock->endNs(), 8018 * Ms); // the lesson's 8 s, and the fetches' extra milliseconds
    // From 0, step after step visits every distinct moment a record changed, in order, and nothing else.
    std::vector<qint64> visited;
    clock->play(); // a step pauses
    for (std::size_t i = 1; i < events.size(); ++i) {
        clock->stepForward();
        visited.push_back(clock->timeNs());
    }
    QVERIFY(!clock->isPlaying());
    QCOMPARE(visited, std::vector<qint64>(std::next(events.begin()), events.end()));
    clock->stepForward(); // at the end, it stays
    QCOMPARE(clock->timeNs(), clock->endNs());
    // From between two events, the next one.
    clock->seek(2500 * Ms);
    clock->stepForward();
    QCOMPARE(clock->timeNs(), *events.upper_bound(2500 * Ms));
}

void TestReplayClock::stepBackLandsOnThePreviousEvent()
{
    const RunResult run = SemaphoreLesson::run();
    ReplayClock *clock = newClock({run});
    // Request 3 took the first permit given back: its fetch ended at 1 s, and its sleep at 2 s.
    const qint64 released = run.records[0].at(Mark::DelayReleased);
    QCOMPARE(run.records[3].at(Mark::Issued), released);
    clock->seek(released + 1);
    clock->stepBack();
    QCOMPARE(clock->timeNs(), released);
    clock->stepBack();
    QCOMPARE(clock->timeNs(), run.records[2].at(Mark::Finished)); // the previous moment: #2's fetch ended
    QVERIFY(run.records[2].at(Mark::Finished) < released);
    for (const RequestRecord &record : run.records) {
        for (const qint64 at : record.marks)
            QVERIFY(!(at > clock->timeNs() && at < released));
    }
    clock->seek(0);
    clock->stepBack();
    QCOMPARE(clock->timeNs(), 0);
}

void TestReplayClock::stepsIncludeGateChanges()
{
    RunResult run = SemaphoreLesson::run();
    run.capacityChanges.append({4321 * Ms, 5});
    ReplayClock *clock = newClock({run});
    clock->seek(4300 * Ms);
    clock->stepForward();
    QCOMPARE(clock->timeNs(), 4321 * Ms);
    QCOMPARE(clock->snapshot(0).capacity, 5);
    clock->stepBack();
    QCOMPARE(clock->snapshot(0).capacity, 3);
}

void TestReplayClock::countsAreTheRecords_data()
{
    QTest::addColumn<qint64>("atMs");
    QTest::addColumn<int>("waiting");
    QTest::addColumn<int>("inFlight");
    QTest::addColumn<int>("delaying");
    QTest::addColumn<int>("held");
    QTest::addColumn<int>("finished");
    // Semaphore(3), ten requests of 1 s then asyncio.sleep(1) inside: waves at 0, 2, 4 and 6 s.
    QTest::newRow("start") << qint64(0) << 7 << 3 << 0 << 3 << 0;
    QTest::newRow("first fetches") << qint64(500) << 7 << 3 << 0 << 3 << 0;
    QTest::newRow("first sleeps") << qint64(1500) << 7 << 0 << 3 << 3 << 3;
    QTest::newRow("second wave") << qint64(2500) << 4 << 3 << 0 << 3 << 3;
    QTest::newRow("second sleeps") << qint64(3500) << 4 << 0 << 3 << 3 << 6;
    QTest::newRow("third wave") << qint64(4500) << 1 << 3 << 0 << 3 << 6;
    QTest::newRow("last alone") << qint64(6500) << 0 << 1 << 0 << 1 << 9;
    QTest::newRow("last sleeps") << qint64(7500) << 0 << 0 << 1 << 1 << 10;
    QTest::newRow("end") << qint64(8018) << 0 << 0 << 0 << 0 << 10;
}

void TestReplayClock::countsAreTheRecords()
{
    QFETCH(qint64, atMs);
    QFETCH(int, waiting);
    QFETCH(int, inFlight);
    QFETCH(int, delaying);
    QFETCH(int, held);
    QFETCH(int, finished);
    ReplayClock *clock = newClock({SemaphoreLesson::run()});
    QSignalSpy activity(clock, &ReplayClock::activityChanged);
    clock->seek(atMs * Ms);
    const ReplaySnapshot s = clock->snapshot(0);
    QCOMPARE(s.atNs, atMs * Ms);
    QCOMPARE(s.waiting, waiting);
    QCOMPARE(s.inFlight, inFlight);
    QCOMPARE(s.delaying, delaying);
    QCOMPARE(s.held, held);
    QCOMPARE(s.finished, finished);
    QCOMPARE(s.started, 10);
    QCOMPARE(s.capacity, 3);
    if (atMs > 0) {
        QCOMPARE(activity.count(), 1);
        QCOMPARE(activity.first(), (QList<QVariant> {waiting, inFlight, delaying}));
    }
}

void TestReplayClock::countsMatchEveryRecordAtEveryEvent()
{
    // At every recorded moment, just before it and just after it, the snapshot says what the records say.
    const RunResult run = SemaphoreLesson::run(25, 4, 700, 300);
    ReplayClock *clock = newClock({run});
    for (const qint64 event : clock->timeline().events()) {
        for (const qint64 at : {event - 1, event, event + 1}) {
            clock->seek(at);
            const ReplaySnapshot s = clock->snapshot(0);
            const SemaphoreLesson::Counts expected = SemaphoreLesson::countsAt(run, clock->timeNs());
            QCOMPARE(s.waiting, expected.waiting);
            QCOMPARE(s.inFlight, expected.inFlight);
            QCOMPARE(s.delaying, expected.delaying);
            QCOMPARE(s.held, expected.inFlight + expected.delaying);
        }
    }
}

void TestReplayClock::activityFollowsTheFocusedRun()
{
    RunResult gather = SemaphoreLesson::run(10, 10, 1000, 0);
    gather.settings.mode = RunMode::Gather;
    gather.capacityChanges = {{0, 0}};
    ReplayClock *clock = newClock({SemaphoreLesson::run(), gather});
    QCOMPARE(clock->focusRun(), 1); // the last, as the window's table shows
    QSignalSpy activity(clock, &ReplayClock::activityChanged);
    clock->seek(500 * Ms);
    QCOMPARE(activity.last(), (QList<QVariant> {0, 10, 0}));
    QCOMPARE(clock->snapshot(1).capacity, 0);
    clock->setFocusRun(0);
    QCOMPARE(activity.last(), (QList<QVariant> {7, 3, 0}));
}

void TestReplayClock::comparedRunsShareOneAxis()
{
    const RunResult limited = SemaphoreLesson::run();
    const RunResult shorter = SemaphoreLesson::run(3, 3, 1000, 0);
    ReplayClock *clock = newClock({shorter, limited});
    QCOMPARE(clock->endNs(), limited.endNs);
    clock->seek(5000 * Ms);
    const QList<ReplaySnapshot> all = clock->snapshots();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all[0].finished, 3); // the short run is over
    QCOMPARE(all[0].inFlight, 0);
    QCOMPARE(all[1].inFlight, SemaphoreLesson::countsAt(limited, 5000 * Ms).inFlight);
}

QTEST_GUILESS_MAIN(TestReplayClock)
#include "tst_replayclock.moc"
