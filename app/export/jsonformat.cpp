#include "jsonformat.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QStringList>

#include <array>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

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

// Reads the fields of one JSON object. The first problem is kept with where it happened and later reads
// just return defaults, so the parsing code reads straight through and checks failed() once per object.
class ObjectReader
{
    Q_DECLARE_TR_FUNCTIONS(JsonFormat)

public:
    ObjectReader(const QJsonObject &object, QString where, QString *error)
        : m_object(object)
        , m_where(std::move(where))
        , m_error(error)
    { }

    bool failed() const { return m_failed; }

    void fail(const QString &message)
    {
        if (m_failed)
            return;
        m_failed = true;
        if (m_error)
            *m_error = m_where.isEmpty() ? message : tr("%1: %2").arg(m_where, message);
    }

    static QString typeName(const QJsonValue &value)
    {
        switch (value.type()) {
        case QJsonValue::Null:
            return tr("null");
        case QJsonValue::Bool:
            return tr("a boolean");
        case QJsonValue::Double:
            return tr("a number");
        case QJsonValue::String:
            return tr("a string");
        case QJsonValue::Array:
            return tr("an array");
        case QJsonValue::Object:
            return tr("an object");
        case QJsonValue::Undefined:
            break;
        }
        return tr("missing");
    }

    qint64 integer(const QString &key, qint64 min, qint64 max)
    {
        const QJsonValue value = field(key, QJsonValue::Double);
        if (value.isUndefined())
            return min;
        // toInteger() gives 0 for fractions and out-of-range numbers, so compare it with the double.
        const qint64 number = value.toInteger();
        if (double(number) != value.toDouble()) {
            fail(tr("\"%1\" is %2, expected a whole number").arg(key).arg(value.toDouble()));
            return min;
        }
        if (number < min || number > max) {
            fail(number < min && max == Int64Max
                     ? tr("\"%1\" is %2, expected %3 or more").arg(key).arg(number).arg(min)
                     : tr("\"%1\" is %2, expected %3 to %4").arg(key).arg(number).arg(min).arg(max));
            return min;
        }
        return number;
    }

    int integer32(const QString &key, int min, int max = IntMax) { return int(integer(key, min, max)); }

    bool boolean(const QString &key) { return field(key, QJsonValue::Bool).toBool(); }

    QString string(const QString &key) { return field(key, QJsonValue::String).toString(); }

    QJsonArray array(const QString &key) { return field(key, QJsonValue::Array).toArray(); }

    qint64 mark(const QString &key)
    {
        if (m_object.value(key).isNull())
            return RequestRecord::NotReached;
        return integer(key, 0, Int64Max);
    }

    QUrl url(const QString &key)
    {
        const QString text = string(key);
        if (text.isEmpty())
            return {};
        QUrl url(text, QUrl::TolerantMode);
        if (!url.isValid())
            fail(tr("\"%1\" is not a valid URL: %2").arg(key, url.errorString()));
        return url;
    }

    QDateTime time(const QString &key)
    {
        if (m_object.value(key).isNull())
            return {};
        const QString text = string(key);
        QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!time.isValid())
            fail(tr("\"%1\" is \"%2\", expected an ISO 8601 time such as 2024-05-01T12:00:00.000Z")
                     .arg(key, text));
        return time;
    }

    template<typename Enum, std::size_t Count>
    Enum choice(const QString &key, const std::array<Enum, Count> &values, QString (*name)(Enum))
    {
        const QString text = string(key);
        QStringList names;
        for (auto value : values) {
            if (name(value) == text)
                return value;
            names.append(name(value));
        }
        fail(tr("\"%1\" is \"%2\", expected one of %3").arg(key, text, names.join(u", ")));
        return values.front();
    }

private:
    QJsonValue field(const QString &key, QJsonValue::Type type)
    {
        if (m_failed)
            return QJsonValue::Undefined;
        QJsonValue value = m_object.value(key);
        if (value.isUndefined()) {
            fail(tr("\"%1\" is missing").arg(key));
            return QJsonValue::Undefined;
        }
        if (value.type() != type) {
            fail(tr("\"%1\" must be %2, not %3").arg(key, typeName(QJsonValue(type)), typeName(value)));
            return QJsonValue::Undefined;
        }
        return value;
    }

    QJsonObject m_object;
    QString m_where;
    QString *m_error;
    bool m_failed = false;
};

std::optional<QJsonObject> objectAt(const QJsonArray &array, qsizetype index, const QString &where,
                                    QString *error)
{
    const QJsonValue value = array.at(index);
    if (value.isObject())
        return value.toObject();
    ObjectReader({}, where, error)
        .fail(ObjectReader::tr("must be an object, not %1").arg(ObjectReader::typeName(value)));
    return std::nullopt;
}

std::optional<RequestRecord> recordFromJson(const QJsonObject &object, const QString &where, QString *error)
{
    ObjectReader reader(object, where, error);
    RequestRecord record;
    record.id = reader.integer32(u"id"_s, 0);
    record.url = reader.url(u"url"_s);
    record.finalUrl = reader.url(u"final_url"_s);
    record.mode = reader.choice(u"mode"_s, Modes, runModeName);
    record.outcome = reader.choice(u"outcome"_s, Outcomes, outcomeName);
    for (int i = 0; i < MarkCount; ++i)
        record.marks[std::size_t(i)] = reader.mark(markKey(Mark(i)));
    record.status = reader.integer32(u"status"_s, 0, 999);
    record.bytes = reader.integer(u"bytes"_s, 0, Int64Max);
    record.contentType = reader.string(u"content_type"_s);
    record.error = reader.string(u"error"_s);
    record.redirects = reader.integer32(u"redirects"_s, 0);
    record.parentId = reader.integer32(u"parent_id"_s, -1);
    record.depth = reader.integer32(u"depth"_s, 0);
    if (reader.failed())
        return std::nullopt;
    return record;
}

std::optional<RunResult> runFromJson(const QJsonObject &object, const QString &where, QString *error)
{
    ObjectReader reader(object, where, error);
    RunResult run;
    run.runId = reader.integer32(u"run_id"_s, 0);
    RunSettings &settings = run.settings;
    settings.mode = reader.choice(u"mode"_s, Modes, runModeName);
    settings.limit = reader.integer32(u"limit"_s, 0);
    settings.delayMs = reader.integer32(u"delay_ms"_s, 0);
    settings.perHost = reader.integer32(u"per_host"_s, 0);
    settings.timeoutMs = reader.integer32(u"timeout_ms"_s, 0);
    settings.maxBodyBytes = reader.integer(u"max_body_bytes"_s, 0, Int64Max);
    settings.maxRedirects = reader.integer32(u"max_redirects"_s, 0);
    settings.userAgent = reader.string(u"user_agent"_s).toUtf8();
    settings.keepBodies = reader.boolean(u"keep_bodies"_s);
    run.startedAt = reader.time(u"started_at"_s);
    run.endNs = reader.integer(u"end_ns"_s, 0, Int64Max);
    run.cancelled = reader.boolean(u"cancelled"_s);
    const QJsonArray changes = reader.array(u"capacity_changes"_s);
    const QJsonArray records = reader.array(u"records"_s);
    if (reader.failed())
        return std::nullopt;

    for (qsizetype i = 0; i < changes.size(); ++i) {
        const QString changeWhere = ObjectReader::tr("%1, capacity change %2").arg(where).arg(i);
        const auto changeObject = objectAt(changes, i, changeWhere, error);
        if (!changeObject)
            return std::nullopt;
        ObjectReader changeReader(*changeObject, changeWhere, error);
        CapacityChange change;
        change.atNs = changeReader.integer(u"at_ns"_s, 0, Int64Max);
        change.capacity = changeReader.integer32(u"capacity"_s, 0);
        if (changeReader.failed())
            return std::nullopt;
        run.capacityChanges.append(change);
    }
    run.records.reserve(records.size());
    for (qsizetype i = 0; i < records.size(); ++i) {
        const QString recordWhere = ObjectReader::tr("%1, record %2").arg(where).arg(i);
        const auto recordObject = objectAt(records, i, recordWhere, error);
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
    ObjectReader top(document.object(), QString(), error);
    if (parseError.error != QJsonParseError::NoError) {
        top.fail(ObjectReader::tr("not JSON: %1 at offset %2")
                     .arg(parseError.errorString())
                     .arg(parseError.offset));
        return std::nullopt;
    }
    if (!document.isObject()) {
        top.fail(ObjectReader::tr("not a Crawlscope run file (the top level is not a JSON object)"));
        return std::nullopt;
    }
    const QJsonValue format = document.object().value(u"format"_s);
    if (format != QJsonValue(FormatName)) {
        top.fail(format.isString()
                     ? ObjectReader::tr("not a Crawlscope run file (format is \"%1\", expected \"%2\")")
                           .arg(format.toString(), FormatName)
                     : ObjectReader::tr("not a Crawlscope run file (no \"format\": \"%1\")").arg(FormatName));
        return std::nullopt;
    }
    const qint64 version = top.integer(u"version"_s, 1, Int64Max);
    if (!top.failed() && version != FormatVersion)
        top.fail(ObjectReader::tr("unsupported version %1 (this Crawlscope reads version %2)")
                     .arg(version)
                     .arg(FormatVersion));
    const QJsonArray runArray = top.array(u"runs"_s);
    if (top.failed())
        return std::nullopt;

    QList<RunResult> runs;
    runs.reserve(runArray.size());
    for (qsizetype i = 0; i < runArray.size(); ++i) {
        const QString where = ObjectReader::tr("run %1").arg(i);
        const auto runObject = objectAt(runArray, i, where, error);
        if (!runObject)
            return std::nullopt;
        auto run = runFromJson(*runObject, where, error);
        if (!run)
            return std::nullopt;
        runs.append(*run);
    }
    return runs;
}
