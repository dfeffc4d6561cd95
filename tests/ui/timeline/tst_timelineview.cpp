#include "timeline/timelineview.h"

#include <QApplication>
#include <QHelpEvent>
#include <QImage>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>
#include <QWheelEvent>

#include "models/runmodel.h"
#include "pixels.h"
#include "timeline/timelinepalette.h"

class TestTimelineView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void requestAtGivesTheBarsId();
    void toolTipShowsUrlAndTimings();
    void clickActivatesTheRequest();
    void fitShowsTheWholeRun();
    void ctrlWheelZoomsAroundTheCursor();
    void shiftWheelPansAndKeysNavigate();
    void rendersEveryPhaseColour();
    void failedAndCancelledLookDifferent();
    void laneModePacksByPermit();
    void denseRowsAreMergedNotDropped();
    void liveBarsGrowWithTheClock();
    void clockTicksRebuildNothing();
    void aTickRepaintsOnlyWhatItChanged();
    void selectionScrollsIntoView();
    void severalRunsShareOneAxis();
    void idealScheduleIsDrawnOnlyWhenAsked();

private:
    static constexpr qint64 Ms = 1'000'000;
    static RunResult handMadeRun();

    RunModel *m_model = nullptr;
    TimelineView *m_view = nullptr;
};

RunResult TestTimelineView::handMadeRun()
{
    RunResult run;
    run.runId = 1;
    run.settings.mode = RunMode::Limited;
    run.settings.limit = 2;
    run.settings.delayMs = 300;
    const auto record = [](int id, std::initializer_list<std::pair<Mark, qint64>> marks) {
        RequestRecord r;
        r.id = id;
        r.url = QUrl(QStringLiteral("http://127.0.0.1:8080/page/%1").arg(id));
        r.mode = RunMode::Limited;
        for (const auto &[mark, ms] : marks)
            r.set(mark, ms * Ms);
        return r;
    };
    RequestRecord ok = record(0,
                              {{Mark::Queued, 0},
                               {Mark::GateAcquired, 0},
                               {Mark::Issued, 0},
                               {Mark::ConnectStarted, 0},
                               {Mark::RequestSent, 50},
                               {Mark::FirstByte, 200},
                               {Mark::Finished, 400},
                               {Mark::DelayReleased, 700}});
    ok.outcome = Outcome::Ok;
    ok.status = 200;
    ok.bytes = 5120;
    RequestRecord ok2 = record(1,
                               {{Mark::Queued, 0},
                                {Mark::Issued, 0},
                                {Mark::RequestSent, 30},
                                {Mark::FirstByte, 150},
                                {Mark::Finished, 500},
                                {Mark::DelayReleased, 800}});
    ok2.outcome = Outcome::Ok;
    ok2.status = 200;
    RequestRecord notFound = record(2,
                                    {{Mark::Queued, 0},
                                     {Mark::Issued, 700},
                                     {Mark::RequestSent, 720},
                                     {Mark::FirstByte, 800},
                                     {Mark::Finished, 850},
                                     {Mark::DelayReleased, 1150}});
    notFound.outcome = Outcome::HttpError;
    notFound.status = 404;
    RequestRecord refused = record(
        3, {{Mark::Queued, 0}, {Mark::Issued, 800}, {Mark::Finished, 900}, {Mark::DelayReleased, 1200}});
    refused.outcome = Outcome::Failed;
    refused.error = QStringLiteral("Connection refused");
    RequestRecord cancelled = record(4, {{Mark::Queued, 0}});
    cancelled.outcome = Outcome::Cancelled;
    cancelled.error = QStringLiteral("cancelled while waiting for its turn");
    run.records = {ok, ok2, notFound, refused, cancelled};
    run.capacityChanges = {{0, 2}, {600 * Ms, 3}};
    run.endNs = 1200 * Ms;
    run.cancelled = true;
    return run;
}

void TestTimelineView::init()
{
    m_model = new RunModel;
    m_model->setRun(handMadeRun());
    m_view = new TimelineView;
    m_view->resize(800, 400);
    m_view->setModels({m_model});
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
    m_view->fit();
}

void TestTimelineView::cleanup()
{
    delete m_view;
    delete m_model;
    m_view = nullptr;
    m_model = nullptr;
}

void TestTimelineView::requestAtGivesTheBarsId()
{
    for (int id = 0; id < 5; ++id) {
        const QRect bar = m_view->barRect(m_model, id);
        QVERIFY2(bar.isValid(), qPrintable(QString::number(id)));
        const auto hit = m_view->requestAt(bar.center());
        QVERIFY(hit.has_value());
        QCOMPARE(hit->first, m_model);
        QCOMPARE(hit->second, id);
    }
    // Below the last row there is nothing.
    const QRect last = m_view->barRect(m_model, 4);
    QVERIFY(!m_view->requestAt(QPoint(last.center().x(), last.bottom() + 30)).has_value());
}

void TestTimelineView::toolTipShowsUrlAndTimings()
{
    const QRect bar = m_view->barRect(m_model, 0);
    const QPoint pos(m_view->timeScale().toPixel(300 * Ms), bar.center().y()); // inside the download
    const QString text = m_view->toolTipTextAt(pos);
    QVERIFY(text.contains(QStringLiteral("http://127.0.0.1:8080/page/0")));
    QVERIFY(text.contains(QStringLiteral("Downloading")));
    QVERIFY(text.contains(QStringLiteral("200.0 ms"))); // download started at 200 ms, took 200 ms
    QVERIFY(text.contains(QStringLiteral("Politeness delay")));

    QHelpEvent help(QEvent::ToolTip, pos, m_view->viewport()->mapToGlobal(pos));
    QApplication::sendEvent(m_view->viewport(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QCOMPARE(QToolTip::text(), text);

    QVERIFY(m_view->toolTipTextAt(m_view->barRect(m_model, 3).center())
                .contains(QStringLiteral("Connection refused")));
    QVERIFY(m_view->toolTipTextAt(m_view->barRect(m_model, 2).center()).contains(QStringLiteral("HTTP 404")));
    QToolTip::hideText();
}

void TestTimelineView::clickActivatesTheRequest()
{
    QSignalSpy activated(m_view, &TimelineView::requestActivated);
    const QRect bar = m_view->barRect(m_model, 2);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, bar.center());
    QCOMPARE(activated.size(), 1);
    QCOMPARE(qvariant_cast<RunModel *>(activated.at(0).at(0)), m_model);
    QCOMPARE(activated.at(0).at(1).toInt(), 2);
    QCOMPARE(m_view->selection(), std::make_optional(std::make_pair(m_model, 2)));

    // A click on empty space activates nothing.
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, QPoint(790, 390));
    QCOMPARE(activated.size(), 1);
}

void TestTimelineView::fitShowsTheWholeRun()
{
    m_view->setVisibleRange(100 * Ms, 200 * Ms);
    QCOMPARE(m_view->visibleStartNs(), 100 * Ms);
    QSignalSpy changed(m_view, &TimelineView::visibleRangeChanged);
    m_view->fit();
    QCOMPARE(m_view->visibleStartNs(), qint64(0));
    QCOMPARE(m_view->visibleEndNs(), 1200 * Ms);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toLongLong(), qint64(0));
    QCOMPARE(changed.at(0).at(1).toLongLong(), 1200 * Ms);
    // Five rows fit at full height.
    QCOMPARE(m_view->rowHeight(), double(TimelineView::RowHeight));
}

void TestTimelineView::ctrlWheelZoomsAroundTheCursor()
{
    QSignalSpy changed(m_view, &TimelineView::visibleRangeChanged);
    const QPointF pos(200, 60);
    const qint64 before = m_view->timeScale().toTime(pos.x());
    const qint64 span = m_view->timeScale().spanNs();
    QWheelEvent wheel(pos, m_view->viewport()->mapToGlobal(pos), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_view->viewport(), &wheel);
    QCOMPARE(changed.size(), 1);
    QVERIFY(m_view->timeScale().spanNs() < span);
    QVERIFY(m_view->visibleStartNs() > 0);
    QVERIFY(std::abs(m_view->timeScale().toTime(pos.x()) - before)
            <= qint64(m_view->timeScale().nsPerPixel()) + 1);

    QWheelEvent out(pos, m_view->viewport()->mapToGlobal(pos), QPoint(), QPoint(0, -120), Qt::NoButton,
                    Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_view->viewport(), &out);
    QVERIFY(std::abs(m_view->timeScale().spanNs() - span) <= 2);
}

void TestTimelineView::shiftWheelPansAndKeysNavigate()
{
    m_view->setVisibleRange(200 * Ms, 600 * Ms);
    const QPointF pos(300, 60);
    QWheelEvent wheel(pos, m_view->viewport()->mapToGlobal(pos), QPoint(), QPoint(0, -120), Qt::NoButton,
                      Qt::ShiftModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_view->viewport(), &wheel);
    QVERIFY(m_view->visibleStartNs() > 200 * Ms);
    QCOMPARE(m_view->visibleEndNs() - m_view->visibleStartNs(), 400 * Ms);

    const qint64 start = m_view->visibleStartNs();
    QTest::keyClick(m_view, Qt::Key_Left);
    QVERIFY(m_view->visibleStartNs() < start);
    QTest::keyClick(m_view, Qt::Key_Plus);
    QVERIFY(m_view->timeScale().spanNs() < 400 * Ms);
    QTest::keyClick(m_view, Qt::Key_Minus);
    QTest::keyClick(m_view, Qt::Key_Minus);
    QVERIFY(m_view->timeScale().spanNs() > 400 * Ms);
    QTest::keyClick(m_view, Qt::Key_F);
    QCOMPARE(m_view->visibleStartNs(), qint64(0));
    QCOMPARE(m_view->visibleEndNs(), 1200 * Ms);
}

void TestTimelineView::rendersEveryPhaseColour()
{
    using Phase = PhaseSpans::Phase;
    const QImage image = TestPixels::render(m_view);
    QVERIFY(TestPixels::countColour(image, TimelinePalette::phaseColor(Phase::Connecting)) > 20);
    QVERIFY(TestPixels::countColour(image, TimelinePalette::phaseColor(Phase::FirstByte)) > 20);
    QVERIFY(TestPixels::countColour(image, TimelinePalette::phaseColor(Phase::Download)) > 20);
    QVERIFY(TestPixels::countColour(image, TimelinePalette::phaseColor(Phase::Delay)) > 20); // the hatch
    QVERIFY(TestPixels::countColour(image, TimelinePalette::waitingOutline()) > 20); // hollow waiting
    QVERIFY(TestPixels::countColour(image, TimelinePalette::gate()) > 20); // the resize from 2 to 3 permits
}

void TestTimelineView::idealScheduleIsDrawnOnlyWhenAsked()
{
    // The legend shows the ghost's swatch either way; the rows only when asked.
    const int without = TestPixels::countColour(TestPixels::render(m_view), TimelinePalette::ideal());
    m_view->setShowIdeal(true);
    const int with = TestPixels::countColour(TestPixels::render(m_view), TimelinePalette::ideal());
    QVERIFY2(with > without + 20, qPrintable(QStringLiteral("%1 vs %2").arg(with).arg(without)));
}

void TestTimelineView::failedAndCancelledLookDifferent()
{
    const QImage image = TestPixels::render(m_view);
    const auto rowHas = [&image](const QRect &bar, const QColor &colour) {
        for (int y = bar.top(); y <= bar.bottom(); ++y) {
            for (int x = std::max(0, bar.left()); x <= std::min(image.width() - 1, bar.right() + 8); ++x) {
                if ((image.pixel(x, y) & 0xffffff) == (colour.rgb() & 0xffffff))
                    return true;
            }
        }
        return false;
    };
    const QColor download = TimelinePalette::phaseColor(PhaseSpans::Phase::Download);
    QVERIFY(rowHas(m_view->barRect(m_model, 0), download));
    QVERIFY(!rowHas(m_view->barRect(m_model, 2), download));
    QVERIFY(rowHas(m_view->barRect(m_model, 2), TimelinePalette::error()));
    QVERIFY(!rowHas(m_view->barRect(m_model, 3), download));
    QVERIFY(rowHas(m_view->barRect(m_model, 3), TimelinePalette::errorLight()));
    QVERIFY(!rowHas(m_view->barRect(m_model, 4), download));
}

void TestTimelineView::laneModePacksByPermit()
{
    m_view->setLaneMode(true);
    m_view->fit();
    // Requests 0 and 2 held the same permit one after the other; 1 and 3 the other one.
    QCOMPARE(m_view->barRect(m_model, 0).top(), m_view->barRect(m_model, 2).top());
    QCOMPARE(m_view->barRect(m_model, 1).top(), m_view->barRect(m_model, 3).top());
    QVERIFY(m_view->barRect(m_model, 0).top() != m_view->barRect(m_model, 1).top());
    // The request that never got a permit waits in the queue lane on top.
    QVERIFY(m_view->barRect(m_model, 4).top() < m_view->barRect(m_model, 0).top());
    for (int id = 0; id < 5; ++id) {
        const QRect bar = m_view->barRect(m_model, id);
        const auto hit = m_view->requestAt(QPoint(bar.left() + 2, bar.center().y()));
        QVERIFY(hit.has_value());
        QCOMPARE(hit->second, id);
    }
}

void TestTimelineView::denseRowsAreMergedNotDropped()
{
    // 5000 requests of 1 ms one after another: far more rows than pixels once fitted.
    RunResult run;
    run.settings.mode = RunMode::Sequential;
    for (int i = 0; i < 5000; ++i) {
        RequestRecord r;
        r.id = i;
        r.url = QUrl(QStringLiteral("http://127.0.0.1/%1").arg(i));
        r.set(Mark::Queued, i * Ms);
        r.set(Mark::Issued, i * Ms);
        r.set(Mark::RequestSent, i * Ms + Ms / 10);
        r.set(Mark::FirstByte, i * Ms + Ms / 2);
        r.set(Mark::Finished, (i + 1) * Ms);
        r.outcome = i == 2500 ? Outcome::Failed : Outcome::Ok;
        run.records.append(r);
    }
    run.endNs = 5000 * Ms;
    m_model->setRun(run);
    m_view->fit();
    QVERIFY(m_view->rowHeight() < 1);

    const QImage image = TestPixels::render(m_view->viewport());
    // Every pixel row that holds requests shows something, and the failure is still there.
    const int firstRowY = TimelineView::HeaderHeight + 1;
    const int lastRowY = int(TimelineView::HeaderHeight + 5000 * m_view->rowHeight()) - 1;
    for (int y = firstRowY; y < lastRowY; ++y) {
        bool painted = false;
        for (int x = 0; x < image.width() && !painted; ++x)
            painted = (image.pixel(x, y) & 0xffffff)
                    == (TimelinePalette::phaseColor(PhaseSpans::Phase::Download).rgb() & 0xffffff)
                || (image.pixel(x, y) & 0xffffff) == (TimelinePalette::error().rgb() & 0xffffff);
        QVERIFY2(painted, qPrintable(QStringLiteral("pixel row %1 is empty").arg(y)));
    }
    QVERIFY(TestPixels::countColour(image, TimelinePalette::error()) > 0);

    // A merged marker's tooltip says how many it holds.
    const int y = (firstRowY + lastRowY) / 2;
    QString merged;
    for (int x = 0; x < image.width() && merged.isEmpty(); ++x) {
        const QString text = m_view->toolTipTextAt(QPoint(x, y));
        if (text.contains(QStringLiteral("merged here")))
            merged = text;
    }
    QVERIFY2(!merged.isEmpty(), "no merged marker found");
    QVERIFY(merged.contains(QStringLiteral("zoom in")));

    // Zoomed in far enough, single requests come back.
    m_view->setRowHeight(TimelineView::RowHeight);
    m_view->setVisibleRange(0, 20 * Ms);
    const auto hit = m_view->requestAt(m_view->barRect(m_model, 3).center());
    QVERIFY(hit.has_value());
    QCOMPARE(hit->second, 3);
}

void TestTimelineView::liveBarsGrowWithTheClock()
{
    RunSettings settings;
    settings.mode = RunMode::Gather;
    m_model->beginRun(7, settings, QDateTime::currentDateTimeUtc());
    RequestRecord running;
    running.id = 0;
    running.url = QUrl(QStringLiteral("http://127.0.0.1/slow"));
    running.set(Mark::Queued, 0);
    running.set(Mark::Issued, 0);
    running.set(Mark::RequestSent, 10 * Ms);
    m_model->applyRecords(7, {running});
    m_model->setLiveNow(m_model->run().runId, 300 * Ms);
    QTRY_VERIFY(m_view->barRect(m_model, 0).isValid());
    const int before = m_view->barRect(m_model, 0).width();
    QVERIFY(before > 0);
    m_model->setLiveNow(m_model->run().runId, 900 * Ms);
    // Throttled, the view follows within a frame or so; the window grows too, so compare times, not pixels.
    QTRY_VERIFY(m_view->timeScale().toTime(m_view->barRect(m_model, 0).right()) > 800 * Ms);
    QVERIFY(m_view->toolTipTextAt(m_view->barRect(m_model, 0).center()).contains(QStringLiteral("running")));
}

void TestTimelineView::clockTicksRebuildNothing()
{
    RunSettings settings;
    settings.mode = RunMode::Gather;
    m_model->beginRun(8, settings, QDateTime::currentDateTimeUtc());
    QList<RequestRecord> records;
    for (int id = 0; id < 50; ++id) {
        RequestRecord record;
        record.id = id;
        record.url = QUrl(QStringLiteral("http://127.0.0.1/page/%1").arg(id));
        record.set(Mark::Queued, 0);
        record.set(Mark::Issued, id * Ms);
        m_model->applyRecords(8, {record});
    }
    m_model->setLiveNow(8, 100 * Ms);
    QTRY_VERIFY(m_view->barRect(m_model, 49).isValid());
    TestPixels::render(m_view);
    const int rebuilds = m_view->layout().rebuildCount();
    const qint64 patched = m_view->layout().patchedBarCount();
    const int rowLayouts = m_view->layout().rowLayoutCount();
    for (int tick = 1; tick <= 5; ++tick) {
        m_model->setLiveNow(8, (100 + 500 * tick) * Ms);
        // Each tick is painted: the running bars reach the new "now".
        QTRY_VERIFY(m_view->timeScale().toTime(m_view->barRect(m_model, 0).right() + 2)
                    > (100 + 500 * tick) * Ms);
        TestPixels::render(m_view);
    }
    QCOMPARE(m_view->layout().rebuildCount(), rebuilds);
    QCOMPARE(m_view->layout().patchedBarCount(), patched);
    QCOMPARE(m_view->layout().rowLayoutCount(), rowLayouts);
}

namespace {

// The regions the viewport was asked to paint.
class PaintRegions : public QObject
{
public:
    explicit PaintRegions(QWidget *widget) { widget->installEventFilter(this); }
    QList<QRegion> regions;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            regions.append(static_cast<QPaintEvent *>(event)->region());
        return false;
    }
};

} // namespace

void TestTimelineView::aTickRepaintsOnlyWhatItChanged()
{
    // A big live run at a scale that stays: a tick of the clock repaints the columns the bars grew into and
    // the headers, not the whole view (the frame is not copied to the screen whole 30 times a second).
    RunSettings settings;
    settings.mode = RunMode::Limited;
    settings.limit = 20;
    m_model->beginRun(9, settings, QDateTime::currentDateTimeUtc());
    QList<RequestRecord> records;
    for (int id = 0; id < 3000; ++id) {
        RequestRecord record;
        record.id = id;
        record.set(Mark::Queued, 0);
        if (id < 400) {
            record.set(Mark::Issued, (id / 20) * 50 * Ms);
            if (id < 380) {
                record.set(Mark::Finished, (id / 20 + 1) * 50 * Ms);
                record.outcome = Outcome::Ok;
            }
        }
        records.append(record);
    }
    m_model->applyRecords(9, records);
    m_model->setLiveNow(9, 1000 * Ms);
    QTRY_VERIFY(m_view->layout().rowCount() == 3000);
    QTRY_VERIFY(m_view->viewportState().isDense());
    PaintRegions paints(m_view->viewport());
    m_model->setLiveNow(9, 1001 * Ms);
    QTRY_VERIFY(!paints.regions.isEmpty());
    const TimeScale scale = m_view->timeScale();
    const QRect whole = m_view->viewport()->rect();
    for (int tick = 1; tick <= 3; ++tick) {
        paints.regions.clear();
        m_model->setLiveNow(9, (1000 + 10 * tick) * Ms);
        QTRY_VERIFY(!paints.regions.isEmpty());
        QCOMPARE(m_view->timeScale().endNs(), scale.endNs()); // the followed window did not step
        const QRegion &painted = paints.regions.last();
        QVERIFY2(painted != QRegion(whole), qPrintable(QString::number(tick)));
        qint64 area = 0;
        for (const QRect &rect : painted)
            area += qint64(rect.width()) * rect.height();
        QVERIFY2(area * 4 < qint64(whole.width()) * whole.height(), qPrintable(QString::number(area)));
    }
}

void TestTimelineView::selectionScrollsIntoView()
{
    RunResult run;
    for (int i = 0; i < 300; ++i) {
        RequestRecord r;
        r.id = i;
        r.url = QUrl(QStringLiteral("http://127.0.0.1/%1").arg(i));
        r.set(Mark::Queued, 0);
        r.set(Mark::Issued, i * Ms);
        r.set(Mark::Finished, (i + 1) * Ms);
        r.outcome = Outcome::Ok;
        run.records.append(r);
    }
    m_model->setRun(run);
    m_view->fit();
    m_view->setRowHeight(TimelineView::RowHeight);
    QCOMPARE(m_view->verticalScrollBar()->value(), 0);
    QSignalSpy activated(m_view, &TimelineView::requestActivated);
    m_view->setSelection(m_model, 250);
    QVERIFY(m_view->verticalScrollBar()->value() > 0);
    const QRect bar = m_view->barRect(m_model, 250);
    QVERIFY(m_view->viewport()->rect().contains(bar.center()));
    QCOMPARE(activated.size(), 0); // setting the selection is not the user's activation
}

void TestTimelineView::severalRunsShareOneAxis()
{
    RunModel other;
    RunResult longer = handMadeRun();
    longer.endNs = 2400 * Ms;
    for (auto &record : longer.records) {
        for (auto &mark : record.marks) {
            if (mark != RequestRecord::NotReached)
                mark *= 2;
        }
    }
    other.setRun(longer);
    m_view->setModels({m_model, &other});
    m_view->fit();
    QCOMPARE(m_view->visibleEndNs(), 2400 * Ms);
    const QRect first = m_view->barRect(m_model, 0);
    const QRect second = m_view->barRect(&other, 0);
    QVERIFY(second.top() > first.top() + 5 * first.height()); // below the first track and its header
    // Same time, same x: the first run's download starts at 200 ms, the second's at 400 ms.
    QCOMPARE(m_view->requestAt(QPoint(m_view->timeScale().toPixel(300 * Ms), second.center().y()))->first,
             &other);
    m_view->setModels({m_model});
}

QTEST_MAIN(TestTimelineView)
#include "tst_timelineview.moc"
