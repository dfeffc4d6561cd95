// Reading HAR: what a browser writes, and input that is malformed, cut short or corrupted, which must fail
// with an error that says where, never crash.
#include "export/harformat.h"
#include "jsonpatch.h"

#include "sampleruns.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QByteArray sampleHarWith(const QString &path, const QJsonValue &value)
{
    const QJsonObject root = QJsonDocument::fromJson(toHar(SampleRuns::all())).object();
    return QJsonDocument(patched(root, path.split(u'/'), value).toObject()).toJson();
}

// What a browser writes, with the fields Chrome uses, built without any of our custom fields.
QJsonObject browserEntry(const QString &pageref, const QString &started, const QString &url, int status,
                         const QJsonObject &timings)
{
    double time = 0;
    // HAR's time is the sum of the standard timings that apply (not -1), ssl being counted within connect;
    // custom fields such as Chrome's _blocked_queueing are not in it.
    for (auto timing = timings.begin(); timing != timings.end(); ++timing) {
        if (!timing.key().startsWith(u'_') && timing.key() != u"ssl"_s && timing.value().toDouble(-1) >= 0)
            time += timing.value().toDouble();
    }
    QJsonObject entry {
        {u"startedDateTime"_s, started},
        {u"time"_s, time},
        {u"request"_s,
         QJsonObject {{u"method"_s, u"GET"_s},
                      {u"url"_s, url},
                      {u"httpVersion"_s, u"http/2.0"_s},
                      {u"cookies"_s, QJsonArray()},
                      {u"headers"_s, QJsonArray()},
                      {u"queryString"_s, QJsonArray()},
                      {u"headersSize"_s, -1},
                      {u"bodySize"_s, 0}}},
        {u"response"_s,
         QJsonObject {{u"status"_s, status},
                      {u"statusText"_s, QString()},
                      {u"httpVersion"_s, u"http/2.0"_s},
                      {u"cookies"_s, QJsonArray()},
                      {u"headers"_s, QJsonArray()},
                      {u"content"_s, QJsonObject {{u"size"_s, 0}, {u"mimeType"_s, u"x-unknown"_s}}},
                      {u"redirectURL"_s, QString()},
                      {u"headersSize"_s, -1},
                      {u"bodySize"_s, -1}}},
        {u"cache"_s, QJsonObject()},
        {u"timings"_s, timings},
    };
    if (!pageref.isEmpty())
        entry.insert(u"pageref"_s, pageref);
    return entry;
}

QByteArray browserHar()
{
    QJsonObject first
        = browserEntry(u"page_1"_s, u"2024-05-01T10:00:00.010Z"_s, u"https://example.org/"_s, 200,
                       {{u"blocked"_s, 1.5},
                        {u"dns"_s, 2},
                        {u"connect"_s, 10},
                        {u"ssl"_s, 5},
                        {u"send"_s, 0.25},
                        {u"wait"_s, 30},
                        {u"receive"_s, 4.75},
                        {u"_blocked_queueing"_s, 0.5}});
    first = patched(first, {u"response"_s, u"content"_s},
                    QJsonObject {{u"size"_s, 1234}, {u"mimeType"_s, u"text/html"_s}})
                .toObject();
    QJsonObject moved
        = browserEntry(u"page_1"_s, u"2024-05-01T10:00:00.060Z"_s, u"https://example.org/old"_s, 301,
                       {{u"blocked"_s, -1},
                        {u"dns"_s, -1},
                        {u"connect"_s, -1},
                        {u"ssl"_s, -1},
                        {u"send"_s, 0},
                        {u"wait"_s, 5},
                        {u"receive"_s, 0}});
    moved = patched(moved, {u"response"_s, u"redirectURL"_s}, u"/new"_s).toObject();
    QJsonObject refused
        = browserEntry(u"page_1"_s, u"2024-05-01T10:00:00.070Z"_s, u"https://example.org/missing.js"_s, 0,
                       {{u"blocked"_s, 3}, {u"send"_s, 0}, {u"wait"_s, 0}, {u"receive"_s, 0}});
    refused = patched(refused, {u"response"_s, u"_error"_s}, u"net::ERR_CONNECTION_REFUSED"_s).toObject();
    QJsonObject notFound
        = browserEntry(QString(), u"2024-05-01T13:00:00.000+02:00"_s, u"https://other.example/a?x=1"_s, 404,
                       {{u"send"_s, 1}, {u"wait"_s, 2}, {u"receive"_s, 3}});
    notFound
        = patched(notFound, {u"request"_s, u"headers"_s},
                  QJsonArray {QJsonObject {{u"name"_s, u"user-agent"_s}, {u"value"_s, u"Mozilla/5.0"_s}}})
              .toObject();
    const QJsonObject serverError
        = browserEntry(QString(), u"2024-05-01T11:00:00.250Z"_s, u"https://other.example/b"_s, 500,
                       {{u"send"_s, 0}, {u"wait"_s, 1}, {u"receive"_s, 0}});
    const QJsonObject page {{u"id"_s, u"page_1"_s},
                            {u"startedDateTime"_s, u"2024-05-01T12:00:00.000+02:00"_s},
                            {u"title"_s, u"https://example.org/"_s},
                            {u"pageTimings"_s, QJsonObject {{u"onContentLoad"_s, 50}, {u"onLoad"_s, 100}}}};
    const QJsonObject log {
        {u"version"_s, u"1.2"_s},
        {u"creator"_s, QJsonObject {{u"name"_s, u"WebInspector"_s}, {u"version"_s, u"537.36"_s}}},
        {u"pages"_s, QJsonArray {page}},
        {u"entries"_s, QJsonArray {first, moved, notFound, refused, serverError}},
    };
    return QJsonDocument(QJsonObject {{u"log"_s, log}}).toJson();
}

} // namespace

class TestHarImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importsBrowserHar();
    void rejectsMalformedInput_data();
    void rejectsMalformedInput();
    void survivesTruncationAndCorruption();
};

void TestHarImport::importsBrowserHar()
{
    QString error;
    const auto runs = runsFromHar(browserHar(), &error);
    QVERIFY2(runs, qPrintable(error));
    QCOMPARE(runs->size(), 2); // the page, then the entries without a pageref

    const RunResult &page = runs->at(0);
    QCOMPARE(page.settings.mode, RunMode::Gather);
    QCOMPARE(page.startedAt, QDateTime(QDate(2024, 5, 1), QTime(10, 0), QTimeZone::utc()));
    QCOMPARE(page.settings.userAgent, RunSettings::defaultUserAgent());
    QCOMPARE(page.records.size(), 3);
    QCOMPARE(page.endNs, 73'000'000);

    const RequestRecord &first = page.records.at(0);
    QCOMPARE(first.id, 0);
    QCOMPARE(first.mode, RunMode::Gather);
    QCOMPARE(first.url, QUrl(u"https://example.org/"_s));
    QCOMPARE(first.finalUrl, first.url);
    QCOMPARE(first.status, 200);
    QCOMPARE(first.outcome, Outcome::Ok);
    QCOMPARE(first.bytes, 1234);
    QCOMPARE(first.contentType, u"text/html"_s);
    QCOMPARE(first.redirects, 0);
    QCOMPARE(first.parentId, -1);
    QCOMPARE(first.depth, 0);
    QCOMPARE(first.role, RequestRole::Page);
    QCOMPARE(first.attempt, 1);
    QVERIFY(page.settings.crawl == CrawlSettings());
    // blocked 1.5, dns 2, connect 10 (ssl 5 inside it), send 0.25, wait 30, receive 4.75; queued 10 ms in
    // ssl is read as the handshake's length from the socket's start (dns included), as our export writes it.
    const std::array<qint64, MarkCount> firstMarks {10'000'000, 10'500'000, 11'500'000,
                                                    11'750'000, 18'750'000, 23'750'000,
                                                    53'750'000, 58'500'000, RequestRecord::NotReached};
    QVERIFY(first.marks == firstMarks);

    const RequestRecord &moved = page.records.at(1);
    QCOMPARE(moved.id, 1);
    QCOMPARE(moved.status, 301);
    QCOMPARE(moved.outcome, Outcome::Ok);
    QCOMPARE(moved.finalUrl, QUrl(u"https://example.org/new"_s)); // resolved against the request
    QCOMPARE(moved.contentType, QString());
    QCOMPARE(moved.at(Mark::Issued), 60'000'000);
    QVERIFY(!moved.reached(Mark::ConnectStarted));
    QVERIFY(!moved.reached(Mark::GateAcquired));
    QCOMPARE(moved.at(Mark::Finished), 65'000'000);

    const RequestRecord &refused = page.records.at(2);
    QCOMPARE(refused.status, 0);
    QCOMPARE(refused.outcome, Outcome::Failed);
    QCOMPARE(refused.error, u"net::ERR_CONNECTION_REFUSED"_s);
    QVERIFY(refused.finalUrl.isEmpty());
    QCOMPARE(refused.at(Mark::Issued), 73'000'000);
    QCOMPARE(refused.at(Mark::Finished), 73'000'000);

    const RunResult &loose = runs->at(1);
    QCOMPARE(loose.startedAt, QDateTime(QDate(2024, 5, 1), QTime(11, 0), QTimeZone::utc()));
    QCOMPARE(loose.settings.userAgent, QByteArray("Mozilla/5.0"));
    QCOMPARE(loose.records.size(), 2);
    QCOMPARE(loose.records.at(0).outcome, Outcome::HttpError);
    QCOMPARE(loose.records.at(0).at(Mark::Queued), 0);
    QCOMPARE(loose.records.at(0).at(Mark::Finished), 6'000'000);
    QCOMPARE(loose.records.at(1).id, 1);
    QCOMPARE(loose.records.at(1).status, 500);
    QCOMPARE(loose.records.at(1).at(Mark::Queued), 250'000'000);
    QCOMPARE(loose.endNs, 251'000'000);
}

void TestHarImport::rejectsMalformedInput_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("expectedError");

    const QJsonValue undefined(QJsonValue::Undefined);
    QTest::newRow("empty") << QByteArray() << u"not JSON: "_s;
    QTest::newRow("not json") << QByteArray("hello") << u"not JSON: "_s;
    QTest::newRow("truncated") << toHar(SampleRuns::all()).left(700) << u"not JSON: "_s;
    QTest::newRow("array at top") << QByteArray("[]") << u"not a HAR file (no \"log\" object"_s;
    QTest::newRow("log is a number") << QByteArray("{\"log\": 1}") << u"not a HAR file"_s;
    QTest::newRow("our own json") << QByteArray("{\"format\": \"crawlscope-run\", \"runs\": []}")
                                  << u"not a HAR file"_s;
    QTest::newRow("no entries") << sampleHarWith(u"log/entries"_s, undefined) << u"log.entries is missing"_s;
    QTest::newRow("entries is an object")
        << sampleHarWith(u"log/entries"_s, QJsonObject()) << u"log.entries must be an array, not an object"_s;
    QTest::newRow("pages is a string")
        << sampleHarWith(u"log/pages"_s, u"run_0"_s) << u"log.pages must be an array, not a string"_s;
    QTest::newRow("entry is a number")
        << sampleHarWith(u"log/entries/3"_s, 5) << u"entry 3: must be an object, not a number"_s;
    QTest::newRow("bad date") << sampleHarWith(u"log/entries/3/startedDateTime"_s, u"x"_s)
                              << u"entry 3: startedDateTime \"x\" is not an ISO 8601 date"_s;
    QTest::newRow("date without time")
        << sampleHarWith(u"log/entries/0/startedDateTime"_s, u"2024-05-01"_s)
        << u"entry 0: startedDateTime \"2024-05-01\" is not an ISO 8601 date"_s;
    QTest::newRow("date as number") << sampleHarWith(u"log/entries/0/startedDateTime"_s, 1714564800)
                                    << u"entry 0: startedDateTime must be a string, not a number"_s;
    QTest::newRow("no time") << sampleHarWith(u"log/entries/0/time"_s, undefined)
                             << u"entry 0: time is missing"_s;
    QTest::newRow("no request") << sampleHarWith(u"log/entries/1/request"_s, undefined)
                                << u"entry 1: request is missing"_s;
    QTest::newRow("no url") << sampleHarWith(u"log/entries/0/request/url"_s, undefined)
                            << u"entry 0: request.url is missing"_s;
    QTest::newRow("empty url") << sampleHarWith(u"log/entries/0/request/url"_s, QString())
                               << u"entry 0: request.url is empty"_s;
    QTest::newRow("invalid url") << sampleHarWith(u"log/entries/1/request/url"_s, u"http://exa mple.com/"_s)
                                 << u"entry 1: request.url \"http://exa mple.com/\" is not a valid URL"_s;
    QTest::newRow("response is an array") << sampleHarWith(u"log/entries/2/response"_s, QJsonArray())
                                          << u"entry 2: response must be an object, not an array"_s;
    QTest::newRow("status as string") << sampleHarWith(u"log/entries/2/response/status"_s, u"200"_s)
                                      << u"entry 2: response.status must be a number, not a string"_s;
    QTest::newRow("fractional status")
        << sampleHarWith(u"log/entries/0/response/status"_s, 200.5)
        << u"entry 0: response.status is 200.5, expected a whole number from 0 to 999"_s;
    // The record keeps status, redirects and attempt in two bytes: a value past them is refused, not wrapped.
    QTest::newRow("status beyond two bytes")
        << sampleHarWith(u"log/entries/0/response/status"_s, 70000)
        << u"entry 0: response.status is 70000, expected a whole number from 0 to 999"_s;
    QTest::newRow("redirects beyond two bytes")
        << sampleHarWith(u"log/entries/0/_redirects"_s, 70000)
        << u"entry 0: _redirects is 70000, expected a whole number from 0 to 32767"_s;
    QTest::newRow("attempt beyond two bytes")
        << sampleHarWith(u"log/entries/9/_attempt"_s, 70000)
        << u"entry 9: _attempt is 70000, expected a whole number from 1 to 32767"_s;
    QTest::newRow("no content") << sampleHarWith(u"log/entries/0/response/content"_s, undefined)
                                << u"entry 0: response.content is missing"_s;
    QTest::newRow("no mime type") << sampleHarWith(u"log/entries/0/response/content/mimeType"_s, undefined)
                                  << u"entry 0: response.content.mimeType is missing"_s;
    QTest::newRow("timings is an array") << sampleHarWith(u"log/entries/0/timings"_s, QJsonArray())
                                         << u"entry 0: timings must be an object, not an array"_s;
    QTest::newRow("no wait") << sampleHarWith(u"log/entries/0/timings/wait"_s, undefined)
                             << u"entry 0: timings.wait is missing"_s;
    QTest::newRow("blocked as string") << sampleHarWith(u"log/entries/0/timings/blocked"_s, u"1"_s)
                                       << u"entry 0: timings.blocked must be a number, not a string"_s;
    QTest::newRow("huge timing") << sampleHarWith(u"log/entries/0/timings/receive"_s, 1e300)
                                 << u"entry 0: timings.receive is 1e+300 ms, more than 1e+12"_s;
    QTest::newRow("bogus outcome") << sampleHarWith(u"log/entries/0/_outcome"_s, u"bogus"_s)
                                   << u"entry 0: _outcome \"bogus\" is not one of ok, http_error, failed, "
                                      "cancelled, pending"_s;
    QTest::newRow("bogus entry mode")
        << sampleHarWith(u"log/entries/5/_mode"_s, u"parallel"_s)
        << u"entry 5: _mode \"parallel\" is not one of sequential, gather, limited"_s;
    QTest::newRow("negative id") << sampleHarWith(u"log/entries/0/_id"_s, -1)
                                 << u"entry 0: _id is -1, expected a whole number from 0 to 2147483647"_s;
    QTest::newRow("unknown mark") << sampleHarWith(u"log/entries/0/_unreached"_s, QJsonArray {u"nonsense"_s})
                                  << u"entry 0: _unreached has \"nonsense\", which is no mark"_s;
    QTest::newRow("bogus role") << sampleHarWith(u"log/entries/6/_role"_s, u"favicon"_s)
                                << u"entry 6: _role \"favicon\" is not one of page, robots"_s;
    QTest::newRow("attempt zero") << sampleHarWith(u"log/entries/9/_attempt"_s, 0)
                                  << u"entry 9: _attempt is 0, expected a whole number from 1 to 32767"_s;
    QTest::newRow("parent url as number") << sampleHarWith(u"log/entries/9/_parentUrl"_s, 1)
                                          << u"entry 9: _parentUrl must be a string, not a number"_s;
    QTest::newRow("invalid parent url")
        << sampleHarWith(u"log/entries/9/_parentUrl"_s, u"http://exa mple.com/"_s)
        << u"entry 9: _parentUrl \"http://exa mple.com/\" is not a valid URL"_s;
    QTest::newRow("crawl is an array") << sampleHarWith(u"log/pages/3/_crawl"_s, QJsonArray())
                                       << u"page 3: _crawl must be an object, not an array"_s;
    QTest::newRow("crawl without scope")
        << sampleHarWith(u"log/pages/3/_crawl/scope"_s, undefined) << u"page 3: _crawl.scope is missing"_s;
    QTest::newRow("bogus scope") << sampleHarWith(u"log/pages/3/_crawl/scope"_s, u"world"_s)
                                 << u"page 3: _crawl.scope \"world\" is not one of host, site, any"_s;
    QTest::newRow("negative max retries")
        << sampleHarWith(u"log/pages/3/_crawl/maxRetries"_s, -1)
        << u"page 3: _crawl.maxRetries is -1, expected a whole number from 0 to 2147483647"_s;
    QTest::newRow("pattern as number") << sampleHarWith(u"log/pages/3/_crawl/includes/1"_s, 5)
                                       << u"page 3: _crawl.includes[1] must be a string, not a number"_s;
    QTest::newRow("page is null") << sampleHarWith(u"log/pages/1"_s, QJsonValue(QJsonValue::Null))
                                  << u"page 1: must be an object, not null"_s;
    QTest::newRow("page without id") << sampleHarWith(u"log/pages/1/id"_s, undefined)
                                     << u"page 1: id is missing"_s;
    QTest::newRow("page id twice") << sampleHarWith(u"log/pages/1/id"_s, u"run_0"_s)
                                   << u"page 1: id \"run_0\" is used by page 0 too"_s;
    QTest::newRow("bad page date") << sampleHarWith(u"log/pages/0/startedDateTime"_s, u"yesterday"_s)
                                   << u"page 0: startedDateTime \"yesterday\" is not an ISO 8601 date"_s;
    QTest::newRow("bogus page mode") << sampleHarWith(
        u"log/pages/0/_mode"_s,
        u"parallel"_s) << u"page 0: _mode \"parallel\" is not one of sequential, gather, limited"_s;
    QTest::newRow("negative limit") << sampleHarWith(
        u"log/pages/0/_limit"_s,
        -3) << u"page 0: _limit is -3, expected a whole number from 0 to 2147483647"_s;
    QTest::newRow("centuries apart")
        << sampleHarWith(u"log/entries/1/startedDateTime"_s, u"2224-05-01T12:30:45.123Z"_s)
        << u"entry 1: startedDateTime 2224-05-01T12:30:45.123Z is more than 31 years "
           "after the run's start 2024-05-01T12:30:45.123Z"_s;
}

void TestHarImport::rejectsMalformedInput()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, expectedError);

    QString error;
    QVERIFY(!runsFromHar(data, &error));
    QVERIFY2(error.contains(expectedError), qPrintable(error));
    QVERIFY(!runsFromHar(data, nullptr));
}

void TestHarImport::survivesTruncationAndCorruption()
{
    const QByteArray valid
        = QJsonDocument::fromJson(toHar({SampleRuns::edgeRun()})).toJson(QJsonDocument::Compact);
    for (qsizetype size = 0; size < valid.size(); ++size) {
        QString error;
        QVERIFY(!runsFromHar(valid.left(size), &error));
        QVERIFY(!error.isEmpty());
    }
    QRandomGenerator random(42);
    for (int round = 0; round < 2000; ++round) {
        QByteArray corrupt = valid;
        for (int flips = 0; flips < 3; ++flips)
            corrupt[random.bounded(int(corrupt.size()))] = char(random.bounded(256));
        QString error;
        if (!runsFromHar(corrupt, &error))
            QVERIFY(!error.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestHarImport)
#include "tst_harimport.moc"
