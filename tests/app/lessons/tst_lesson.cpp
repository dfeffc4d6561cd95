#include "core/prediction.h"
#include "demoserver/demorouter.h"
#include "lessons/lesson.h"
#include "lessons/pythonprogram.h"

#include <QTest>

// The lessons as data: each sets up the run the issue names, and the lesson's rules predict the seed's
// numbers for it from the delays the demo server will take.

class TestLesson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyLessonIsComplete();
    void steps_data();
    void steps();
    void theSweepRunsItsKInOrder();
    void aStepKnowsWhenItIsSetUp();
};

namespace {

const QUrl Base(QStringLiteral("http://127.0.0.1:8080"));

std::optional<qint64> demoLatency(const QUrl &url)
{
    const std::optional<int> ms = DemoRouter::plannedDelayMs(
        url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment), 1);
    if (!ms)
        return std::nullopt;
    return qint64(*ms) * 1'000'000;
}

} // namespace

void TestLesson::everyLessonIsComplete()
{
    const QList<Lesson> all = lessons();
    QCOMPARE(all.size(), 5);
    for (const Lesson &lesson : all) {
        QVERIFY(!lesson.title.isEmpty());
        QVERIFY2(lesson.explanation.size() > 80, qPrintable(lesson.title));
        QVERIFY2(lesson.notice.size() > 40, qPrintable(lesson.title));
        QVERIFY(!lesson.steps.isEmpty());
        for (const LessonStep &step : lesson.steps) {
            QVERIFY(!step.label.isEmpty());
            QVERIFY(step.urlText.contains(QLatin1String("{demo}")));
            QVERIFY2(!step.urls(Base).isEmpty(), qPrintable(step.label));
            // Every step has a program, and it is the program of its settings.
            const PythonProgram program = PythonProgram::generate(step.urls(Base), step.settings, Base);
            QVERIFY(program.lineOf(PythonProgram::Step::Request) > 0);
        }
    }
}

void TestLesson::steps_data()
{
    QTest::addColumn<int>("lesson");
    QTest::addColumn<int>("step");
    QTest::addColumn<RunMode>("mode");
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("delayMs");
    QTest::addColumn<int>("perHost");
    QTest::addColumn<int>("requests");
    QTest::addColumn<int>("latencyMs");
    QTest::addColumn<qint64>("predictedMs");

    // The seed's three programs: 5 s, 1 s, 8 s.
    QTest::newRow("sequential 5 x 1 s")
        << 0 << 0 << RunMode::Sequential << 1 << 0 << 0 << 5 << 1000 << 5000LL;
    QTest::newRow("gather 5 x 1 s") << 1 << 0 << RunMode::Gather << 0 << 0 << 0 << 5 << 1000 << 1000LL;
    QTest::newRow("semaphore(3), sleep(1), 10 x 1 s")
        << 2 << 0 << RunMode::Limited << 3 << 1000 << 0 << 10 << 1000 << 8000LL;
    // The hidden limits: plain, a browser's 6 per host, a pool of 100 against 1000 URLs.
    QTest::newRow("plain gather 60 x 500 ms")
        << 3 << 0 << RunMode::Gather << 0 << 0 << 0 << 60 << 500 << 500LL;
    QTest::newRow("browser, 6 per host") << 3 << 1 << RunMode::Gather << 0 << 0 << 6 << 60 << 500 << 5000LL;
    QTest::newRow("pool of 100, 1000 URLs")
        << 3 << 2 << RunMode::Limited << 100 << 0 << 0 << 1000 << 500 << 5000LL;
    // The sweep's first k: sequential pace.
    QTest::newRow("sweep, k = 1") << 4 << 0 << RunMode::Limited << 1 << 0 << 0 << 32 << 250 << 8000LL;
}

void TestLesson::steps()
{
    QFETCH(int, lesson);
    QFETCH(int, step);
    QFETCH(RunMode, mode);
    QFETCH(int, limit);
    QFETCH(int, delayMs);
    QFETCH(int, perHost);
    QFETCH(int, requests);
    QFETCH(int, latencyMs);
    QFETCH(qint64, predictedMs);

    // lessons() returns its list by value: kept here, or the step's reference would dangle (ASan found it).
    const QList<Lesson> all = lessons();
    const LessonStep &s = all.at(lesson).steps.at(step);
    RunSettings settings = s.settings;
    if (s.isSweep())
        settings.limit = s.sweepLimits.first();
    QCOMPARE(settings.mode, mode);
    if (mode != RunMode::Gather)
        QCOMPARE(settings.gateCapacity(), limit);
    QCOMPARE(settings.delayMs, delayMs);
    QCOMPARE(settings.perHost, perHost);
    const QList<QUrl> urls = s.urls(Base);
    QCOMPARE(urls.size(), requests);
    QCOMPARE(urls.first().path(), QStringLiteral("/delay/%1").arg(latencyMs));
    QCOMPARE(urls.first().port(), 8080);
    const Prediction prediction = Prediction::of(urls, settings, demoLatency);
    QVERIFY(prediction.isKnown());
    QCOMPARE(prediction.makespanNs(), predictedMs * 1'000'000);
}

void TestLesson::theSweepRunsItsKInOrder()
{
    const QList<Lesson> all = lessons();
    const LessonStep &sweep = all.last().steps.first();
    QVERIFY(sweep.isSweep());
    QVERIFY(std::is_sorted(sweep.sweepLimits.cbegin(), sweep.sweepLimits.cend()));
    QCOMPARE(sweep.sweepLimits.first(), 1);
    // Past the number of URLs, so the chart shows where it flattens.
    QVERIFY(sweep.sweepLimits.last() > sweep.urls(Base).size());
}

void TestLesson::aStepKnowsWhenItIsSetUp()
{
    const QUrl base(QStringLiteral("http://127.0.0.1:8080"));
    const QList<Lesson> all = lessons();
    const LessonStep &gather = all.at(1).steps.first();
    const QList<QUrl> urls = gather.urls(base);
    RunSettings settings = gather.settings;
    settings.timeoutMs = 5000; // not the lesson's business
    settings.limit = 7; // a gather has no permits
    QVERIFY(gather.isSetUp(urls, settings, {}, base));
    QVERIFY(!gather.isSetUp(urls.mid(1), settings, {}, base));
    QVERIFY(!gather.isSetUp(urls, settings, {}, QUrl(QStringLiteral("http://127.0.0.1:9090"))));
    settings.mode = RunMode::Sequential;
    QVERIFY(!gather.isSetUp(urls, settings, {}, base));
    settings.mode = RunMode::Gather;
    settings.crawl.enabled = true;
    QVERIFY(!gather.isSetUp(urls, settings, {}, base));

    const LessonStep &semaphore = all.at(2).steps.first();
    RunSettings limited = semaphore.settings;
    QVERIFY(semaphore.isSetUp(semaphore.urls(base), limited, {}, base));
    limited.limit += 1;
    QVERIFY(!semaphore.isSetUp(semaphore.urls(base), limited, {}, base));
    limited.limit -= 1;
    limited.delayMs += 1;
    QVERIFY(!semaphore.isSetUp(semaphore.urls(base), limited, {}, base));

    // The sweep is its k, whatever the slider says.
    const LessonStep &sweep = all.at(4).steps.first();
    RunSettings swept = sweep.settings;
    swept.limit = 40;
    QVERIFY(sweep.isSetUp(sweep.urls(base), swept, sweep.sweepLimits, base));
    QVERIFY(!sweep.isSetUp(sweep.urls(base), swept, {1, 2, 4}, base));
    QVERIFY(!sweep.isSetUp(sweep.urls(base), swept, {}, base));
}

QTEST_GUILESS_MAIN(TestLesson)
#include "tst_lesson.moc"
