// The timeline for a crawl: rows grouped by host, each host its own colour, robots.txt marked, and the
// legend.
#include "timeline/timelineview.h"

#include <QImage>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include "models/runmodel.h"
#include "pixels.h"
#include "timeline/timelinelegend.h"
#include "timeline/timelinepalette.h"

class TestTimelineHosts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
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
    // Three hosts' requests interleaved, each host's robots.txt first; #5 fails with a 404.
    static RunResult crawlRun();
    static RequestRecord crawlRecord(int id, const QString &host, qint64 startMs, qint64 endMs,
                                     RequestRole role = RequestRole::Page);
    static QString origin(const QString &host) { return QStringLiteral("http://%1:8080").arg(host); }
    QColor downloadColour(const QImage &image, int id, const RunResult &run) const;

    RunModel *m_model = nullptr;
    TimelineView *m_view = nullptr;
};

RequestRecord TestTimelineHosts::crawlRecord(int id, const QString &host, qint64 startMs, qint64 endMs,
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

RunResult TestTimelineHosts::crawlRun()
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

QColor TestTimelineHosts::downloadColour(const QImage &image, int id, const RunResult &run) const
{
    // The middle of the download, on the bar's centre line.
    const RequestRecord &record = run.records[id];
    const qint64 middle = (record.at(Mark::FirstByte) + record.at(Mark::Finished)) / 2;
    const QRect bar = m_view->barRect(m_model, id);
    const QPoint pos(int(m_view->timeScale().toPixel(middle)), bar.center().y());
    return QColor(image.pixel(m_view->viewport()->mapTo(m_view, pos)));
}

void TestTimelineHosts::init()
{
    m_model = new RunModel;
    m_view = new TimelineView;
    m_view->resize(800, 400);
    m_view->setModels({m_model});
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
}

void TestTimelineHosts::cleanup()
{
    delete m_view;
    delete m_model;
    m_view = nullptr;
    m_model = nullptr;
}

void TestTimelineHosts::groupByHostOrdersRowsByHost()
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

void TestTimelineHosts::groupedClickSelectsTheRightRecord()
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

void TestTimelineHosts::groupHeaderNamesTheHost()
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
    const QImage image = TestPixels::render(m_view->viewport());
    int dark = 0;
    for (int x = 0; x < 200; ++x)
        dark += qGray(image.pixel(x, first.top() - first.height() / 2)) < 100 ? 1 : 0;
    QVERIFY(dark > 3);
}

void TestTimelineHosts::hostColoursDifferAndStayStableWhileLive()
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
    QImage image = TestPixels::render(m_view);
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
    image = TestPixels::render(m_view);
    QCOMPARE(downloadColour(image, 2, run), a);
    QCOMPARE(downloadColour(image, 3, run), b);
    QCOMPARE(downloadColour(image, 8, run), a);
    const QColor c = downloadColour(image, 6, run);
    QVERIFY(c != a && c != b);
    QCOMPARE(c, TimelinePalette::hostColor(colours->find(origin(QStringLiteral("c.test")))));

    // Off again: the download blue for everyone, and the legend's phase colours back.
    m_view->setColourByHost(false);
    image = TestPixels::render(m_view);
    QCOMPARE(downloadColour(image, 3, run), TimelinePalette::phaseColor(PhaseSpans::Phase::Download));
    QVERIFY(m_view->legend()->hosts().isEmpty());
}

void TestTimelineHosts::failuresStayRedWhenColouredByHost()
{
    const RunResult run = crawlRun();
    m_model->setRun(run);
    m_view->setColourByHost(true);
    m_view->setGroupByHost(true);
    m_view->fit();
    const QImage image = TestPixels::render(m_view);
    QCOMPARE(downloadColour(image, 5, run), TimelinePalette::error()); // the 404
    QCOMPARE(downloadColour(image, 2, run),
             TimelinePalette::hostColor(m_view->hostColours()->find(origin(QStringLiteral("a.test")))));
}

void TestTimelineHosts::robotsRequestsAreMarked()
{
    m_model->setRun(crawlRun());
    m_view->fit();
    const QRect robots = m_view->barRect(m_model, 4);
    const QString text = m_view->toolTipTextAt(robots.center());
    QVERIFY2(text.contains(QStringLiteral("robots.txt of c.test:8080")), qPrintable(text));
    QVERIFY(!m_view->toolTipTextAt(m_view->barRect(m_model, 6).center())
                 .contains(QStringLiteral("robots.txt of")));
    // A small dark pennant pointing at the moment it went out.
    const QImage image = TestPixels::render(m_view->viewport());
    const int issued = int(m_view->timeScale().toPixel(100 * Ms));
    int marker = 0;
    for (int x = issued - 8; x < issued; ++x)
        marker += QColor(image.pixel(x, robots.center().y() + 1)) == TimelinePalette::robotsMark() ? 1 : 0;
    QVERIFY(marker > 2);
    // The legend explains it.
    QTRY_VERIFY(m_view->legend()->sizeHint().width() > 0);
}

void TestTimelineHosts::legendListsAFewHostsAndCountsTheRest()
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

void TestTimelineHosts::denseGroupedRowsStillPick()
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
    const QImage image = TestPixels::render(m_view->viewport());
    QVERIFY(TestPixels::countColour(image, TimelinePalette::hostColor(1)) > 10);
    QVERIFY(TestPixels::countColour(image, TimelinePalette::hostColor(29)) > 10);

    // Ungrouped, a pixel row mixes hosts: each row still shows some host's colour, and many hosts show.
    m_view->setGroupByHost(false);
    m_view->fit();
    const QImage mixed = TestPixels::render(m_view->viewport());
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

QTEST_MAIN(TestTimelineHosts)
#include "tst_timelinehosts.moc"
