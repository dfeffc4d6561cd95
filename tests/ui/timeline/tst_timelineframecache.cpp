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
    void nothingChangedCopiesTheFrame();
    void steppingBackPaintsEverything();
    void newRecordsPaintEverything();
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
