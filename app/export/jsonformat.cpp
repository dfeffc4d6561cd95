#include "jsonformat.h"

#include "crawlsettingsjson.h"
#include "jsonlinewriter.h"
#include "jsonreader.h"
#include "recordschema.h"
#include "runjson.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

#include <array>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

/// What only some runs say, in the run file and in the summary alike: held back by the open-file limit, read
/// back from a journal, or a crawl whose memory bounds dropped something. Others look as they did before
/// these fields existed.
void insertRunNotes(QJsonObject &object, const RunResult &run)
{
    if (run.concurrencyCap.isCapped())
        object.insert(u"concurrency_cap"_s, concurrencyCapToJson(run.concurrencyCap));
    if (run.recovered)
        object.insert(u"recovered"_s, true);
    if (run.linksDropped > 0)
        object.insert(u"links_dropped"_s, run.linksDropped);
    if (run.skippedBeyondKept > 0)
        object.insert(u"skipped_beyond_kept"_s, run.skippedBeyondKept);
    if (run.pagesCutShort > 0)
        object.insert(u"pages_cut_short"_s, run.pagesCutShort);
}

class JsonFormat
{
    Q_DECLARE_TR_FUNCTIONS(JsonFormat)
};

constexpr auto FormatName = "crawlscope-run"_L1;
constexpr int FormatVersion = 1;
constexpr int IntMax = std::numeric_limits<int>::max();
constexpr qint64 Int64Max = std::numeric_limits<qint64>::max();

QJsonValue timeValue(const QDateTime &time)
{
    if (!time.isValid())
        return QJsonValue::Null;
    return time.toUTC().toString(Qt::ISODateWithMs);
}

// The CLI prints these, so they are rounded once here rather than by every reader.
double roundedMs(qint64 ns)
{
    const qint64 us = (ns >= 0 ? ns + 500 : ns - 500) / 1000;
    return double(us) / 1000.0;
}

// parent_url says what parent_id points at, for readers that do not look the parent up themselves. Reading
// trusts parent_id alone.
QJsonValue parentUrlValue(int parentId, const UrlById &urls)
{
    const auto url = urls.constFind(parentId);
    if (url == urls.cend())
        return QJsonValue::Null;
    return url->toString(QUrl::FullyEncoded);
}

QJsonObject recordToJson(const RequestRecord &record, const UrlById &urls)
{
    QJsonObject object;
    for (const RecordField &field : recordFields()) {
        if (field.in(RecordField::Format::Json))
            object.insert(field.jsonKey, field.toJson(field.get(record, urls)));
    }
    return object;
}

QJsonObject skippedToJson(const SkippedUrl &skipped, const UrlById &urls)
{
    return {
        {u"url"_s, skipped.url.toString(QUrl::FullyEncoded)},
        {u"parent_id"_s, skipped.parentId},
        {u"parent_url"_s, parentUrlValue(skipped.parentId, urls)},
        {u"depth"_s, skipped.depth},
        {u"reason"_s, skipReasonName(skipped.reason)},
        {u"detail"_s, skipped.detail},
        {u"count"_s, skipped.count},
        {u"at_ns"_s, skipped.atNs},
    };
}

QJsonObject hostToJson(const CrawlHost &host)
{
    return {
        {u"origin"_s, host.origin},
        {u"robots"_s, robotsStatusName(host.robots)},
        {u"robots_detail"_s, host.robotsDetail},
        {u"robots_record_id"_s, host.robotsRecordId},
        {u"crawl_delay_ms"_s, host.crawlDelayMs},
        {u"pages"_s, host.pages},
    };
}

// Without its records (withRecords false) for a writer that streams them after it.
QJsonObject runToJson(const RunResult &run, Progress &progress, bool withRecords = true)
{
    const UrlById urls = urlsById(run);
    QJsonArray changes;
    for (const auto &change : run.capacityChanges)
        changes.append(QJsonObject {{u"at_ns"_s, change.atNs}, {u"capacity"_s, change.capacity}});
    QJsonArray records;
    for (qsizetype i = 0; withRecords && i < run.records.size(); ++i) {
        records.append(recordToJson(run.records.at(i), urls));
        if (!progress.step())
            return {};
    }
    QJsonArray skipped;
    for (const auto &url : run.skipped)
        skipped.append(skippedToJson(url, urls));
    QJsonArray hosts;
    for (const auto &host : run.hosts)
        hosts.append(hostToJson(host));
    const RunSettings &settings = run.settings;
    QJsonObject object {
        {u"run_id"_s, run.runId},
        {u"mode"_s, runModeName(settings.mode)},
        {u"limit"_s, settings.limit},
        {u"delay_ms"_s, settings.delayMs},
        {u"per_host"_s, settings.perHost},
        {u"timeout_ms"_s, settings.timeoutMs},
        {u"deadline_ms"_s, settings.deadlineMs}, // 0: RunSettings::DeadlineTimeoutFactor x timeout_ms
        {u"max_header_bytes"_s, settings.maxHeaderBytes},
        {u"max_body_bytes"_s, settings.maxBodyBytes},
        {u"max_redirects"_s, settings.maxRedirects},
        {u"user_agent"_s, QString::fromUtf8(settings.userAgent)},
        {u"keep_bodies"_s, settings.keepBodies},
        {u"started_at"_s, timeValue(run.startedAt)},
        {u"end_ns"_s, run.endNs},
        {u"cancelled"_s, run.cancelled},
        {u"capacity_changes"_s, changes},
        {u"summary"_s, summaryToJson(run)},
        {u"records"_s, records},
        {u"skipped"_s, skipped},
        {u"hosts"_s, hosts},
    };
    insertRunNotes(object, run);
    // A plain run leaves the crawl settings alone; ones the user changed and then turned off are kept too.
    if (settings.crawl != CrawlSettings())
        object.insert(u"crawl"_s, crawlSettingsToJson(settings.crawl, KeyCase::Snake));
    return object;
}

// What only our run file reads: null stands for a mark not reached or no start time, "" for no URL.

int readInt(JsonReader &reader, const QString &key, int min, int max = IntMax)
{
    return int(reader.integer(key, min, max));
}

QDateTime readTime(JsonReader &reader, const QString &key)
{
    if (reader.value(key).isNull())
        return {};
    const QString text = reader.string(key);
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        reader.fail(
            JsonFormat::tr("\"%1\" is \"%2\", expected an ISO 8601 time such as 2024-05-01T12:00:00.000Z")
                .arg(key, text));
    return time;
}

// Only checked, as a record's parent_url is.
void checkParentUrl(JsonReader &reader)
{
    const RecordField &parentUrl = recordField(u"parent_url");
    parentUrl.fromJson(reader, parentUrl.jsonKey, false);
}

// Reads every element of an array as an object with read(reader), which checks it. whereFormat names the
// element in errors, with %2 for its index.
template<typename T, typename Read>
bool readEach(const QJsonArray &array, QList<T> &items, const QString &whereFormat, QString *error, Read read,
              Progress *progress = nullptr)
{
    items.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = whereFormat.arg(i);
        const auto object = JsonReader::objectAt(array, i, where, error);
        if (!object)
            return false;
        JsonReader reader(*object, where, error, JsonReader::Wording::RunFile);
        T item = read(reader);
        if (reader.failed())
            return false;
        items.append(item);
        if (progress && !progress->step()) {
            if (error)
                *error = Progress::cancelledText();
            return false;
        }
    }
    return true;
}

CapacityChange readCapacityChange(JsonReader &reader)
{
    CapacityChange change;
    change.atNs = reader.integer(u"at_ns"_s, 0, Int64Max);
    change.capacity = readInt(reader, u"capacity"_s, 0);
    return change;
}

// Fields that came with crawl mode (role, attempt, parent_url) may be missing, as files from before it lack
// them.
RequestRecord readRecord(JsonReader &reader)
{
    RequestRecord record;
    for (const RecordField &field : recordFields()) {
        if (!field.in(RecordField::Format::Json))
            continue;
        const auto value = field.fromJson(reader, field.jsonKey, !field.sinceCrawlMode);
        if (value && field.set)
            field.set(record, *value);
    }
    return record;
}

SkippedUrl readSkipped(JsonReader &reader)
{
    SkippedUrl skipped;
    skipped.url = reader.url(u"url"_s);
    skipped.parentId = readInt(reader, u"parent_id"_s, -1);
    checkParentUrl(reader);
    skipped.depth = readInt(reader, u"depth"_s, 0);
    skipped.reason = reader.choice(u"reason"_s, SkipReasons, skipReasonName).value_or(SkipReasons.front());
    skipped.detail = reader.string(u"detail"_s);
    skipped.count = readInt(reader, u"count"_s, 1);
    skipped.atNs = reader.integer(u"at_ns"_s, 0, Int64Max);
    return skipped;
}

CrawlHost readHost(JsonReader &reader)
{
    CrawlHost host;
    host.origin = reader.string(u"origin"_s);
    host.robots
        = reader.choice(u"robots"_s, RobotsStatuses, robotsStatusName).value_or(RobotsStatuses.front());
    host.robotsDetail = reader.string(u"robots_detail"_s);
    host.robotsRecordId = readInt(reader, u"robots_record_id"_s, -1);
    host.crawlDelayMs = readInt(reader, u"crawl_delay_ms"_s, 0);
    host.pages = readInt(reader, u"pages"_s, 0);
    return host;
}

std::optional<RunResult> runFromJson(const QJsonObject &object, const QString &where, QString *error,
                                     Progress &progress)
{
    JsonReader reader(object, where, error, JsonReader::Wording::RunFile);
    RunResult run;
    run.runId = readInt(reader, u"run_id"_s, 0);
    RunSettings &settings = run.settings;
    settings.mode = reader.choice(u"mode"_s, RunModes, runModeName).value_or(RunModes.front());
    settings.limit = readInt(reader, u"limit"_s, 0);
    settings.delayMs = readInt(reader, u"delay_ms"_s, 0);
    settings.perHost = readInt(reader, u"per_host"_s, 0);
    settings.timeoutMs = readInt(reader, u"timeout_ms"_s, 0);
    // Files from before the deadline and the header cap were settings lack them: the defaults held.
    if (reader.has(u"deadline_ms"_s))
        settings.deadlineMs = readInt(reader, u"deadline_ms"_s, 0);
    if (reader.has(u"max_header_bytes"_s))
        settings.maxHeaderBytes = reader.integer(u"max_header_bytes"_s, 0, Int64Max);
    settings.maxBodyBytes = reader.integer(u"max_body_bytes"_s, 0, Int64Max);
    settings.maxRedirects = readInt(reader, u"max_redirects"_s, 0);
    settings.userAgent = reader.string(u"user_agent"_s).toUtf8();
    settings.keepBodies = reader.boolean(u"keep_bodies"_s);
    settings.crawl = crawlSettingsFromJson(reader, u"crawl"_s, KeyCase::Snake); // without it, no crawl
    run.startedAt = readTime(reader, u"started_at"_s);
    run.endNs = reader.integer(u"end_ns"_s, 0, Int64Max);
    run.cancelled = reader.boolean(u"cancelled"_s);
    run.recovered = reader.boolean(u"recovered"_s, false);
    if (reader.has(u"links_dropped"_s))
        run.linksDropped = reader.integer(u"links_dropped"_s, 0, Int64Max);
    if (reader.has(u"skipped_beyond_kept"_s))
        run.skippedBeyondKept = reader.integer(u"skipped_beyond_kept"_s, 0, Int64Max);
    if (reader.has(u"pages_cut_short"_s))
        run.pagesCutShort = reader.integer(u"pages_cut_short"_s, 0, Int64Max);
    if (reader.has(u"concurrency_cap"_s)) {
        run.concurrencyCap.maxInFlight = readInt(reader, u"concurrency_cap.max_in_flight"_s, 1);
        run.concurrencyCap.reason = reader.string(u"concurrency_cap.reason"_s);
    }
    const QJsonArray changes = reader.array(u"capacity_changes"_s);
    const QJsonArray records = reader.array(u"records"_s);
    // Crawl mode only, and not in files from before it.
    const QJsonArray skipped = reader.array(u"skipped"_s, false);
    const QJsonArray hosts = reader.array(u"hosts"_s, false);
    if (reader.failed())
        return std::nullopt;

    const bool read = readEach(changes, run.capacityChanges,
                               JsonFormat::tr("%1, capacity change %2").arg(where), error, readCapacityChange)
        && readEach(records, run.records, JsonFormat::tr("%1, record %2").arg(where), error, readRecord,
                    &progress)
        && readEach(skipped, run.skipped, JsonFormat::tr("%1, skipped %2").arg(where), error, readSkipped)
        && readEach(hosts, run.hosts, JsonFormat::tr("%1, host %2").arg(where), error, readHost);
    if (!read)
        return std::nullopt;
    return run;
}

// One object of the run file read alone, as a journal line carries it.
template<typename T, typename Read>
std::optional<T> readOne(const QJsonObject &object, const QString &where, QString *error, Read read)
{
    JsonReader reader(object, where, error, JsonReader::Wording::RunFile);
    T item = read(reader);
    if (reader.failed())
        return std::nullopt;
    return item;
}

} // namespace

namespace RunJson {

QJsonObject run(const RunResult &run)
{
    Progress progress;
    return runToJson(run, progress);
}

std::optional<RunResult> run(const QJsonObject &object, const QString &where, QString *error)
{
    Progress progress;
    return runFromJson(object, where, error, progress);
}

QJsonObject record(const RequestRecord &record, const UrlById &urls)
{
    return recordToJson(record, urls);
}

void appendRecordLine(QByteArray &out, QByteArrayView tag, const RequestRecord &record, const UrlById &urls)
{
    // The keys as bytes, spelled once: the journal writes tens of thousands of these lines a second.
    static const QList<QByteArray> keys = [] {
        QList<QByteArray> result;
        for (const RecordField &field : recordFields())
            result.append(field.jsonKey.toLatin1());
        return result;
    }();
    JsonLineWriter line(out);
    line.begin();
    line.addPlainString("t", tag);
    const QList<RecordField> &fields = recordFields();
    for (qsizetype i = 0; i < fields.size(); ++i) {
        const RecordField &field = fields.at(i);
        if (!field.in(RecordField::Format::Json))
            continue;
        const QByteArray &key = keys.at(i);
        const FieldValue value = field.get(record, urls);
        if (const auto *number = std::get_if<qint64>(&value)) {
            if (field.type == RecordField::Type::Choice)
                line.addString(key, field.choiceName(*number));
            else
                line.addInteger(key, *number);
        } else if (const auto *string = std::get_if<QString>(&value)) {
            line.addString(key, *string);
        } else if (const auto *url = std::get_if<StoredUrl>(&value)) {
            // A run's URLs repeat (a list run many times, a final URL that is the URL): comparing the kept
            // bytes is cheaper than converting them again.
            thread_local StoredUrl lastUrl;
            thread_local QString lastText;
            if (lastText.isEmpty() || !(*url == lastUrl)) {
                lastUrl = *url;
                lastText = url->toString(QUrl::FullyEncoded);
            }
            line.addString(key, lastText);
        } else {
            line.addNull(key);
        }
    }
    line.end();
}

std::optional<RequestRecord> record(const QJsonObject &object, const QString &where, QString *error)
{
    return readOne<RequestRecord>(object, where, error, readRecord);
}

QJsonObject skipped(const SkippedUrl &skipped, const UrlById &urls)
{
    return skippedToJson(skipped, urls);
}

std::optional<SkippedUrl> skipped(const QJsonObject &object, const QString &where, QString *error)
{
    return readOne<SkippedUrl>(object, where, error, readSkipped);
}

QJsonObject host(const CrawlHost &host)
{
    return hostToJson(host);
}

std::optional<CrawlHost> host(const QJsonObject &object, const QString &where, QString *error)
{
    return readOne<CrawlHost>(object, where, error, readHost);
}

QJsonObject capacityChange(const CapacityChange &change)
{
    return QJsonObject {{u"at_ns"_s, change.atNs}, {u"capacity"_s, change.capacity}};
}

std::optional<CapacityChange> capacityChange(const QJsonObject &object, const QString &where, QString *error)
{
    return readOne<CapacityChange>(object, where, error, readCapacityChange);
}

} // namespace RunJson

QJsonObject concurrencyCapToJson(const ConcurrencyCap &cap)
{
    return QJsonObject {{u"max_in_flight"_s, cap.maxInFlight}, {u"reason"_s, cap.reason}};
}

QJsonObject summaryToJson(const RunResult &run)
{
    const RunSummary summary = summarize(run);
    QJsonObject object {
        {u"mode"_s, runModeName(run.settings.mode)},
        {u"limit"_s, run.settings.gateCapacity()},
        {u"delay_ms"_s, run.settings.delayMs},
        {u"requests"_s, summary.requests},
        {u"ok"_s, summary.ok},
        {u"failed"_s, summary.failed},
        {u"cancelled"_s, summary.cancelled},
        {u"wall_ms"_s, roundedMs(summary.wallNs)},
        {u"ideal_ms"_s, run.settings.crawl.enabled ? QJsonValue() : QJsonValue(roundedMs(summary.idealNs))},
        {u"peak_in_flight"_s, summary.peakInFlight},
        {u"bytes"_s, summary.bytes},
    };
    insertRunNotes(object, run);
    if (!run.settings.crawl.enabled)
        return object;

    // A crawl has no ideal (its pages are found as it goes), and says what it found and left alone.
    const CrawlSummary crawl = summarizeCrawl(run);
    QJsonObject skipped;
    for (int reason = 0; reason < SkipReasonCount; ++reason)
        skipped.insert(skipReasonName(SkipReason(reason)), crawl.skipped[std::size_t(reason)]);
    QJsonArray hosts;
    for (const CrawlHost &host : run.hosts) {
        hosts.append(QJsonObject {
            {u"origin"_s, host.origin},
            {u"pages"_s, host.pages},
            {u"robots"_s, robotsStatusName(host.robots)},
            {u"robots_detail"_s, host.robotsDetail},
            {u"crawl_delay_ms"_s, host.crawlDelayMs},
        });
    }
    object.insert(u"pages"_s, crawl.pages);
    object.insert(u"retries"_s, crawl.retries);
    object.insert(u"not_html"_s, crawl.notHtml);
    object.insert(u"skipped"_s, skipped);
    object.insert(u"hosts"_s, hosts);
    object.insert(u"robots_txt"_s, run.settings.crawl.obeyRobots ? u"obeyed"_s : u"ignored"_s);
    return object;
}

QByteArray toJson(const QList<RunResult> &runs)
{
    Progress progress;
    return toJson(runs, progress);
}

QByteArray toJson(const QList<RunResult> &runs, Progress &progress)
{
    QByteArray data;
    QBuffer buffer(&data);
    buffer.open(QIODevice::WriteOnly);
    if (!writeJson(runs, buffer, progress))
        return {};
    return data;
}

bool writeJson(const QList<RunResult> &runs, QIODevice &out, Progress &progress)
{
    // Written piece by piece: one QJsonDocument of a million records would take gigabytes. The pieces are
    // the whole file's objects, with each run's records last.
    progress.setTotal(recordCount(runs));
    const auto compact
        = [](const QJsonObject &object) { return QJsonDocument(object).toJson(QJsonDocument::Compact); };
    const QJsonObject creator {{u"name"_s, u"Crawlscope"_s},
                               {u"version"_s, QStringLiteral(CRAWLSCOPE_VERSION)}};
    bool ok = out.write("{\n\"format\": \"" + QByteArray(FormatName.data(), FormatName.size())
                        + "\",\n\"version\": " + QByteArray::number(FormatVersion)
                        + ",\n\"creator\": " + compact(creator) + ",\n\"runs\": [")
        > 0;
    for (qsizetype i = 0; ok && i < runs.size(); ++i) {
        const RunResult &run = runs.at(i);
        QJsonObject object = runToJson(run, progress, false);
        object.remove(u"records"_s);
        QByteArray head = compact(object);
        head.chop(1); // the closing brace: the records go in before it
        ok = out.write((i > 0 ? ",\n" : "\n") + head + ",\"records\": [") > 0;
        const UrlById urls = urlsById(run);
        for (qsizetype j = 0; ok && j < run.records.size(); ++j) {
            ok = out.write((j > 0 ? ",\n" : "\n") + compact(recordToJson(run.records.at(j), urls))) > 0;
            if (!progress.step())
                return false;
        }
        ok = ok && out.write("\n]}") > 0;
    }
    return ok && out.write("\n]\n}\n") > 0;
}

std::optional<QList<RunResult>> runsFromJson(const QByteArray &data, QString *error)
{
    Progress progress;
    return runsFromJson(data, error, progress);
}

std::optional<QList<RunResult>> runsFromJson(const QByteArray &data, QString *error, Progress &progress)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    JsonReader top(document.object(), QString(), error, JsonReader::Wording::RunFile);
    if (parseError.error != QJsonParseError::NoError) {
        top.fail(
            JsonFormat::tr("not JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset));
        return std::nullopt;
    }
    if (!document.isObject()) {
        top.fail(JsonFormat::tr("not a Crawlscope run file (the top level is not a JSON object)"));
        return std::nullopt;
    }
    const QJsonValue format = document.object().value(u"format"_s);
    if (format != QJsonValue(FormatName)) {
        top.fail(format.isString()
                     ? JsonFormat::tr("not a Crawlscope run file (format is \"%1\", expected \"%2\")")
                           .arg(format.toString(), FormatName)
                     : JsonFormat::tr("not a Crawlscope run file (no \"format\": \"%1\")").arg(FormatName));
        return std::nullopt;
    }
    const qint64 version = top.integer(u"version"_s, 1, Int64Max);
    if (!top.failed() && version != FormatVersion)
        top.fail(JsonFormat::tr("unsupported version %1 (this Crawlscope reads version %2)")
                     .arg(version)
                     .arg(FormatVersion));
    const QJsonArray runArray = top.array(u"runs"_s);
    if (top.failed())
        return std::nullopt;

    qint64 records = 0;
    for (const auto &run : runArray)
        records += run.toObject().value(u"records"_s).toArray().size();
    progress.setTotal(records);
    QList<RunResult> runs;
    runs.reserve(runArray.size());
    for (qsizetype i = 0; i < runArray.size(); ++i) {
        const QString where = JsonFormat::tr("run %1").arg(i);
        const auto runObject = JsonReader::objectAt(runArray, i, where, error);
        if (!runObject)
            return std::nullopt;
        auto run = runFromJson(*runObject, where, error, progress);
        if (!run)
            return std::nullopt;
        runs.append(*run);
    }
    return runs;
}
