#include "timeline/timelineviewport.h"

#include <QTest>

class TestTimelineViewport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowHeightIsClamped();
    void followFitsTimeAndRows();
    void followGrowsInStepsWhileLive_data();
    void followGrowsInStepsWhileLive();
    void notFollowingKeepsTheWindow();
    void pixelMapperClampsFarColumns();
    void denseBelowFourPixels();
};

void TestTimelineViewport::rowHeightIsClamped()
{
    TimelineViewport viewport;
    QCOMPARE(viewport.rowHeight(), double(TimelineViewport::MaxRowHeight));
    QVERIFY(!viewport.setRowHeight(100)); // already at the most
    QVERIFY(viewport.setRowHeight(3));
    QCOMPARE(viewport.rowHeight(), 3.0);
    QVERIFY(viewport.setRowHeight(0));
    QCOMPARE(viewport.rowHeight(), TimelineViewport::MinRowHeight);
}

void TestTimelineViewport::followFitsTimeAndRows()
{
    TimelineViewport viewport;
    viewport.setSize(1000, 530);
    viewport.setScrollY(70);
    // 30 px of headers: 500 px for 1000 rows is half a pixel each.
    QVERIFY(viewport.follow(2'000'000'000, false, 1000, 30));
    QCOMPARE(viewport.rowHeight(), 0.5);
    QCOMPARE(viewport.scrollY(), 0.0);
    QCOMPARE(viewport.scale().startNs(), qint64(0));
    QCOMPARE(viewport.scale().endNs(), qint64(2'000'000'000));
    QCOMPARE(viewport.scale().width(), 1000.0);
    // A few rows stay at the most a row gets; nothing at all shows a second.
    QVERIFY(viewport.follow(0, false, 3, 30));
    QCOMPARE(viewport.rowHeight(), double(TimelineViewport::MaxRowHeight));
    QCOMPARE(viewport.scale().endNs(), TimelineViewport::Second);
    QVERIFY(viewport.isDense() == false);
    // The lesson's 30 rows in a short pane keep a legible height and scroll, rather than squashing to 3 px.
    viewport.setSize(600, 120);
    QVERIFY(viewport.follow(2'000'000'000, false, 30, 30));
    QCOMPARE(viewport.rowHeight(), double(TimelineViewport::MinLegibleRowHeight));
}

void TestTimelineViewport::followGrowsInStepsWhileLive_data()
{
    QTest::addColumn<qint64>("dataEnd");
    QTest::addColumn<qint64>("shownEnd");
    QTest::newRow("start") << qint64(0) << qint64(600'000'000);
    QTest::newRow("1 s") << qint64(1'000'000'000) << qint64(1'200'000'000);
    QTest::newRow("next step") << qint64(1'050'000'000) << qint64(1'500'000'000);
    QTest::newRow("same step") << qint64(1'300'000'000) << qint64(1'500'000'000);
    QTest::newRow("10 s") << qint64(10'000'000'000) << qint64(12'000'000'000);
}

void TestTimelineViewport::followGrowsInStepsWhileLive()
{
    QFETCH(qint64, dataEnd);
    QFETCH(qint64, shownEnd);
    QCOMPARE(TimelineViewport::followedEndNs(dataEnd, true), shownEnd);
    QVERIFY(TimelineViewport::followedEndNs(dataEnd, true) > dataEnd);
}

void TestTimelineViewport::notFollowingKeepsTheWindow()
{
    TimelineViewport viewport;
    viewport.setSize(800, 400);
    viewport.follow(4'000'000'000, false, 10, 30);
    TimeScale scale = viewport.scale();
    scale.setRange(1'000'000'000, 2'000'000'000);
    viewport.setScale(scale);
    viewport.setFollowTime(false);
    viewport.setFollowRows(false);
    viewport.setRowHeight(7);
    viewport.setScrollY(55);
    QVERIFY(!viewport.follow(8'000'000'000, true, 10'000, 30));
    QCOMPARE(viewport.scale().startNs(), qint64(1'000'000'000));
    QCOMPARE(viewport.scale().endNs(), qint64(2'000'000'000));
    QCOMPARE(viewport.scale().dataEndNs(), qint64(8'000'000'000)); // panning reaches the new data
    QCOMPARE(viewport.rowHeight(), 7.0);
    QCOMPARE(viewport.scrollY(), 55.0);
    viewport.followAll();
    QVERIFY(viewport.followsTime() && viewport.followsRows());
}

void TestTimelineViewport::pixelMapperClampsFarColumns()
{
    const TimeScale scale(0, 1000, 100);
    const PixelMapper px(scale, 100);
    QCOMPARE(px(0), 0);
    QCOMPARE(px(505), 50);
    QCOMPARE(px(-5), -1); // floors, not truncates
    QCOMPARE(px(std::numeric_limits<qint64>::max() / 2), 164);
    QCOMPARE(px(std::numeric_limits<qint64>::min() / 2), -64);
}

void TestTimelineViewport::denseBelowFourPixels()
{
    TimelineViewport viewport;
    viewport.setRowHeight(4);
    QVERIFY(!viewport.isDense());
    viewport.setRowHeight(3.9);
    QVERIFY(viewport.isDense());
}

QTEST_GUILESS_MAIN(TestTimelineViewport)
#include "tst_timelineviewport.moc"
