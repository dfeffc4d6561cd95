#include "timeline/timeaxis.h"

#include <QSignalSpy>
#include <QTest>

class TestTimeAxis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsTheVisibleRange();
    void dragSelectsARange();
    void shortDragSelectsNothing();
    void doubleClickAsksToFit();
    void plotMarginsLineUpWithTheView();
    void labelsStayEvenlySpacedInLargerText();
};

void TestTimeAxis::followsTheVisibleRange()
{
    TimeAxis axis;
    axis.resize(600, axis.sizeHint().height());
    axis.setPlotMargins(0, 0);
    axis.setVisibleRange(2'000'000'000, 4'000'000'000);
    QCOMPARE(axis.timeScale().startNs(), qint64(2'000'000'000));
    QCOMPARE(axis.timeScale().endNs(), qint64(4'000'000'000));
    QCOMPARE(axis.timeScale().width(), 600.0);
    QVERIFY(!axis.timeScale().ticks().isEmpty());
}

void TestTimeAxis::dragSelectsARange()
{
    TimeAxis axis;
    axis.resize(1000, axis.sizeHint().height());
    axis.setPlotMargins(0, 0);
    axis.setVisibleRange(0, 1'000'000'000); // 1 ms per pixel
    axis.show();
    QVERIFY(QTest::qWaitForWindowExposed(&axis));

    QSignalSpy selected(&axis, &TimeAxis::rangeSelected);
    const int y = axis.height() / 2;
    QTest::mousePress(&axis, Qt::LeftButton, {}, QPoint(600, y));
    QTest::mouseMove(&axis, QPoint(400, y));
    QTest::mouseRelease(&axis, Qt::LeftButton, {}, QPoint(200, y));
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.at(0).at(0).toLongLong(), qint64(200'000'000));
    QCOMPARE(selected.at(0).at(1).toLongLong(), qint64(600'000'000));
}

void TestTimeAxis::shortDragSelectsNothing()
{
    TimeAxis axis;
    axis.resize(1000, axis.sizeHint().height());
    axis.show();
    QVERIFY(QTest::qWaitForWindowExposed(&axis));
    QSignalSpy selected(&axis, &TimeAxis::rangeSelected);
    QTest::mouseClick(&axis, Qt::LeftButton, {}, QPoint(300, 5));
    QCOMPARE(selected.size(), 0);
}

void TestTimeAxis::doubleClickAsksToFit()
{
    TimeAxis axis;
    axis.resize(500, axis.sizeHint().height());
    axis.show();
    QVERIFY(QTest::qWaitForWindowExposed(&axis));
    QSignalSpy fit(&axis, &TimeAxis::fitRequested);
    QTest::mouseDClick(&axis, Qt::LeftButton, {}, QPoint(100, 5));
    QCOMPARE(fit.size(), 1);
}

void TestTimeAxis::plotMarginsLineUpWithTheView()
{
    TimeAxis axis;
    axis.resize(800, axis.sizeHint().height());
    // By default the plot leaves room for the timeline's vertical scroll bar on the right.
    QCOMPARE(axis.plotRect().width(), 800 - TimeAxis::scrollBarWidth(&axis));
    axis.setPlotMargins(10, 20);
    QCOMPARE(axis.plotRect(), QRect(10, 0, 770, axis.height()));
    QCOMPARE(axis.timeScale().width(), 770.0);
}

void TestTimeAxis::labelsStayEvenlySpacedInLargerText()
{
    // Larger Text on a projector: the labels no longer fit between the ticks, "0 s" fits where "0.2 s"
    // does not, and the labels must not come irregularly (0, 0.2, 0.6, 1.0 …).
    TimeAxis axis;
    QFont font = axis.font();
    font.setPointSizeF(font.pointSizeF() * 2.5);
    axis.setFont(font);
    axis.resize(800, axis.sizeHint().height());
    axis.setPlotMargins(0, 0);
    axis.setVisibleRange(0, 2'000'000'000);
    const QList<TimeScale::Tick> ticks = axis.timeScale().ticks();
    const QList<TimeScale::Tick> labelled = axis.labelledTicks();
    QVERIFY2(labelled.size() < ticks.size() - 1, "the labels were meant not to fit between the ticks");
    QVERIFY(labelled.size() >= 3);
    const qint64 every = labelled.at(1).ns - labelled.at(0).ns;
    const QFontMetrics metrics(font);
    for (qsizetype i = 1; i < labelled.size(); ++i) {
        QCOMPARE(labelled.at(i).ns - labelled.at(i - 1).ns, every);
        QVERIFY(labelled.at(i - 1).x + metrics.horizontalAdvance(labelled.at(i - 1).label)
                < labelled.at(i).x);
    }
    QCOMPARE(labelled.constFirst().ns, qint64(0));
    // At the normal size they fit: every tick is labelled, but for a last one that would leave the plot.
    axis.setFont(QFont());
    QVERIFY(axis.labelledTicks().size() >= ticks.size() - 1);
}

QTEST_MAIN(TestTimeAxis)
#include "tst_timeaxis.moc"
