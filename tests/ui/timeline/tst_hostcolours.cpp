#include "timeline/hostcolours.h"

#include <QTest>

#include "timeline/timelinepalette.h"

class TestHostColours : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void coloursAreStableAndDistinct();
};

void TestHostColours::coloursAreStableAndDistinct()
{
    HostColours colours;
    QCOMPARE(colours.slotOf(QStringLiteral("http://a.test:80")), 0);
    QCOMPARE(colours.slotOf(QStringLiteral("http://b.test:80")), 1);
    QCOMPARE(colours.slotOf(QStringLiteral("http://a.test:80")), 0);
    QCOMPARE(colours.find(QStringLiteral("http://c.test:80")), -1);
    // The first host looks like a request without host colours.
    QCOMPARE(colours.colour(0), TimelinePalette::phaseColor(PhaseSpans::Phase::Download));
    // Every colour before they repeat differs from the others and from the failure and delay colours.
    QList<QRgb> seen;
    for (int slot = 0; slot < TimelinePalette::HostColorCount; ++slot) {
        const QRgb rgb = TimelinePalette::hostColor(slot).rgb();
        QVERIFY2(!seen.contains(rgb), qPrintable(QString::number(slot)));
        seen.append(rgb);
        QVERIFY(rgb != TimelinePalette::error().rgb());
        QVERIFY(rgb != TimelinePalette::errorLight().rgb());
        QVERIFY(rgb != TimelinePalette::phaseColor(PhaseSpans::Phase::Delay).rgb());
        QVERIFY(TimelinePalette::hostLightColor(slot) != TimelinePalette::hostColor(slot));
    }
    QCOMPARE(TimelinePalette::hostColor(TimelinePalette::HostColorCount), TimelinePalette::hostColor(0));
    colours.clear();
    QCOMPARE(colours.slotOf(QStringLiteral("http://b.test:80")), 0);
}

QTEST_MAIN(TestHostColours)
#include "tst_hostcolours.moc"
