#include <QTest>

#include <algorithm>
#include <vector>

#include "timeline/timelinedensecoverage.h"

// Dense coverage: spans united into runs in time, and runs united further across gaps narrower than a
// pixel, paint the same pixel rows as pushing each span on its own, at every zoom and cut.
class TestTimelineDenseCoverage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsCoverWhatEachSpanCovers_data();
    void runsCoverWhatEachSpanCovers();
    void aKindPaintedLaterCoversOneBefore();
};

namespace {

using Run = TimelineDenseCoverage::Run;
using Span = std::pair<qint64, qint64>;

// Spans that overlap or touch become one run, with the latest start among them.
std::vector<Run> unite(std::vector<Span> spans)
{
    std::sort(spans.begin(), spans.end());
    std::vector<Run> runs;
    for (const auto &[start, end] : spans) {
        if (!runs.empty() && start <= runs.back().endNs) {
            runs.back().endNs = std::max(runs.back().endNs, end);
            runs.back().lastStartNs = start;
        } else {
            runs.push_back({start, end, start});
        }
    }
    return runs;
}

// Runs whose gap from the latest start to the next start is at most gapNs, united.
std::vector<Run> coarsen(const std::vector<Run> &runs, qint64 gapNs)
{
    std::vector<Run> coarse;
    for (const Run &run : runs) {
        if (!coarse.empty() && run.startNs - coarse.back().lastStartNs <= gapNs) {
            coarse.back().endNs = std::max(coarse.back().endNs, run.endNs);
            coarse.back().lastStartNs = run.lastStartNs;
        } else {
            coarse.push_back(run);
        }
    }
    return coarse;
}

} // namespace

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
    const double nsPerPixel = 1 / px.pixelsPerNs();

    // Per kind, spans as several blocks hold them: each block's disjoint and in order, but overlapping
    // other blocks'; some touching, some far shorter than a pixel, some long.
    quint64 seed = 0x9e3779b97f4a7c15ull;
    const auto next = [&seed](qint64 below) {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        return qint64(seed % quint64(below));
    };
    int compared = 0;
    for (int round = 0; round < 40; ++round) {
        std::vector<std::vector<Span>> spans(TimelineLayout::CoverageCount);
        for (auto &kind : spans) {
            for (int block = 0, blocks = int(next(4)) + 1; block < blocks; ++block) {
                qint64 t = next(50'000'000);
                const int count = int(next(200));
                for (int i = 0; i < count; ++i) {
                    const qint64 length = next(4) == 0 ? next(3'000'000'000) : next(20'000'000) + 1;
                    kind.emplace_back(t, t + length);
                    t += length + (next(3) == 0 ? 0 : next(round % 2 ? 200'000'000 : 30'000'000));
                }
            }
        }
        TimelineBatches each;
        TimelineDenseCoverage eachCoverage(Width);
        eachCoverage.startRow(7, 1, each);
        for (int kind = 0; kind < TimelineLayout::CoverageCount; ++kind) {
            for (const auto &[start, end] : spans[std::size_t(kind)]) {
                if (start > nowNs)
                    continue;
                const int a = px(start);
                eachCoverage.push(kind, a, std::max(a + 1, px(std::min(end, nowNs))));
            }
        }
        eachCoverage.finish(each);
        // United in time, then across gaps up to a pixel wide, a few widths.
        for (const double gapPixels : {0.0, 0.01, 0.3, 0.999}) {
            TimelineBatches runs;
            TimelineDenseCoverage runCoverage(Width);
            runCoverage.startRow(7, 1, runs);
            for (int kind = 0; kind < TimelineLayout::CoverageCount; ++kind) {
                const auto &kindSpans = spans[std::size_t(kind)];
                if (kindSpans.empty())
                    continue;
                const std::vector<Run> united = coarsen(unite(kindSpans), qint64(gapPixels * nsPerPixel));
                qint64 lastStart = std::numeric_limits<qint64>::min();
                for (const auto &span : kindSpans) {
                    if (span.first <= nowNs)
                        lastStart = std::max(lastStart, span.first);
                }
                const Run *begin = united.data();
                const Run *end = begin + united.size();
                if (!TimelineDenseCoverage::straddles(begin, end, nowNs))
                    lastStart = nowNs; // not needed: pushRuns must not read it
                runCoverage.pushRuns(kind, begin, end, px, nowNs, scale.toTime(-2), lastStart);
            }
            runCoverage.finish(runs);
            int rects = 0;
            for (int fill = 0; fill < TimelineBatches::FillCount; ++fill) {
                QCOMPARE(runs.fills[std::size_t(fill)], each.fills[std::size_t(fill)]);
                rects += int(each.fills[std::size_t(fill)].size());
            }
            if (nowNs >= 0)
                QVERIFY(rects > 0);
            ++compared;
        }
    }
    QCOMPARE(compared, 160);
}

void TestTimelineDenseCoverage::aKindPaintedLaterCoversOneBefore()
{
    // Waiting under a download, under an error: one box each, none overlapping, in the colour painted last.
    TimelineBatches batches;
    TimelineDenseCoverage coverage(100);
    coverage.startRow(3, 2, batches);
    coverage.push(TimelineLayout::CoverError, 40, 45);
    coverage.push(TimelineLayout::CoverWaiting, 0, 60);
    coverage.push(TimelineLayout::CoverDownloading, 30, 50);
    coverage.push(TimelineLayout::CoverWaiting, 90, 120);
    coverage.finish(batches);
    using enum TimelineBatches::Fill;
    QCOMPARE(batches.fills[DenseWaiting],
             (std::vector<QRect> {{0, 3, 30, 2}, {50, 3, 10, 2}, {90, 3, 10, 2}}));
    QCOMPARE(batches.fills[Download], (std::vector<QRect> {{30, 3, 10, 2}, {45, 3, 5, 2}}));
    QCOMPARE(batches.fills[ErrorFill], (std::vector<QRect> {{40, 3, 5, 2}}));
}

QTEST_GUILESS_MAIN(TestTimelineDenseCoverage)
#include "tst_timelinedensecoverage.moc"
