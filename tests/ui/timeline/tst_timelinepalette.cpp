#include "settings/theme.h"
#include "timeline/timelinepalette.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QTest>

#include <cmath>

// The timeline's marks stay readable on the window's base colour, light or dark: every mark has at least a
// 2:1 contrast ratio (WCAG's relative luminance) against it.

namespace {

double luminance(const QColor &color)
{
    const auto channel = [](double value) {
        return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double x = luminance(a) + 0.05;
    const double y = luminance(b) + 0.05;
    return std::max(x, y) / std::min(x, y);
}

} // namespace

class TestTimelinePalette : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void marksAreReadableOnTheBase_data();
    void marksAreReadableOnTheBase();
    void followsTheApplicationPalette();
};

void TestTimelinePalette::marksAreReadableOnTheBase_data()
{
    QTest::addColumn<QString>("theme");
    QTest::newRow("light") << QStringLiteral("light");
    QTest::newRow("dark") << QStringLiteral("dark");
}

void TestTimelinePalette::marksAreReadableOnTheBase()
{
    QFETCH(QString, theme);
    Theme::apply(theme);
    namespace P = TimelinePalette;
    using Phase = PhaseSpans::Phase;
    QCOMPARE(P::isDark(), theme == QLatin1String("dark"));
    const QColor base = QApplication::palette().color(QPalette::Base);
    const QList<std::pair<const char *, QColor>> marks {
        {"waiting outline", P::waitingOutline()},
        {"connecting", P::phaseColor(Phase::Connecting)},
        {"first byte", P::phaseColor(Phase::FirstByte)},
        {"download", P::phaseColor(Phase::Download)},
        {"delay", P::phaseColor(Phase::Delay)},
        {"error", P::error()},
        {"cancelled", P::cancelled()},
        {"cancelled mark", P::cancelledMark()},
        {"merged", P::merged()},
        {"gate", P::gate()},
        {"ideal", P::ideal()},
        {"robots mark", P::robotsMark()},
    };
    QStringList unreadable;
    for (const auto &[name, color] : marks) {
        if (contrast(color, base) < 2.0)
            unreadable.append(QStringLiteral("%1 %2 on %3: %4:1")
                                  .arg(QLatin1String(name), color.name(), base.name())
                                  .arg(contrast(color, base), 0, 'f', 2));
    }
    QVERIFY2(unreadable.isEmpty(), qPrintable(unreadable.join(u"; ")));
    // The hatched delay and the failure's background keep their marks visible on them.
    QVERIFY(contrast(P::phaseColor(Phase::Delay), P::delayBackground()) >= 1.8);
    QVERIFY(contrast(P::error(), P::failedBackground()) >= 1.8);
}

void TestTimelinePalette::followsTheApplicationPalette()
{
    Theme::apply(QStringLiteral("dark"));
    QVERIFY(TimelinePalette::isDark());
    const QColor darkMerged = TimelinePalette::merged();
    Theme::apply(QStringLiteral("light"));
    QVERIFY(!TimelinePalette::isDark());
    QVERIFY(TimelinePalette::merged() != darkMerged);
    Theme::apply(QString()); // the platform's own, light on the offscreen platform
    QVERIFY(!TimelinePalette::isDark());
}

QTEST_MAIN(TestTimelinePalette)
#include "tst_timelinepalette.moc"
