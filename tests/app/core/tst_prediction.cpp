#include "core/prediction.h"

#include <QTest>

// The lesson's rules, before the run: the sum, the longest, list scheduling on k permits, the delay held
// inside the gate, and a gate resized while the run goes.
class TestPrediction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rules_data();
    void rules();
    void unknownLatencyIsSaidNotGuessed();
    void aCrawlHasNoPrediction();
    void perHostCapsScheduleEachHost();
    void perHostScheduleOfManyHostsIsListScheduling();
};

namespace {

constexpr qint64 Ms = 1'000'000;

// "http://h/ms" takes ms milliseconds; anything else is unknown.
std::optional<qint64> pathLatency(const QUrl &url)
{
    bool ok = false;
    const qint64 ms = url.path().mid(1).toLongLong(&ok);
    return ok ? std::optional<qint64>(ms * Ms) : std::nullopt;
}

QList<QUrl> urlsOf(const QList<int> &latenciesMs, const QString &host = QStringLiteral("h"))
{
    QList<QUrl> urls;
    for (const int ms : latenciesMs)
        urls.append(QUrl(QStringLiteral("http://%1/%2").arg(host).arg(ms)));
    return urls;
}

RunSettings settingsOf(RunMode mode, int limit = 3, int delayMs = 0)
{
    RunSettings settings;
    settings.mode = mode;
    settings.limit = limit;
    settings.delayMs = delayMs;
    return settings;
}

} // namespace

void TestPrediction::rules_data()
{
    QTest::addColumn<QList<int>>("latenciesMs");
    QTest::addColumn<RunSettings>("settings");
    QTest::addColumn<QList<CapacityChange>>("capacity");
    QTest::addColumn<qint64>("expectedMs");

    const QList<int> lesson(5, 1000);
    QTest::newRow("sequential is the sum")
        << lesson << settingsOf(RunMode::Sequential) << QList<CapacityChange> {} << qint64(5000);
    QTest::newRow("gather is the longest") << QList<int> {300, 1000, 200} << settingsOf(RunMode::Gather)
                                           << QList<CapacityChange> {} << qint64(1000);
    QTest::newRow("semaphore of 3 on 5")
        << lesson << settingsOf(RunMode::Limited, 3) << QList<CapacityChange> {} << qint64(2000);
    QTest::newRow("the lesson's third program: Semaphore(3), sleep(1) inside, 10 x 1 s")
        << QList<int>(10, 1000) << settingsOf(RunMode::Limited, 3, 1000) << QList<CapacityChange> {}
        << qint64(8000);
    QTest::newRow("list scheduling in input order")
        << QList<int> {4, 1, 1, 1, 4} << settingsOf(RunMode::Limited, 2) << QList<CapacityChange> {}
        << qint64(7);
    QTest::newRow("the delay also holds a sequential run")
        << QList<int> {100, 100} << settingsOf(RunMode::Sequential, 1, 50) << QList<CapacityChange> {}
        << qint64(300);
    QTest::newRow("resized from 3 to 7 at 2.5 s")
        << QList<int>(10, 1000) << settingsOf(RunMode::Limited, 3, 1000)
        << QList<CapacityChange> {{0, 3}, {2500 * Ms, 7}} << qint64(4500);
    QTest::newRow("nothing to do") << QList<int> {} << settingsOf(RunMode::Limited, 3)
                                   << QList<CapacityChange> {} << qint64(0);
}

void TestPrediction::rules()
{
    QFETCH(QList<int>, latenciesMs);
    QFETCH(RunSettings, settings);
    QFETCH(QList<CapacityChange>, capacity);
    QFETCH(qint64, expectedMs);
    const Prediction prediction = Prediction::of(urlsOf(latenciesMs), settings, pathLatency, capacity);
    QVERIFY(prediction.isKnown());
    QCOMPARE(prediction.makespanNs(), expectedMs * Ms);
    QVERIFY(prediction.whyUnknown().isEmpty());
}

void TestPrediction::unknownLatencyIsSaidNotGuessed()
{
    QList<QUrl> urls = urlsOf({100, 200});
    urls.append(QUrl(QStringLiteral("http://h/somewhere")));
    urls.append(QUrl(QStringLiteral("http://h/else")));
    const Prediction prediction = Prediction::of(urls, settingsOf(RunMode::Gather), pathLatency);
    QVERIFY(!prediction.isKnown());
    QCOMPARE(prediction.makespanNs(), -1);
    QCOMPARE(prediction.unknownCount(), 2);
    QVERIFY(prediction.whyUnknown().contains(QLatin1String("2")));

    // Counted in requests, and said so: "[url] * 10" is 10 requests to one URL, not 10 URLs.
    const QList<QUrl> repeated(10, QUrl(QStringLiteral("http://h/somewhere")));
    const Prediction ofRepeated = Prediction::of(repeated, settingsOf(RunMode::Gather), pathLatency);
    QCOMPARE(ofRepeated.unknownCount(), 10);
    QVERIFY2(ofRepeated.whyUnknown().startsWith(QLatin1String("10 request(s) to URLs")),
             qPrintable(ofRepeated.whyUnknown()));

    // Without an oracle nothing is known.
    QCOMPARE(Prediction::of(urlsOf({100}), settingsOf(RunMode::Gather), {}).unknownCount(), 1);
}

void TestPrediction::aCrawlHasNoPrediction()
{
    RunSettings settings = settingsOf(RunMode::Limited);
    settings.crawl.enabled = true;
    const Prediction prediction = Prediction::of(urlsOf({100}), settings, pathLatency);
    QVERIFY(!prediction.isKnown());
    QVERIFY(!prediction.whyUnknown().isEmpty());
}

void TestPrediction::perHostCapsScheduleEachHost()
{
    // One host: the per-host cap is a smaller gate. Gather of 6 x 100 ms behind a browser's 6 per host is
    // one round; 12 are two.
    RunSettings gather = settingsOf(RunMode::Gather);
    gather.perHost = 6;
    QCOMPARE(Prediction::of(urlsOf(QList<int>(12, 100)), gather, pathLatency).makespanNs(), 200 * Ms);

    // Two hosts of 4 requests each, 2 per host, a gate of 3: host a gets two permits, host b the third, and
    // each host goes on in its own order.
    RunSettings limited = settingsOf(RunMode::Limited, 3);
    limited.perHost = 2;
    QList<QUrl> urls = urlsOf({100, 100, 100, 100}, QStringLiteral("a"));
    urls += urlsOf({100, 100, 100, 100}, QStringLiteral("b"));
    const QList<qint64> services(8, 100 * Ms);
    const QList<int> hostOf {0, 0, 0, 0, 1, 1, 1, 1};
    QCOMPARE(perHostStartsNs(services, hostOf, {{0, 3}}, 2),
             (QList<qint64> {0, 0, 100 * Ms, 100 * Ms, 0, 100 * Ms, 200 * Ms, 200 * Ms}));
    QCOMPARE(Prediction::of(urls, limited, pathLatency).makespanNs(), 300 * Ms);
}

void TestPrediction::perHostScheduleOfManyHostsIsListScheduling()
{
    // 20000 requests over 50 hosts, 2 per host, a gate of 40: every host is always busy, so the schedule is
    // 200 rounds per host, and each request starts only when its host frees a slot. This also shows the
    // schedule is worked out for lists far past what a quadratic scan could do in a test's time.
    const int hosts = 50;
    const int perHostRequests = 400;
    QList<qint64> services;
    QList<int> hostOf;
    for (int i = 0; i < hosts * perHostRequests; ++i) {
        services.append(10);
        hostOf.append(i % hosts);
    }
    const QList<qint64> starts = perHostStartsNs(services, hostOf, {{0, 40}}, 2);
    QCOMPARE(starts.size(), services.size());
    // The gate (40) is smaller than hosts x 2 (100): 40 at a time, in input order.
    for (qsizetype i = 0; i < starts.size(); ++i)
        QCOMPARE(starts[i], qint64(i / 40) * 10);

    // A gate wide enough: each host's 2 slots decide.
    const QList<qint64> wide = perHostStartsNs(services, hostOf, {{0, 0}}, 2);
    for (qsizetype i = 0; i < wide.size(); ++i)
        QCOMPARE(wide[i], qint64(i / (hosts * 2)) * 10);
}

QTEST_GUILESS_MAIN(TestPrediction)
#include "tst_prediction.moc"
