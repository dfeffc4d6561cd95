#include "core/runcaption.h"

#include <QTest>

// How a run is named in its header: the lesson's facts, and a gate resized during the run said as such.

class TestRunCaptionResize : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void headerSaysTheGateWasResized();
    void headerOfAnUnresizedGateSaysNothingOfIt();
};

namespace {

constexpr qint64 Ms = 1'000'000;

RunResult limitedRun(const QList<CapacityChange> &capacity)
{
    RunResult run;
    run.settings.mode = RunMode::Limited;
    run.settings.limit = capacity.constFirst().capacity;
    for (int i = 0; i < 4; ++i) {
        RequestRecord record;
        record.id = i;
        record.set(Mark::Queued, 0);
        record.set(Mark::GateAcquired, i * 100 * Ms);
        record.set(Mark::Issued, i * 100 * Ms);
        record.set(Mark::RequestSent, i * 100 * Ms + Ms);
        record.set(Mark::FirstByte, i * 100 * Ms + 90 * Ms);
        record.set(Mark::Finished, i * 100 * Ms + 100 * Ms);
        record.outcome = Outcome::Ok;
        record.status = 200;
        run.records.append(record);
    }
    run.endNs = 400 * Ms;
    run.capacityChanges = capacity;
    return run;
}

} // namespace

void TestRunCaptionResize::headerSaysTheGateWasResized()
{
    // 3 → 7 by the slider during the run, through 4 and 6 as it was dragged.
    const RunResult run = limitedRun({{0, 3}, {50 * Ms, 4}, {60 * Ms, 6}, {70 * Ms, 7}});
    RunCaption::Facts facts;
    facts.requests = 4;
    facts.endNs = run.endNs;
    const QString header = RunCaption::header(run, facts);
    QVERIFY2(header.contains(QStringLiteral("gate resized 3 → 7")), qPrintable(header));
    QVERIFY(header.contains(QStringLiteral("ideal")));
}

void TestRunCaptionResize::headerOfAnUnresizedGateSaysNothingOfIt()
{
    const RunResult run = limitedRun({{0, 3}});
    RunCaption::Facts facts;
    facts.requests = 4;
    facts.endNs = run.endNs;
    QVERIFY(!RunCaption::header(run, facts).contains(QStringLiteral("resized")));
}

QTEST_GUILESS_MAIN(TestRunCaptionResize)
#include "tst_runcaptionresize.moc"
