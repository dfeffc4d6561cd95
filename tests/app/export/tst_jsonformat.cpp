#include "export/jsonformat.h"
#include "jsonpatch.h"

#include "sampleruns.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray sampleJsonWith(const QString &path, const QJsonValue &value)
{
    const QJsonObject root = QJsonDocument::fromJson(toJson(SampleRuns::all())).object();
    return QJsonDocument(patched(root, path.split(u'/'), value).toObject()).toJson();
}

} // namespace

class TestJsonFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripsExactly();
    void roundTripsNothing();
    void writesTheDocumentedLayout();
    void summaryMatchesCore_data();
    void summaryMatchesCore();
    void rejectsMalformedInput_data();
    void rejectsMalformedInput();
    void survivesTruncationAndCorruption();
};

void TestJsonFormat::roundTripsExactly()
{
    const QList<RunResult> runs = SampleRuns::all();
    QString error;
    const auto back = runsFromJson(toJson(runs), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->size(), runs.size());
    for (qsizetype i = 0; i < runs.size(); ++i) {
        QCOMPARE(back->at(i).settings, runs.at(i).settings);
        QCOMPARE(back->at(i).capacityChanges, runs.at(i).capacityChanges);
        QCOMPARE(back->at(i).startedAt, runs.at(i).startedAt);
        for (qsizetype r = 0; r < runs.at(i).records.size(); ++r) {
            const RequestRecord &got = back->at(i).records.at(r);
            const RequestRecord &want = runs.at(i).records.at(r);
            QCOMPARE(got.url, want.url);
            QCOMPARE(got.finalUrl, want.finalUrl);
            QCOMPARE(got.error, want.error);
            QVERIFY(got.marks == want.marks);
            QVERIFY(got == want);
        }
        QVERIFY(back->at(i) == runs.at(i));
    }
    QVERIFY(*back == runs);
    QCOMPARE(toJson(*back), toJson(runs));
}

void TestJsonFormat::roundTripsNothing()
{
    QString error;
    const auto back = runsFromJson(toJson({}), &error);
    QVERIFY2(back, qPrintable(error));
    QVERIFY(back->isEmpty());
}

void TestJsonFormat::writesTheDocumentedLayout()
{
    const QJsonObject root = QJsonDocument::fromJson(toJson({SampleRuns::limitedRun()})).object();
    QCOMPARE(root.value(u"format"_s).toString(), u"crawlscope-run"_s);
    QCOMPARE(root.value(u"version"_s).toInteger(), 1);
    QCOMPARE(
        root.value(u"creator"_s).toObject(),
        (QJsonObject {{u"name"_s, u"Crawlscope"_s}, {u"version"_s, QStringLiteral(CRAWLSCOPE_VERSION)}}));

    const QJsonObject run = root.value(u"runs"_s).toArray().at(0).toObject();
    QCOMPARE(run.keys(),
             (QStringList {u"cancelled"_s, u"capacity_changes"_s, u"delay_ms"_s, u"end_ns"_s,
                           u"keep_bodies"_s, u"limit"_s, u"max_body_bytes"_s, u"max_redirects"_s, u"mode"_s,
                           u"per_host"_s, u"records"_s, u"run_id"_s, u"started_at"_s, u"summary"_s,
                           u"timeout_ms"_s, u"user_agent"_s}));
    QCOMPARE(run.value(u"started_at"_s).toString(), u"2024-05-01T12:30:45.123Z"_s);
    QCOMPARE(run.value(u"capacity_changes"_s).toArray().at(1).toObject(),
             (QJsonObject {{u"at_ns"_s, 1'500'000'123}, {u"capacity"_s, 4}}));
    QCOMPARE(run.value(u"summary"_s).toObject(), summaryToJson(SampleRuns::limitedRun()));

    const QJsonArray records = run.value(u"records"_s).toArray();
    QStringList recordKeys {u"id"_s,      u"url"_s,       u"final_url"_s, u"mode"_s,
                            u"outcome"_s, u"status"_s,    u"bytes"_s,     u"content_type"_s,
                            u"error"_s,   u"redirects"_s, u"parent_id"_s, u"depth"_s};
    for (int i = 0; i < MarkCount; ++i)
        recordKeys.append(markName(Mark(i)) + u"_ns"_s);
    recordKeys.sort();
    QCOMPARE(records.at(0).toObject().keys(), recordKeys);
    const QJsonObject notFound = records.at(1).toObject();
    QCOMPARE(notFound.value(u"outcome"_s).toString(), u"http_error"_s);
    QCOMPARE(notFound.value(u"connect_started_ns"_s), QJsonValue(QJsonValue::Null));
    QCOMPARE(notFound.value(u"first_byte_ns"_s).toInteger(), 5'000'000);
    QCOMPARE(records.at(4).toObject().value(u"queued_ns"_s).toInteger(), 9'007'199'254'740'993);
}

void TestJsonFormat::summaryMatchesCore_data()
{
    QTest::addColumn<RunMode>("mode");
    QTest::addColumn<int>("limit");
    QTest::addColumn<double>("idealMs");

    // Services 100, 50 and 70 ms in input order (plus one never issued): on 2 slots the third follows the
    // second, on 1 slot they add up, without a gate the longest decides.
    QTest::newRow("limited 2") << RunMode::Limited << 2 << 120.0;
    QTest::newRow("sequential") << RunMode::Sequential << 1 << 220.0;
    QTest::newRow("gather") << RunMode::Gather << 0 << 100.0;
}

void TestJsonFormat::summaryMatchesCore()
{
    QFETCH(RunMode, mode);
    QFETCH(int, limit);
    QFETCH(double, idealMs);

    RunResult run;
    run.settings.mode = mode;
    run.settings.limit = 2;
    run.settings.delayMs = 25;
    run.endNs = 123'456'500; // rounds half up to 123.457 ms
    using SampleRuns::record;
    const QString url = u"http://127.0.0.1/"_s;
    run.records = {
        record(0, url, mode, Outcome::Ok, {{Mark::Issued, 0}, {Mark::Finished, 100'000'000}}),
        record(1, url, mode, Outcome::HttpError, {{Mark::Issued, 0}, {Mark::Finished, 50'000'000}}),
        record(2, url, mode, Outcome::Failed, {{Mark::Issued, 50'000'000}, {Mark::Finished, 120'000'000}}),
        record(3, url, mode, Outcome::Cancelled, {{Mark::Queued, 0}, {Mark::Finished, 120'000'000}}),
    };
    run.records[0].bytes = 10;
    run.records[1].bytes = 5;

    const QJsonObject summary = summaryToJson(run);
    const QJsonObject expected {
        {u"mode"_s, runModeName(mode)},
        {u"limit"_s, limit},
        {u"delay_ms"_s, 25},
        {u"requests"_s, 4},
        {u"ok"_s, 1},
        {u"failed"_s, 2},
        {u"cancelled"_s, 1},
        {u"wall_ms"_s, 123.457},
        {u"ideal_ms"_s, idealMs},
        {u"peak_in_flight"_s, 2}, // the second finishes as the third starts: no overlap
        {u"bytes"_s, 15},
    };
    QCOMPARE(summary, expected);
    QVERIFY(QJsonDocument(summary).toJson(QJsonDocument::Compact).contains("\"wall_ms\":123.457"));
}

void TestJsonFormat::rejectsMalformedInput_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("expectedError");

    const QJsonValue undefined(QJsonValue::Undefined);
    QTest::newRow("empty") << QByteArray() << u"not JSON: "_s;
    QTest::newRow("not json") << QByteArray("hello") << u"not JSON: "_s;
    QTest::newRow("trailing comma") << QByteArray("{\"format\": 1,}") << u"at offset 14"_s;
    QTest::newRow("truncated") << toJson(SampleRuns::all()).left(500) << u"not JSON: "_s;
    QTest::newRow("deep nesting") << QByteArray(100'000, '[') << u"not JSON: "_s;
    QTest::newRow("array at top") << QByteArray("[]") << u"not a Crawlscope run file"_s;
    QTest::newRow("other format") << sampleJsonWith(u"format"_s, u"har"_s)
                                  << u"not a Crawlscope run file (format is \"har\", "
                                     "expected \"crawlscope-run\")"_s;
    QTest::newRow("no format") << sampleJsonWith(u"format"_s, undefined) << u"not a Crawlscope run file"_s;
    QTest::newRow("newer version") << sampleJsonWith(u"version"_s, 2)
                                   << u"unsupported version 2 (this Crawlscope reads version 1)"_s;
    QTest::newRow("version as string")
        << sampleJsonWith(u"version"_s, u"1"_s) << u"\"version\" must be a number, not a string"_s;
    QTest::newRow("no runs") << sampleJsonWith(u"runs"_s, undefined) << u"\"runs\" is missing"_s;
    QTest::newRow("runs is an object")
        << sampleJsonWith(u"runs"_s, QJsonObject()) << u"\"runs\" must be an array, not an object"_s;
    QTest::newRow("run is a number") << sampleJsonWith(u"runs/1"_s, 5)
                                     << u"run 1: must be an object, not a number"_s;
    QTest::newRow("bogus outcome") << sampleJsonWith(u"runs/0/records/3/outcome"_s, u"bogus"_s)
                                   << u"run 0, record 3: \"outcome\" is \"bogus\", "
                                      "expected one of ok, http_error, failed, cancelled, pending"_s;
    QTest::newRow("bogus run mode") << sampleJsonWith(u"runs/1/mode"_s, u"parallel"_s)
                                    << u"run 1: \"mode\" is \"parallel\", "
                                       "expected one of sequential, gather, limited"_s;
    QTest::newRow("missing status") << sampleJsonWith(u"runs/0/records/2/status"_s, undefined)
                                    << u"run 0, record 2: \"status\" is missing"_s;
    QTest::newRow("mark as string") << sampleJsonWith(u"runs/1/records/0/queued_ns"_s, u"0"_s)
                                    << u"run 1, record 0: \"queued_ns\" must be a number, not a string"_s;
    QTest::newRow("negative mark") << sampleJsonWith(u"runs/0/records/0/finished_ns"_s, -5)
                                   << u"run 0, record 0: \"finished_ns\" is -5, expected 0 or more"_s;
    QTest::newRow("fractional mark") << sampleJsonWith(u"runs/0/records/0/finished_ns"_s, 1.5)
                                     << u"run 0, record 0: \"finished_ns\" is 1.5, expected a whole number"_s;
    QTest::newRow("huge number") << sampleJsonWith(u"runs/0/end_ns"_s, 1e300)
                                 << u"run 0: \"end_ns\" is 1e+300, expected a whole number"_s;
    QTest::newRow("id beyond int") << sampleJsonWith(u"runs/0/records/0/id"_s, qint64(1) << 40)
                                   << u"run 0, record 0: \"id\" is 1099511627776, expected 0 to 2147483647"_s;
    QTest::newRow("status out of range") << sampleJsonWith(u"runs/0/records/0/status"_s, 1000)
                                         << u"run 0, record 0: \"status\" is 1000, expected 0 to 999"_s;
    QTest::newRow("bad start time") << sampleJsonWith(u"runs/0/started_at"_s, u"yesterday"_s)
                                    << u"run 0: \"started_at\" is \"yesterday\", expected an ISO 8601 time"_s;
    QTest::newRow("invalid url") << sampleJsonWith(u"runs/0/records/1/url"_s, u"http://exa mple.com/"_s)
                                 << u"run 0, record 1: \"url\" is not a valid URL: "_s;
    QTest::newRow("url as null") << sampleJsonWith(u"runs/0/records/1/final_url"_s,
                                                   QJsonValue(QJsonValue::Null))
                                 << u"run 0, record 1: \"final_url\" must be a string, not null"_s;
    QTest::newRow("capacity change is an array")
        << sampleJsonWith(u"runs/0/capacity_changes/2"_s, QJsonArray())
        << u"run 0, capacity change 2: must be an object, not an array"_s;
    QTest::newRow("capacity change without capacity")
        << sampleJsonWith(u"runs/0/capacity_changes/0/capacity"_s, undefined)
        << u"run 0, capacity change 0: \"capacity\" is missing"_s;
    QTest::newRow("cancelled as number") << sampleJsonWith(u"runs/1/cancelled"_s, 1)
                                         << u"run 1: \"cancelled\" must be a boolean, not a number"_s;
    QTest::newRow("records is null") << sampleJsonWith(u"runs/2/records"_s, QJsonValue(QJsonValue::Null))
                                     << u"run 2: \"records\" must be an array, not null"_s;
}

void TestJsonFormat::rejectsMalformedInput()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, expectedError);

    QString error;
    QVERIFY(!runsFromJson(data, &error));
    QVERIFY2(error.contains(expectedError), qPrintable(error));
    QVERIFY(!runsFromJson(data, nullptr));
}

void TestJsonFormat::survivesTruncationAndCorruption()
{
    const QByteArray valid = toJson({SampleRuns::sequentialRun()}).trimmed();
    for (qsizetype size = 0; size < valid.size(); ++size) {
        QString error;
        QVERIFY(!runsFromJson(valid.left(size), &error));
        QVERIFY(!error.isEmpty());
    }
    QRandomGenerator random(42);
    for (int round = 0; round < 2000; ++round) {
        QByteArray corrupt = valid;
        for (int flips = 0; flips < 3; ++flips)
            corrupt[random.bounded(int(corrupt.size()))] = char(random.bounded(256));
        QString error;
        if (!runsFromJson(corrupt, &error))
            QVERIFY(!error.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestJsonFormat)
#include "tst_jsonformat.moc"
