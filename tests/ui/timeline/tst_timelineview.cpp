#include "timeline/timelineview.h"

#include <QApplication>
#include <QHelpEvent>
#include <QImage>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>
#include <QWheelEvent>

#include "models/runmodel.h"
#include "timeline/timelinelayout.h"
#include "timeline/timelinelegend.h"
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
    void groupByHostOrdersRowsByHost();
    void groupedClickSelectsTheRightRecord();
    void groupHeaderNamesTheHost();
    void hostColoursDifferAndStayStableWhileLive();
    void failuresStayRedWhenColouredByHost();
    void robotsRequestsAreMarked();
    void legendListsAFewHostsAndCountsTheRest();
    void denseGroupedRowsStillPick();

private:
    static constexpr qint64 Ms = 1'000'000;
    static RunResult handMadeRun();
    // Three hosts' requests interleaved, each host's robots.txt first; #5 fails with a 404.
    static RunResult crawlRun();
    static RequestRecord crawlRecord(int id, const QString &host, qint64 startMs, qint64 endMs,
                                     RequestRole role = RequestRole::Page);
    static QString origin(const QString &host) { return QStringLiteral("http://%1:8080").arg(host); }
    QColor downloadColour(const QImage &image, int id, const RunResult &run) const;
    static QImage render(QWidget *widget);
    static int countColour(const QImage &image, const QColor &colour);

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

RequestRecord TestTimelineView::crawlRecord(int id, const QString &host, qint64 startMs, qint64 endMs,
                                            RequestRole role)
{
    RequestRecord r;
    r.id = id;
    r.role = role;
    r.url = QUrl(
        origin(host)
        + (role == RequestRole::Robots ? QStringLiteral("/robots.txt") : QStringLiteral("/page/%1").arg(id)));
    r.set(Mark::Queued, 0);
    r.set(Mark::GateAcquired, startMs * Ms);
    r.set(Mark::Issued, startMs * Ms);
    r.set(Mark::RequestSent, (startMs + 5) * Ms);
    r.set(Mark::FirstByte, (startMs + (endMs - startMs) / 3) * Ms);
    r.set(Mark::Finished, endMs * Ms);
    r.outcome = Outcome::Ok;
    r.status = 200;
    return r;
}

RunResult TestTimelineView::crawlRun()
{
    RunResult run;
    run.runId = 2;
    run.settings.mode = RunMode::Limited;
    run.settings.limit = 3;
    const QString a = QStringLiteral("a.test");
    const QString b = QStringLiteral("b.test");
    const QString c = QStringLiteral("c.test");
    run.records = {crawlRecord(0, a, 0, 50, RequestRole::Robots),
                   crawlRecord(1, b, 0, 60, RequestRole::Robots),
                   crawlRecord(2, a, 50, 200),
                   crawlRecord(3, b, 60, 250),
                   crawlRecord(4, c, 100, 150, RequestRole::Robots),
                   crawlRecord(5, a, 200, 300),
                   crawlRecord(6, c, 150, 400),
                   crawlRecord(7, b, 250, 500),
                   crawlRecord(8, a, 300, 450)};
    run.records[5].outcome = Outcome::HttpError;
    run.records[5].status = 404;
    for (const QString &host : {a, b, c}) {
        CrawlHost crawlHost;
        crawlHost.origin = origin(host);
        crawlHost.robots = RobotsStatus::AllowAll;
        crawlHost.robotsDetail = QStringLiteral("robots.txt answered 404: everything is allowed");
        run.hosts.append(crawlHost);
    }
    run.capacityChanges = {{0, 3}};
    run.endNs = 500 * Ms;
    return run;
}

QColor TestTimelineView::downloadColour(const QImage &image, int id, const RunResult &run) const
{
    // The middle of the download, on the bar's centre line.
    const RequestRecord &record = run.records[id];
    const qint64 middle = (record.at(Mark::FirstByte) + record.at(Mark::Finished)) / 2;
    const QRect bar = m_view->barRect(m_model, id);
    const QPoint pos(int(m_view->timeScale().toPixel(middle)), bar.center().y());
    return QColor(image.pixel(m_view->viewport()->mapTo(m_view, pos)));
}

QImage TestTimelineView::render(QWidget *widget)
{
    QImage image(widget->size(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    widget->render(&image);
    return image;
}

int TestTimelineView::countColour(const QImage &image, const QColor &colour)
{
    int count = 0;
    const QRgb wanted = colour.rgb();
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            count += (line[x] & 0xffffff) == (wanted & 0xffffff) ? 1 : 0;
    }
    return count;
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
    const QImage image = render(m_view);
    QVERIFY(countColour(image, TimelinePalette::phaseColor(Phase::Connecting)) > 20);
    QVERIFY(countColour(image, TimelinePalette::phaseColor(Phase::FirstByte)) > 20);
    QVERIFY(countColour(image, TimelinePalette::phaseColor(Phase::Download)) > 20);
    QVERIFY(countColour(image, TimelinePalette::phaseColor(Phase::Delay)) > 20); // the hatch
    QVERIFY(countColour(image, TimelinePalette::waitingOutline()) > 20); // hollow waiting
    QVERIFY(countColour(image, TimelinePalette::gate()) > 20); // the resize from 2 to 3 permits
}

void TestTimelineView::idealScheduleIsDrawnOnlyWhenAsked()
{
    // The legend shows the ghost's swatch either way; the rows only when asked.
    const int without = countColour(render(m_view), TimelinePalette::ideal());
    m_view->setShowIdeal(true);
    const int with = countColour(render(m_view), TimelinePalette::ideal());
    QVERIFY2(with > without + 20, qPrintable(QStringLiteral("%1 vs %2").arg(with).arg(without)));
}

void TestTimelineView::failedAndCancelledLookDifferent()
{
    const QImage image = render(m_view);
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

    const QImage image = render(m_view->viewport());
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
    QVERIFY(countColour(image, TimelinePalette::error()) > 0);

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
    render(m_view);
    const int rebuilds = m_view->layout().rebuildCount();
    const qint64 patched = m_view->layout().patchedBarCount();
    const int rowLayouts = m_view->layout().rowLayoutCount();
    for (int tick = 1; tick <= 5; ++tick) {
        m_model->setLiveNow(8, (100 + 500 * tick) * Ms);
        // Each tick is painted: the running bars reach the new "now".
        QTRY_VERIFY(m_view->timeScale().toTime(m_view->barRect(m_model, 0).right() + 2)
                    > (100 + 500 * tick) * Ms);
        render(m_view);
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

void TestTimelineView::groupByHostOrdersRowsByHost()
{
    const RunResult run = crawlRun();
    m_model->setRun(run);
    m_view->setGroupByHost(true);
    QVERIFY(m_view->groupByHost());
    QCOMPARE(m_view->groupCount(), 3);
    QCOMPARE(m_view->rowCount(), 9 + 3); // a header row per host
    for (const bool lanes : {false, true}) {
        m_view->setLaneMode(lanes);
        const QString mode = lanes ? QStringLiteral("lanes") : QStringLiteral("rows");
        QMap<QString, std::pair<int, int>> rows; // host -> lowest and highest row
        for (const RequestRecord &record : run.records) {
            const int row = m_view->rowOf(m_model, record.id);
            QVERIFY2(row >= 0, qPrintable(mode));
            const QString host = record.url.host();
            auto it = rows.find(host);
            if (it == rows.end())
                rows.insert(host, {row, row});
            else
                *it = {std::min(it->first, row), std::max(it->second, row)};
        }
        // Every row of a.test above every row of b.test, and those above c.test's, in the crawl's host order.
        QVERIFY2(rows[QStringLiteral("a.test")].second < rows[QStringLiteral("b.test")].first,
                 qPrintable(mode));
        QVERIFY2(rows[QStringLiteral("b.test")].second < rows[QStringLiteral("c.test")].first,
                 qPrintable(mode));
        QCOMPARE(rows[QStringLiteral("a.test")].first, 1); // under the first host's header
    }
    // Without lanes, a host's requests keep their order: a.test's are #0, #2, #5, #8 in rows 1 to 4.
    m_view->setLaneMode(false);
    QCOMPARE(m_view->rowOf(m_model, 0), 1);
    QCOMPARE(m_view->rowOf(m_model, 2), 2);
    QCOMPARE(m_view->rowOf(m_model, 5), 3);
    QCOMPARE(m_view->rowOf(m_model, 8), 4);
    // Lanes are packed per host: a.test's requests never overlap, so they share one lane.
    m_view->setLaneMode(true);
    QCOMPARE(m_view->rowOf(m_model, 2), m_view->rowOf(m_model, 8));
    QCOMPARE(m_view->rowCount(), 3 + 1 + 1 + 1); // each host's requests follow one another: a lane each

    m_view->setGroupByHost(false);
    m_view->setLaneMode(false);
    QCOMPARE(m_view->rowOf(m_model, 5), 5);
    QCOMPARE(m_view->groupCount(), 0);
}

void TestTimelineView::groupedClickSelectsTheRightRecord()
{
    m_model->setRun(crawlRun());
    m_view->setGroupByHost(true);
    m_view->fit();
    QSignalSpy activated(m_view, &TimelineView::requestActivated);
    for (const bool lanes : {false, true}) {
        m_view->setLaneMode(lanes);
        m_view->fit();
        for (int id = 0; id < 9; ++id) {
            const QRect bar = m_view->barRect(m_model, id);
            QVERIFY(m_view->viewport()->rect().contains(bar.center()));
            const QPoint pos(bar.left() + 3, bar.center().y());
            const auto hit = m_view->requestAt(pos);
            QVERIFY2(hit && hit->second == id,
                     qPrintable(QStringLiteral("#%1, lanes %2").arg(id).arg(lanes)));
            activated.clear();
            QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, pos);
            QCOMPARE(activated.size(), 1);
            QCOMPARE(activated.at(0).at(1).toInt(), id);
            QCOMPARE(m_view->selection(), std::make_optional(std::make_pair(m_model, id)));
        }
    }
    // Zooming and keys still work on grouped rows.
    m_view->setLaneMode(false);
    m_view->fit();
    QTest::keyClick(m_view, Qt::Key_Plus);
    QVERIFY(m_view->timeScale().spanNs() < 500 * Ms);
    QTest::keyClick(m_view, Qt::Key_F);
    QCOMPARE(m_view->visibleEndNs(), 500 * Ms);
    // Selecting a record scrolls its grouped row into view.
    m_view->setRowHeight(TimelineView::RowHeight);
    m_view->resize(800, 150);
    m_view->setSelection(m_model, 6);
    QVERIFY(m_view->viewport()->rect().contains(m_view->barRect(m_model, 6).center()));
}

void TestTimelineView::groupHeaderNamesTheHost()
{
    m_model->setRun(crawlRun());
    m_view->setGroupByHost(true);
    m_view->fit();
    // The header row sits just above the group's first request.
    const QRect first = m_view->barRect(m_model, 1); // b.test's robots.txt
    const QString text = m_view->toolTipTextAt(QPoint(first.left() + 2, first.top() - first.height() / 2));
    QVERIFY2(text.contains(QStringLiteral("b.test:8080")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("3 requests")));
    QVERIFY(text.contains(QStringLiteral("everything is allowed")));
    // Its label is painted.
    const QImage image = render(m_view->viewport());
    int dark = 0;
    for (int x = 0; x < 200; ++x)
        dark += qGray(image.pixel(x, first.top() - first.height() / 2)) < 100 ? 1 : 0;
    QVERIFY(dark > 3);
}

void TestTimelineView::hostColoursDifferAndStayStableWhileLive()
{
    const RunResult run = crawlRun();
    RunSettings settings = run.settings;
    m_model->beginRun(9, settings, QDateTime::currentDateTimeUtc());
    m_view->setColourByHost(true);
    QVERIFY(m_view->colourByHost());
    // First batch: a.test and b.test only.
    m_model->applyRecords(9, run.records.mid(0, 4));
    m_model->applyCrawl(9, {}, run.hosts.mid(0, 2));
    m_model->setLiveNow(m_model->run().runId, 300 * Ms);
    QTRY_VERIFY(m_view->barRect(m_model, 3).isValid());
    QTRY_COMPARE(m_view->legend()->hosts().size(), 2);

    HostColours *colours = m_view->hostColours();
    const int slotA = colours->find(origin(QStringLiteral("a.test")));
    const int slotB = colours->find(origin(QStringLiteral("b.test")));
    QVERIFY(slotA >= 0 && slotB >= 0 && slotA != slotB);
    QImage image = render(m_view);
    const QColor a = downloadColour(image, 2, run);
    const QColor b = downloadColour(image, 3, run);
    QCOMPARE(a, TimelinePalette::hostColor(slotA));
    QCOMPARE(b, TimelinePalette::hostColor(slotB));
    QVERIFY(a != b);

    // More requests and a third host stream in: the first two keep their colours.
    m_model->applyRecords(9, run.records.mid(4));
    m_model->applyCrawl(9, {}, run.hosts);
    m_model->setLiveNow(m_model->run().runId, 600 * Ms);
    QTRY_VERIFY(m_view->barRect(m_model, 8).isValid());
    QTRY_COMPARE(m_view->legend()->hosts().size(), 3);
    QCOMPARE(colours->find(origin(QStringLiteral("a.test"))), slotA);
    QCOMPARE(colours->find(origin(QStringLiteral("b.test"))), slotB);
    image = render(m_view);
    QCOMPARE(downloadColour(image, 2, run), a);
    QCOMPARE(downloadColour(image, 3, run), b);
    QCOMPARE(downloadColour(image, 8, run), a);
    const QColor c = downloadColour(image, 6, run);
    QVERIFY(c != a && c != b);
    QCOMPARE(c, TimelinePalette::hostColor(colours->find(origin(QStringLiteral("c.test")))));

    // Off again: the download blue for everyone, and the legend's phase colours back.
    m_view->setColourByHost(false);
    image = render(m_view);
    QCOMPARE(downloadColour(image, 3, run), TimelinePalette::phaseColor(PhaseSpans::Phase::Download));
    QVERIFY(m_view->legend()->hosts().isEmpty());
}

void TestTimelineView::failuresStayRedWhenColouredByHost()
{
    const RunResult run = crawlRun();
    m_model->setRun(run);
    m_view->setColourByHost(true);
    m_view->setGroupByHost(true);
    m_view->fit();
    const QImage image = render(m_view);
    QCOMPARE(downloadColour(image, 5, run), TimelinePalette::error()); // the 404
    QCOMPARE(downloadColour(image, 2, run),
             TimelinePalette::hostColor(m_view->hostColours()->find(origin(QStringLiteral("a.test")))));
}

void TestTimelineView::robotsRequestsAreMarked()
{
    m_model->setRun(crawlRun());
    m_view->fit();
    const QRect robots = m_view->barRect(m_model, 4);
    const QString text = m_view->toolTipTextAt(robots.center());
    QVERIFY2(text.contains(QStringLiteral("robots.txt of c.test:8080")), qPrintable(text));
    QVERIFY(!m_view->toolTipTextAt(m_view->barRect(m_model, 6).center())
                 .contains(QStringLiteral("robots.txt of")));
    // A small dark pennant pointing at the moment it went out.
    const QImage image = render(m_view->viewport());
    const int issued = int(m_view->timeScale().toPixel(100 * Ms));
    int marker = 0;
    for (int x = issued - 8; x < issued; ++x)
        marker += QColor(image.pixel(x, robots.center().y() + 1)) == TimelinePalette::robotsMark() ? 1 : 0;
    QVERIFY(marker > 2);
    // The legend explains it.
    QTRY_VERIFY(m_view->legend()->sizeHint().width() > 0);
}

void TestTimelineView::legendListsAFewHostsAndCountsTheRest()
{
    RunResult run;
    for (int i = 0; i < 9; ++i) {
        RequestRecord r = crawlRecord(i, QStringLiteral("h%1.test").arg(i), i * 10, i * 10 + 50);
        run.records.append(r);
    }
    run.endNs = 130 * Ms;
    m_model->setRun(run); // no host list: the records' order
    m_view->setColourByHost(true);
    QTRY_COMPARE(m_view->legend()->hosts().size(), TimelineLegend::MaxHosts);
    QCOMPARE(m_view->legend()->moreHosts(), 9 - TimelineLegend::MaxHosts);
    QCOMPARE(m_view->legend()->hosts().first().name, QStringLiteral("h0.test:8080"));
    QCOMPARE(m_view->legend()->hosts().at(1).slot, 1);
}

void TestTimelineView::denseGroupedRowsStillPick()
{
    // 3000 requests to 30 hosts, dealt round-robin: far more rows than pixels once fitted.
    RunResult run;
    for (int i = 0; i < 3000; ++i)
        run.records.append(crawlRecord(i, QStringLiteral("h%1.test").arg(i % 30), i, i + 5));
    run.endNs = 3005 * Ms;
    m_model->setRun(run);
    m_view->setGroupByHost(true);
    m_view->setColourByHost(true);
    m_view->fit();
    QVERIFY(m_view->rowHeight() < 1);
    QCOMPARE(m_view->groupCount(), 30);
    // Each host's rows are together: h1's #1 and #2971 are within one group's 101 rows.
    QVERIFY(std::abs(m_view->rowOf(m_model, 2971) - m_view->rowOf(m_model, 1)) <= 100);
    QVERIFY(m_view->rowOf(m_model, 1) > m_view->rowOf(m_model, 2970));
    const QImage image = render(m_view->viewport());
    QVERIFY(countColour(image, TimelinePalette::hostColor(1)) > 10);
    QVERIFY(countColour(image, TimelinePalette::hostColor(29)) > 10);

    // Ungrouped, a pixel row mixes hosts: each row still shows some host's colour, and many hosts show.
    m_view->setGroupByHost(false);
    m_view->fit();
    const QImage mixed = render(m_view->viewport());
    const int firstRowY = TimelineView::HeaderHeight + 1;
    const int lastRowY = int(TimelineView::HeaderHeight + 3000 * m_view->rowHeight()) - 1;
    QSet<QRgb> hostColours;
    for (int slot = 0; slot < TimelinePalette::HostColorCount; ++slot)
        hostColours.insert(TimelinePalette::hostColor(slot).rgb() & 0xffffff);
    for (const int light : {0, 1}) {
        for (int slot = 0; light && slot < TimelinePalette::HostColorCount; ++slot)
            hostColours.insert(TimelinePalette::hostLightColor(slot).rgb() & 0xffffff);
    }
    QSet<QRgb> seen;
    for (int y = firstRowY; y < lastRowY; ++y) {
        bool painted = false;
        for (int x = 0; x < mixed.width(); ++x) {
            const QRgb pixel = mixed.pixel(x, y) & 0xffffff;
            if (hostColours.contains(pixel)) {
                painted = true;
                seen.insert(pixel);
            }
        }
        QVERIFY2(painted, qPrintable(QStringLiteral("pixel row %1 has no host colour").arg(y)));
    }
    QVERIFY2(seen.size() > 20, qPrintable(QString::number(seen.size())));
    m_view->setGroupByHost(true);
    m_view->fit();
    // Zoomed in, one request again comes back from its grouped row.
    m_view->setRowHeight(TimelineView::RowHeight);
    m_view->setSelection(m_model, 1234);
    const auto hit = m_view->requestAt(m_view->barRect(m_model, 1234).center());
    QVERIFY(hit.has_value());
    QCOMPARE(hit->second, 1234);
}

QTEST_MAIN(TestTimelineView)
#include "tst_timelineview.moc"
