#include "timeline/barmerger.h"

#include <QTest>

#include <numeric>

class TestBarMerger : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wideBarIsKept();
    void subPixelBarsInOnePixelMerge();
    void barsInDifferentPixelsStayApart();
    void nothingIsDropped_data();
    void nothingIsDropped();
    void wideBarEndsARun();
    void unite_data();
    void unite();
};

using Item = BarMerger::Item;

void TestBarMerger::wideBarIsKept()
{
    BarMerger merger;
    merger.add(10.4, 57.9, 7);
    merger.finish();
    QCOMPARE(merger.items().size(), std::size_t(1));
    QCOMPARE(merger.items().front(), (Item {10, 58, 1, 7, 7}));
    QVERIFY(!merger.items().front().isMerged());
}

void TestBarMerger::subPixelBarsInOnePixelMerge()
{
    BarMerger merger;
    for (int i = 0; i < 37; ++i)
        merger.add(20.0 + i * 0.02, 20.0 + i * 0.02 + 0.01, i);
    merger.finish();
    QCOMPARE(merger.items().size(), std::size_t(1));
    const Item &marker = merger.items().front();
    QCOMPARE(marker.count, 37);
    QCOMPARE(marker.x0, 20);
    QCOMPARE(marker.x1, 21);
    QCOMPARE(marker.first, 0);
    QCOMPARE(marker.last, 36);
    QVERIFY(marker.isMerged());
}

void TestBarMerger::barsInDifferentPixelsStayApart()
{
    BarMerger merger;
    merger.add(2.3, 2.5, 0);
    merger.add(7.6, 7.9, 1);
    merger.add(8.1, 8.2, 2);
    merger.finish();
    QCOMPARE(merger.items().size(), std::size_t(3));
    QCOMPARE(merger.items()[0], (Item {2, 3, 1, 0, 0}));
    QCOMPARE(merger.items()[1], (Item {7, 8, 1, 1, 1}));
    QCOMPARE(merger.items()[2], (Item {8, 9, 1, 2, 2}));
}

void TestBarMerger::nothingIsDropped_data()
{
    QTest::addColumn<int>("bars");
    QTest::addColumn<double>("spacing");
    QTest::addColumn<double>("width");

    QTest::newRow("1000 over 10 px") << 1000 << 0.01 << 0.005;
    QTest::newRow("sparse wide") << 50 << 30.0 << 20.0;
    QTest::newRow("mixed") << 500 << 0.7 << 0.3;
    QTest::newRow("zero width") << 200 << 0.0 << 0.0;
    QTest::newRow("100 000 in a pixel") << 100'000 << 1e-6 << 1e-7;
}

void TestBarMerger::nothingIsDropped()
{
    QFETCH(int, bars);
    QFETCH(double, spacing);
    QFETCH(double, width);

    BarMerger merger;
    for (int i = 0; i < bars; ++i)
        merger.add(5 + i * spacing, 5 + i * spacing + width, i);
    merger.finish();
    const auto &items = merger.items();
    const int total = std::accumulate(items.begin(), items.end(), 0,
                                      [](int sum, const Item &item) { return sum + item.count; });
    QCOMPARE(total, bars);
    // Every bar is in exactly one item, in order.
    int next = 0;
    for (const Item &item : items) {
        QCOMPARE(item.first, next);
        QCOMPARE(item.last - item.first + 1, item.count);
        QVERIFY(item.x1 > item.x0);
        next = item.last + 1;
    }
    QCOMPARE(next, bars);
}

void TestBarMerger::wideBarEndsARun()
{
    BarMerger merger;
    merger.add(3.1, 3.2, 0);
    merger.add(3.3, 3.4, 1);
    merger.add(3.5, 9.0, 2); // wide, starting in the same pixel
    merger.add(9.1, 9.2, 3);
    merger.finish();
    QCOMPARE(merger.items().size(), std::size_t(3));
    QCOMPARE(merger.items()[0], (Item {3, 4, 2, 0, 1}));
    QCOMPARE(merger.items()[1], (Item {3, 9, 1, 2, 2}));
    QCOMPARE(merger.items()[2], (Item {9, 10, 1, 3, 3}));
}

void TestBarMerger::unite_data()
{
    using Spans = std::vector<std::pair<int, int>>;
    QTest::addColumn<Spans>("spans");
    QTest::addColumn<Spans>("united");

    QTest::newRow("empty") << Spans {} << Spans {};
    QTest::newRow("apart") << Spans {{10, 12}, {0, 5}} << Spans {{0, 5}, {10, 12}};
    QTest::newRow("touching") << Spans {{0, 5}, {5, 7}} << Spans {{0, 7}};
    QTest::newRow("nested") << Spans {{0, 10}, {2, 3}, {4, 12}} << Spans {{0, 12}};
    QTest::newRow("many") << Spans {{1, 2}, {1, 2}, {1, 3}, {8, 9}, {2, 4}} << Spans {{1, 4}, {8, 9}};
}

void TestBarMerger::unite()
{
    using Spans = std::vector<std::pair<int, int>>;
    QFETCH(Spans, spans);
    QFETCH(Spans, united);
    BarMerger::unite(spans);
    QCOMPARE(spans, united);
}

QTEST_GUILESS_MAIN(TestBarMerger)
#include "tst_barmerger.moc"
