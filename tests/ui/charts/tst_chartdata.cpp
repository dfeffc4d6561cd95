#include "charts/chartdata.h"

#include <QLocale>
#include <QTest>

#include <cmath>
#include <numeric>

#include "lessonruns.h"

using namespace Qt::StringLiterals;

class TestChartData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void runLabels();
    void inFlightPeaks_data();
    void inFlightPeaks();
    void inFlightIsAStepLine();
    void inFlightRunsToTheRunsEnd();
    void inFlightOfAnEmptyRun();
    void niceStep_data();
    void niceStep();
    void niceEdges_data();
    void niceEdges();
    void histogramCoversEveryDuration_data();
    void histogramCoversEveryDuration();
    void histogramLeavesOutUnfinishedAndCancelled();
    void histogramOfNothing();
    void binLabels();
    void noiseSharesABin();
    void totalsAreTheSummary();

private:
    static bool isNice(double step);
};

bool TestChartData::isNice(double step)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(step) + 1e-9));
    const double fraction = step / magnitude;
    return std::abs(fraction - 1) < 1e-9 || std::abs(fraction - 2) < 1e-9 || std::abs(fraction - 5) < 1e-9;
}

void TestChartData::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); // '.' as the decimal point
}

void TestChartData::runLabels()
{
    QCOMPARE(ChartData::runLabels(LessonRuns::lesson()),
             QStringList({u"Sequential"_s, u"Gather"_s, u"Limited (3)"_s}));
    auto runs = LessonRuns::lesson();
    runs.append(runs.at(2));
    runs.append(runs.at(2));
    QCOMPARE(ChartData::runLabels(runs).mid(2),
             QStringList({u"Limited (3)"_s, u"Limited (3) #2"_s, u"Limited (3) #3"_s}));
}

void TestChartData::inFlightPeaks_data()
{
    QTest::addColumn<int>("run");
    QTest::addColumn<int>("peak");
    QTest::addColumn<double>("endMs");
    QTest::newRow("sequential") << 0 << 1 << 5000.0;
    QTest::newRow("gather") << 1 << 5 << 1000.0;
    QTest::newRow("limited(3)") << 2 << 3 << 2000.0;
}

void TestChartData::inFlightPeaks()
{
    QFETCH(int, run);
    QFETCH(int, peak);
    QFETCH(double, endMs);
    const auto points = ChartData::inFlightSteps(LessonRuns::lesson().at(run));
    const auto highest = std::max_element(points.cbegin(), points.cend(),
                                          [](const QPointF &a, const QPointF &b) { return a.y() < b.y(); });
    QCOMPARE(highest->y(), double(peak));
    QCOMPARE(points.constFirst(), QPointF(0, 0));
    QCOMPARE(points.constLast(), QPointF(endMs, 0));
}

void TestChartData::inFlightIsAStepLine()
{
    // limited(3) of five: three for a second, then the last two for a second.
    const QList<QPointF> expected {{0, 0}, {0, 3}, {1000, 3}, {1000, 2}, {2000, 2}, {2000, 0}};
    QCOMPARE(ChartData::inFlightSteps(LessonRuns::lesson().at(2)), expected);

    // Sequential: a finish and the next start at one instant do not dip to zero.
    const QList<QPointF> sequential {{0, 0}, {0, 1}, {5000, 1}, {5000, 0}};
    QCOMPARE(ChartData::inFlightSteps(LessonRuns::lesson().at(0)), sequential);

    for (const RunResult &run : LessonRuns::variedLesson()) {
        const auto points = ChartData::inFlightSteps(run);
        for (qsizetype i = 1; i < points.size(); ++i) {
            const QPointF a = points.at(i - 1);
            const QPointF b = points.at(i);
            QVERIFY(b.x() >= a.x());
            QVERIFY2(a.x() == b.x() || a.y() == b.y(), "every segment is horizontal or vertical");
        }
    }
}

void TestChartData::inFlightRunsToTheRunsEnd()
{
    RunResult run = LessonRuns::lesson().at(1);
    run.endNs = 1500 * LessonRuns::Ms; // e.g. the last permit came back after a politeness delay
    const auto points = ChartData::inFlightSteps(run);
    QCOMPARE(points.constLast(), QPointF(1500, 0));
    QCOMPARE(points.at(points.size() - 2), QPointF(1000, 0));
}

void TestChartData::inFlightOfAnEmptyRun()
{
    QCOMPARE(ChartData::inFlightSteps(RunResult {}), QList<QPointF>({{0, 0}}));
}

void TestChartData::niceStep_data()
{
    QTest::addColumn<double>("rough");
    QTest::addColumn<double>("nice");
    QTest::newRow("0.7") << 0.7 << 1.0;
    QTest::newRow("1") << 1.0 << 1.0;
    QTest::newRow("1.2") << 1.2 << 2.0;
    QTest::newRow("2") << 2.0 << 2.0;
    QTest::newRow("3") << 3.0 << 5.0;
    QTest::newRow("7") << 7.0 << 10.0;
    QTest::newRow("12") << 12.0 << 20.0;
    QTest::newRow("0.03") << 0.03 << 0.05;
    QTest::newRow("250") << 250.0 << 500.0;
    QTest::newRow("0.3") << 0.3 << 0.5;
    QTest::newRow("zero") << 0.0 << 1.0;
    QTest::newRow("negative") << -4.0 << 1.0;
}

void TestChartData::niceStep()
{
    QFETCH(double, rough);
    QFETCH(double, nice);
    QCOMPARE(ChartData::niceStep(rough), nice);
}

void TestChartData::niceEdges_data()
{
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::addColumn<int>("targetBins");
    QTest::newRow("lesson spread") << 870.0 << 1420.0 << 10;
    QTest::newRow("from zero") << 0.0 << 1000.0 << 10;
    QTest::newRow("fast") << 0.4 << 3.7 << 10;
    QTest::newRow("slow and wide") << 12.0 << 29'500.0 << 8;
    QTest::newRow("one bin") << 10.0 << 90.0 << 1;
    QTest::newRow("spike") << 1000.0 << 1000.0 << 10;
    QTest::newRow("spike at zero") << 0.0 << 0.0 << 10;
    QTest::newRow("tiny spike") << 0.25 << 0.25 << 10;
}

void TestChartData::niceEdges()
{
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(int, targetBins);
    const QList<double> edges = ChartData::niceEdges(low, high, targetBins);
    QVERIFY(edges.size() >= 2);
    QVERIFY(edges.constFirst() <= low);
    QVERIFY(edges.constLast() >= high);
    QVERIFY(edges.constFirst() >= 0);
    const int bins = int(edges.size()) - 1;
    if (low == high)
        QCOMPARE(bins, 5);
    else
        QVERIFY2(bins <= targetBins + 1, qPrintable(QString::number(bins)));
    const double step = edges.at(1) - edges.at(0);
    QVERIFY2(isNice(step), qPrintable(QString::number(step)));
    for (qsizetype i = 1; i < edges.size(); ++i) {
        QVERIFY(std::abs(edges.at(i) - edges.at(i - 1) - step) < step * 1e-9);
        QVERIFY(std::abs(edges.at(i) / step - std::round(edges.at(i) / step)) < 1e-9); // on the step's grid
    }
}

void TestChartData::histogramCoversEveryDuration_data()
{
    QTest::addColumn<QList<RunResult>>("runs");
    QTest::newRow("lesson") << LessonRuns::lesson();
    QTest::newRow("varied") << LessonRuns::variedLesson();
}

void TestChartData::histogramCoversEveryDuration()
{
    QFETCH(QList<RunResult>, runs);
    const ChartData::Histogram histogram = ChartData::durationHistogram(runs);
    QCOMPARE(histogram.counts.size(), runs.size());
    QVERIFY(histogram.binCount() >= 1);
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const QList<double> durations = ChartData::durationsMs(runs.at(i));
        QCOMPARE(durations.size(), runs.at(i).records.size());
        QCOMPARE(histogram.counts.at(i).size(), histogram.binCount()); // the same bins for every run
        QCOMPARE(std::accumulate(histogram.counts.at(i).cbegin(), histogram.counts.at(i).cend(), 0),
                 int(durations.size()));
        for (const double ms : durations) {
            QVERIFY(ms >= histogram.edges.constFirst());
            QVERIFY(ms <= histogram.edges.constLast());
            // Each duration is counted in the bin that holds it.
            const auto bin = std::upper_bound(histogram.edges.cbegin(), histogram.edges.cend(), ms)
                - histogram.edges.cbegin() - 1;
            QVERIFY(histogram.counts.at(i).at(std::min(bin, qsizetype(histogram.binCount() - 1))) > 0);
        }
    }
}

void TestChartData::histogramLeavesOutUnfinishedAndCancelled()
{
    RunResult run = LessonRuns::lesson().at(2);
    run.records[3].outcome = Outcome::Cancelled;
    run.records[4].outcome = Outcome::Pending;
    run.records[4].set(Mark::Finished, RequestRecord::NotReached);
    run.records[1].outcome = Outcome::Failed; // a timeout took as long as it took: it counts
    QCOMPARE(ChartData::durationsMs(run), QList<double>({1000, 1000, 1000}));
    const ChartData::Histogram histogram = ChartData::durationHistogram({run});
    QCOMPARE(std::accumulate(histogram.counts.at(0).cbegin(), histogram.counts.at(0).cend(), 0), 3);
}

void TestChartData::histogramOfNothing()
{
    const ChartData::Histogram histogram = ChartData::durationHistogram({RunResult {}, RunResult {}});
    QCOMPARE(histogram.binCount(), 0);
    QCOMPARE(histogram.counts, QList<QList<int>>({{}, {}}));
    QCOMPARE(ChartData::durationHistogram({}).counts.size(), 0);
}

void TestChartData::binLabels()
{
    const ChartData::Histogram lesson = ChartData::durationHistogram(LessonRuns::lesson());
    // Every request took one second: a spike in the middle of five bins.
    QCOMPARE(lesson.edges, QList<double>({600, 800, 1000, 1200, 1400, 1600}));
    QCOMPARE(lesson.counts.at(0), QList<int>({0, 0, 5, 0, 0}));
    QCOMPARE(ChartData::binLabel(lesson, 2), u"1000–1200"_s);
    QCOMPARE(ChartData::binLabel(lesson, 5), QString());

    ChartData::Histogram fine;
    fine.edges = {0.5, 1.0, 1.5};
    QCOMPARE(ChartData::binLabel(fine, 1), u"1.0–1.5"_s);
}

void TestChartData::noiseSharesABin()
{
    // The lesson as measured: one-second requests that differ by a few tenths of a millisecond. Gather's
    // drew the slower noise; with 0.5 ms bins it would stand alone in the slowest bin.
    RunResult sequential = LessonRuns::scheduled(1, RunMode::Sequential, QList<qint64>(5, 1000));
    RunResult gather = LessonRuns::scheduled(2, RunMode::Gather, QList<qint64>(5, 1000));
    for (RequestRecord &record : gather.records)
        record.set(Mark::Finished, record.at(Mark::Finished) + 3 * LessonRuns::Ms);
    const ChartData::Histogram histogram = ChartData::durationHistogram({sequential, gather});
    const auto binOf = [&](int run) {
        const QList<int> &counts = histogram.counts.at(run);
        return int(std::find(counts.cbegin(), counts.cend(), 5) - counts.cbegin());
    };
    QVERIFY(binOf(0) < histogram.binCount());
    QCOMPARE(binOf(1), binOf(0));
    QVERIFY(histogram.edges.at(1) - histogram.edges.at(0) >= 1000 / ChartData::MinBinShare);
}

void TestChartData::totalsAreTheSummary()
{
    const QList<RunResult> runs = LessonRuns::variedLesson();
    const QList<ChartData::Total> totals = ChartData::totals(runs);
    QCOMPARE(totals.size(), runs.size());
    const QStringList labels = ChartData::runLabels(runs);
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const RunSummary summary = summarize(runs.at(i));
        QCOMPARE(totals.at(i).label, labels.at(i));
        QCOMPARE(totals.at(i).wallMs, double(summary.wallNs) / 1e6);
        QCOMPARE(totals.at(i).idealMs, double(summary.idealNs) / 1e6);
    }
    const QList<ChartData::Total> lesson = ChartData::totals(LessonRuns::lesson());
    QCOMPARE(lesson.at(0), (ChartData::Total {u"Sequential"_s, 5000, 5000}));
    QCOMPARE(lesson.at(1), (ChartData::Total {u"Gather"_s, 1000, 1000}));
    QCOMPARE(lesson.at(2), (ChartData::Total {u"Limited (3)"_s, 2000, 2000}));
}

QTEST_MAIN(TestChartData)
#include "tst_chartdata.moc"
