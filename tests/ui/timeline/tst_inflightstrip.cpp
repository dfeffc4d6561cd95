#include "timeline/inflightstrip.h"

#include <QImage>
#include <QTest>

#include "models/runmodel.h"
#include "timeline/timelinepalette.h"

class TestInFlightStrip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void toolTipGivesTheCounts();
    void recomputesWhenTheModelChanges();
    void drawsInFlightAndTheGate();
    void oneBandPerRun();

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
    const QRgb blue = TimelinePalette::phaseColor(PhaseSpans::Phase::Download).rgb() & 0xffffff;
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

QTEST_MAIN(TestInFlightStrip)
#include "tst_inflightstrip.moc"
