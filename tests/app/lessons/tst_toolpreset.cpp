#include "lessons/toolpreset.h"

#include <QTest>

// Each preset holds the numbers ../shared/REFERENCE.md gives for its tool, and says where they come from.

class TestToolPreset : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void numbers_data();
    void numbers();
    void applyKeepsTheRest();
};

void TestToolPreset::numbers_data()
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<RunMode>("mode");
    QTest::addColumn<int>("gate"); // gateCapacity(): 0 for no gate
    QTest::addColumn<int>("perHost");
    QTest::addColumn<int>("delayMs");
    QTest::addColumn<QString>("sourceMentions");

    QTest::newRow("Scrapy defaults") << QStringLiteral("Scrapy defaults") << RunMode::Limited << 16 << 8 << 0
                                     << QStringLiteral("CONCURRENT_REQUESTS_PER_DOMAIN=8");
    QTest::newRow("Scrapy template") << QStringLiteral("Scrapy project template") << RunMode::Limited << 16
                                     << 1 << 1000 << QStringLiteral("DOWNLOAD_DELAY=1");
    QTest::newRow("browser") << QStringLiteral("A browser") << RunMode::Gather << 0 << 6 << 0
                             << QStringLiteral("HTTP/1.1");
    QTest::newRow("httpx") << QStringLiteral("httpx") << RunMode::Limited << 100 << 0 << 0
                           << QStringLiteral("DEFAULT_LIMITS");
    QTest::newRow("aiohttp") << QStringLiteral("aiohttp") << RunMode::Limited << 100 << 0 << 0
                             << QStringLiteral("limit_per_host=0");
    QTest::newRow("curl") << QStringLiteral("curl --parallel") << RunMode::Limited << 50 << 0 << 0
                          << QStringLiteral("--parallel-max");
    QTest::newRow("Screaming Frog") << QStringLiteral("Screaming Frog") << RunMode::Limited << 5 << 0 << 0
                                    << QStringLiteral("5 threads");
}

void TestToolPreset::numbers()
{
    QFETCH(QString, tool);
    QFETCH(RunMode, mode);
    QFETCH(int, gate);
    QFETCH(int, perHost);
    QFETCH(int, delayMs);
    QFETCH(QString, sourceMentions);

    const QList<ToolPreset> presets = toolPresets();
    QCOMPARE(presets.size(), 7);
    const auto it = std::find_if(presets.cbegin(), presets.cend(),
                                 [&](const ToolPreset &preset) { return preset.name.startsWith(tool); });
    QVERIFY2(it != presets.cend(), qPrintable(tool));
    const RunSettings settings = it->applyTo({});
    QCOMPARE(settings.mode, mode);
    QCOMPARE(settings.gateCapacity(), gate);
    QCOMPARE(settings.perHost, perHost);
    QCOMPARE(settings.delayMs, delayMs);
    QVERIFY2(it->source.contains(sourceMentions), qPrintable(it->source));
}

void TestToolPreset::applyKeepsTheRest()
{
    RunSettings base;
    base.timeoutMs = 1234;
    base.limit = 7;
    base.crawl.enabled = true;
    const ToolPreset browser = toolPresets().at(2);
    const RunSettings applied = browser.applyTo(base);
    QCOMPARE(applied.timeoutMs, 1234);
    QVERIFY(applied.crawl.enabled);
    QCOMPARE(applied.limit, 7); // gather has no gate: the slider keeps its k
}

QTEST_GUILESS_MAIN(TestToolPreset)
#include "tst_toolpreset.moc"
