// Writing HAR 1.2: every required field, timings that add up, one page per run, and a round trip back.
#include "export/harformat.h"

#include "sampleruns.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QList<RunResult> allRuns()
{
    return SampleRuns::all() << SampleRuns::edgeRun();
}

QJsonObject harLog(const QList<RunResult> &runs)
{
    return QJsonDocument::fromJson(toHar(runs)).object().value(u"log"_s).toObject();
}

using Fields = QList<std::pair<QString, QJsonValue::Type>>;

// Names the first field that is missing or of the wrong JSON type; empty when all are right.
QString checkFields(const QJsonObject &object, const Fields &fields, const QString &where)
{
    for (const auto &[name, type] : fields) {
        if (object.value(name).type() != type)
            return where + u'.' + name + u" has JSON type "_s + QString::number(object.value(name).type());
    }
    return {};
}

QString checkNameValues(const QJsonArray &array, const QString &where)
{
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString problem = checkFields(
            array.at(i).toObject(), {{u"name"_s, QJsonValue::String}, {u"value"_s, QJsonValue::String}},
            where + u'[' + QString::number(i) + u']');
        if (!problem.isEmpty())
            return problem;
    }
    return {};
}

const QStringList &timingNames()
{
    static const QStringList names {u"blocked"_s, u"dns"_s,  u"connect"_s, u"ssl"_s,
                                    u"send"_s,    u"wait"_s, u"receive"_s};
    return names;
}

} // namespace

class TestHarFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesEveryRequiredField();
    void timeIsTheSumOfTimings();
    void mapsPhasesToTimings_data();
    void mapsPhasesToTimings();
    void writesStartedDateTime();
    void writesOnePagePerRun();
    void writesRequestAndResponse();
    void roundTrips();
};

void TestHarFormat::writesEveryRequiredField()
{
    const QJsonObject log = harLog(allRuns());
    const auto check = [](const QString &problem) { QVERIFY2(problem.isEmpty(), qPrintable(problem)); };
    check(checkFields(log,
                      {{u"version"_s, QJsonValue::String},
                       {u"creator"_s, QJsonValue::Object},
                       {u"pages"_s, QJsonValue::Array},
                       {u"entries"_s, QJsonValue::Array}},
                      u"log"_s));
    QCOMPARE(log.value(u"version"_s).toString(), u"1.2"_s);
    QCOMPARE(
        log.value(u"creator"_s).toObject(),
        (QJsonObject {{u"name"_s, u"Crawlscope"_s}, {u"version"_s, QStringLiteral(CRAWLSCOPE_VERSION)}}));

    const QJsonArray pages = log.value(u"pages"_s).toArray();
    QCOMPARE(pages.size(), 5);
    for (qsizetype i = 0; i < pages.size(); ++i) {
        const QString where = u"page "_s + QString::number(i);
        const QJsonObject page = pages.at(i).toObject();
        check(checkFields(page,
                          {{u"startedDateTime"_s, QJsonValue::String},
                           {u"id"_s, QJsonValue::String},
                           {u"title"_s, QJsonValue::String},
                           {u"pageTimings"_s, QJsonValue::Object}},
                          where));
        check(checkFields(page.value(u"pageTimings"_s).toObject(),
                          {{u"onContentLoad"_s, QJsonValue::Double}, {u"onLoad"_s, QJsonValue::Double}},
                          where));
    }

    const QJsonArray entries = log.value(u"entries"_s).toArray();
    QCOMPARE(entries.size(), 5 + 1 + 9 + 8); // every record that was queued
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString where = u"entry "_s + QString::number(i);
        const QJsonObject entry = entries.at(i).toObject();
        check(checkFields(entry,
                          {{u"pageref"_s, QJsonValue::String},
                           {u"startedDateTime"_s, QJsonValue::String},
                           {u"time"_s, QJsonValue::Double},
                           {u"request"_s, QJsonValue::Object},
                           {u"response"_s, QJsonValue::Object},
                           {u"cache"_s, QJsonValue::Object},
                           {u"timings"_s, QJsonValue::Object}},
                          where));
        const QJsonObject request = entry.value(u"request"_s).toObject();
        check(checkFields(request,
                          {{u"method"_s, QJsonValue::String},
                           {u"url"_s, QJsonValue::String},
                           {u"httpVersion"_s, QJsonValue::String},
                           {u"cookies"_s, QJsonValue::Array},
                           {u"headers"_s, QJsonValue::Array},
                           {u"queryString"_s, QJsonValue::Array},
                           {u"headersSize"_s, QJsonValue::Double},
                           {u"bodySize"_s, QJsonValue::Double}},
                          where + u".request"_s));
        check(checkNameValues(request.value(u"headers"_s).toArray(), where + u".request.headers"_s));
        check(checkNameValues(request.value(u"queryString"_s).toArray(), where + u".request.queryString"_s));
        const QJsonObject response = entry.value(u"response"_s).toObject();
        check(checkFields(response,
                          {{u"status"_s, QJsonValue::Double},
                           {u"statusText"_s, QJsonValue::String},
                           {u"httpVersion"_s, QJsonValue::String},
                           {u"cookies"_s, QJsonValue::Array},
                           {u"headers"_s, QJsonValue::Array},
                           {u"content"_s, QJsonValue::Object},
                           {u"redirectURL"_s, QJsonValue::String},
                           {u"headersSize"_s, QJsonValue::Double},
                           {u"bodySize"_s, QJsonValue::Double}},
                          where + u".response"_s));
        check(checkNameValues(response.value(u"headers"_s).toArray(), where + u".response.headers"_s));
        check(checkFields(response.value(u"content"_s).toObject(),
                          {{u"size"_s, QJsonValue::Double}, {u"mimeType"_s, QJsonValue::String}},
                          where + u".response.content"_s));
        QCOMPARE(entry.value(u"cache"_s).toObject(), QJsonObject());
        Fields timingFields;
        for (const auto &name : timingNames())
            timingFields.append({name, QJsonValue::Double});
        check(checkFields(entry.value(u"timings"_s).toObject(), timingFields, where + u".timings"_s));
    }
}

void TestHarFormat::timeIsTheSumOfTimings()
{
    const QList<RunResult> runs = allRuns();
    const QJsonArray entries = harLog(runs).value(u"entries"_s).toArray();
    qsizetype index = 0;
    for (const auto &run : runs) {
        for (const auto &record : run.records) {
            if (!record.reached(Mark::Queued))
                continue;
            const QJsonObject entry = entries.at(index++).toObject();
            const QJsonObject timings = entry.value(u"timings"_s).toObject();
            const QByteArray where = "entry " + QByteArray::number(index - 1);
            double sum = 0;
            for (const auto &name : timingNames()) {
                const double value = timings.value(name).toDouble();
                const bool required = name == u"send"_s || name == u"wait"_s || name == u"receive"_s;
                QVERIFY2(value >= 0 || (!required && value == -1),
                         QByteArray(where + ' ' + name.toUtf8()).constData());
                if (value >= 0 && name != u"ssl"_s)
                    sum += value;
            }
            const double time = entry.value(u"time"_s).toDouble();
            QVERIFY2(qAbs(time - sum) < 1e-9, where);
            // Everything from the queue to the end is counted once: nothing lost, nothing twice.
            qint64 end = record.at(Mark::Queued);
            for (int m = 0; m < int(Mark::DelayReleased); ++m) {
                if (record.reached(Mark(m)))
                    end = std::max(end, record.at(Mark(m)));
            }
            QVERIFY2(qAbs(time - double(end - record.at(Mark::Queued)) / 1e6) < 1e-9, where);
        }
    }
    QCOMPARE(index, entries.size());
}

void TestHarFormat::mapsPhasesToTimings_data()
{
    QTest::addColumn<int>("record"); // in SampleRuns::edgeRun()
    QTest::addColumn<QList<qint64>>(
        "expected"); // blocked, connect, send, wait, receive, _blocked_queueing in ns

    QTest::newRow("reused connection") << 0 << QList<qint64> {500'000, -1, 100'000, 9'400'000, 2'000'000, 0};
    QTest::newRow("refused while connecting") << 1 << QList<qint64> {1'000'000, 29'800'000, 200'000, 0, 0, 0};
    QTest::newRow("no headers before timeout")
        << 2 << QList<qint64> {0, 1'999'900, 100, 30'000'000'000, 0, 0};
    QTest::newRow("cancelled in the queue") << 3 << QList<qint64> {48'500'000, -1, 0, 0, 0, -1};
    QTest::newRow("cancelled waiting for a host slot")
        << 4 << QList<qint64> {50'000'000, -1, 0, 0, 0, 40'000'000};
    QTest::newRow("cancelled while reading") << 5 << QList<qint64> {0, 10, 0, 990, 49'999'000, 0};
    QTest::newRow("pending in the queue") << 6 << QList<qint64> {0, -1, 0, 0, 0, -1};
    QTest::newRow("pending after issue") << 7 << QList<qint64> {2, -1, 0, 0, 0, 1};
}

void TestHarFormat::mapsPhasesToTimings()
{
    QFETCH(int, record);
    QFETCH(QList<qint64>, expected);

    const QJsonObject timings = harLog({SampleRuns::edgeRun()})
                                    .value(u"entries"_s)
                                    .toArray()
                                    .at(record)
                                    .toObject()
                                    .value(u"timings"_s)
                                    .toObject();
    const QStringList names {u"blocked"_s, u"connect"_s, u"send"_s,
                             u"wait"_s,    u"receive"_s, u"_blocked_queueing"_s};
    for (qsizetype i = 0; i < names.size(); ++i) {
        const double want = expected.at(i) < 0 ? -1.0 : double(expected.at(i)) / 1e6;
        QVERIFY2(timings.value(names.at(i)).toDouble() == want, qPrintable(names.at(i)));
    }
    QCOMPARE(timings.value(u"dns"_s).toDouble(), -1.0);
    QCOMPARE(timings.value(u"ssl"_s).toDouble(), -1.0);
}

void TestHarFormat::writesStartedDateTime()
{
    RunResult run = SampleRuns::limitedRun();
    run.records[1].set(Mark::Queued, 1'999'999); // the start is rounded down, as the rest goes to _queued
    const QJsonArray entries = harLog({run}).value(u"entries"_s).toArray();
    const QRegularExpression iso(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"_s);
    for (const auto &entry : entries) {
        const QString started = entry.toObject().value(u"startedDateTime"_s).toString();
        QVERIFY2(iso.match(started).hasMatch(), qPrintable(started));
    }
    QCOMPARE(entries.at(0).toObject().value(u"startedDateTime"_s).toString(), u"2024-05-01T12:30:45.123Z"_s);
    QCOMPARE(entries.at(1).toObject().value(u"startedDateTime"_s).toString(), u"2024-05-01T12:30:45.124Z"_s);
    QCOMPARE(entries.at(1).toObject().value(u"_queued"_s).toDouble(), 1.999999);
    const qint64 pendingQueuedMs = 9'007'199'254; // 104 days and a bit after the run's start
    QCOMPARE(entries.at(4).toObject().value(u"startedDateTime"_s).toString(),
             run.startedAt.addMSecs(pendingQueuedMs).toUTC().toString(Qt::ISODateWithMs));
    QCOMPARE(entries.at(4).toObject().value(u"startedDateTime"_s).toString(), u"2024-08-13T18:30:44.377Z"_s);
}

void TestHarFormat::writesOnePagePerRun()
{
    const QList<RunResult> runs = allRuns();
    const QJsonObject log = harLog(runs);
    const QJsonArray pages = log.value(u"pages"_s).toArray();
    QCOMPARE(pages.size(), runs.size());

    const QJsonObject limited = pages.at(0).toObject();
    QCOMPARE(limited.value(u"id"_s).toString(), u"run_0"_s);
    QCOMPARE(limited.value(u"startedDateTime"_s).toString(), u"2024-05-01T12:30:45.123Z"_s);
    QCOMPARE(limited.value(u"title"_s).toString(), u"limited 2, delay 100 ms, 1 per host"_s);
    QCOMPARE(limited.value(u"pageTimings"_s).toObject(),
             (QJsonObject {{u"onContentLoad"_s, -1}, {u"onLoad"_s, 2345.678901}}));
    QCOMPARE(limited.value(u"_mode"_s).toString(), u"limited"_s);
    QCOMPARE(limited.value(u"_limit"_s).toInt(), 2);
    QCOMPARE(limited.value(u"_delay"_s).toInt(), 100);
    QCOMPARE(limited.value(u"_perHost"_s).toInt(), 1);
    QCOMPARE(pages.at(1).toObject().value(u"title"_s).toString(), u"sequential"_s);
    QCOMPARE(pages.at(2).toObject().value(u"title"_s).toString(), u"gather"_s);
    QCOMPARE(pages.at(2).toObject().value(u"startedDateTime"_s).toString(),
             u"1970-01-01T00:00:00.000Z"_s); // the run never started, but HAR needs a date
    QCOMPARE(pages.at(3).toObject().value(u"title"_s).toString(), u"limited 4, 2 per host"_s);
    QCOMPARE(pages.at(4).toObject().value(u"title"_s).toString(), u"limited 3, delay 1000 ms"_s);

    // Crawl settings only where they differ from the defaults.
    QVERIFY(!limited.contains(u"_crawl"_s));
    QCOMPARE(pages.at(3).toObject().value(u"_crawl"_s).toObject(),
             (QJsonObject {
                 {u"enabled"_s, true},
                 {u"maxDepth"_s, 2},
                 {u"maxPages"_s, 6},
                 {u"scope"_s, u"site"_s},
                 {u"includes"_s, QJsonArray {u"^https?://([a-z]+\\.)?example\\.org/"_s, u"/p/\\d{1,3},x"_s}},
                 {u"excludes"_s, QJsonArray {u"\\.pdf$"_s, u"\"quoted\""_s}},
                 {u"obeyRobots"_s, true},
                 {u"honourNofollow"_s, false},
                 {u"sortQuery"_s, true},
                 {u"maxRetries"_s, 1},
                 {u"maxLinksPerPage"_s, CrawlSettings::DefaultMaxLinksPerPage},
                 {u"maxSkippedKept"_s, CrawlSettings::DefaultMaxSkippedKept},
             }));

    QHash<QString, int> entriesPerPage;
    for (const auto &entry : log.value(u"entries"_s).toArray())
        ++entriesPerPage[entry.toObject().value(u"pageref"_s).toString()];
    QCOMPARE(entriesPerPage,
             (QHash<QString, int> {{u"run_0"_s, 5},
                                   {u"run_1"_s, 1},
                                   {u"run_3"_s, 9},
                                   {u"run_4"_s, 8}})); // the edge run's last one was never queued
}

void TestHarFormat::writesRequestAndResponse()
{
    const QJsonArray entries = harLog(allRuns()).value(u"entries"_s).toArray();
    const QJsonObject ok = entries.at(0).toObject();
    const QJsonObject request = ok.value(u"request"_s).toObject();
    QCOMPARE(request.value(u"method"_s).toString(), u"GET"_s);
    QCOMPARE(request.value(u"url"_s).toString(), u"http://127.0.0.1:8123/fast"_s);
    QCOMPARE(request.value(u"httpVersion"_s).toString(), u"HTTP/1.1"_s);
    QCOMPARE(request.value(u"headers"_s).toArray(),
             (QJsonArray {QJsonObject {{u"name"_s, u"User-Agent"_s},
                                       {u"value"_s, u"Crawlscope-test/1.0 (+https://example.org/bot)"_s}}}));
    QCOMPARE(request.value(u"headersSize"_s).toInteger(), -1);
    QCOMPARE(request.value(u"bodySize"_s).toInteger(), 0);
    const QJsonObject response = ok.value(u"response"_s).toObject();
    QCOMPARE(response.value(u"status"_s).toInteger(), 200);
    QCOMPARE(response.value(u"statusText"_s).toString(), QString());
    QCOMPARE(response.value(u"httpVersion"_s).toString(), u"HTTP/1.1"_s);
    QCOMPARE(response.value(u"headers"_s).toArray(),
             (QJsonArray {
                 QJsonObject {{u"name"_s, u"Content-Type"_s}, {u"value"_s, u"text/html; charset=utf-8"_s}}}));
    QCOMPARE(response.value(u"content"_s).toObject(),
             (QJsonObject {{u"size"_s, 5120}, {u"mimeType"_s, u"text/html; charset=utf-8"_s}}));
    QCOMPARE(response.value(u"redirectURL"_s).toString(), u"http://127.0.0.1:8123/fast/"_s);
    QCOMPARE(response.value(u"bodySize"_s).toInteger(), 5120);
    QVERIFY(!response.contains(u"_error"_s));
    QCOMPARE(ok.value(u"_id"_s).toInteger(), 0);
    QCOMPARE(ok.value(u"_mode"_s).toString(), u"limited"_s);
    QCOMPARE(ok.value(u"_outcome"_s).toString(), u"ok"_s);
    QCOMPARE(ok.value(u"_error"_s).toString(), QString());
    QCOMPARE(ok.value(u"_redirects"_s).toInteger(), 1);
    QCOMPARE(ok.value(u"_delay"_s).toDouble(), 100.0);
    QCOMPARE(ok.value(u"_unreached"_s).toArray(), QJsonArray());
    QCOMPARE(ok.value(u"_parentId"_s).toInteger(), -1);
    QCOMPARE(ok.value(u"_parentUrl"_s), QJsonValue(QJsonValue::Null));
    QCOMPARE(ok.value(u"_depth"_s).toInteger(), 0);
    QCOMPARE(ok.value(u"_role"_s).toString(), u"page"_s);
    QCOMPARE(ok.value(u"_attempt"_s).toInteger(), 1);

    const QJsonObject notFound = entries.at(1).toObject();
    QCOMPARE(notFound.value(u"request"_s).toObject().value(u"queryString"_s).toArray(),
             (QJsonArray {QJsonObject {{u"name"_s, u"a"_s}, {u"value"_s, u"1,2"_s}},
                          QJsonObject {{u"name"_s, u"b"_s}, {u"value"_s, u"\"x\""_s}}}));
    QCOMPARE(notFound.value(u"response"_s).toObject().value(u"redirectURL"_s).toString(),
             QString()); // same URL
    QCOMPARE(notFound.value(u"_outcome"_s).toString(), u"http_error"_s);
    QCOMPARE(notFound.value(u"_unreached"_s).toArray(), QJsonArray {u"connect_started"_s});

    const QJsonObject failed = entries.at(2).toObject();
    const QJsonObject failedResponse = failed.value(u"response"_s).toObject();
    QCOMPARE(failedResponse.value(u"status"_s).toInteger(), 0);
    QCOMPARE(failedResponse.value(u"httpVersion"_s).toString(), QString());
    QCOMPARE(failedResponse.value(u"headers"_s).toArray(), QJsonArray());
    QCOMPARE(failedResponse.value(u"content"_s).toObject().value(u"mimeType"_s).toString(), u"x-unknown"_s);
    QCOMPARE(failedResponse.value(u"bodySize"_s).toInteger(), -1);
    QCOMPARE(failedResponse.value(u"_error"_s).toString(), SampleRuns::limitedRun().records.at(2).error);
    QCOMPARE(failed.value(u"_error"_s).toString(), SampleRuns::limitedRun().records.at(2).error);
    QCOMPARE(failed.value(u"_delay"_s).toDouble(), -1.0);
    QCOMPARE(failed.value(u"request"_s).toObject().value(u"url"_s).toString(),
             u"http://xn--bcher-kva.example/stra%C3%9Fe/%E2%82%AC?q=na%C3%AFve#frag"_s);

    const QJsonObject cancelled = entries.at(3).toObject();
    QCOMPARE(cancelled.value(u"_outcome"_s).toString(), u"cancelled"_s);
    QCOMPARE(cancelled.value(u"_parentId"_s).toInteger(), 0);
    QCOMPARE(cancelled.value(u"_parentUrl"_s).toString(), u"http://127.0.0.1:8123/fast"_s);
    QCOMPARE(cancelled.value(u"_depth"_s).toInteger(), 2);
    QCOMPARE(cancelled.value(u"_unreached"_s).toArray(),
             (QJsonArray {u"gate_acquired"_s, u"issued"_s, u"connect_started"_s, u"request_sent"_s,
                          u"first_byte"_s, u"delay_released"_s}));
    QCOMPARE(cancelled.value(u"timings"_s).toObject().value(u"blocked"_s).toDouble(), 2345.678901);

    // The crawl run's entries start after the 5 + 1 of the runs before it.
    const auto crawlFields = [&](qsizetype index) {
        const QJsonObject entry = entries.at(5 + 1 + index).toObject();
        return QStringList {entry.value(u"_role"_s).toString(),
                            QString::number(entry.value(u"_attempt"_s).toInt()),
                            QString::number(entry.value(u"_parentId"_s).toInt()),
                            entry.value(u"_parentUrl"_s).toString(u"null"_s),
                            QString::number(entry.value(u"_depth"_s).toInt())};
    };
    QCOMPARE(crawlFields(0), (QStringList {u"robots"_s, u"1"_s, u"-1"_s, u"null"_s, u"0"_s}));
    QCOMPARE(crawlFields(3), (QStringList {u"page"_s, u"2"_s, u"1"_s, u"http://example.org/"_s, u"1"_s}));
    QCOMPARE(crawlFields(5),
             (QStringList {u"page"_s, u"1"_s, u"4"_s, u"http://example.org/old?b=2&a=1"_s, u"1"_s}));
    QCOMPARE(crawlFields(7),
             (QStringList {u"page"_s, u"1"_s, u"3"_s, u"http://example.org/about"_s, u"2"_s}));
}

void TestHarFormat::roundTrips()
{
    const QList<RunResult> runs = allRuns();
    QString error;
    const auto back = runsFromHar(toHar(runs), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->size(), runs.size());
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const RunResult &got = back->at(i);
        const RunResult &want = runs.at(i);
        QCOMPARE(got.runId, int(i));
        QCOMPARE(got.settings.mode, want.settings.mode);
        QCOMPARE(got.settings.limit, want.settings.limit);
        QCOMPARE(got.settings.delayMs, want.settings.delayMs);
        QCOMPARE(got.settings.perHost, want.settings.perHost);
        QCOMPARE(got.settings.userAgent, want.settings.userAgent);
        QCOMPARE(got.settings.crawl, want.settings.crawl);
        if (want.startedAt.isValid())
            QCOMPARE(got.startedAt, want.startedAt);
        qint64 lastRelease = 0; // what endNs is rebuilt from
        for (const auto &record : want.records) {
            if (record.reached(Mark::Finished))
                lastRelease = std::max(lastRelease, record.releasedAt());
        }
        QCOMPARE(got.endNs, lastRelease);

        QList<RequestRecord> queued;
        for (const auto &record : want.records) {
            if (record.reached(Mark::Queued))
                queued.append(record);
        }
        QCOMPARE(got.records.size(), queued.size());
        for (qsizetype r = 0; r < queued.size(); ++r) {
            const RequestRecord &gotRecord = got.records.at(r);
            const RequestRecord &wantRecord = queued.at(r);
            QCOMPARE(gotRecord.id, wantRecord.id);
            QCOMPARE(gotRecord.url, wantRecord.url);
            QCOMPARE(gotRecord.finalUrl, wantRecord.finalUrl);
            QCOMPARE(gotRecord.mode, wantRecord.mode);
            QCOMPARE(gotRecord.status, wantRecord.status);
            QCOMPARE(gotRecord.bytes, wantRecord.bytes);
            QCOMPARE(gotRecord.contentType, wantRecord.contentType);
            QCOMPARE(gotRecord.error, wantRecord.error);
            QCOMPARE(gotRecord.redirects, wantRecord.redirects);
            QCOMPARE(gotRecord.outcome, wantRecord.outcome);
            QCOMPARE(gotRecord.parentId, wantRecord.parentId);
            QCOMPARE(gotRecord.depth, wantRecord.depth);
            QCOMPARE(gotRecord.role, wantRecord.role);
            QCOMPARE(gotRecord.attempt, wantRecord.attempt);
            for (int m = 0; m < MarkCount; ++m) {
                const QByteArray where = "run " + QByteArray::number(i) + ", record " + QByteArray::number(r)
                    + ", " + markName(Mark(m)).toUtf8();
                QVERIFY2(gotRecord.reached(Mark(m)) == wantRecord.reached(Mark(m)), where);
                // HAR times are milliseconds in doubles, so allow a microsecond.
                const QByteArray difference = where + ": " + QByteArray::number(gotRecord.marks[m]) + " vs "
                    + QByteArray::number(wantRecord.marks[m]);
                QVERIFY2(qAbs(gotRecord.marks[m] - wantRecord.marks[m]) <= 1'000, difference.constData());
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestHarFormat)
#include "tst_harformat.moc"
