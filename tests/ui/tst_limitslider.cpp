#include "limitslider.h"
#include "sliderdrag.h"

#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTest>

class TestLimitSlider : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stopsAreLinearThenLogarithmic();
    void positionFor_data();
    void positionFor();
    void keyboardStepsThroughStops();
    void mouseDragChangesTheValue();
    void spinBoxTakesAnyValue();
};

void TestLimitSlider::stopsAreLinearThenLogarithmic()
{
    const auto &stops = LimitSlider::stops();
    QCOMPARE(stops.first(), 1);
    QCOMPARE(stops.last(), 1000);
    for (int i = 0; i < 20; ++i)
        QCOMPARE(stops.at(i), i + 1);
    for (int i = 20; i < stops.size(); ++i) {
        const double ratio = double(stops.at(i)) / stops.at(i - 1);
        QVERIFY2(ratio > 1.1 && ratio <= 1.34, qPrintable(QString::number(stops.at(i))));
    }
}

void TestLimitSlider::positionFor_data()
{
    QTest::addColumn<int>("value");
    QTest::addColumn<int>("stop");
    QTest::newRow("1") << 1 << 1;
    QTest::newRow("20") << 20 << 20;
    QTest::newRow("between stops") << 35 << 30;
    QTest::newRow("1000") << 1000 << 1000;
    QTest::newRow("999") << 999 << 800;
}

void TestLimitSlider::positionFor()
{
    QFETCH(int, value);
    QFETCH(int, stop);
    QCOMPARE(LimitSlider::stops().at(LimitSlider::positionFor(value)), stop);
}

void TestLimitSlider::keyboardStepsThroughStops()
{
    LimitSlider slider;
    slider.setValue(19);
    QSignalSpy changed(&slider, &LimitSlider::valueChanged);
    slider.slider()->setFocus();
    QTest::keyClick(slider.slider(), Qt::Key_Right);
    QCOMPARE(slider.value(), 20);
    QTest::keyClick(slider.slider(), Qt::Key_Right);
    QCOMPARE(slider.value(), 25);
    QTest::keyClick(slider.slider(), Qt::Key_End);
    QCOMPARE(slider.value(), 1000);
    QCOMPARE(changed.size(), 3);
    QCOMPARE(slider.spinBox()->value(), 1000);
}

void TestLimitSlider::mouseDragChangesTheValue()
{
    LimitSlider slider;
    slider.resize(400, 40);
    slider.show();
    QVERIFY(QTest::qWaitForWindowExposed(&slider));
    QSignalSpy changed(&slider, &LimitSlider::valueChanged);
    QSlider *bar = slider.slider();
    dragHandle(bar, bar->width() - 2);
    QVERIFY(changed.size() >= 1);
    QCOMPARE(slider.value(), 1000);
    QVERIFY(slider.value() > 3);
    QCOMPARE(slider.spinBox()->value(), slider.value());
}

void TestLimitSlider::spinBoxTakesAnyValue()
{
    LimitSlider slider;
    slider.spinBox()->setValue(37);
    QCOMPARE(slider.value(), 37);
    QCOMPARE(LimitSlider::stops().at(slider.slider()->value()), 30);
}

QTEST_MAIN(TestLimitSlider)
#include "tst_limitslider.moc"
