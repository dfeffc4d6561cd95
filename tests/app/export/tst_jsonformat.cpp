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

// The file as Crawlscope wrote it before crawl mode: no crawl settings, skipped URLs or hosts, and records
// without role, attempt and parent_url.
QByteArray withoutCrawlFields(const QByteArray &json)
{
    QJsonObject root = QJsonDocument::fromJson(json).object();
    QJsonArray runs = root.value(u"runs"_s).toArray();
    for (auto run : runs) {
        QJsonObject object = run.toObject();
        for (const auto &key : {u"crawl"_s, u"skipped"_s, u"hosts"_s})
            object.remove(key);
        // The summary is never read back, only written; a crawl's summary has these too.
        QJsonObject summary = object.value(u"summary"_s).toObject();
        for (const auto &key :
             {u"pages"_s, u"retries"_s, u"not_html"_s, u"skipped"_s, u"hosts"_s, u"robots_txt"_s})
            summary.remove(key);
        object.insert(u"summary"_s, summary);
        QJsonArray records = object.value(u"records"_s).toArray();
        for (auto record : records) {
            QJsonObject recordObject = record.toObject();
            for (const auto &key : {u"role"_s, u"attempt"_s, u"parent_url"_s})
                recordObject.remove(key);
            record = recordObject;
        }
        object.insert(u"records"_s, records);
        run = object;
    }
    root.insert(u"runs"_s, runs);
    return QJsonDocument(root).toJson();
}

} // namespace

class TestJsonFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripsExactly();
    void roundTripsNothing();
    void roundTripsTheConcurrencyCap();
    void roundTripsTheMemoryBounds();
    void writesTheDocumentedLayout();
    void writesCrawlData();
    void keepsCrawlSettingsThatAreOff();
    void readsFilesFromBeforeCrawlMode();
    void summaryMatchesCore_data();
    void summaryMatchesCore();
    void rejectsMalformedInput_data();
    void rejectsMalformedInput();
    void survivesTruncationAndCorruption();
};

void TestJsonFormat::roundTripsTheConcurrencyCap()
{
    RunResult run = SampleRuns::limitedRun();
    run.concurrencyCap = {406, u"open-file limit 1024 (ulimit -n)"_s};
    const QJsonObject written
        = QJsonDocument::fromJson(toJson({run})).object().value(u"runs"_s).toArray().at(0).toObject();
    const QJsonObject cap {{u"max_in_flight"_s, 406}, {u"reason"_s, u"open-file limit 1024 (ulimit -n)"_s}};
    QCOMPARE(written.value(u"concurrency_cap"_s).toObject(), cap);
    QCOMPARE(written.value(u"summary"_s).toObject().value(u"concurrency_cap"_s).toObject(), cap);
    QString error;
    const auto back = runsFromJson(toJson({run}), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->at(0).concurrencyCap, run.concurrencyCap);
    QVERIFY(back->at(0) == run);
}

void TestJsonFormat::roundTripsTheMemoryBounds()
{
    // What a crawl's bounds left out is said in the run file and the summary alike, and read back.
    RunResult run = SampleRuns::crawlRun();
    run.linksDropped = 2550;
    run.skippedBeyondKept = 7;
    run.pagesCutShort = 5;
    const QJsonObject written
        = QJsonDocument::fromJson(toJson({run})).object().value(u"runs"_s).toArray().at(0).toObject();
    QCOMPARE(written.value(u"pages_cut_short"_s).toInteger(), qint64(5));
    QCOMPARE(written.value(u"summary"_s).toObject().value(u"pages_cut_short"_s).toInteger(), qint64(5));
    QCOMPARE(written.value(u"links_dropped"_s).toInteger(), qint64(2550));
    QString error;
    const auto back = runsFromJson(toJson({run}), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->at(0).pagesCutShort, qint64(5));
    QVERIFY(back->at(0) == run);
    // A crawl that read every page whole does not mention it.
    run.pagesCutShort = 0;
    QVERIFY(!QJsonDocument::fromJson(toJson({run}))
                 .object()
                 .value(u"runs"_s)
                 .toArray()
                 .at(0)
                 .toObject()
                 .contains(u"pages_cut_short"_s));
}

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
    QCOMPARE(run.keys(), (QStringList {u"cancelled"_s,      u"capacity_changes"_s,
                                       u"deadline_ms"_s,    u"delay_ms"_s,
                                       u"end_ns"_s,         u"hosts"_s,
                                       u"keep_bodies"_s,    u"limit"_s,
                                       u"max_body_bytes"_s, u"max_header_bytes"_s,
                                       u"max_redirects"_s,  u"mode"_s,
                                       u"per_host"_s,       u"records"_s,
                                       u"run_id"_s,         u"skipped"_s,
                                       u"started_at"_s,     u"summary"_s,
                                       u"timeout_ms"_s,     u"user_agent"_s}));
    QCOMPARE(run.value(u"skipped"_s).toArray(), QJsonArray());
    QCOMPARE(run.value(u"hosts"_s).toArray(), QJsonArray());
    QCOMPARE(run.value(u"started_at"_s).toString(), u"2024-05-01T12:30:45.123Z"_s);
    QCOMPARE(run.value(u"capacity_changes"_s).toArray().at(1).toObject(),
             (QJsonObject {{u"at_ns"_s, 1'500'000'123}, {u"capacity"_s, 4}}));
    QCOMPARE(run.value(u"summary"_s).toObject(), summaryToJson(SampleRuns::limitedRun()));

    const QJsonArray records = run.value(u"records"_s).toArray();
    QStringList recordKeys {u"id"_s, u"url"_s, u"final_url"_s, u"mode"_s, u"outcome"_s, u"status"_s,
                            u"bytes"_s, u"content_type"_s, u"error"_s, u"redirects"_s, u"parent_id"_s,
                            u"parent_url"_s, u"depth"_s, u"role"_s, u"attempt"_s,
                            // a capture's
                            u"method"_s, u"connection"_s, u"reused_connection"_s, u"bytes_sent"_s,
                            u"proxy_ns"_s, u"request_headers"_s};
    for (int i = 0; i < MarkCount; ++i)
        recordKeys.append(markName(Mark(i)) + u"_ns"_s);
    recordKeys.sort();
    QCOMPARE(records.at(0).toObject().keys(), recordKeys);
    const QJsonObject notFound = records.at(1).toObject();
    QCOMPARE(notFound.value(u"outcome"_s).toString(), u"http_error"_s);
    QCOMPARE(notFound.value(u"connect_started_ns"_s), QJsonValue(QJsonValue::Null));
    QCOMPARE(notFound.value(u"first_byte_ns"_s).toInteger(), 5'000'000);
    QCOMPARE(records.at(4).toObject().value(u"queued_ns"_s).toInteger(), 9'007'199'254'740'993);
    QCOMPARE(records.at(0).toObject().value(u"parent_url"_s), QJsonValue(QJsonValue::Null));
    QCOMPARE(records.at(0).toObject().value(u"role"_s).toString(), u"page"_s);
    QCOMPARE(records.at(0).toObject().value(u"attempt"_s).toInteger(), 1);
    QCOMPARE(records.at(4).toObject().value(u"parent_id"_s).toInteger(), 3);
    QCOMPARE(records.at(4).toObject().value(u"parent_url"_s).toString(),
             u"https://example.org/a%2Cb/c%20d"_s);
}

void TestJsonFormat::writesCrawlData()
{
    const QJsonObject run
        = QJsonDocument::fromJson(toJson({SampleRuns::crawlRun()})).object().value(u"runs"_s)[0].toObject();
    QCOMPARE(run.value(u"crawl"_s).toObject(),
             (QJsonObject {
                 {u"enabled"_s, true},
                 {u"max_depth"_s, 2},
                 {u"max_pages"_s, 6},
                 {u"scope"_s, u"site"_s},
                 {u"includes"_s, QJsonArray {u"^https?://([a-z]+\\.)?example\\.org/"_s, u"/p/\\d{1,3},x"_s}},
                 {u"excludes"_s, QJsonArray {u"\\.pdf$"_s, u"\"quoted\""_s}},
                 {u"obey_robots"_s, true},
                 {u"honour_nofollow"_s, false},
                 {u"sort_query"_s, true},
                 {u"max_retries"_s, 1},
                 {u"max_links_per_page"_s, CrawlSettings::DefaultMaxLinksPerPage},
                 {u"max_skipped_kept"_s, CrawlSettings::DefaultMaxSkippedKept},
             }));

    const QJsonArray records = run.value(u"records"_s).toArray();
    const auto crawlFields = [&](int index) {
        const QJsonObject record = records.at(index).toObject();
        return QJsonObject {{u"role"_s, record.value(u"role"_s)},
                            {u"attempt"_s, record.value(u"attempt"_s)},
                            {u"parent_id"_s, record.value(u"parent_id"_s)},
                            {u"parent_url"_s, record.value(u"parent_url"_s)},
                            {u"depth"_s, record.value(u"depth"_s)}};
    };
    QCOMPARE(crawlFields(0),
             (QJsonObject {{u"role"_s, u"robots"_s},
                           {u"attempt"_s, 1},
                           {u"parent_id"_s, -1},
                           {u"parent_url"_s, QJsonValue::Null},
                           {u"depth"_s, 0}}));
    QCOMPARE(crawlFields(3),
             (QJsonObject {{u"role"_s, u"page"_s},
                           {u"attempt"_s, 2},
                           {u"parent_id"_s, 1},
                           {u"parent_url"_s, u"http://example.org/"_s},
                           {u"depth"_s, 1}}));
    QCOMPARE(crawlFields(5).value(u"parent_url"_s).toString(), u"http://example.org/old?b=2&a=1"_s);

    const QJsonArray skipped = run.value(u"skipped"_s).toArray();
    QCOMPARE(skipped.size(), 6);
    QCOMPARE(skipped.at(0).toObject(),
             (QJsonObject {{u"url"_s, u"http://example.org/private/x"_s},
                           {u"parent_id"_s, 1},
                           {u"parent_url"_s, u"http://example.org/"_s},
                           {u"depth"_s, 1},
                           {u"reason"_s, u"robots"_s},
                           {u"detail"_s, u"Disallow: /private/ (group \"*\", line 3)"_s},
                           {u"count"_s, 1},
                           {u"at_ns"_s, 60'000'001}}));
    QStringList reasons;
    for (const auto &entry : skipped)
        reasons.append(entry.toObject().value(u"reason"_s).toString());
    QCOMPARE(
        reasons,
        (QStringList {u"robots"_s, u"scope"_s, u"duplicate"_s, u"depth"_s, u"page_limit"_s, u"cancelled"_s}));
    QCOMPARE(skipped.at(4).toObject().value(u"at_ns"_s).toInteger(), 9'007'199'254'740'993);
    QCOMPARE(skipped.at(5).toObject().value(u"parent_url"_s), QJsonValue(QJsonValue::Null)); // a seed

    const QJsonArray hosts = run.value(u"hosts"_s).toArray();
    QCOMPARE(hosts.size(), 3);
    QCOMPARE(hosts.at(1).toObject(),
             (QJsonObject {{u"origin"_s, u"https://blog.example.org"_s},
                           {u"robots"_s, u"allow_all"_s},
                           {u"robots_detail"_s, u"robots.txt answered 404: everything is allowed"_s},
                           {u"robots_record_id"_s, 6},
                           {u"crawl_delay_ms"_s, 0},
                           {u"pages"_s, 1}}));
    QCOMPARE(hosts.at(0).toObject().value(u"robots"_s).toString(), u"parsed"_s);
    QCOMPARE(hosts.at(0).toObject().value(u"crawl_delay_ms"_s).toInteger(), 500);
}

void TestJsonFormat::keepsCrawlSettingsThatAreOff()
{
    RunResult run = SampleRuns::sequentialRun();
    QVERIFY(
        !QJsonDocument::fromJson(toJson({run})).object().value(u"runs"_s)[0].toObject().contains(u"crawl"_s));

    // The user set a crawl up and then turned it off: opening the file must not forget what was set.
    run.settings.crawl.maxDepth = 9;
    run.settings.crawl.scope = ScopeKind::Any;
    const QByteArray json = toJson({run});
    const QJsonObject crawl
        = QJsonDocument::fromJson(json).object().value(u"runs"_s)[0].toObject().value(u"crawl"_s).toObject();
    QCOMPARE(crawl.value(u"enabled"_s), QJsonValue(false));
    QCOMPARE(crawl.value(u"max_depth"_s).toInteger(), 9);
    QString error;
    const auto back = runsFromJson(json, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->at(0).settings.crawl, run.settings.crawl);
    QVERIFY(*back == QList<RunResult> {run});
}

void TestJsonFormat::readsFilesFromBeforeCrawlMode()
{
    QList<RunResult> expected = SampleRuns::all();
    for (auto &run : expected) {
        run.settings.crawl = CrawlSettings();
        run.skipped.clear();
        run.hosts.clear();
        for (auto &record : run.records) {
            record.role = RequestRole::Page;
            record.attempt = 1;
        }
    }
    const QByteArray old = withoutCrawlFields(toJson(SampleRuns::all()));
    QVERIFY(!old.contains("\"skipped\""));
    QVERIFY(!old.contains("\"role\""));
    QString error;
    const auto back = runsFromJson(old, &error);
    QVERIFY2(back, qPrintable(error));
    // parent_id and depth were there before crawl mode, so the crawl run keeps its tree.
    QCOMPARE(back->at(3).records.at(5).parentId, 4);
    QCOMPARE(back->at(3).records.at(7).depth, 2);
    QVERIFY(*back == expected);
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
    // The record keeps status, redirects and attempt in two bytes: a value past them is refused, not wrapped.
    QTest::newRow("status beyond two bytes") << sampleJsonWith(u"runs/0/records/0/status"_s, 70000)
                                             << u"run 0, record 0: \"status\" is 70000, expected 0 to 999"_s;
    QTest::newRow("redirects beyond two bytes")
        << sampleJsonWith(u"runs/0/records/0/redirects"_s, 70000)
        << u"run 0, record 0: \"redirects\" is 70000, expected 0 to 32767"_s;
    QTest::newRow("attempt beyond two bytes")
        << sampleJsonWith(u"runs/3/records/3/attempt"_s, 70000)
        << u"run 3, record 3: \"attempt\" is 70000, expected 1 to 32767"_s;
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

    // Crawl mode's fields, in the crawl run.
    QTest::newRow("bogus role") << sampleJsonWith(
        u"runs/3/records/0/role"_s,
        u"favicon"_s) << u"run 3, record 0: \"role\" is \"favicon\", expected one of page, robots"_s;
    QTest::newRow("role as null") << sampleJsonWith(u"runs/0/records/1/role"_s, QJsonValue(QJsonValue::Null))
                                  << u"run 0, record 1: \"role\" must be a string, not null"_s;
    QTest::newRow("attempt zero") << sampleJsonWith(u"runs/3/records/3/attempt"_s, 0)
                                  << u"run 3, record 3: \"attempt\" is 0, expected 1 to 32767"_s;
    QTest::newRow("fractional attempt") << sampleJsonWith(u"runs/3/records/3/attempt"_s, 1.5)
                                        << u"run 3, record 3: \"attempt\" is 1.5, expected a whole number"_s;
    QTest::newRow("parent_url as number")
        << sampleJsonWith(u"runs/3/records/2/parent_url"_s, 1)
        << u"run 3, record 2: \"parent_url\" must be a string, not a number"_s;
    QTest::newRow("invalid parent_url")
        << sampleJsonWith(u"runs/3/records/2/parent_url"_s, u"http://exa mple.com/"_s)
        << u"run 3, record 2: \"parent_url\" is not a valid URL: "_s;
    QTest::newRow("crawl is an array") << sampleJsonWith(u"runs/3/crawl"_s, QJsonArray())
                                       << u"run 3: \"crawl\" must be an object, not an array"_s;
    QTest::newRow("crawl without max_pages") << sampleJsonWith(u"runs/3/crawl/max_pages"_s, undefined)
                                             << u"run 3: \"crawl.max_pages\" is missing"_s;
    QTest::newRow("negative max_depth") << sampleJsonWith(u"runs/3/crawl/max_depth"_s, -1)
                                        << u"run 3: \"crawl.max_depth\" is -1, expected 0 to 2147483647"_s;
    QTest::newRow("bogus scope") << sampleJsonWith(u"runs/3/crawl/scope"_s, u"world"_s)
                                 << u"run 3: \"crawl.scope\" is \"world\", expected one of host, site, any"_s;
    QTest::newRow("enabled as string") << sampleJsonWith(u"runs/3/crawl/enabled"_s, u"yes"_s)
                                       << u"run 3: \"crawl.enabled\" must be a boolean, not a string"_s;
    QTest::newRow("pattern as number")
        << sampleJsonWith(u"runs/3/crawl/excludes/1"_s, 5)
        << u"run 3: \"crawl.excludes\" item 1 must be a string, not a number"_s;
    QTest::newRow("skipped is an object") << sampleJsonWith(u"runs/3/skipped"_s, QJsonObject())
                                          << u"run 3: \"skipped\" must be an array, not an object"_s;
    QTest::newRow("skipped entry is a string") << sampleJsonWith(u"runs/3/skipped/2"_s, u"x"_s)
                                               << u"run 3, skipped 2: must be an object, not a string"_s;
    QTest::newRow("bogus skip reason")
        << sampleJsonWith(u"runs/3/skipped/1/reason"_s, u"boring"_s)
        << u"run 3, skipped 1: \"reason\" is \"boring\", expected one of robots, scope, depth, duplicate, "
           "page_limit, nofollow, redirect_limit, cancelled"_s;
    QTest::newRow("skip count zero") << sampleJsonWith(u"runs/3/skipped/0/count"_s, 0)
                                     << u"run 3, skipped 0: \"count\" is 0, expected 1 to 2147483647"_s;
    QTest::newRow("skipped without at_ns") << sampleJsonWith(u"runs/3/skipped/5/at_ns"_s, undefined)
                                           << u"run 3, skipped 5: \"at_ns\" is missing"_s;
    QTest::newRow("skipped parent below -1") << sampleJsonWith(u"runs/3/skipped/3/parent_id"_s, -2)
                                             << u"run 3, skipped 3: \"parent_id\" is -2, expected -1 to "_s;
    QTest::newRow("invalid skipped url") << sampleJsonWith(u"runs/3/skipped/3/url"_s, u"http://a b/"_s)
                                         << u"run 3, skipped 3: \"url\" is not a valid URL: "_s;
    QTest::newRow("hosts is null") << sampleJsonWith(u"runs/3/hosts"_s, QJsonValue(QJsonValue::Null))
                                   << u"run 3: \"hosts\" must be an array, not null"_s;
    QTest::newRow("bogus robots status")
        << sampleJsonWith(u"runs/3/hosts/1/robots"_s, u"maybe"_s)
        << u"run 3, host 1: \"robots\" is \"maybe\", expected one of fetching, parsed, allow_all, "
           "disallow_all, ignored"_s;
    QTest::newRow("robots record below -1")
        << sampleJsonWith(u"runs/3/hosts/0/robots_record_id"_s, -2)
        << u"run 3, host 0: \"robots_record_id\" is -2, expected -1 to "_s;
    QTest::newRow("negative crawl delay") << sampleJsonWith(u"runs/3/hosts/0/crawl_delay_ms"_s, -500)
                                          << u"run 3, host 0: \"crawl_delay_ms\" is -500, expected 0 to "_s;
    QTest::newRow("host without origin")
        << sampleJsonWith(u"runs/3/hosts/2/origin"_s, undefined) << u"run 3, host 2: \"origin\" is missing"_s;
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
