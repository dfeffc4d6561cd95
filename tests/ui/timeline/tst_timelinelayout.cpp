#include "timeline/timelinelayout.h"

#include <QTest>

#include "models/runmodel.h"
#include "timeline/hostcolours.h"

// The layout's rows, lanes, groups and hit tests, exactly, and that it follows a live run by range.
class TestTimelineLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sequentialRowsAndOneLane();
    void gatherTakesALaneEach();
    void limitedPacksByPermitAndQueuesTheRest();
    void compareStacksTracks();
    void groupedCrawlRowsAndHeaders();
    void hitTestFindsTheBarAndTheChrome();
    void tickWithNothingNewRebuildsNothing();
    void appendAndUpdatePatchOnlyThoseRecords();
    void aMovedMarkIsDamageFromTheQueue();
    void plannedRowsAreKeptForRecordsToCome();
    void openBarsStretchToNow();
    void waitingBarsOfABlockAreOneSpan();
    void finishingComputesTheIdealWithoutRebuild();
    void resetRebuilds();
    void denseBlocksHoldTheUnionOfTheirRows();
    void liveLanesMatchAFullPacking();

private:
    static constexpr qint64 Ms = 1'000'000;
    // A request queued at 0 that held a permit from issuedMs to endMs.
    static RequestRecord request(int id, qint64 issuedMs, qint64 endMs,
                                 const QString &host = QStringLiteral("a.test"));
    static RunResult run(RunMode mode, int limit, const QList<std::pair<qint64, qint64>> &spans);
    static RunResult crawlRun();
    static TimelineViewport viewport(qint64 endNs, double rowHeight = 20);
    static QPointF pointAt(const TimelineLayout &layout, const TimelineViewport &viewport, int track, int row,
                           qint64 ns);
};

RequestRecord TestTimelineLayout::request(int id, qint64 issuedMs, qint64 endMs, const QString &host)
{
    RequestRecord r;
    r.id = id;
    r.url = QUrl(QStringLiteral("http://%1:8080/page/%2").arg(host).arg(id));
    r.set(Mark::Queued, 0);
    if (issuedMs >= 0) {
        r.set(Mark::Issued, issuedMs * Ms);
        r.set(Mark::RequestSent, (issuedMs + 1) * Ms);
        r.set(Mark::FirstByte, (issuedMs + (endMs - issuedMs) / 2) * Ms);
        r.set(Mark::Finished, endMs * Ms);
        r.outcome = Outcome::Ok;
        r.status = 200;
    } else {
        r.outcome = Outcome::Cancelled;
    }
    return r;
}

RunResult TestTimelineLayout::run(RunMode mode, int limit, const QList<std::pair<qint64, qint64>> &spans)
{
    RunResult result;
    result.runId = 1;
    result.settings.mode = mode;
    result.settings.limit = limit;
    for (int i = 0; i < spans.size(); ++i) {
        result.records.append(request(i, spans[i].first, spans[i].second));
        result.endNs = std::max(result.endNs, spans[i].second * Ms);
    }
    return result;
}

RunResult TestTimelineLayout::crawlRun()
{
    // Three hosts interleaved; a.test's #5 fails.
    RunResult result;
    result.runId = 2;
    result.settings.mode = RunMode::Limited;
    result.settings.limit = 3;
    const QString a = QStringLiteral("a.test");
    const QString b = QStringLiteral("b.test");
    const QString c = QStringLiteral("c.test");
    result.records = {request(0, 0, 50, a),    request(1, 0, 60, b),    request(2, 50, 200, a),
                      request(3, 60, 250, b),  request(4, 100, 150, c), request(5, 200, 300, a),
                      request(6, 150, 400, c), request(7, 250, 500, b), request(8, 300, 450, a)};
    result.records[5].outcome = Outcome::HttpError;
    result.records[5].status = 404;
    for (const QString &host : {a, b, c}) {
        CrawlHost crawlHost;
        crawlHost.origin = QStringLiteral("http://%1:8080").arg(host);
        result.hosts.append(crawlHost);
    }
    result.endNs = 500 * Ms;
    return result;
}

TimelineViewport TestTimelineLayout::viewport(qint64 endNs, double rowHeight)
{
    TimelineViewport viewport;
    viewport.setSize(1000, 600);
    TimeScale scale(0, endNs, 1000);
    scale.setDataRange(0, endNs);
    scale.setRange(0, endNs);
    viewport.setScale(scale);
    viewport.setRowHeight(rowHeight);
    return viewport;
}

QPointF TestTimelineLayout::pointAt(const TimelineLayout &layout, const TimelineViewport &viewport, int track,
                                    int row, qint64 ns)
{
    const TimelineLayout::Track &t = layout.tracks()[std::size_t(track)];
    return {viewport.scale().toPixel(ns) + 0.5,
            t.rowsTop + (row + 0.5) * viewport.rowHeight() - viewport.scrollY()};
}

void TestTimelineLayout::sequentialRowsAndOneLane()
{
    RunModel model;
    model.setRun(run(RunMode::Sequential, 1, {{0, 100}, {100, 200}, {200, 300}, {300, 400}}));
    TimelineLayout layout;
    layout.setModels({&model});
    layout.update(20);
    QCOMPARE(layout.tracks().size(), std::size_t(1));
    QCOMPARE(layout.rowCount(), 4);
    for (int id = 0; id < 4; ++id)
        QCOMPARE(layout.rowOf(&model, id), id);
    QCOMPARE(layout.groupCount(), 0);

    layout.setOptions({.lanes = true});
    layout.update(20);
    // One after another: they all hold the same permit, so one lane, and no queue lane (all were issued).
    QCOMPARE(layout.rowCount(), 1);
    const auto &track = layout.tracks().front();
    QCOMPARE(track.lanes.size(), std::size_t(1));
    QCOMPARE(track.lanes.front(), (std::vector<int> {0, 1, 2, 3}));
    QCOMPARE(track.rowKind(0), TimelineLayout::RowKind::Bars);
}

void TestTimelineLayout::gatherTakesALaneEach()
{
    RunModel model;
    model.setRun(run(RunMode::Gather, 0, {{0, 400}, {0, 300}, {0, 350}, {0, 200}}));
    TimelineLayout layout;
    layout.setModels({&model});
    layout.setOptions({.lanes = true});
    layout.update(20);
    QCOMPARE(layout.rowCount(), 4);
    for (int id = 0; id < 4; ++id)
        QCOMPARE(layout.rowOf(&model, id), id);
}

void TestTimelineLayout::limitedPacksByPermitAndQueuesTheRest()
{
    // Semaphore of 2: #0 then #2 on one permit, #1 then #3 on the other; #4 never got one.
    RunModel model;
    model.setRun(run(RunMode::Limited, 2, {{0, 400}, {0, 500}, {400, 850}, {500, 900}, {-1, -1}}));
    TimelineLayout layout;
    layout.setModels({&model});
    layout.setOptions({.lanes = true});
    layout.update(20);
    QCOMPARE(layout.rowCount(), 3);
    const auto &track = layout.tracks().front();
    QCOMPARE(track.rowKind(0), TimelineLayout::RowKind::Queue);
    QCOMPARE(layout.rowOf(&model, 4), 0);
    QCOMPARE(layout.rowOf(&model, 0), 1);
    QCOMPARE(layout.rowOf(&model, 2), 1);
    QCOMPARE(layout.rowOf(&model, 1), 2);
    QCOMPARE(layout.rowOf(&model, 3), 2);
    QCOMPARE(track.lanes[1], (std::vector<int> {0, 2}));
    QCOMPARE(track.lanes[2], (std::vector<int> {1, 3}));
    QCOMPARE(track.cancelled, 1);
}

void TestTimelineLayout::compareStacksTracks()
{
    RunModel sequential;
    RunModel gather;
    RunModel limited;
    sequential.setRun(run(RunMode::Sequential, 1, {{0, 100}, {100, 200}, {200, 300}}));
    gather.setRun(run(RunMode::Gather, 0, {{0, 100}, {0, 120}, {0, 90}}));
    RunResult limitedRun = run(RunMode::Limited, 2, {{0, 100}, {0, 120}, {100, 190}});
    limitedRun.capacityChanges = {{0, 2}, {50 * Ms, 3}};
    limited.setRun(limitedRun);
    TimelineLayout layout;
    layout.setModels({&sequential, &gather, &limited});
    layout.update(10);
    const auto &tracks = layout.tracks();
    QCOMPARE(tracks.size(), std::size_t(3));
    QCOMPARE(layout.rowCount(), 9);
    const double gap = TimelineLayout::TrackGap;
    const double header = TimelineLayout::HeaderHeight;
    QCOMPARE(tracks[0].top, 0.0);
    QCOMPARE(tracks[0].rowsTop, header);
    QCOMPARE(tracks[0].bottom, header + 3 * 10 + gap);
    QCOMPARE(tracks[1].top, tracks[0].bottom);
    QCOMPARE(tracks[2].top, tracks[1].bottom);
    // Only the run whose gate was resized gets the gate row, with its one change as a marker.
    QCOMPARE(tracks[2].rowsTop, tracks[2].top + header + TimelineLayout::GateRowHeight);
    QCOMPARE(tracks[2].capacity, (std::vector<std::pair<qint64, int>> {{50 * Ms, 3}}));
    QCOMPARE(layout.contentHeight(), tracks[2].bottom);
    QCOMPARE(layout.trackAtContentY(tracks[1].top + 1), 1);
    QCOMPARE(layout.trackAtContentY(tracks[2].bottom + 1), -1);
    // The compare's headers tell each run's own counts.
    QVERIFY(tracks[0].title.contains(QStringLiteral("3 requests")));
    QCOMPARE(layout.dataEndNs(), 300 * Ms);

    const TimelineViewport view = viewport(300 * Ms, 10);
    const TimelineLayout::Hit hit = layout.hitTest(pointAt(layout, view, 1, 2, 50 * Ms), view);
    QCOMPARE(hit.track, 1);
    QCOMPARE(hit.row, 2);
    QCOMPARE(hit.bars, std::vector<int> {2});
}

void TestTimelineLayout::groupedCrawlRowsAndHeaders()
{
    RunModel model;
    model.setRun(crawlRun());
    HostColours colours;
    TimelineLayout layout;
    layout.setHostColours(&colours);
    layout.setModels({&model});
    layout.setOptions({.groupByHost = true});
    layout.update(20);
    const auto &track = layout.tracks().front();
    QCOMPARE(track.hosts.size(), 3);
    QCOMPARE(layout.groupCount(), 3);
    QCOMPARE(layout.rowCount(), 12);
    // a.test: header 0, #0 #2 #5 #8; b.test: header 5, #1 #3 #7; c.test: header 9, #4 #6.
    const std::vector<int> expected {1, 6, 2, 7, 10, 3, 11, 8, 4};
    for (int id = 0; id < 9; ++id)
        QCOMPARE(layout.rowOf(&model, id), expected[std::size_t(id)]);
    QCOMPARE(track.groups[0].headerRow, 0);
    QCOMPARE(track.groups[1].headerRow, 5);
    QCOMPARE(track.groups[2].headerRow, 9);
    QCOMPARE(track.groups[0].requests, 4);
    QCOMPARE(track.groups[0].failed, 1);
    QCOMPARE(track.groups[1].failed, 0);
    QCOMPARE(track.rowKind(5), TimelineLayout::RowKind::GroupHeader);
    QCOMPARE(track.barAtRow(5), -1);
    QCOMPARE(track.groupAtRow(7), 1);
    QCOMPARE(track.groupAtRow(11), 2);
    QCOMPARE(track.failed, 1);

    // Lanes per host: a.test's requests follow one another, as do b.test's and c.test's.
    layout.setOptions({.lanes = true, .groupByHost = true});
    layout.update(20);
    QCOMPARE(layout.rowCount(), 3 + 3);
    QCOMPARE(layout.rowOf(&model, 0), 1);
    QCOMPARE(layout.rowOf(&model, 8), 1);
    QCOMPARE(layout.rowOf(&model, 7), 3);
    QCOMPARE(layout.rowOf(&model, 6), 5);
}

void TestTimelineLayout::hitTestFindsTheBarAndTheChrome()
{
    RunModel model;
    model.setRun(crawlRun());
    TimelineLayout layout;
    layout.setModels({&model});
    layout.setOptions({.groupByHost = true});
    layout.update(20);
    TimelineViewport view = viewport(500 * Ms);
    // #7 (b.test, 250-500 ms) is in row 8.
    TimelineLayout::Hit hit = layout.hitTest(pointAt(layout, view, 0, 8, 400 * Ms), view);
    QCOMPARE(hit.track, 0);
    QCOMPARE(hit.row, 8);
    QCOMPARE(hit.bars, std::vector<int> {7});
    // Right of #1's end (b.test, 0-60 ms, row 6), beyond the 2 px tolerance: nothing.
    hit = layout.hitTest(pointAt(layout, view, 0, 6, 70 * Ms), view);
    QCOMPARE(hit.row, 6);
    QVERIFY(hit.bars.empty());
    // A group's header row.
    hit = layout.hitTest(pointAt(layout, view, 0, 5, 400 * Ms), view);
    QCOMPARE(hit.row, 5);
    QVERIFY(hit.bars.empty());
    // The track's header line.
    hit = layout.hitTest(QPointF(500, 5), view);
    QCOMPARE(hit.track, 0);
    QCOMPARE(hit.row, -1);
    QVERIFY(!hit.gateRow);
    // Scrolled down by two rows, the same point is two rows further on.
    view.setScrollY(40);
    hit = layout.hitTest(pointAt(layout, viewport(500 * Ms), 0, 6, 400 * Ms), view);
    QCOMPARE(hit.row, 8);
    QCOMPARE(hit.bars, std::vector<int> {7});
    const QRect rect = layout.barRect(&model, 7, view);
    QCOMPARE(rect.left(), 0); // queued at 0
    QCOMPARE(rect.right(), 999);
    QCOMPARE(rect.top(), int(layout.tracks().front().rowsTop) + 8 * 20 - 40);
}

void TestTimelineLayout::tickWithNothingNewRebuildsNothing()
{
    RunModel model;
    TimelineLayout layout;
    layout.setModels({&model});
    int changes = 0;
    layout.connectModel(&model, this, [&changes] { ++changes; });
    RunSettings settings;
    settings.mode = RunMode::Limited;
    settings.limit = 2;
    model.beginRun(5, settings, QDateTime::currentDateTimeUtc());
    model.applyRecords(5, {request(0, 0, 100), request(1, 0, 150)});
    layout.update(20);
    const int rebuilds = layout.rebuildCount();
    const qint64 patched = layout.patchedBarCount();
    const int rowLayouts = layout.rowLayoutCount();
    changes = 0;
    for (int i = 1; i <= 10; ++i) {
        model.setLiveNow(5, (150 + 33 * i) * Ms);
        layout.update(20);
    }
    QCOMPARE(changes, 10);
    QCOMPARE(layout.rebuildCount(), rebuilds);
    QCOMPARE(layout.patchedBarCount(), patched);
    QCOMPARE(layout.rowLayoutCount(), rowLayouts);
    // The header still follows the clock.
    QCOMPARE(layout.dataEndNs(), 480 * Ms);
}

void TestTimelineLayout::aMovedMarkIsDamageFromTheQueue()
{
    // A redirect's first hop set the first byte, drawn from there on; the final response moves it later,
    // in a batch held back past a frame painted at "now". The bar is noted as damaged from where it was
    // queued, since how the frame drew it cannot be told from the marks any more.
    RunModel model;
    TimelineLayout layout;
    layout.setModels({&model});
    layout.connectModel(&model, this, [] {});
    RunSettings settings;
    settings.mode = RunMode::Limited;
    settings.limit = 2;
    model.beginRun(6, settings, QDateTime::currentDateTimeUtc());
    RequestRecord r;
    r.id = 0;
    r.url = QUrl(QStringLiteral("http://a.test/moved"));
    r.set(Mark::Queued, 5 * Ms);
    r.set(Mark::Issued, 10 * Ms);
    r.set(Mark::RequestSent, 20 * Ms);
    r.set(Mark::FirstByte, 30 * Ms);
    model.applyRecords(6, {r});
    model.setLiveNow(6, 100 * Ms);
    layout.update(20);
    const int damaged = layout.damageCount();
    r.set(Mark::FirstByte, 60 * Ms);
    model.applyRecords(6, {r});
    layout.update(20);
    QCOMPARE(layout.damageCount(), damaged + 1);
    QCOMPARE(layout.damage().back().bar, 0);
    QCOMPARE(layout.damage().back().fromNs, 5 * Ms);
    // A mark only added is damage from where the picture changed: the download's end, now at 80 ms.
    r.set(Mark::Finished, 80 * Ms);
    r.outcome = Outcome::Ok;
    model.applyRecords(6, {r});
    layout.update(20);
    QCOMPARE(layout.damageCount(), damaged + 2);
    QCOMPARE(layout.damage().back().fromNs, 80 * Ms);
}

void TestTimelineLayout::plannedRowsAreKeptForRecordsToCome()
{
    // A live run given 10 URLs, fed 4 then 3: the track takes 10 rows from the start, and records that fill
    // them change no structure (a frame painted before can be patched); its end gives the rows back.
    RunModel model;
    TimelineLayout layout;
    layout.setModels({&model});
    layout.connectModel(&model, this, [] {});
    RunSettings settings;
    settings.mode = RunMode::Limited;
    settings.limit = 2;
    model.setPlannedCount(10);
    model.beginRun(6, settings, QDateTime::currentDateTimeUtc());
    model.setLiveNow(6, 50 * Ms);
    layout.update(20);
    QCOMPARE(layout.rowCount(), 0);
    QCOMPARE(layout.extentRowCount(), 10);
    QList<RequestRecord> fed;
    for (int id = 0; id < 4; ++id)
        fed.append(request(id, 0, 100 + id));
    model.applyRecords(6, fed);
    layout.update(20);
    const quint64 structure = layout.structure();
    const double bottom = layout.tracks().front().bottom;
    const int damaged = layout.damageCount();
    fed.clear();
    for (int id = 4; id < 7; ++id)
        fed.append(request(id, 0, 100 + id));
    model.applyRecords(6, fed);
    layout.update(20);
    QCOMPARE(layout.rowCount(), 7);
    QCOMPARE(layout.extentRowCount(), 10);
    QCOMPARE(layout.structure(), structure);
    QCOMPARE(layout.tracks().front().bottom, bottom);
    // Drawn from their queue time, before "now": the rows are noted as damage, as one range.
    QCOMPARE(layout.damageCount(), damaged + 1);
    QCOMPARE(layout.damage().back().bar, 4);
    QCOMPARE(layout.damage().back().lastBar, 6);
    // Grouped rows move as hosts come: no rows are kept.
    layout.setOptions({.groupByHost = true});
    layout.update(20);
    QCOMPARE(layout.extentRowCount(), layout.rowCount());
    layout.setOptions({});
    layout.update(20);
    QCOMPARE(layout.extentRowCount(), 10);
    RunResult result = model.run();
    result.endNs = 200 * Ms;
    model.finishRun(result);
    layout.update(20);
    QCOMPARE(layout.extentRowCount(), 7);
}

void TestTimelineLayout::appendAndUpdatePatchOnlyThoseRecords()
{
    RunModel model;
    TimelineLayout layout;
    layout.setModels({&model});
    layout.connectModel(&model, this, [] {});
    RunSettings settings;
    settings.mode = RunMode::Gather;
    model.beginRun(5, settings, QDateTime::currentDateTimeUtc());
    QList<RequestRecord> first;
    for (int id = 0; id < 100; ++id)
        first.append(request(id, 0, 100 + id));
    model.applyRecords(5, first);
    model.setLiveNow(5, 300 * Ms);
    layout.update(20);
    const int rebuilds = layout.rebuildCount();
    const qint64 patched = layout.patchedBarCount();

    model.applyRecords(5, {request(100, 200, 250), request(101, 210, 260)});
    layout.update(20);
    QCOMPARE(layout.rebuildCount(), rebuilds);
    QCOMPARE(layout.patchedBarCount(), patched + 2);
    QCOMPARE(layout.rowCount(), 102);
    QCOMPARE(layout.tracks().front().bars[101].t[5], 260 * Ms);

    RequestRecord failed = request(7, 0, 90);
    failed.outcome = Outcome::Failed;
    model.applyRecords(5, {failed});
    layout.update(20);
    QCOMPARE(layout.rebuildCount(), rebuilds);
    QCOMPARE(layout.patchedBarCount(), patched + 3);
    const auto &track = layout.tracks().front();
    QCOMPARE(track.bars[7].kind, TimelineLayout::Kind::Failed);
    QCOMPARE(track.bars[7].t[5], 90 * Ms);
    QCOMPARE(track.failed, 1);
    QVERIFY(track.title.contains(QStringLiteral("102 requests")));

    // While live, lanes take newly issued requests one at a time, without packing the others again.
    layout.setOptions({.lanes = true});
    layout.update(20);
    const int rowLayouts = layout.rowLayoutCount();
    model.setLiveNow(5, 400 * Ms);
    layout.update(20);
    QCOMPARE(layout.rowLayoutCount(), rowLayouts);
    model.applyRecords(5, {request(102, 300, 350)});
    layout.update(20);
    QCOMPARE(layout.rowLayoutCount(), rowLayouts);
    QCOMPARE(layout.rebuildCount(), rebuilds);
    // #100 (200-250 ms) took lane 0, freed at 100 ms; #102 follows it there, under the live queue lane.
    QCOMPARE(layout.rowOf(&model, 100), 1);
    QCOMPARE(layout.rowOf(&model, 102), 1);
}

void TestTimelineLayout::openBarsStretchToNow()
{
    RunModel model;
    TimelineLayout layout;
    layout.setModels({&model});
    layout.connectModel(&model, this, [] {});
    RunSettings settings;
    settings.mode = RunMode::Gather;
    model.beginRun(5, settings, QDateTime::currentDateTimeUtc());
    RequestRecord running;
    running.id = 0;
    running.url = QUrl(QStringLiteral("http://a.test/slow"));
    running.set(Mark::Queued, 0);
    running.set(Mark::Issued, 0);
    running.set(Mark::RequestSent, 10 * Ms);
    model.applyRecords(5, {running});
    model.setLiveNow(5, 100 * Ms);
    layout.update(20);
    const TimelineLayout::Track &track = layout.tracks().front();
    QCOMPARE(track.bars[0].at(track.nowNs()).t[6], 100 * Ms);
    model.setLiveNow(5, 900 * Ms);
    layout.update(20);
    const TimelineLayout::Bar bar = track.bars[0].at(track.nowNs());
    QCOMPARE(bar.t[2], 10 * Ms); // the closed phase stays
    QCOMPARE(bar.t[3], 10 * Ms); // no TLS over http: its phase is empty
    QCOMPARE(bar.t[4], 900 * Ms); // the open one reaches now
    QCOMPARE(bar.t[6], 900 * Ms);
    const TimelineViewport view = viewport(1000 * Ms);
    QCOMPARE(layout.barRect(&model, 0, view).right(), 899);
}

void TestTimelineLayout::waitingBarsOfABlockAreOneSpan()
{
    // A live run of 100 requests queued 1 ms apart, the first 10 issued: a block paints its waiting bars as
    // one span from the earliest queue time to now, and lists the issued ones apart.
    RunModel model;
    TimelineLayout layout;
    layout.setModels({&model});
    layout.connectModel(&model, this, [] {});
    RunSettings settings;
    settings.mode = RunMode::Limited;
    settings.limit = 10;
    model.beginRun(5, settings, QDateTime::currentDateTimeUtc());
    QList<RequestRecord> records;
    for (int i = 0; i < 100; ++i) {
        RequestRecord record;
        record.id = i;
        record.url = QUrl(QStringLiteral("http://a.test/%1").arg(i));
        record.set(Mark::Queued, i * Ms);
        if (i < 10)
            record.set(Mark::Issued, 100 * Ms);
        records.append(record);
    }
    model.applyRecords(5, records);
    model.setLiveNow(5, 200 * Ms);
    layout.update(1);
    const auto &blocks = layout.tracks().front().blocks;
    QCOMPARE(blocks.size(), std::size_t(2)); // 64 + 36 rows
    QCOMPARE(blocks[0].openBars.size(), std::size_t(10));
    QCOMPARE(blocks[0].openWaiting.size(), std::size_t(54));
    QCOMPARE(blocks[0].openWaitingFromNs, 10 * Ms);
    QCOMPARE(blocks[0].openWaitingToNs, 63 * Ms);
    QCOMPARE(blocks[1].openWaiting.size(), std::size_t(36));
    QCOMPARE(blocks[1].openWaitingFromNs, 64 * Ms);
    QCOMPARE(blocks[1].openWaitingToNs, 99 * Ms);

    // #10 is issued: it leaves the waiting span of its block, which is patched, not rebuilt.
    const int rebuilds = layout.rebuildCount();
    records[10].set(Mark::Issued, 150 * Ms);
    model.applyRecords(5, {records[10]});
    layout.update(1);
    QCOMPARE(layout.rebuildCount(), rebuilds);
    QCOMPARE(blocks[0].openBars.size(), std::size_t(11));
    QCOMPARE(blocks[0].openWaiting.size(), std::size_t(53));
    QCOMPARE(blocks[0].openWaitingFromNs, 11 * Ms);
}

void TestTimelineLayout::finishingComputesTheIdealWithoutRebuild()
{
    RunModel model;
    TimelineLayout layout;
    layout.setModels({&model});
    layout.connectModel(&model, this, [] {});
    RunSettings settings;
    settings.mode = RunMode::Sequential;
    settings.limit = 1;
    model.beginRun(5, settings, QDateTime::currentDateTimeUtc());
    RunResult result = run(RunMode::Sequential, 1, {{0, 100}, {100, 200}});
    result.runId = 5;
    result.settings = settings;
    model.applyRecords(5, result.records);
    layout.update(20);
    QVERIFY(layout.tracks().front().ideal.empty());
    const int rebuilds = layout.rebuildCount();
    model.finishRun(result);
    layout.update(20);
    QCOMPARE(layout.rebuildCount(), rebuilds);
    QCOMPARE(layout.tracks().front().ideal.size(), std::size_t(2));
    QVERIFY(!layout.isLive());
}

void TestTimelineLayout::resetRebuilds()
{
    RunModel model;
    model.setRun(run(RunMode::Gather, 0, {{0, 100}}));
    TimelineLayout layout;
    layout.setModels({&model});
    layout.connectModel(&model, this, [] {});
    layout.update(20);
    const int rebuilds = layout.rebuildCount();
    model.setRun(run(RunMode::Gather, 0, {{0, 100}, {0, 50}}));
    layout.update(20);
    QCOMPARE(layout.rebuildCount(), rebuilds + 1);
    QCOMPARE(layout.rowCount(), 2);
}

void TestTimelineLayout::denseBlocksHoldTheUnionOfTheirRows()
{
    // 100 requests one after another, 10 ms each, all queued at 0.
    QList<std::pair<qint64, qint64>> spans;
    for (int i = 0; i < 100; ++i)
        spans.append({i * 10, i * 10 + 10});
    const RunResult result = run(RunMode::Sequential, 1, spans);
    RunModel model;
    TimelineLayout layout;
    layout.setModels({&model});
    layout.connectModel(&model, this, [] {});
    model.beginRun(result.runId, result.settings, QDateTime::currentDateTimeUtc());
    model.applyRecords(result.runId, result.records);
    layout.update(1);
    const auto &blocks = layout.tracks().front().blocks;
    QCOMPARE(blocks.size(), std::size_t(2)); // 64 + 36 rows
    const auto spansOf = [&blocks](std::size_t block, int coverage) {
        std::vector<std::pair<qint64, qint64>> result;
        for (const auto &span : blocks[block].spans) {
            if (span.coverage == coverage)
                result.emplace_back(span.startNs, span.endNs);
        }
        return result;
    };
    // The waits of rows 0-63 overlap into one span; the downloads stay apart, one per row.
    QCOMPARE(spansOf(0, TimelineLayout::CoverWaiting),
             (std::vector<std::pair<qint64, qint64>> {{0, 630 * Ms}}));
    QCOMPARE(spansOf(1, TimelineLayout::CoverWaiting),
             (std::vector<std::pair<qint64, qint64>> {{0, 990 * Ms}}));
    QCOMPARE(spansOf(0, TimelineLayout::CoverDownloading).size(), std::size_t(64));
    QCOMPARE(spansOf(0, TimelineLayout::CoverDownloading)[3], std::make_pair(35 * Ms, 40 * Ms));
    QVERIFY(spansOf(0, TimelineLayout::CoverError).empty());
    QCOMPARE(blocks[0].startNs, 0);
    QCOMPARE(blocks[0].endNs, 640 * Ms);

    // A failure patches its block: the red span appears where #3 was in flight.
    const int rebuilds = layout.rebuildCount();
    RequestRecord failed = result.records[3];
    failed.outcome = Outcome::Failed;
    model.applyRecords(result.runId, {failed});
    layout.update(1);
    QCOMPARE(layout.rebuildCount(), rebuilds);
    QCOMPARE(spansOf(0, TimelineLayout::CoverError),
             (std::vector<std::pair<qint64, qint64>> {{30 * Ms, 40 * Ms}}));
    QCOMPARE(spansOf(0, TimelineLayout::CoverDownloading).size(), std::size_t(63));
}

void TestTimelineLayout::liveLanesMatchAFullPacking()
{
    // Semaphore of 3, twelve requests of uneven length, streamed in as a live run reports them.
    QList<std::pair<qint64, qint64>> spans;
    std::vector<qint64> permits {0, 0, 0};
    for (int i = 0; i < 12; ++i) {
        auto free = std::min_element(permits.begin(), permits.end());
        const qint64 start = *free;
        *free = start + 40 + (i * 37) % 90;
        spans.append({start, *free});
    }
    const RunResult whole = run(RunMode::Limited, 3, spans);
    RunModel finished;
    finished.setRun(whole);
    TimelineLayout packed;
    packed.setModels({&finished});
    packed.setOptions({.lanes = true});
    packed.update(20);

    RunModel live;
    TimelineLayout layout;
    layout.setModels({&live});
    layout.setOptions({.lanes = true});
    layout.connectModel(&live, this, [] {});
    live.beginRun(whole.runId, whole.settings, QDateTime::currentDateTimeUtc());
    QList<RequestRecord> queued;
    for (const RequestRecord &record : whole.records) {
        RequestRecord waiting;
        waiting.id = record.id;
        waiting.url = record.url;
        waiting.set(Mark::Queued, 0);
        queued.append(waiting);
    }
    live.applyRecords(whole.runId, queued);
    layout.update(20);
    const int rowLayouts = layout.rowLayoutCount();
    // Issued and finished as the clock reaches each mark: an issue and a finish at once arrive together.
    std::vector<std::pair<qint64, int>> events;
    for (int i = 0; i < 12; ++i)
        events.emplace_back(spans[i].first * Ms, i);
    std::sort(events.begin(), events.end());
    for (const auto &[at, id] : events) {
        RequestRecord issued = queued[id];
        issued.set(Mark::Issued, at);
        QList<RequestRecord> batch {issued};
        for (int other = 0; other < 12; ++other) {
            const qint64 end = spans[other].second * Ms;
            if (end <= at && !live.records()[other].reached(Mark::Finished))
                batch.prepend(whole.records[other]);
        }
        live.setLiveNow(whole.runId, at);
        live.applyRecords(whole.runId, batch);
        layout.update(20);
    }
    QCOMPARE(layout.rowLayoutCount(), rowLayouts);
    QCOMPARE(layout.rowCount(), 1 + 3); // the live queue lane, then one lane per permit

    // One batch that frees a permit (#1, a higher id) and hands it on (#0): the freed lane is reused.
    RunModel one;
    TimelineLayout oneLayout;
    oneLayout.setModels({&one});
    oneLayout.setOptions({.lanes = true});
    oneLayout.connectModel(&one, this, [] {});
    one.beginRun(9, whole.settings, QDateTime::currentDateTimeUtc());
    RequestRecord first = request(0, -1, -1);
    first.outcome = Outcome::Pending;
    RequestRecord running = request(1, 0, 100);
    running.marks[std::size_t(Mark::Finished)] = RequestRecord::NotReached;
    running.marks[std::size_t(Mark::FirstByte)] = RequestRecord::NotReached;
    running.outcome = Outcome::Pending;
    one.applyRecords(9, {first, running});
    one.setLiveNow(9, 50 * Ms);
    oneLayout.update(20);
    one.applyRecords(9, {request(0, 100, 200), request(1, 0, 100)});
    oneLayout.update(20);
    QCOMPARE(oneLayout.rowCount(), 1 + 1);
    QCOMPARE(oneLayout.rowOf(&one, 0), oneLayout.rowOf(&one, 1));
    for (int a = 0; a < 12; ++a) {
        for (int b = 0; b < 12; ++b) {
            QCOMPARE(layout.rowOf(&live, a) == layout.rowOf(&live, b),
                     packed.rowOf(&finished, a) == packed.rowOf(&finished, b));
        }
    }
}

QTEST_GUILESS_MAIN(TestTimelineLayout)
#include "tst_timelinelayout.moc"
