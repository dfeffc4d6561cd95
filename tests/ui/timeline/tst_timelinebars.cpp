#include <QTest>

#include "models/runmodel.h"
#include "timeline/timelinebars.h"

// A track's bars are worked out from the model's records when asked for; what the layout keeps of each is
// what it was when last noted, which is all an update needs to find where its picture changed.
class TestTimelineBars : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void barsFollowTheirRecords();
    void aNotedBarIsDrawnAsItWasThen_data();
    void aNotedBarIsDrawnAsItWasThen();
    void aMovedMarkIsCaught();
    void issuedIsTheBarsSecondBoundary_data();
    void issuedIsTheBarsSecondBoundary();
    void barsPastTheModelAreEmpty();

private:
    static constexpr qint64 Ms = 1'000'000;
    struct State
    {
        const char *name;
        qint64 atMs; // the live clock when the record looked like this
        RequestRecord record;
    };
    // One request's life, one mark at a time, as a live run announces it; with delayMs, it then holds its
    // permit for a politeness delay.
    static std::vector<State> life(bool tls, Outcome outcome, bool delay);
    static void addLives();
    // A live limited run (its id is RunId), with delayMs of politeness delay after each request.
    static void beginLive(RunModel &model, int delayMs = 0);
    // A record as the run announces it, with the clock at atMs.
    static void deliver(RunModel &model, const RequestRecord &record, qint64 atMs);
    static constexpr int RunId = 3;
    // What the layout looks at: the phases, how it ended and where the boundaries are (not the status).
    static bool sameLook(const TimelineBar &a, const TimelineBar &b);
};

std::vector<TestTimelineBars::State> TestTimelineBars::life(bool tls, Outcome outcome, bool delay)
{
    std::vector<State> states;
    RequestRecord r;
    r.id = 0;
    r.url = QUrl(QStringLiteral("https://a.test/"));
    r.set(Mark::Queued, 5 * Ms);
    states.push_back({"queued", 10, r});
    if (outcome == Outcome::Cancelled) {
        r.set(Mark::Finished, 30 * Ms);
        r.outcome = outcome;
        states.push_back({"cancelled while waiting", 40, r});
        return states;
    }
    r.set(Mark::GateAcquired, 20 * Ms);
    r.set(Mark::Issued, 20 * Ms);
    states.push_back({"issued", 25, r});
    if (tls) {
        r.set(Mark::ConnectStarted, 22 * Ms);
        r.set(Mark::Encrypted, 35 * Ms);
        states.push_back({"encrypted", 40, r});
    }
    r.set(Mark::RequestSent, 45 * Ms);
    states.push_back({"sent", 50, r});
    r.set(Mark::FirstByte, 70 * Ms);
    states.push_back({"first byte", 90, r}); // a batch held back: the mark is 20 ms older than the clock
    r.set(Mark::Finished, 100 * Ms);
    r.outcome = outcome;
    r.status = outcome == Outcome::HttpError ? 503 : (outcome == Outcome::Ok ? 200 : 0);
    states.push_back({"finished", 110, r});
    if (delay) {
        r.set(Mark::DelayReleased, 150 * Ms);
        states.push_back({"released", 160, r});
    }
    return states;
}

void TestTimelineBars::beginLive(RunModel &model, int delayMs)
{
    RunSettings settings;
    settings.mode = RunMode::Limited;
    settings.delayMs = delayMs;
    model.beginRun(RunId, settings, QDateTime::currentDateTimeUtc());
}

void TestTimelineBars::deliver(RunModel &model, const RequestRecord &record, qint64 atMs)
{
    model.applyRecords(RunId, {record});
    model.setLiveNow(RunId, atMs * Ms);
}

void TestTimelineBars::addLives()
{
    QTest::addColumn<bool>("tls");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<bool>("delay");
    QTest::newRow("ok") << false << int(Outcome::Ok) << false;
    QTest::newRow("ok over tls") << true << int(Outcome::Ok) << false;
    QTest::newRow("http error") << false << int(Outcome::HttpError) << false;
    QTest::newRow("failed over tls") << true << int(Outcome::Failed) << false;
    QTest::newRow("cancelled") << false << int(Outcome::Cancelled) << false;
    QTest::newRow("with a delay") << false << int(Outcome::Ok) << true;
}

bool TestTimelineBars::sameLook(const TimelineBar &a, const TimelineBar &b)
{
    return a.t == b.t && a.started == b.started && a.open == b.open && a.issued == b.issued
        && a.kind == b.kind && a.id == b.id && a.host == b.host && a.robots == b.robots
        && a.reused == b.reused && a.tunnel == b.tunnel;
}

void TestTimelineBars::barsFollowTheirRecords()
{
    RunModel model;
    beginLive(model);
    TimelineBars bars;
    bars.setModel(&model);
    for (const State &state : life(false, Outcome::HttpError, false)) {
        deliver(model, state.record, state.atMs);
        bars.resize(1);
        // Nothing was noted since the first state: the bar is still its record as it is now.
        QVERIFY2(bars[0] == TimelineBar::of(state.record, state.atMs * Ms, false, 0), state.name);
    }
    QCOMPARE(bars[0].kind, TimelineBar::Kind::HttpError);
    QCOMPARE(bars[0].status, qint16(503));
    QCOMPARE(bars.idOf(0), 0);
}

void TestTimelineBars::aNotedBarIsDrawnAsItWasThen_data()
{
    addLives();
}

void TestTimelineBars::aNotedBarIsDrawnAsItWasThen()
{
    QFETCH(bool, tls);
    QFETCH(int, outcome);
    QFETCH(bool, delay);
    const std::vector<State> states = life(tls, Outcome(outcome), delay);
    RunModel model;
    beginLive(model, delay ? 50 : 0);
    TimelineBars bars;
    bars.setModel(&model);
    deliver(model, states.front().record, states.front().atMs);
    bars.resize(1);
    bars.note(0, bars[0]);
    for (std::size_t i = 1; i < states.size(); ++i) {
        // As drawn at every "now" from the change on, before it was announced...
        const TimelineBar before = bars[0];
        std::vector<TimelineBar> drawn;
        const std::vector<qint64> nows {states[i].atMs * Ms, states[i].atMs * Ms + 7 * Ms, 400 * Ms};
        for (const qint64 now : nows)
            drawn.push_back(before.at(now));
        deliver(model, states[i].record, states[i].atMs);
        // ...is what the noted bar still draws over the record's new marks, until the change is noted.
        const std::optional<TimelineBar> noted = bars.noted(0);
        QVERIFY2(noted, states[i].name);
        for (std::size_t k = 0; k < nows.size(); ++k)
            QVERIFY2(sameLook(noted->at(nows[k]), drawn[k]), states[i].name);
        QVERIFY2(!sameLook(bars[0].at(nows.back()), drawn.back()), states[i].name); // it did change
        bars.note(0, bars[0]);
        QVERIFY(bars.noted(0) && sameLook(*bars.noted(0), bars[0]));
        QCOMPARE(bars.isOpen(0), bars[0].open != 0);
        QCOMPARE(bars.isIssued(0), bars[0].issued);
        QCOMPARE(bars.kindOf(0), bars[0].kind);
        QCOMPARE(bars.isFailed(0), bars[0].failed());
    }
}

void TestTimelineBars::aMovedMarkIsCaught()
{
    // A redirect: the first hop's headers set the first byte, the final response's move it on. The noted bar
    // cannot be told from the marks any more, and says so, where marks that were only added keep it.
    RunModel model;
    beginLive(model);
    TimelineBars bars;
    bars.setModel(&model);
    RequestRecord r;
    r.id = 0;
    r.url = QUrl(QStringLiteral("http://a.test/moved"));
    r.set(Mark::Queued, 0);
    r.set(Mark::Issued, 10 * Ms);
    r.set(Mark::RequestSent, 20 * Ms);
    r.set(Mark::FirstByte, 30 * Ms);
    deliver(model, r, 40);
    bars.resize(1);
    bars.note(0, bars[0]);
    QVERIFY(bars.noted(0));
    r.set(Mark::FirstByte, 60 * Ms);
    deliver(model, r, 70);
    QVERIFY(!bars.noted(0));
    bars.note(0, bars[0]);
    r.set(Mark::Finished, 80 * Ms); // only added
    r.outcome = Outcome::Ok;
    model.applyRecords(RunId, {r});
    QVERIFY(bars.noted(0));
}

void TestTimelineBars::issuedIsTheBarsSecondBoundary_data()
{
    addLives();
}

void TestTimelineBars::issuedIsTheBarsSecondBoundary()
{
    QFETCH(bool, tls);
    QFETCH(int, outcome);
    QFETCH(bool, delay);
    RunModel model;
    beginLive(model, delay ? 50 : 0);
    TimelineBars bars;
    bars.setModel(&model);
    for (const State &state : life(tls, Outcome(outcome), delay)) {
        deliver(model, state.record, state.atMs);
        bars.resize(1);
        QVERIFY2(bars.issuedNs(0) == bars[0].t[TimelineBar::IssuedAt], state.name);
    }
    // An imported file can say it was issued before it was queued: the bar's boundaries never go back.
    RequestRecord skewed = life(tls, Outcome(outcome), delay).back().record;
    skewed.set(Mark::Queued, skewed.at(Mark::Finished) + Ms);
    model.applyRecords(RunId, {skewed});
    QCOMPARE(bars.issuedNs(0), bars[0].t[TimelineBar::IssuedAt]);
    QCOMPARE(bars.issuedNs(0), skewed.at(Mark::Queued));
}

void TestTimelineBars::barsPastTheModelAreEmpty()
{
    // A model reset before the layout caught up: the bars it still counts draw nothing rather than read
    // past the records.
    RunModel model;
    TimelineBars bars;
    bars.setModel(&model);
    bars.resize(3);
    QCOMPARE(bars.size(), std::size_t(3));
    QVERIFY(bars[2] == TimelineBar {});
    QCOMPARE(bars.idOf(2), -1);
    QCOMPARE(bars.issuedNs(2), qint64(0));
}

QTEST_GUILESS_MAIN(TestTimelineBars)
#include "tst_timelinebars.moc"
