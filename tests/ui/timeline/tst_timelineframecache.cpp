#include <QImage>
#include <QPainter>
#include <QScrollBar>
#include <QTest>

#include <algorithm>
#include <queue>
#include <vector>

#include "models/runmodel.h"
#include "timeline/timelineframecache.h"
#include "timeline/timelineview.h"

// The timeline's kept frame: whatever it copies or patches must be the picture a fresh paint makes.
class TestTimelineFrameCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aPatchedReplayPaintsWhatAFreshPaintDoes_data();
    void aPatchedReplayPaintsWhatAFreshPaintDoes();
    void aPatchedLiveFramePaintsWhatAFreshPaintDoes_data();
    void aPatchedLiveFramePaintsWhatAFreshPaintDoes();
    void nothingChangedCopiesTheFrame();
    void steppingBackPaintsEverything();
    void newRecordsPaintEverything();
    void theScreenGetsOnlyWhatChanged();
    void recordsFedIntoPlannedRowsArePatched_data();
    void recordsFedIntoPlannedRowsArePatched();
    void keptRowsFollowUpdatedRecords_data();
    void aScaledPaintDrawsTheShapes();
    void keptRowsFollowUpdatedRecords();
    void keptRowsFollowAddedRecords_data();
    void keptRowsFollowAddedRecords();

private:
    static constexpr qint64 Ms = 1'000'000;
    // A limited(20) run over hosts, everything queued at 0, with failures, HTTP errors and requests cancelled
    // while they waited, so bars change colour where they end.
    static RunResult run(int requests, int hosts);
    static void setUp(TimelineView &view, RunModel &model, const QString &mode, bool cached);
    static QImage paint(TimelineView &view);
    // How many pixels differ, 0 when the pictures are the same; the first few are logged.
    static int differing(const QImage &actual, const QImage &expected);
    // A record as the engine had it at t: the marks after t not reached yet, and no outcome before it ended.
    static RequestRecord asOf(const RequestRecord &done, qint64 t);
};

RunResult TestTimelineFrameCache::run(int requests, int hosts)
{
    RunResult run;
    run.runId = 1;
    run.settings.mode = RunMode::Limited;
    run.settings.limit = 20;
    run.capacityChanges = {{0, 20}};
    std::priority_queue<qint64, std::vector<qint64>, std::greater<>> permits;
    for (int i = 0; i < run.settings.limit; ++i)
        permits.push(0);
    for (int id = 0; id < requests; ++id) {
        RequestRecord record;
        record.id = id;
        record.url = QUrl(QStringLiteral("http://host%1.test/page/%2").arg(id % hosts).arg(id));
        record.set(Mark::Queued, 0);
        const qint64 issued = permits.top();
        if (id % 97 == 5) {
            // Cancelled while it waited: it never held a permit.
            record.set(Mark::Finished, issued + 3 * Ms);
            record.outcome = Outcome::Cancelled;
            run.records.append(record);
            continue;
        }
        permits.pop();
        const qint64 service = (20 + (id * 7919) % 80) * Ms;
        record.set(Mark::GateAcquired, issued);
        record.set(Mark::Issued, issued);
        record.set(Mark::RequestSent, issued + service / 10);
        record.set(Mark::FirstByte, issued + service * 6 / 10);
        record.set(Mark::Finished, issued + service);
        record.outcome = id % 11 == 3 ? Outcome::Failed : id % 13 == 4 ? Outcome::HttpError : Outcome::Ok;
        record.status = record.outcome == Outcome::Failed ? 0
            : record.outcome == Outcome::HttpError        ? 500
                                                          : 200;
        permits.push(issued + service);
        run.endNs = std::max(run.endNs, issued + service);
        run.records.append(record);
    }
    return run;
}

void TestTimelineFrameCache::setUp(TimelineView &view, RunModel &model, const QString &mode, bool cached)
{
    view.setScrollToLegibleRows(false); // every row in the height: a dense picture
    view.resize(700, 420);
    view.setModels({&model});
    view.setColourByHost(mode.contains(QLatin1String("colour")));
    view.setGroupByHost(mode.contains(QLatin1String("group")));
    view.setLaneMode(mode == QLatin1String("lanes"));
    view.setFrameCacheEnabled(cached);
    view.fit();
}

QImage TestTimelineFrameCache::paint(TimelineView &view)
{
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::black);
    view.render(&image);
    return image;
}

int TestTimelineFrameCache::differing(const QImage &actual, const QImage &expected)
{
    if (actual == expected)
        return 0;
    int count = 0;
    for (int y = 0; y < actual.height(); ++y) {
        for (int x = 0; x < actual.width(); ++x) {
            if (actual.pixel(x, y) != expected.pixel(x, y) && ++count < 5)
                qInfo() << "differs at" << x << y << Qt::hex << actual.pixel(x, y) << expected.pixel(x, y);
        }
    }
    return count;
}

RequestRecord TestTimelineFrameCache::asOf(const RequestRecord &done, qint64 t)
{
    RequestRecord record = done;
    for (int mark = 0; mark < MarkCount; ++mark) {
        if (record.reached(Mark(mark)) && record.at(Mark(mark)) > t)
            record.set(Mark(mark), RequestRecord::NotReached);
    }
    // Some were redirected once: the first hop's headers set FirstByte, and the final response's move it on.
    if (done.id % 11 == 3 && done.reached(Mark::FirstByte) && !record.reached(Mark::FirstByte)) {
        const qint64 sent = done.at(Mark::RequestSent);
        const qint64 hop = sent + (done.at(Mark::FirstByte) - sent) / 3;
        if (hop <= t)
            record.set(Mark::FirstByte, hop);
    }
    if (!record.reached(Mark::Finished)) {
        record.outcome = Outcome::Pending;
        record.status = 0;
    }
    return record;
}

void TestTimelineFrameCache::aPatchedLiveFramePaintsWhatAFreshPaintDoes_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("plain") << QStringLiteral("plain");
    QTest::newRow("colour") << QStringLiteral("colour");
    QTest::newRow("group") << QStringLiteral("group");
    QTest::newRow("lanes") << QStringLiteral("lanes");
}

void TestTimelineFrameCache::aPatchedLiveFramePaintsWhatAFreshPaintDoes()
{
    // A live run as the recorder delivers it: everything queued at once, then batches of the records that
    // moved and a tick of the clock. Some batches come a tick late, as the recorder's cap on a batch holds
    // records back: their marks are then from before the "now" already painted.
    QFETCH(QString, mode);
    const RunResult done = run(3000, 7);
    RunModel model;
    model.beginRun(done.runId, done.settings, QDateTime::currentDateTimeUtc());
    QList<RequestRecord> delivered;
    for (const RequestRecord &record : done.records)
        delivered.append(asOf(record, 0));
    model.applyRecords(done.runId, delivered);
    model.setLiveNow(done.runId, Ms);
    TimelineView patched;
    TimelineView fresh;
    setUp(patched, model, mode, true);
    setUp(fresh, model, mode, false);
    QCOMPARE(patched.viewportState().isDense(), mode != QLatin1String("lanes")); // 20 lanes are legible
    QCOMPARE(differing(paint(patched), paint(fresh)), 0);

    const qint64 end = done.endNs;
    bool damaged = false;
    int steps = 0;
    QList<int> heldBack;
    for (qint64 now = end / 40; now < end; now += end / 67 + (steps % 4) * end / 301, ++steps) {
        QList<RequestRecord> batch;
        QList<int> holding;
        for (int id = 0; id < done.records.size(); ++id) {
            const RequestRecord record = asOf(done.records[id], now);
            const RequestRecord &before = delivered[id];
            if (record.marks == before.marks && record.outcome == before.outcome)
                continue;
            if (steps % 4 == 1 && id % 3 == 0 && !heldBack.contains(id)) {
                holding.append(id);
                continue;
            }
            delivered[id] = record;
            batch.append(record);
        }
        heldBack = holding;
        model.applyRecords(done.runId, batch);
        model.setLiveNow(done.runId, now);
        damaged = damaged || patched.layout().damageCount() > 0;
        const int count = differing(paint(patched), paint(fresh));
        if (count != 0)
            QFAIL(qPrintable(QStringLiteral("at %1 of %2, step %3: %4 pixels differ")
                                 .arg(now)
                                 .arg(end)
                                 .arg(steps)
                                 .arg(count)));
    }
    QVERIFY(steps > 40);
    model.finishRun(done);
    QCOMPARE(differing(paint(patched), paint(fresh)), 0);
    if (mode == QLatin1String("plain") || mode == QLatin1String("colour")) {
        // Most steps keep the scale: those are patched, and late records and failures were noted as damage.
        QVERIFY2(patched.frameCache().patchedCount() > steps / 2,
                 qPrintable(QString::number(patched.frameCache().patchedCount())));
        QVERIFY(damaged);
    }
}

void TestTimelineFrameCache::aPatchedReplayPaintsWhatAFreshPaintDoes_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<int>("requests");
    QTest::newRow("plain") << QStringLiteral("plain") << 3000;
    QTest::newRow("colour") << QStringLiteral("colour") << 3000;
    QTest::newRow("group") << QStringLiteral("group") << 3000;
    QTest::newRow("colour+group") << QStringLiteral("colour+group") << 3000;
    QTest::newRow("lanes") << QStringLiteral("lanes") << 3000;
    QTest::newRow("few rows") << QStringLiteral("plain") << 60;
}

void TestTimelineFrameCache::aPatchedReplayPaintsWhatAFreshPaintDoes()
{
    QFETCH(QString, mode);
    QFETCH(int, requests);
    RunModel model;
    model.setRun(run(requests, 7));
    TimelineView patched;
    TimelineView fresh;
    setUp(patched, model, mode, true);
    setUp(fresh, model, mode, false);
    QCOMPARE(patched.viewportState().rowHeight(), fresh.viewportState().rowHeight());
    const qint64 end = model.endNs();
    const bool dense = patched.viewportState().isDense();
    int steps = 0;
    // Forward in uneven steps, some inside a pixel column, some across many, past the end.
    qint64 previous = -1;
    for (qint64 cut = end / 50; cut <= end + end / 5; cut += end / 37 + (steps % 3) * end / 211) {
        patched.setCutNs(cut);
        fresh.setCutNs(cut);
        const QImage expected = paint(fresh);
        const QImage actual = paint(patched);
        if (actual != expected) {
            int differing = 0;
            for (int y = 0; y < actual.height(); ++y) {
                for (int x = 0; x < actual.width(); ++x) {
                    if (actual.pixel(x, y) != expected.pixel(x, y) && ++differing < 5)
                        qInfo() << "differs at" << x << y << Qt::hex << actual.pixel(x, y)
                                << expected.pixel(x, y);
                }
            }
            QFAIL(qPrintable(QStringLiteral("at cut %1 (from %4) of %2: %3 pixels differ")
                                 .arg(cut)
                                 .arg(end)
                                 .arg(differing)
                                 .arg(previous)));
        }
        ++steps;
        previous = cut;
    }
    QVERIFY(steps > 20);
    // The first frame is drawn whole; after it, a dense picture is only patched.
    QCOMPARE(patched.frameCache().paintedCount(), 1 + (dense ? 0 : steps - 1));
    QCOMPARE(patched.frameCache().patchedCount(), dense ? steps - 1 : 0);
    QCOMPARE(fresh.frameCache().paintedCount(), 0);
}

void TestTimelineFrameCache::nothingChangedCopiesTheFrame()
{
    RunModel model;
    model.setRun(run(2000, 5));
    TimelineView view;
    setUp(view, model, QStringLiteral("colour"), true);
    const QImage first = paint(view);
    const QImage second = paint(view);
    QCOMPARE(view.frameCache().paintedCount(), 1);
    QCOMPARE(view.frameCache().copiedCount(), 1);
    QCOMPARE(second, first);
    // A zoom is a new frame.
    view.setVisibleRange(model.endNs() / 4, model.endNs() / 2);
    const QImage zoomed = paint(view);
    QCOMPARE(view.frameCache().paintedCount(), 2);
    QVERIFY(zoomed != first);
}

void TestTimelineFrameCache::steppingBackPaintsEverything()
{
    RunModel model;
    model.setRun(run(2000, 5));
    TimelineView view;
    TimelineView fresh;
    setUp(view, model, QStringLiteral("plain"), true);
    setUp(fresh, model, QStringLiteral("plain"), false);
    view.setCutNs(model.endNs() / 2);
    paint(view);
    view.setCutNs(model.endNs() / 3);
    fresh.setCutNs(model.endNs() / 3);
    QCOMPARE(paint(view), paint(fresh));
    QCOMPARE(view.frameCache().paintedCount(), 2);
    QCOMPARE(view.frameCache().patchedCount(), 0);
}

void TestTimelineFrameCache::newRecordsPaintEverything()
{
    const RunResult whole = run(2000, 5);
    RunModel model;
    model.beginRun(whole.runId, whole.settings, QDateTime::currentDateTimeUtc());
    model.applyRecords(whole.runId, whole.records.mid(0, 1000));
    model.setLiveNow(whole.runId, whole.records[999].at(Mark::Finished));
    TimelineView view;
    TimelineView fresh;
    setUp(view, model, QStringLiteral("plain"), true);
    setUp(fresh, model, QStringLiteral("plain"), false);
    paint(view);
    model.applyRecords(whole.runId, whole.records.mid(1000, 500));
    QCOMPARE(paint(view), paint(fresh));
    QCOMPARE(view.frameCache().paintedCount(), 2);
    model.setLiveNow(whole.runId, whole.records[1499].at(Mark::Finished) + 50 * Ms);
    QCOMPARE(paint(view), paint(fresh));
    QCOMPARE(view.frameCache().paintedCount(), 3);
}

void TestTimelineFrameCache::theScreenGetsOnlyWhatChanged()
{
    // A live run's ticks update only the view's pending region on screen, and a batch that comes between
    // the update and its paint is shown by the paint after: the screen, built of those partial paints, is
    // always what a fresh paint draws once the follow-up is done.
    const RunResult done = run(3000, 7);
    RunModel model;
    model.beginRun(done.runId, done.settings, QDateTime::currentDateTimeUtc());
    QList<RequestRecord> delivered;
    for (const RequestRecord &record : done.records)
        delivered.append(asOf(record, 0));
    model.applyRecords(done.runId, delivered);
    model.setLiveNow(done.runId, Ms);
    TimelineView view;
    TimelineView fresh;
    setUp(view, model, QStringLiteral("plain"), true);
    setUp(fresh, model, QStringLiteral("plain"), false);
    QImage screen = paint(view);
    const auto deliver = [&](qint64 now) {
        QList<RequestRecord> batch;
        for (int id = 0; id < done.records.size(); ++id) {
            const RequestRecord record = asOf(done.records[id], now);
            if (record.marks == delivered[id].marks && record.outcome == delivered[id].outcome)
                continue;
            delivered[id] = record;
            batch.append(record);
        }
        model.applyRecords(done.runId, batch);
        model.setLiveNow(done.runId, now);
    };
    const auto show = [&](const QRegion &region) {
        if (!region.isEmpty())
            view.render(&screen, region.boundingRect().topLeft(), region);
    };
    const qint64 end = done.endNs;
    const QRect whole = view.viewport()->rect();
    int steps = 0;
    int small = 0;
    int followUps = 0;
    for (qint64 now = end / 40; now < end; now += end / 67, ++steps) {
        deliver(now);
        const QRegion pending = view.pendingUpdate();
        if (steps % 3 != 0)
            deliver(now + end / 200); // after the update was asked for, before it is painted
        show(pending.translated(view.viewport()->pos()));
        if (!view.frameCache().unshown().isEmpty()) {
            ++followUps;
            if (steps % 2 == 0)
                continue; // left to the next tick's update, which takes it in with what it changes
            show(view.pendingUpdate().translated(view.viewport()->pos()));
        }
        QVERIFY(view.frameCache().unshown().isEmpty());
        const int count = differing(screen, paint(fresh));
        if (count != 0)
            QFAIL(qPrintable(QStringLiteral("step %1: %2 pixels differ").arg(steps).arg(count)));
        long long area = 0;
        for (const QRect &rect : pending)
            area += qint64(rect.width()) * rect.height();
        small += area * 2 < qint64(whole.width()) * whole.height() ? 1 : 0;
    }
    QVERIFY(steps > 40);
    QVERIFY2(small > steps / 2, qPrintable(QString::number(small)));
    QVERIFY(followUps > 0);
}

void TestTimelineFrameCache::recordsFedIntoPlannedRowsArePatched_data()
{
    aPatchedLiveFramePaintsWhatAFreshPaintDoes_data(); // the same modes
}

void TestTimelineFrameCache::recordsFedIntoPlannedRowsArePatched()
{
    // A run given 3000 URLs and fed in slices, as the runner feeds a big list while the first requests are
    // already out: the rows kept for the planned records keep the row height, so the slices and the clock
    // are patched in, and each patched frame is what a fresh paint draws.
    QFETCH(QString, mode);
    const RunResult done = run(3000, 7);
    RunModel model;
    model.setPlannedCount(int(done.records.size()));
    model.beginRun(done.runId, done.settings, QDateTime::currentDateTimeUtc());
    model.setLiveNow(done.runId, Ms);
    TimelineView patched;
    TimelineView fresh;
    setUp(patched, model, mode, true);
    setUp(fresh, model, mode, false);
    QList<RequestRecord> delivered;
    const qint64 end = done.endNs;
    int steps = 0;
    double rowHeight = -1;
    bool rowHeightKept = true;
    for (qint64 now = end / 60; now < end; now += end / 70, ++steps) {
        QList<RequestRecord> batch;
        for (int id = 0; id < delivered.size(); ++id) {
            const RequestRecord record = asOf(done.records[id], now);
            if (record.marks == delivered[id].marks && record.outcome == delivered[id].outcome)
                continue;
            delivered[id] = record;
            batch.append(record);
        }
        // The next slice of the list: queued at the start, like all of them.
        for (int i = 0; i < 150 && delivered.size() < done.records.size(); ++i) {
            const RequestRecord record = asOf(done.records[delivered.size()], now);
            delivered.append(record);
            batch.append(record);
        }
        model.applyRecords(done.runId, batch);
        model.setLiveNow(done.runId, now);
        const int count = differing(paint(patched), paint(fresh));
        if (count != 0)
            QFAIL(qPrintable(QStringLiteral("step %1: %2 pixels differ").arg(steps).arg(count)));
        if (rowHeight >= 0 && patched.viewportState().rowHeight() != rowHeight)
            rowHeightKept = false;
        rowHeight = patched.viewportState().rowHeight();
    }
    QVERIFY(steps > 40);
    QVERIFY(delivered.size() == done.records.size());
    model.finishRun(done);
    QCOMPARE(differing(paint(patched), paint(fresh)), 0);
    if (mode == QLatin1String("plain") || mode == QLatin1String("colour")) {
        QVERIFY(rowHeightKept);
        QVERIFY2(patched.frameCache().patchedCount() > steps / 2,
                 qPrintable(QString::number(patched.frameCache().patchedCount())));
    }
}

void TestTimelineFrameCache::keptRowsFollowUpdatedRecords_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("plain") << QStringLiteral("plain");
    QTest::newRow("group") << QStringLiteral("group");
    QTest::newRow("colour+group") << QStringLiteral("colour+group");
}

void TestTimelineFrameCache::keptRowsFollowUpdatedRecords()
{
    // Records that end change their bars but not the rows: the kept placing of the dense rows (copies of
    // bars) must follow, so a view that painted before paints what a new one does.
    QFETCH(QString, mode);
    const RunResult whole = run(3000, 7);
    QList<RequestRecord> started = whole.records;
    for (int i = 2000; i < started.size(); ++i) {
        RequestRecord &record = started[i];
        record.set(Mark::FirstByte, RequestRecord::NotReached);
        record.set(Mark::Finished, RequestRecord::NotReached);
        record.outcome = Outcome::Pending;
        record.status = 0;
    }
    RunModel model;
    model.beginRun(whole.runId, whole.settings, QDateTime::currentDateTimeUtc());
    model.applyRecords(whole.runId, started);
    model.setLiveNow(whole.runId, whole.endNs / 2);
    TimelineView kept;
    setUp(kept, model, mode, true);
    paint(kept);
    const int builds = kept.denseRowsBuildCount();
    const int patched = kept.denseRowsPatchedCount();
    model.applyRecords(whole.runId, whole.records.mid(2000));
    TimelineView fresh;
    setUp(fresh, model, mode, true);
    QCOMPARE(kept.rowCount(), fresh.rowCount());
    QCOMPARE(paint(kept), paint(fresh));
    // The rows stayed put: the pixel rows over the changed records were worked out again, not all of them.
    QCOMPARE(kept.denseRowsBuildCount(), builds);
    QVERIFY(kept.denseRowsPatchedCount() > patched);
    QVERIFY(kept.denseRowsPatchedCount() - patched < int(kept.viewportState().height()));
}

void TestTimelineFrameCache::keptRowsFollowAddedRecords_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("plain") << QStringLiteral("plain");
    QTest::newRow("colour") << QStringLiteral("colour");
}

void TestTimelineFrameCache::keptRowsFollowAddedRecords()
{
    // A live run at a fixed row height: records added below, and the last ones ending, patch the kept
    // pixel rows; each paint is what a new view paints.
    QFETCH(QString, mode);
    const RunResult whole = run(6000, 7);
    RunModel model;
    model.beginRun(whole.runId, whole.settings, QDateTime::currentDateTimeUtc());
    model.applyRecords(whole.runId, whole.records.mid(0, 2000));
    model.setLiveNow(whole.runId, whole.records[1999].at(Mark::Finished));
    // As after the user scrolled: the rows no longer follow the run's growth.
    const auto holdRows = [](TimelineView &view) {
        view.verticalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepAdd);
        view.setRowHeight(0.1);
    };
    TimelineView kept;
    setUp(kept, model, mode, true);
    holdRows(kept);
    paint(kept);
    const int builds = kept.denseRowsBuildCount();
    for (int first = 2000; first < 6000; first += 700) {
        model.applyRecords(whole.runId, whole.records.mid(first, 700));
        model.setLiveNow(whole.runId, whole.records[std::min(first + 699, 5999)].at(Mark::Finished));
        TimelineView fresh;
        setUp(fresh, model, mode, true);
        holdRows(fresh);
        QCOMPARE(kept.viewportState().rowHeight(), fresh.viewportState().rowHeight());
        QCOMPARE(paint(kept), paint(fresh));
    }
    QCOMPARE(kept.denseRowsBuildCount(), builds);
    QVERIFY(kept.denseRowsPatchedCount() > 0);
}

void TestTimelineFrameCache::aScaledPaintDrawsTheShapes()
{
    // A PNG exported at 2× paints the view through a scaled painter: the kept frame, a picture at 1×, must
    // not be blown up into it.
    RunModel model;
    model.setRun(run(2000, 5));
    TimelineView cached;
    TimelineView direct;
    setUp(cached, model, QStringLiteral("colour"), true);
    setUp(direct, model, QStringLiteral("colour"), false);
    paint(cached);
    const auto scaled = [](TimelineView &view) {
        QImage image(view.size() * 2, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::black);
        QPainter painter(&image);
        painter.scale(2, 2);
        view.render(&painter);
        return image;
    };
    QCOMPARE(scaled(cached), scaled(direct));
    QCOMPARE(cached.frameCache().paintedCount(), 1);
}

QTEST_MAIN(TestTimelineFrameCache)
#include "tst_timelineframecache.moc"
