#include "jsonformat.h"

#include "jsonreader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

#include <array>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

class JsonFormat
{
    Q_DECLARE_TR_FUNCTIONS(JsonFormat)
};

constexpr auto FormatName = "crawlscope-run"_L1;
constexpr int FormatVersion = 1;
constexpr int IntMax = std::numeric_limits<int>::max();
constexpr qint64 Int64Max = std::numeric_limits<qint64>::max();
constexpr std::array Modes {RunMode::Sequential, RunMode::Gather, RunMode::Limited};
// In the order error messages list them: the usual ones first.
constexpr std::array Outcomes {Outcome::Ok, Outcome::HttpError, Outcome::Failed, Outcome::Cancelled,
                               Outcome::Pending};

QString markKey(Mark mark)
{
    return markName(mark) + u"_ns"_s;
}

QJsonValue timeValue(const QDateTime &time)
{
    if (!time.isValid())
        return QJsonValue::Null;
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QJsonValue markValue(qint64 ns)
{
    if (ns == RequestRecord::NotReached)
        return QJsonValue::Null;
    return ns;
}

// The CLI prints these, so they are rounded once here rather than by every reader.
double roundedMs(qint64 ns)
{
    const qint64 us = (ns >= 0 ? ns + 500 : ns - 500) / 1000;
    return double(us) / 1000.0;
}

QJsonObject recordToJson(const RequestRecord &record)
{
    QJsonObject object {
        {u"id"_s, record.id},
        {u"url"_s, record.url.toString(QUrl::FullyEncoded)},
        {u"final_url"_s, record.finalUrl.toString(QUrl::FullyEncoded)},
        {u"mode"_s, runModeName(record.mode)},
        {u"outcome"_s, outcomeName(record.outcome)},
        {u"status"_s, record.status},
        {u"bytes"_s, record.bytes},
        {u"content_type"_s, record.contentType},
        {u"error"_s, record.error},
        {u"redirects"_s, record.redirects},
        {u"parent_id"_s, record.parentId},
        {u"depth"_s, record.depth},
    };
    for (int i = 0; i < MarkCount; ++i)
        object.insert(markKey(Mark(i)), markValue(record.marks[std::size_t(i)]));
    return object;
}

QJsonObject runToJson(const RunResult &run)
{
    QJsonArray changes;
    for (const auto &change : run.capacityChanges)
        changes.append(QJsonObject {{u"at_ns"_s, change.atNs}, {u"capacity"_s, change.capacity}});
    QJsonArray records;
    for (const auto &record : run.records)
        records.append(recordToJson(record));
    const RunSettings &settings = run.settings;
    return {
        {u"run_id"_s, run.runId},
        {u"mode"_s, runModeName(settings.mode)},
        {u"limit"_s, settings.limit},
        {u"delay_ms"_s, settings.delayMs},
        {u"per_host"_s, settings.perHost},
        {u"timeout_ms"_s, settings.timeoutMs},
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
    };
}

// What only our run file reads: null stands for a mark not reached or no start time, "" for no URL.

int readInt(JsonReader &reader, const QString &key, int min, int max = IntMax)
{
    return int(reader.integer(key, min, max));
}

qint64 readMark(JsonReader &reader, const QString &key)
{
    if (reader.value(key).isNull())
        return RequestRecord::NotReached;
    return reader.integer(key, 0, Int64Max);
}

QUrl readUrl(JsonReader &reader, const QString &key)
{
    const QString text = reader.string(key);
    if (text.isEmpty())
        return {};
    QUrl url(text, QUrl::TolerantMode);
    if (!url.isValid())
        reader.fail(JsonFormat::tr("\"%1\" is not a valid URL: %2").arg(key, url.errorString()));
    return url;
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

std::optional<RequestRecord> recordFromJson(const QJsonObject &object, const QString &where, QString *error)
{
    JsonReader reader(object, where, error, JsonReader::Wording::RunFile);
    RequestRecord record;
    record.id = readInt(reader, u"id"_s, 0);
    record.url = readUrl(reader, u"url"_s);
    record.finalUrl = readUrl(reader, u"final_url"_s);
    record.mode = reader.choice(u"mode"_s, Modes, runModeName).value_or(Modes.front());
    record.outcome = reader.choice(u"outcome"_s, Outcomes, outcomeName).value_or(Outcomes.front());
    for (int i = 0; i < MarkCount; ++i)
        record.marks[std::size_t(i)] = readMark(reader, markKey(Mark(i)));
    record.status = readInt(reader, u"status"_s, 0, 999);
    record.bytes = reader.integer(u"bytes"_s, 0, Int64Max);
    record.contentType = reader.string(u"content_type"_s);
    record.error = reader.string(u"error"_s);
    record.redirects = readInt(reader, u"redirects"_s, 0);
    record.parentId = readInt(reader, u"parent_id"_s, -1);
    record.depth = readInt(reader, u"depth"_s, 0);
    if (reader.failed())
        return std::nullopt;
    return record;
}

std::optional<RunResult> runFromJson(const QJsonObject &object, const QString &where, QString *error)
{
    JsonReader reader(object, where, error, JsonReader::Wording::RunFile);
    RunResult run;
    run.runId = readInt(reader, u"run_id"_s, 0);
    RunSettings &settings = run.settings;
    settings.mode = reader.choice(u"mode"_s, Modes, runModeName).value_or(Modes.front());
    settings.limit = readInt(reader, u"limit"_s, 0);
    settings.delayMs = readInt(reader, u"delay_ms"_s, 0);
    settings.perHost = readInt(reader, u"per_host"_s, 0);
    settings.timeoutMs = readInt(reader, u"timeout_ms"_s, 0);
    settings.maxBodyBytes = reader.integer(u"max_body_bytes"_s, 0, Int64Max);
    settings.maxRedirects = readInt(reader, u"max_redirects"_s, 0);
    settings.userAgent = reader.string(u"user_agent"_s).toUtf8();
    settings.keepBodies = reader.boolean(u"keep_bodies"_s);
    run.startedAt = readTime(reader, u"started_at"_s);
    run.endNs = reader.integer(u"end_ns"_s, 0, Int64Max);
    run.cancelled = reader.boolean(u"cancelled"_s);
    const QJsonArray changes = reader.array(u"capacity_changes"_s);
    const QJsonArray records = reader.array(u"records"_s);
    if (reader.failed())
        return std::nullopt;

    for (qsizetype i = 0; i < changes.size(); ++i) {
        const QString changeWhere = JsonFormat::tr("%1, capacity change %2").arg(where).arg(i);
        const auto changeObject = JsonReader::objectAt(changes, i, changeWhere, error);
        if (!changeObject)
            return std::nullopt;
        JsonReader changeReader(*changeObject, changeWhere, error, JsonReader::Wording::RunFile);
        CapacityChange change;
        change.atNs = changeReader.integer(u"at_ns"_s, 0, Int64Max);
        change.capacity = readInt(changeReader, u"capacity"_s, 0);
        if (changeReader.failed())
            return std::nullopt;
        run.capacityChanges.append(change);
    }
    run.records.reserve(records.size());
    for (qsizetype i = 0; i < records.size(); ++i) {
        const QString recordWhere = JsonFormat::tr("%1, record %2").arg(where).arg(i);
        const auto recordObject = JsonReader::objectAt(records, i, recordWhere, error);
        if (!recordObject)
            return std::nullopt;
        auto record = recordFromJson(*recordObject, recordWhere, error);
        if (!record)
            return std::nullopt;
        run.records.append(*record);
    }
    return run;
}

} // namespace

QJsonObject summaryToJson(const RunResult &run)
{
    const RunSummary summary = summarize(run);
    return {
        {u"mode"_s, runModeName(run.settings.mode)},
        {u"limit"_s, run.settings.gateCapacity()},
        {u"delay_ms"_s, run.settings.delayMs},
        {u"requests"_s, summary.requests},
        {u"ok"_s, summary.ok},
        {u"failed"_s, summary.failed},
        {u"cancelled"_s, summary.cancelled},
        {u"wall_ms"_s, roundedMs(summary.wallNs)},
        {u"ideal_ms"_s, roundedMs(summary.idealNs)},
        {u"peak_in_flight"_s, summary.peakInFlight},
        {u"bytes"_s, summary.bytes},
    };
}

QByteArray toJson(const QList<RunResult> &runs)
{
    QJsonArray runArray;
    for (const auto &run : runs)
        runArray.append(runToJson(run));
    const QJsonObject file {
        {u"format"_s, FormatName},
        {u"version"_s, FormatVersion},
        {u"creator"_s,
         QJsonObject {{u"name"_s, u"Crawlscope"_s}, {u"version"_s, QStringLiteral(CRAWLSCOPE_VERSION)}}},
        {u"runs"_s, runArray},
    };
    return QJsonDocument(file).toJson(QJsonDocument::Indented);
}

std::optional<QList<RunResult>> runsFromJson(const QByteArray &data, QString *error)
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

    QList<RunResult> runs;
    runs.reserve(runArray.size());
    for (qsizetype i = 0; i < runArray.size(); ++i) {
        const QString where = JsonFormat::tr("run %1").arg(i);
        const auto runObject = JsonReader::objectAt(runArray, i, where, error);
        if (!runObject)
            return std::nullopt;
        auto run = runFromJson(*runObject, where, error);
        if (!run)
            return std::nullopt;
        runs.append(*run);
    }
    return runs;
}
