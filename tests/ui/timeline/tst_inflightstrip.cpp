#include "timeline/inflightstrip.h"

#include <QImage>
#include <QRandomGenerator>
#include <QTest>

#include "models/hostindex.h"
#include "models/runmodel.h"
#include "timeline/timelinepalette.h"

class TestInFlightStrip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void toolTipGivesTheCounts();
    void recomputesWhenTheModelChanges();
    void clockTicksStretchWithoutRecompute();
    void liveCountsEqualTheFullCount_data();
    void liveCountsEqualTheFullCount();
    void aTickRepaintsOnlyWhatChanged();
    void drawsInFlightAndTheGate();
    void oneBandPerRun();
    void splitStacksTheHostsUnderTheTotal();
    void bandsShareOneScale();
    void aBlinkOfQueueingIsNotWaiting();

private:
    static constexpr qint64 Ms = 1'000'000;
    static RunResult limited(int count, int permits);
};

RunResult TestInFlightStrip::limited(int count, int permits)
{
    RunResult run;
    run.settings.mode = RunMode::Limited;
    run.settings.limit = permits;
    for (int i = 0; i < count; ++i) {
        const qint64 issued = qint64(i / permits) * 100 * Ms;
        RequestRecord r;
        r.id = i;
        r.set(Mark::Queued, 0);
        r.set(Mark::Issued, issued);
        r.set(Mark::RequestSent, issued + 5 * Ms);
        r.set(Mark::FirstByte, issued + 50 * Ms);
        r.set(Mark::Finished, issued + 100 * Ms);
        r.outcome = Outcome::Ok;
        run.records.append(r);
    }
    run.capacityChanges = {{0, permits}};
    run.endNs = qint64((count + permits - 1) / permits) * 100 * Ms;
    return run;
}

void TestInFlightStrip::toolTipGivesTheCounts()
{
    RunModel model;
    model.setRun(limited(10, 3));
    InFlightStrip strip;
    strip.resize(1000, 90);
    strip.setPlotMargins(0, 0);
    strip.setModels({&model});
    strip.setVisibleRange(0, 500 * Ms);
    const int y = strip.plotRect().center().y();
    // 150 ms: the second wave of three is in flight, four still wait.
    const QString text = strip.toolTipTextAt(QPoint(300, y));
    QVERIFY2(text.contains(QStringLiteral("in flight 3, waiting 4 at 150")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("gate: 3 permits")));
    QVERIFY(strip.toolTipTextAt(QPoint(900, y)).contains(QStringLiteral("in flight 0, waiting 0")));
}

void TestInFlightStrip::recomputesWhenTheModelChanges()
{
    RunModel model;
    InFlightStrip strip;
    strip.setModels({&model});
    QVERIFY(strip.series(&model)->isEmpty());
    model.setRun(limited(10, 5));
    QTRY_COMPARE(strip.series(&model)->peakInFlight(), 5);
    QCOMPARE(strip.series(&model)->peakWaiting(), 5);
}

void TestInFlightStrip::clockTicksStretchWithoutRecompute()
{
    RunModel model;
    InFlightStrip strip;
    strip.resize(1000, 90);
    strip.setPlotMargins(0, 0);
    strip.setModels({&model});
    RunSettings settings;
    settings.mode = RunMode::Gather;
    model.beginRun(3, settings, QDateTime::currentDateTimeUtc());
    QList<RequestRecord> running;
    for (int id = 0; id < 4; ++id) {
        RequestRecord record;
        record.id = id;
        record.url = QUrl(QStringLiteral("http://127.0.0.1/slow/%1").arg(id));
        record.set(Mark::Queued, 0);
        record.set(Mark::Issued, 0);
        running.append(record);
    }
    model.applyRecords(3, running);
    model.setLiveNow(3, 100 * Ms);
    QTRY_COMPARE(strip.series(&model)->peakInFlight(), 4);
    const int recomputes = strip.recomputeCount();
    model.setLiveNow(3, 400 * Ms);
    model.setLiveNow(3, 800 * Ms);
    strip.setVisibleRange(0, 1000 * Ms);
    // Still four in flight at 600 ms, though the series was computed at 100 ms; none after "now".
    const int y = strip.plotRect().center().y() - 5;
    const QString during = strip.toolTipTextAt(QPoint(strip.plotRect().left() + 600, y));
    QVERIFY2(during.contains(QStringLiteral("in flight 4")), qPrintable(during));
    const QString after = strip.toolTipTextAt(QPoint(strip.plotRect().left() + 900, y));
    QVERIFY2(after.contains(QStringLiteral("in flight 0")), qPrintable(after));
    QCOMPARE(strip.recomputeCount(), recomputes);
    // A record that changes does recompute.
    running[0].set(Mark::Finished, 500 * Ms);
    running[0].outcome = Outcome::Ok;
    model.applyRecords(3, {running[0]});
    QTRY_COMPARE(strip.recomputeCount(), recomputes + 1);
}

void TestInFlightStrip::liveCountsEqualTheFullCount_data()
{
    QTest::addColumn<bool>("split");
    QTest::addColumn<int>("delayMs");
    QTest::newRow("total") << false << 5;
    QTest::newRow("split by host") << true << 5;
    // Without a delay a finished run counts what the live one did: its end is one more patch.
    QTest::newRow("total, no delay") << false << 0;
    QTest::newRow("split by host, no delay") << true << 0;
}

void TestInFlightStrip::liveCountsEqualTheFullCount()
{
    // A live run with a politeness delay over three hosts, in batches: the strip patches its counts from the
    // records that changed, and they must be what counting every record gives.
    QFETCH(bool, split);
    QFETCH(int, delayMs);
    RunModel model;
    InFlightStrip strip;
    strip.setSplitByHost(split);
    strip.setModels({&model});
    RunSettings settings;
    settings.mode = RunMode::Limited;
    settings.limit = 4;
    settings.delayMs = delayMs;
    constexpr int RunId = 7;
    model.beginRun(RunId, settings, QDateTime::currentDateTimeUtc());
    QRandomGenerator random(9);
    QList<RequestRecord> records;
    qint64 now = 0;
    const auto check = [&](bool delayExpected) {
        const ConcurrencySeries want
            = ConcurrencySeries::compute(model.records(), model.endNs(), delayExpected);
        QCOMPARE(strip.series(&model)->steps(), want.steps());
        QCOMPARE(strip.series(&model)->peakHeld(), want.peakHeld());
        if (!split)
            return;
        HostIndex hosts;
        hosts.update(model.run());
        const auto perHost = ConcurrencySeries::computePerHost(model.records(), hosts.hostsOfRecords(),
                                                               hosts.count(), model.endNs(), delayExpected);
        const std::vector<ConcurrencySeries> got = strip.hostSeries(&model);
        QCOMPARE(got.size(), perHost.size());
        for (std::size_t host = 0; host < got.size(); ++host)
            QCOMPARE(got[host].steps(), perHost[host].steps());
    };
    for (int batch = 0; batch < 40; ++batch) {
        now += qint64(random.bounded(1, 8)) * Ms;
        QList<RequestRecord> changed;
        for (int i = random.bounded(0, 4); i > 0; --i) {
            RequestRecord record;
            record.id = int(records.size());
            record.url = QUrl(QStringLiteral("http://host%1.test/%2").arg(random.bounded(3)).arg(record.id));
            record.set(Mark::Queued, now);
            records.append(record);
            changed.append(record);
        }
        for (RequestRecord &record : records) {
            if (random.bounded(3) != 0 || record.reached(Mark::DelayReleased))
                continue;
            if (!record.reached(Mark::Issued) && random.bounded(8) == 0) {
                record.set(Mark::Finished, now); // cancelled while waiting
                record.outcome = Outcome::Cancelled;
            } else if (!record.reached(Mark::Issued)) {
                record.set(Mark::Issued, now);
            } else if (!record.reached(Mark::Finished)) {
                record.set(Mark::Finished, now);
                record.outcome = Outcome::Ok;
            } else if (record.outcome == Outcome::Ok && delayMs > 0) {
                record.set(Mark::DelayReleased, now);
            } else {
                continue;
            }
            changed.append(record);
        }
        const int before = strip.recomputeCount();
        model.applyRecords(RunId, changed);
        model.setLiveNow(RunId, now);
        if (!changed.isEmpty()) {
            QTRY_VERIFY(strip.recomputeCount() > before);
            check(delayMs > 0);
        }
    }
    RunResult result = model.run();
    result.records = records;
    result.endNs = now;
    const int before = strip.recomputeCount();
    const int fullCountsBefore = strip.fullCountCount();
    model.finishRun(result);
    QTRY_VERIFY(strip.recomputeCount() > before);
    check(false);
    QCOMPARE(strip.fullCountCount() > fullCountsBefore, delayMs > 0);
}

void TestInFlightStrip::aTickRepaintsOnlyWhatChanged()
{
    // A live run in batches, with the clock ticking between them: each paint draws only the columns from
    // firstChangedX() on over the last frame, and what it leaves must be what a full paint draws.
    RunModel model;
    InFlightStrip strip;
    strip.resize(800, 90);
    strip.setPlotMargins(30, 0);
    strip.setModels({&model});
    RunSettings settings;
    settings.mode = RunMode::Limited;
    settings.limit = 3;
    constexpr int RunId = 4;
    model.beginRun(RunId, settings, QDateTime::currentDateTimeUtc());
    model.applyCapacity(RunId, {0, 3});
    strip.setVisibleRange(0, 600 * Ms);
    QImage patched(strip.size(), QImage::Format_ARGB32_Premultiplied);
    patched.fill(Qt::transparent);
    strip.render(&patched);
    QImage fresh = patched;
    int partial = 0;
    const auto paintAndCompare = [&] {
        const int x = strip.firstChangedX();
        QVERIFY(x >= 0 && x <= strip.width());
        if (x > 0)
            ++partial;
        if (x < strip.width())
            strip.render(&patched, QPoint(x, 0), QRegion(x, 0, strip.width() - x, strip.height()));
        fresh.fill(Qt::transparent);
        strip.render(&fresh);
        QCOMPARE(patched, fresh);
        QCOMPARE(strip.firstChangedX(), strip.width()); // nothing changed since
    };
    QRandomGenerator random(5);
    QList<RequestRecord> records;
    qint64 now = 0;
    constexpr int Batches = 60;
    for (int batch = 0; batch < Batches; ++batch) {
        now += qint64(random.bounded(1, 12)) * Ms;
        QList<RequestRecord> changed;
        for (int i = random.bounded(0, 4); i > 0; --i) {
            RequestRecord record;
            record.id = int(records.size());
            record.set(Mark::Queued, now);
            records.append(record);
            changed.append(record);
        }
        int running = 0;
        for (const RequestRecord &record : std::as_const(records))
            running += record.reached(Mark::Issued) && !record.reached(Mark::Finished) ? 1 : 0;
        for (RequestRecord &record : records) {
            if (record.reached(Mark::Finished) || random.bounded(3) != 0)
                continue;
            // Some marks arrive late: before the clock's reading the last paint drew.
            const qint64 at = random.bounded(4) == 0 ? now - qint64(random.bounded(0, 15)) * Ms : now;
            if (!record.reached(Mark::Issued) && running < settings.limit) {
                record.set(Mark::Issued, std::max(at, record.at(Mark::Queued)));
                ++running;
            } else if (record.reached(Mark::Issued)) {
                record.set(Mark::Finished, std::max(at, record.at(Mark::Issued)));
                record.outcome = Outcome::Ok;
                --running;
            } else {
                continue;
            }
            changed.append(record);
        }
        const int before = strip.recomputeCount();
        model.applyRecords(RunId, changed);
        model.setLiveNow(RunId, now);
        if (!changed.isEmpty())
            QTRY_VERIFY(strip.recomputeCount() > before);
        paintAndCompare();
        if (QTest::currentTestFailed())
            return;
        // The clock alone moves on.
        model.setLiveNow(RunId, now + Ms / 2);
        paintAndCompare();
        if (QTest::currentTestFailed())
            return;
    }
    // Most paints were patches; the run's end repaints it whole, and then nothing is left to paint.
    QVERIFY2(partial > Batches, qPrintable(QString::number(partial)));
    RunResult result = model.run();
    result.records = records;
    result.endNs = now + Ms;
    const int before = strip.recomputeCount();
    model.finishRun(result);
    QTRY_VERIFY(strip.recomputeCount() > before);
    QCOMPARE(strip.firstChangedX(), 0);
    partial = 0;
    paintAndCompare();
    QCOMPARE(partial, 0);
}

void TestInFlightStrip::drawsInFlightAndTheGate()
{
    RunModel model;
    model.setRun(limited(10, 3));
    InFlightStrip strip;
    strip.resize(800, 90);
    strip.setModels({&model});
    strip.setVisibleRange(0, 400 * Ms);
    QImage image(strip.size(), QImage::Format_ARGB32);
    strip.render(&image);
    int inFlight = 0;
    int gate = 0;
    // The count has a colour of its own, not the bars' blue of downloading.
    QVERIFY(TimelinePalette::inFlightFill() != TimelinePalette::phaseColor(PhaseSpans::Phase::Download));
    const QRgb blue = TimelinePalette::inFlightFill().rgb() & 0xffffff;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QRgb pixel = image.pixel(x, y) & 0xffffff;
            inFlight += pixel == blue ? 1 : 0;
            gate += pixel == (TimelinePalette::gate().rgb() & 0xffffff) ? 1 : 0;
        }
    }
    QVERIFY(inFlight > 1000);
    QVERIFY(gate > 50);
}

void TestInFlightStrip::bandsShareOneScale()
{
    // Sequential's 1 must stand a fifth as tall as gather's 5, not as tall.
    RunModel sequential;
    RunModel gather;
    sequential.setRun(limited(5, 1));
    gather.setRun(limited(5, 5));
    InFlightStrip strip;
    strip.resize(800, 200);
    strip.setModels({&sequential, &gather});
    QTRY_COMPARE(strip.scaleMax(&gather), 5);
    QCOMPARE(strip.scaleMax(&sequential), 5);
}

void TestInFlightStrip::aBlinkOfQueueingIsNotWaiting()
{
    // Gather's requests queue for a fraction of a millisecond while they are issued one after another.
    RunResult run = limited(5, 5);
    for (RequestRecord &record : run.records) {
        record.set(Mark::GateAcquired, record.id * 60'000); // up to 0.24 ms
        record.set(Mark::Issued, record.id * 60'000);
    }
    const ConcurrencySeries series = ConcurrencySeries::compute(run.records, run.endNs, false);
    QVERIFY(series.peakWaiting() > 0);
    QVERIFY(InFlightStrip::waitedNs(series) < InFlightStrip::NoticeableWaitNs);
    // Limited(1) makes its requests wait for real.
    const RunResult queued = limited(5, 1);
    QVERIFY(InFlightStrip::waitedNs(ConcurrencySeries::compute(queued.records, queued.endNs, false))
            >= InFlightStrip::NoticeableWaitNs);
}

void TestInFlightStrip::oneBandPerRun()
{
    RunModel first;
    RunModel second;
    first.setRun(limited(4, 4));
    second.setRun(limited(4, 1));
    InFlightStrip strip;
    strip.setModels({&first, &second});
    strip.resize(600, strip.sizeHint().height());
    strip.setPlotMargins(0, 0);
    strip.setVisibleRange(0, 400 * Ms);
    QVERIFY(strip.sizeHint().height() > 90);
    const QString top = strip.toolTipTextAt(QPoint(30, 10));
    const QString bottom = strip.toolTipTextAt(QPoint(30, strip.height() - 10));
    QVERIFY2(top.contains(QStringLiteral("in flight 4")), qPrintable(top));
    QVERIFY2(bottom.contains(QStringLiteral("in flight 1")), qPrintable(bottom));
}

void TestInFlightStrip::splitStacksTheHostsUnderTheTotal()
{
    // 12 requests through 4 permits, to three hosts in turn: each host has one or two in flight at a time.
    RunResult run = limited(12, 4);
    for (int i = 0; i < run.records.size(); ++i)
        run.records[i].url = QUrl(QStringLiteral("http://h%1.test/%2").arg(i % 3).arg(i));
    RunModel model;
    model.setRun(run);
    InFlightStrip strip;
    strip.resize(800, 90);
    strip.setPlotMargins(0, 0);
    strip.setModels({&model});
    strip.setVisibleRange(0, 400 * Ms);
    QVERIFY(strip.hostSeries(&model).empty());

    strip.setSplitByHost(true);
    const auto hosts = strip.hostSeries(&model);
    QCOMPARE(hosts.size(), std::size_t(3));
    QCOMPARE(strip.hostOrigins(&model).first(), QStringLiteral("http://h0.test:80"));
    // The total is unchanged by the split, and the hosts add up to it.
    QCOMPARE(strip.series(&model)->peakInFlight(), 4);
    const qint64 at = 150 * Ms;
    int sum = 0;
    for (const auto &host : hosts)
        sum += host.at(at).inFlight;
    QCOMPARE(sum, strip.series(&model)->at(at).inFlight);

    QImage image(strip.size(), QImage::Format_ARGB32);
    strip.render(&image);
    const auto count = [&image](const QColor &colour) {
        int n = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x)
                n += (image.pixel(x, y) & 0xffffff) == (colour.rgb() & 0xffffff) ? 1 : 0;
        }
        return n;
    };
    for (int slot = 0; slot < 3; ++slot)
        QVERIFY2(count(TimelinePalette::hostColor(slot)) > 300, qPrintable(QString::number(slot)));
    QVERIFY(count(TimelinePalette::gate()) > 50); // the gate's line is still there
    QVERIFY(count(strip.palette().color(QPalette::Text)) > 100); // and the total's

    const QString text = strip.toolTipTextAt(QPoint(300, strip.plotRect().center().y()));
    QVERIFY2(text.contains(QStringLiteral("in flight 4")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("h1.test: in flight ")));

    strip.setSplitByHost(false);
    QVERIFY(strip.hostSeries(&model).empty());
    QCOMPARE(strip.series(&model)->peakInFlight(), 4);
}

QTEST_MAIN(TestInFlightStrip)
#include "tst_inflightstrip.moc"
