#include "timeline/timelinepanel.h"

#include <QImage>
#include <QTest>

#include "models/runmodel.h"
#include "pictureexport.h"
#include "pixels.h"
#include "timeline/inflightstrip.h"
#include "timeline/timelinelegend.h"
#include "timeline/timelinepalette.h"
#include "timeline/timelineview.h"

// The panel's host switches, as the View menu flips them: they reach the rows and the strip, the two agree
// on each host's colour, and a picture of the panel shows them.
class TestTimelinePanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void switchesReachTheViewAndTheStrip();
    void viewAndStripShareTheHostsColours();
    void pictureShowsTheHostColours();
    void aShortPanelKeepsTheStripToAQuarter();

private:
    static constexpr qint64 Ms = 1'000'000;
    // Two hosts, two requests each, the second host's first.
    static RunResult twoHosts();
};

void TestTimelinePanel::aShortPanelKeepsTheStripToAQuarter()
{
    // A compare: three runs, three bands of the strip, which asks for 60 px each.
    RunModel first, second, third;
    RunResult run = twoHosts();
    first.setRun(run);
    run.runId = 4;
    second.setRun(run);
    run.runId = 5;
    third.setRun(run);
    TimelinePanel panel;
    panel.setModels({&first, &second, &third});
    QCOMPARE(panel.strip()->sizeHint().height(), 180);
    panel.resize(1000, 400); // the timeline's pane of a compare at 1280 × 720
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QTRY_COMPARE(panel.strip()->height(), 400 * TimelinePanel::StripMaxPercent / 100);
    QVERIFY(panel.view()->height() > panel.strip()->height() * 2);
    // With room to spare, the strip has what it asks for.
    panel.resize(1000, 1200);
    QTRY_COMPARE(panel.strip()->height(), 180);
}

RunResult TestTimelinePanel::twoHosts()
{
    RunResult run;
    run.runId = 3;
    run.settings.mode = RunMode::Gather;
    const QStringList urls {QStringLiteral("http://second.test/robots.txt"),
                            QStringLiteral("http://first.test/"), QStringLiteral("http://second.test/a"),
                            QStringLiteral("http://first.test/b")};
    for (int i = 0; i < urls.size(); ++i) {
        RequestRecord r;
        r.id = i;
        r.url = QUrl(urls[i]);
        r.role = i == 0 ? RequestRole::Robots : RequestRole::Page;
        r.set(Mark::Queued, 0);
        r.set(Mark::Issued, i * 100 * Ms);
        r.set(Mark::RequestSent, (i * 100 + 10) * Ms);
        r.set(Mark::FirstByte, (i * 100 + 50) * Ms);
        r.set(Mark::Finished, (i * 100 + 300) * Ms);
        r.outcome = Outcome::Ok;
        r.status = 200;
        run.records.append(r);
    }
    // The crawl's own host list puts second.test first: its robots.txt went out first.
    CrawlHost second;
    second.origin = QStringLiteral("http://second.test:80");
    CrawlHost first;
    first.origin = QStringLiteral("http://first.test:80");
    run.hosts = {second, first};
    run.endNs = 600 * Ms;
    return run;
}

void TestTimelinePanel::switchesReachTheViewAndTheStrip()
{
    TimelinePanel panel;
    QVERIFY(!panel.colourByHost());
    QVERIFY(!panel.groupByHost());
    QVERIFY(!panel.splitInFlightByHost());
    panel.setColourByHost(true);
    panel.setGroupByHost(true);
    panel.setSplitInFlightByHost(true);
    QVERIFY(panel.colourByHost() && panel.view()->colourByHost());
    QVERIFY(panel.groupByHost() && panel.view()->groupByHost());
    QVERIFY(panel.splitInFlightByHost() && panel.strip()->splitByHost());
    panel.setGroupByHost(false);
    QVERIFY(!panel.view()->groupByHost());
    QVERIFY(panel.view()->colourByHost());
}

void TestTimelinePanel::viewAndStripShareTheHostsColours()
{
    RunModel model;
    model.setRun(twoHosts());
    TimelinePanel panel;
    panel.resize(900, 500);
    panel.setModels({&model});
    panel.setColourByHost(true);
    panel.setSplitInFlightByHost(true);
    QCOMPARE(panel.view()->hostColours(), panel.strip()->hostColours());
    HostColours *colours = panel.view()->hostColours();
    QCOMPARE(colours->find(QStringLiteral("http://second.test:80")), 0);
    QCOMPARE(colours->find(QStringLiteral("http://first.test:80")), 1);
    QCOMPARE(panel.strip()->hostOrigins(&model),
             (QStringList {QStringLiteral("http://second.test:80"), QStringLiteral("http://first.test:80")}));
    QCOMPARE(panel.view()->legend()->hosts().size(), 2);
    QCOMPARE(panel.view()->legend()->hosts().first().name, QStringLiteral("second.test"));

    // A new run in the same model gives out the colours afresh, in its own order.
    RunResult other = twoHosts();
    std::swap(other.hosts[0], other.hosts[1]);
    model.setRun(other);
    QTRY_COMPARE(colours->find(QStringLiteral("http://first.test:80")), 0);
    QCOMPARE(colours->find(QStringLiteral("http://second.test:80")), 1);
    QTRY_COMPARE(panel.view()->legend()->hosts().first().name, QStringLiteral("first.test"));
    QTRY_COMPARE(panel.strip()->hostOrigins(&model).first(), QStringLiteral("http://first.test:80"));
}

void TestTimelinePanel::pictureShowsTheHostColours()
{
    RunModel model;
    model.setRun(twoHosts());
    TimelinePanel panel;
    panel.setModels({&model});
    panel.resize(900, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.view()->fit();
    const QColor secondHost = TimelinePalette::hostColor(1);

    const auto picture = [&panel] {
        return QImage::fromData(PictureExport::render(&panel, PictureExport::Kind::Png), "PNG");
    };
    const QImage plain = picture();
    QVERIFY(!plain.isNull());
    QCOMPARE(TestPixels::countColour(plain, secondHost), 0);

    panel.setColourByHost(true);
    panel.setGroupByHost(true);
    const QImage coloured = picture();
    const int inRows = TestPixels::countColour(coloured, secondHost);
    QVERIFY2(inRows > 200, qPrintable(QString::number(inRows)));
    // Split, the strip stacks the same colour under its total as well.
    panel.setSplitInFlightByHost(true);
    const QImage split = picture();
    const int stripTop = panel.strip()->mapTo(&panel, QPoint(0, 0)).y();
    QVERIFY(
        TestPixels::countColour(split.copy(0, stripTop, split.width(), split.height() - stripTop), secondHost)
        > 100);
}

QTEST_MAIN(TestTimelinePanel)
#include "tst_timelinepanel.moc"
