#include <QImage>
#include <QTest>

#include "core/phasespans.h"
#include "models/runmodel.h"
#include "timeline/inflightstrip.h"
#include "timeline/timelinelayout.h"
#include "timeline/timelinepalette.h"
#include "timeline/timelineview.h"

// A replay's cut: the timeline and the in-flight strip draw a finished run as it was at the replay's time,
// the way a live run is drawn at "now": bars up to the cut, the one going cut there, later ones hidden.
class TestTimelineCut : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void barsAreDrawnAsTheyWereAtTheCut();
    void hitTestsSeeNothingAfterTheCut();
    void theCutRebuildsNothing();
    void nothingIsPaintedAfterTheCut_data();
    void nothingIsPaintedAfterTheCut();
    void theStripStopsAtTheCut();

private:
    static constexpr qint64 Ms = 1'000'000;
    // Requests queued one a second, as a crawl finds them, each issued at once and done in 800 ms. With
    // everyMs 0, a gather instead: all at 0, done after takesMs to twice that.
    static RunResult staggeredRun(int requests, qint64 everyMs = 1000, qint64 takesMs = 800);
    // How many pixels right of fromX, within rows [top, bottom], differ between the two images.
    // Short of the right edge, where the reference has its one mark.
    static int differingPixels(const QImage &a, const QImage &b, int fromX, int top, int bottom);
};

RunResult TestTimelineCut::staggeredRun(int requests, qint64 everyMs, qint64 takesMs)
{
    RunResult run;
    run.runId = 1;
    run.settings.mode = RunMode::Limited;
    run.settings.limit = 3;
    run.capacityChanges = {{0, 3}};
    for (int i = 0; i < requests; ++i) {
        const qint64 start = i * everyMs * Ms;
        const qint64 takes = everyMs > 0 ? takesMs : takesMs + (i * 7919) % takesMs;
        RequestRecord r;
        r.id = i;
        r.url = QUrl(QStringLiteral("http://a.test/page/%1").arg(i));
        r.set(Mark::Queued, start);
        r.set(Mark::GateAcquired, start);
        r.set(Mark::Issued, start);
        r.set(Mark::RequestSent, start + takes * Ms / 80);
        r.set(Mark::FirstByte, start + takes * Ms * 3 / 4);
        r.set(Mark::Finished, start + takes * Ms);
        r.outcome = Outcome::Ok;
        r.status = 200;
        run.records.append(r);
        run.endNs = std::max(run.endNs, start + takes * Ms);
    }
    return run;
}

int TestTimelineCut::differingPixels(const QImage &a, const QImage &b, int fromX, int top, int bottom)
{
    int differing = 0;
    for (int y = top; y <= bottom && y < a.height(); ++y) {
        for (int x = std::max(0, fromX); x < a.width() - 4; ++x)
            differing += a.pixel(x, y) != b.pixel(x, y) ? 1 : 0;
    }
    return differing;
}

void TestTimelineCut::barsAreDrawnAsTheyWereAtTheCut()
{
    RunModel model;
    model.setRun(staggeredRun(5));
    TimelineLayout layout;
    layout.setModels({&model});
    layout.setCutNs(2500 * Ms);
    layout.update(20);
    const TimelineLayout::Track &track = layout.tracks().front();
    QVERIFY(track.isCut());
    QCOMPARE(track.nowNs(), 2500 * Ms);
    QCOMPARE(layout.dataEndNs(), model.endNs()); // the time axis still spans the whole run
    using Bar = TimelineLayout::Bar;
    for (int i = 0; i < 2; ++i) {
        const Bar &stored = track.bars[std::size_t(i)];
        QVERIFY(stored.shownAt(track.nowNs()));
        const Bar bar = stored.at(track.nowNs());
        QCOMPARE(bar.t, stored.t); // over before the cut: whole
        QCOMPARE(bar.open, quint8(0));
    }
    // Request 2 began at 2 s: at 2.5 s it waits for its response, as a live run would have shown it.
    const Bar going = track.bars[2].at(track.nowNs());
    QVERIFY(track.bars[2].shownAt(track.nowNs()));
    QCOMPARE(going.t[0], 2000 * Ms);
    QCOMPARE(going.t[std::size_t(PhaseSpans::Phase::FirstByte)], 2010 * Ms); // sent
    QCOMPARE(going.t[Bar::FirstByteAt], 2500 * Ms);
    QCOMPARE(going.t[Bar::ReleasedAt], 2500 * Ms);
    QCOMPARE(going.open, quint8(1u << int(PhaseSpans::Phase::FirstByte)));
    QCOMPARE(going.started & (1u << int(PhaseSpans::Phase::Download)), 0u);
    QCOMPARE(track.bars[2].endAt(track.nowNs()), 2500 * Ms);
    // Requests 3 and 4 had not been queued yet.
    QVERIFY(!track.bars[3].shownAt(track.nowNs()));
    QVERIFY(!track.bars[4].shownAt(track.nowNs()));

    layout.setCutNs(-1);
    QVERIFY(!layout.tracks().front().isCut());
    QCOMPARE(layout.tracks().front().nowNs(), model.endNs());
}

void TestTimelineCut::hitTestsSeeNothingAfterTheCut()
{
    RunModel model;
    model.setRun(staggeredRun(5));
    TimelineLayout layout;
    layout.setModels({&model});
    TimelineViewport viewport;
    viewport.setSize(1000, 400);
    TimeScale scale(0, 5000 * Ms, 1000);
    scale.setDataRange(0, 5000 * Ms);
    scale.setRange(0, 5000 * Ms);
    viewport.setScale(scale);
    viewport.setRowHeight(20);
    layout.update(20);
    const auto at = [&](int row, qint64 ms) {
        const TimelineLayout::Track &track = layout.tracks().front();
        return QPointF(scale.toPixel(ms * Ms), track.rowsTop + row * 20 + 10);
    };
    const auto barsAt = [&](int row, qint64 ms) { return layout.hitTest(at(row, ms), viewport).bars; };
    QCOMPARE(barsAt(3, 3400), std::vector<int> {3});
    QCOMPARE(barsAt(2, 2700), std::vector<int> {2});
    layout.setCutNs(2500 * Ms);
    QCOMPARE(barsAt(3, 3400), std::vector<int> {}); // not started
    QCOMPARE(barsAt(2, 2700), std::vector<int> {}); // past the cut
    QCOMPARE(barsAt(2, 2300), std::vector<int> {2});
    QCOMPARE(barsAt(1, 1700), std::vector<int> {1});
}

void TestTimelineCut::theCutRebuildsNothing()
{
    RunModel model;
    model.setRun(staggeredRun(50));
    TimelineLayout layout;
    layout.setModels({&model});
    layout.update(20);
    const int rebuilds = layout.rebuildCount();
    const int rowLayouts = layout.rowLayoutCount();
    for (qint64 ms = 0; ms < 50'000; ms += 333) {
        layout.setCutNs(ms * Ms);
        layout.update(20);
    }
    QCOMPARE(layout.rebuildCount(), rebuilds);
    QCOMPARE(layout.rowLayoutCount(), rowLayouts);
}

void TestTimelineCut::nothingIsPaintedAfterTheCut_data()
{
    QTest::addColumn<int>("requests");
    QTest::addColumn<qint64>("everyMs");
    QTest::addColumn<double>("rowHeight");
    QTest::addColumn<bool>("lanes");
    QTest::addColumn<int>("height");
    QTest::addColumn<qint64>("takesMs");
    QTest::newRow("rows") << 5 << qint64(1000) << 20.0 << false << 700 << qint64(800);
    QTest::newRow("gather rows") << 5 << qint64(0) << 20.0 << false << 700 << qint64(1000);
    QTest::newRow("gather lanes") << 5 << qint64(0) << 20.0 << true << 700 << qint64(1000);
    // Thinner than a pixel: rows sharing a pixel row are painted merged.
    // Enough rows that the view fits them whole rather than keeping each 6 px tall and scrolling.
    QTest::newRow("dense rows") << 5000 << qint64(1) << 0.25 << false << 700 << qint64(1);
    QTest::newRow("dense gather lanes") << 1000 << qint64(0) << 0.25 << true << 700 << qint64(1000);
    // So thin that whole blocks of rows share a pixel row: their precomputed coverage is cut.
    QTest::newRow("merged blocks") << 20000 << qint64(0) << 0.01 << false << 200 << qint64(1000);
}

void TestTimelineCut::nothingIsPaintedAfterTheCut()
{
    QFETCH(int, requests);
    QFETCH(qint64, everyMs);
    QFETCH(double, rowHeight);
    QFETCH(bool, lanes);
    QFETCH(int, height);
    QFETCH(qint64, takesMs);
    RunModel model;
    model.setRun(staggeredRun(requests, everyMs, takesMs));
    TimelineView view;
    view.resize(1000, height);
    view.setModels({&model});
    view.setLaneMode(lanes);
    view.setRowHeight(rowHeight);
    view.fit();
    view.show();
    const qint64 cut = everyMs > 0 ? model.endNs() / 2 + everyMs * Ms / 4 : takesMs * Ms * 3 / 2;
    const TimelineLayout::Track &track = view.layout().tracks().front();
    const int top = int(std::ceil(track.rowsTop)) + 1;
    const int bottom
        = std::min(int(track.rowsTop + track.rows * view.rowHeight()) - 2, view.viewport()->height() - 2);
    QVERIFY(bottom - top > 40);
    if (requests > 10000) // the merged blocks are what gets painted
        QVERIFY(view.rowHeight() * TimelineLayout::DenseBlockRows < 1);
    const int cutX = int(view.timeScale().toPixel(cut));
    QVERIFY(cutX > 100 && cutX < view.viewport()->width() - 100);

    // What the rows look like with nothing in them, on the same scale: the background and the grid.
    RunResult last = staggeredRun(1, 0, 1);
    RequestRecord &lone = last.records.first();
    lone.marks.fill(RequestRecord::NotReached);
    lone.set(Mark::Queued, model.endNs()); // a mark at the far right, so the scales can match
    lone.set(Mark::Finished, model.endNs());
    last.endNs = model.endNs();
    RunModel oneModel;
    oneModel.setRun(last);
    TimelineView reference;
    reference.resize(view.size());
    reference.setModels({&oneModel});
    reference.show();
    reference.setVisibleRange(view.visibleStartNs(), view.visibleEndNs());
    QCOMPARE(reference.viewport()->size(), view.viewport()->size());
    QCOMPARE(reference.visibleStartNs(), view.visibleStartNs());
    QCOMPARE(reference.visibleEndNs(), view.visibleEndNs());
    const QImage empty = reference.viewport()->grab().toImage();
    const QImage whole = view.viewport()->grab().toImage();
    QVERIFY(differingPixels(whole, empty, cutX + 3, top, bottom) > 50); // the test can see bars after the cut

    view.setCutNs(cut);
    const QImage cutImage = view.viewport()->grab().toImage();
    QCOMPARE(differingPixels(cutImage, empty, cutX + 3, top, bottom), 0);
    QVERIFY(differingPixels(cutImage, empty, 3, top, bottom) > 50); // what came before is still there
}

void TestTimelineCut::theStripStopsAtTheCut()
{
    RunModel model;
    model.setRun(staggeredRun(10));
    InFlightStrip strip;
    strip.resize(1000, 120);
    strip.setPlotMargins(0, 0);
    strip.setModels({&model});
    strip.setVisibleRange(0, model.endNs());
    strip.show();
    const QColor flight = TimelinePalette::inFlightFill();
    const auto flightColumns = [&](const QImage &image, int fromX, int toX) {
        int columns = 0;
        for (int x = fromX; x < toX; ++x) {
            for (int y = 0; y < image.height(); ++y) {
                if (image.pixelColor(x, y) == flight) {
                    ++columns;
                    break;
                }
            }
        }
        return columns;
    };
    const qint64 cut = 4300 * Ms;
    const int cutX = int(strip.timeScale().toPixel(cut));
    const QImage whole = strip.grab().toImage();
    QVERIFY(flightColumns(whole, cutX + 2, strip.width()) > 50);
    strip.setCutNs(cut);
    const QImage cutImage = strip.grab().toImage();
    QCOMPARE(flightColumns(cutImage, cutX + 2, strip.width()), 0);
    QVERIFY(flightColumns(cutImage, 0, cutX - 1) > 50);
}

QTEST_MAIN(TestTimelineCut)
#include "tst_timelinecut.moc"
