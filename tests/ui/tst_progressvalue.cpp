#include "progressvalue.h"

#include <QTest>

// A progress bar's new value is painted with the window's next frame, not at once.
class TestProgressValue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void paintsWithTheNextFrame();

private:
    class PaintCounter : public QObject
    {
    public:
        int paints = 0;
        bool eventFilter(QObject *, QEvent *event) override
        {
            paints += event->type() == QEvent::Paint ? 1 : 0;
            return false;
        }
    };
};

void TestProgressValue::paintsWithTheNextFrame()
{
    QProgressBar bar;
    bar.setRange(0, 100);
    bar.setValue(0);
    bar.setTextVisible(true);
    bar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bar));
    PaintCounter counter;
    bar.installEventFilter(&counter);
    QCoreApplication::processEvents();
    counter.paints = 0;

    setProgressValue(&bar, 50);
    QCOMPARE(bar.value(), 50);
    QCOMPARE(counter.paints, 0); // QProgressBar::setValue alone would have painted by now
    QVERIFY(bar.updatesEnabled());
    QTRY_VERIFY(counter.paints > 0);

    // The same value again schedules nothing.
    QCoreApplication::processEvents();
    counter.paints = 0;
    setProgressValue(&bar, 50);
    QCoreApplication::processEvents();
    QCOMPARE(counter.paints, 0);
}

QTEST_MAIN(TestProgressValue)
#include "tst_progressvalue.moc"
