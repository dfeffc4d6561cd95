#include "timeline/lanepacker.h"

#include <QTest>

#include <algorithm>

class TestLanePacker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sequentialNeedsOneLane();
    void overlappingNeedOneLaneEach();
    void semaphoreOfKNeedsKLanes();
    void lanesNeverOverlap();
};

using Interval = LanePacker::Interval;

void TestLanePacker::sequentialNeedsOneLane()
{
    const std::vector<Interval> intervals {{0, 10}, {10, 20}, {20, 30}};
    int lanes = 0;
    QCOMPARE(LanePacker::pack(intervals, &lanes), (std::vector<int> {0, 0, 0}));
    QCOMPARE(lanes, 1);
}

void TestLanePacker::overlappingNeedOneLaneEach()
{
    const std::vector<Interval> intervals {{0, 10}, {1, 10}, {2, 10}, {3, 10}};
    int lanes = 0;
    QCOMPARE(LanePacker::pack(intervals, &lanes), (std::vector<int> {0, 1, 2, 3}));
    QCOMPARE(lanes, 4);
}

void TestLanePacker::semaphoreOfKNeedsKLanes()
{
    // Ten requests of 100 through 3 permits, each freed permit taken at once, given out of order.
    std::vector<Interval> intervals;
    intervals.reserve(10);
    for (int i = 0; i < 10; ++i)
        intervals.push_back({qint64(i / 3) * 100, qint64(i / 3) * 100 + 100});
    std::reverse(intervals.begin(), intervals.end());
    int lanes = 0;
    LanePacker::pack(intervals, &lanes);
    QCOMPARE(lanes, 3);
}

void TestLanePacker::lanesNeverOverlap()
{
    std::vector<Interval> intervals;
    intervals.reserve(500);
    quint32 seed = 12345;
    for (int i = 0; i < 500; ++i) {
        seed = seed * 1664525u + 1013904223u;
        const qint64 start = seed % 10'000;
        intervals.push_back({start, start + 1 + (seed >> 16) % 300});
    }
    int lanes = 0;
    const auto assigned = LanePacker::pack(intervals, &lanes);
    for (std::size_t a = 0; a < intervals.size(); ++a) {
        QVERIFY(assigned[a] >= 0 && assigned[a] < lanes);
        for (std::size_t b = a + 1; b < intervals.size(); ++b) {
            if (assigned[a] != assigned[b])
                continue;
            const bool overlap
                = intervals[a].startNs < intervals[b].endNs && intervals[b].startNs < intervals[a].endNs;
            QVERIFY(!overlap);
        }
    }
}

QTEST_GUILESS_MAIN(TestLanePacker)
#include "tst_lanepacker.moc"
