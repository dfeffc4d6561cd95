#include <QTest>

#include <vector>

#include "timeline/timelinedensecoverage.h"

// Dense coverage: a block's spans pushed as runs that touch in pixels give the same pixel rows as pushing
// each span on its own, at every zoom and cut.
class TestTimelineDenseCoverage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsCoverWhatEachSpanCovers_data();
    void runsCoverWhatEachSpanCovers();
};

void TestTimelineDenseCoverage::runsCoverWhatEachSpanCovers_data()
{
    QTest::addColumn<qint64>("startNs");
    QTest::addColumn<qint64>("endNs");
    QTest::addColumn<qint64>("nowNs");
    constexpr qint64 S = 1'000'000'000;
    QTest::newRow("whole") << qint64(0) << 10 * S << 10 * S;
    QTest::newRow("whole, cut") << qint64(0) << 10 * S << 4 * S + 123'456;
    QTest::newRow("zoomed") << 2 * S << 2 * S + S / 2 << 10 * S;
    QTest::newRow("zoomed, cut inside") << 2 * S << 2 * S + S / 2 << 2 * S + S / 7;
    QTest::newRow("zoomed far in") << 3 * S << 3 * S + 5'000'000 << 10 * S;
    QTest::newRow("wider than the data") << -S << 25 * S << 10 * S;
    QTest::newRow("cut before all") << qint64(0) << 10 * S << qint64(-5);
}

void TestTimelineDenseCoverage::runsCoverWhatEachSpanCovers()
{
    QFETCH(qint64, startNs);
    QFETCH(qint64, endNs);
    QFETCH(qint64, nowNs);
    constexpr int Width = 317;
    const TimeScale scale(startNs, endNs, Width);
    const PixelMapper px(scale, Width);

    // Disjoint spans in order, some touching, some far shorter than a pixel, some long, per kind.
    quint64 seed = 0x9e3779b97f4a7c15ull;
    const auto next = [&seed](qint64 below) {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        return qint64(seed % quint64(below));
    };
    for (int round = 0; round < 40; ++round) {
        std::vector<TimelineLayout::CoverSpan> spans;
        for (int coverage = 0; coverage < TimelineLayout::CoverageCount; ++coverage) {
            qint64 t = next(50'000'000);
            const int count = int(next(400));
            for (int i = 0; i < count; ++i) {
                const qint64 length = next(4) == 0 ? next(3'000'000'000) : next(20'000'000) + 1;
                spans.push_back({t, t + length, coverage});
                t += length + (next(3) == 0 ? 0 : next(round % 2 ? 200'000'000 : 30'000'000));
            }
        }
        TimelineBatches each;
        TimelineBatches runs;
        TimelineDenseCoverage eachCoverage(Width, false);
        TimelineDenseCoverage runCoverage(Width, false);
        eachCoverage.startRow(7, 1, each);
        runCoverage.startRow(7, 1, runs);
        for (const auto &span : spans) {
            if (span.startNs > nowNs)
                continue;
            const int a = px(span.startNs);
            eachCoverage.push(span.coverage, a, std::max(a + 1, px(std::min(span.endNs, nowNs))));
        }
        for (auto it = spans.begin(); it != spans.end();) {
            auto classEnd = it;
            while (classEnd != spans.end() && classEnd->coverage == it->coverage)
                ++classEnd;
            runCoverage.pushSpans(it->coverage, &*it, &*it + (classEnd - it), px, nowNs);
            it = classEnd;
        }
        eachCoverage.finish(each);
        runCoverage.finish(runs);
        int rects = 0;
        for (int fill = 0; fill < TimelineBatches::FillCount; ++fill) {
            QCOMPARE(runs.fills[std::size_t(fill)], each.fills[std::size_t(fill)]);
            rects += int(each.fills[std::size_t(fill)].size());
        }
        if (nowNs >= 0)
            QVERIFY(rects > 0);
    }
}

QTEST_GUILESS_MAIN(TestTimelineDenseCoverage)
#include "tst_timelinedensecoverage.moc"
