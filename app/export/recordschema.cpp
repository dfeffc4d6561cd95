#include "recordschema.h"

#include "jsonreader.h"

#include <array>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

using Format = RecordField::Format;
using Type = RecordField::Type;

constexpr RecordField::Formats All = Format::Json | Format::Csv | Format::Har;
constexpr qint64 IntMax = std::numeric_limits<int>::max();
constexpr qint64 Int64Max = std::numeric_limits<qint64>::max();

// What a file without the field means, and whether our own files may lack it.
struct Absent
{
    FieldValue value;
    bool sinceCrawlMode = false;
};

template<typename T>
FieldValue valueOf(T value)
{
    if constexpr (std::is_enum_v<T> || std::is_integral_v<T>)
        return qint64(value);
    else if constexpr (std::is_same_v<T, SharedText>)
        return FieldValue(value.toString());
    else
        return FieldValue(value);
}

template<typename T>
Absent orElse(T value)
{
    return {valueOf(value), false};
}

template<typename T>
Absent sinceCrawlMode(T value)
{
    return {valueOf(value), true};
}

RecordField field(const QString &key, Type type, RecordField::Formats formats,
                  const std::optional<Absent> &absent)
{
    RecordField field;
    field.key = key;
    field.type = type;
    field.formats = formats;
    if (absent) {
        field.absent = absent->value;
        field.sinceCrawlMode = absent->sinceCrawlMode;
    }
    return field;
}

// A member read and written as it is: an integer, an enum by value, a text or a URL.
template<typename T>
void access(RecordField &field, T RequestRecord::*member)
{
    field.get = [member](const RequestRecord &record, const UrlById &) { return valueOf(record.*member); };
    field.set = [member](RequestRecord &record, const FieldValue &value) {
        if constexpr (std::is_enum_v<T> || std::is_integral_v<T>)
            record.*member = T(std::get<qint64>(value));
        else if constexpr (std::is_same_v<T, StoredUrl>)
            record.*member = std::get<StoredUrl>(value);
        else if constexpr (std::is_same_v<T, SharedText>)
            record.*member = std::get<QString>(value);
        else
            record.*member = std::get<T>(value);
    };
}

// A value a capture keeps, read and written through the record's accessors (CaptureFields).
template<typename T>
void access(RecordField &field, T (RequestRecord::*get)() const, void (RequestRecord::*set)(T))
{
    field.get = [get](const RequestRecord &record, const UrlById &) { return valueOf((record.*get)()); };
    field.set = [set](RequestRecord &record, const FieldValue &value) {
        if constexpr (std::is_integral_v<T>)
            (record.*set)(T(std::get<qint64>(value)));
        else
            (record.*set)(std::get<T>(value));
    };
}

template<typename T>
void access(RecordField &field, T (RequestRecord::*get)() const, void (RequestRecord::*set)(const T &))
{
    field.get = [get](const RequestRecord &record, const UrlById &) { return valueOf((record.*get)()); };
    field.set = [set](RequestRecord &record, const FieldValue &value) { (record.*set)(std::get<T>(value)); };
}

template<typename T, typename Set>
RecordField captured(QLatin1StringView key, T (RequestRecord::*get)() const, Set set, qint64 min, qint64 max,
                     RecordField::Formats formats, const Absent &absent)
{
    RecordField result = field(key, Type::Int, formats, absent);
    result.min = min;
    result.max = max;
    access(result, get, set);
    return result;
}

template<typename Set>
RecordField captured(QLatin1StringView key, QString (RequestRecord::*get)() const, Set set,
                     RecordField::Formats formats, const Absent &absent)
{
    RecordField result = field(key, Type::Text, formats, absent);
    access(result, get, set);
    return result;
}

template<typename T>
RecordField whole(QLatin1StringView key, T RequestRecord::*member, qint64 min, qint64 max,
                  RecordField::Formats formats, const std::optional<Absent> &absent = {})
{
    // The readers reject a value outside the bounds with an error naming it: bounds the member cannot hold
    // would wrap instead.
    Q_ASSERT(min >= qint64(std::numeric_limits<T>::min()) && max <= qint64(std::numeric_limits<T>::max()));
    RecordField result = field(key, Type::Int, formats, absent);
    result.min = min;
    result.max = max;
    access(result, member);
    return result;
}

template<typename T>
RecordField text(QLatin1StringView key, T RequestRecord::*member, Type type, RecordField::Formats formats,
                 const std::optional<Absent> &absent = {})
{
    RecordField result = field(key, type, formats, absent);
    access(result, member);
    return result;
}

template<typename Enum, std::size_t Count>
RecordField choice(QLatin1StringView key, Enum RequestRecord::*member, const std::array<Enum, Count> &values,
                   QString (*name)(Enum), RecordField::Formats formats,
                   const std::optional<Absent> &absent = {})
{
    RecordField result = field(key, Type::Choice, formats, absent);
    for (Enum value : values) {
        result.choiceNames.append(name(value));
        result.choiceValues.append(qint64(value));
    }
    access(result, member);
    return result;
}

RecordField markField(Mark mark)
{
    RecordField result = field(markName(mark), Type::Mark, Format::Json | Format::Csv, {});
    result.mark = mark;
    // Files from before the TLS phase was recorded lack it, as a request over plain http does.
    if (mark == Mark::Encrypted)
        result.absent = FieldValue();
    result.min = 0;
    result.max = Int64Max;
    result.get = [mark](const RequestRecord &record, const UrlById &) {
        return record.reached(mark) ? FieldValue(record.at(mark)) : FieldValue();
    };
    result.set = [mark](RequestRecord &record, const FieldValue &value) {
        record.set(mark,
                   std::holds_alternative<qint64>(value) ? std::get<qint64>(value)
                                                         : RequestRecord::NotReached);
    };
    return result;
}

// Says what parent_id points at; reading trusts parent_id alone, as a file edited by hand may not have kept
// the two in step.
RecordField parentUrlField()
{
    RecordField result = field(u"parent_url"_s, Type::ParentUrl, All, sinceCrawlMode(FieldValue()));
    result.get = [](const RequestRecord &record, const UrlById &urls) {
        const auto url = urls.constFind(record.parentId);
        return url == urls.cend() ? FieldValue() : FieldValue(*url);
    };
    return result;
}

// The order is CSV's column order: fields that came later go after the older ones, so that scripts reading
// columns by position keep working. JSON objects sort their keys anyway.
QList<RecordField> makeFields()
{
    constexpr auto JsonCsv = Format::Json | Format::Csv;
    QList<RecordField> fields {
        whole("id"_L1, &RequestRecord::id, 0, IntMax, All),
        text("url"_L1, &RequestRecord::url, Type::Url, JsonCsv),
        text("final_url"_L1, &RequestRecord::finalUrl, Type::Url, JsonCsv),
        choice("mode"_L1, &RequestRecord::mode, RunModes, runModeName,
               Format::Json | Format::Har), // CSV: the run's
        choice("outcome"_L1, &RequestRecord::outcome, Outcomes, outcomeName, All),
        whole("status"_L1, &RequestRecord::status, 0, RequestRecord::MaxStatus, JsonCsv),
        whole("bytes"_L1, &RequestRecord::bytes, 0, Int64Max, JsonCsv),
        text("content_type"_L1, &RequestRecord::contentType, Type::Text, JsonCsv),
        whole("redirects"_L1, &RequestRecord::redirects, 0, RequestRecord::MaxCount, All, orElse(0)),
        text("error"_L1, &RequestRecord::error, Type::Text, All, orElse(QString())),
        whole("parent_id"_L1, &RequestRecord::parentId, -1, IntMax, All, orElse(-1)),
        whole("depth"_L1, &RequestRecord::depth, 0, IntMax, All, orElse(0)),
    };
    for (int i = 0; i < MarkCount; ++i)
        fields.append(markField(Mark(i)));
    fields += {
        choice("role"_L1, &RequestRecord::role, RequestRoles, requestRoleName, All,
               sinceCrawlMode(RequestRole::Page)),
        whole("attempt"_L1, &RequestRecord::attempt, 1, RequestRecord::MaxCount, All, sinceCrawlMode(1)),
        parentUrlField(),
        // A capture's (JSON and HAR only, so CSV's columns stay as they were): files from before it lack
        // them.
        captured("method"_L1, &RequestRecord::method, &RequestRecord::setMethod, Format::Json,
                 sinceCrawlMode(u"GET"_s)),
        captured("connection"_L1, &RequestRecord::connection, &RequestRecord::setConnection, -1, IntMax,
                 Format::Json | Format::Har, sinceCrawlMode(-1)),
        captured("reused_connection"_L1, &RequestRecord::reusedConnection,
                 &RequestRecord::setReusedConnection, 0, 1, Format::Json | Format::Har,
                 sinceCrawlMode(false)),
        captured("bytes_sent"_L1, &RequestRecord::bytesSent, &RequestRecord::setBytesSent, 0, Int64Max,
                 Format::Json, sinceCrawlMode(qint64(0))),
        captured("proxy_ns"_L1, &RequestRecord::proxyNs, &RequestRecord::setProxyNs, -1, Int64Max,
                 Format::Json, sinceCrawlMode(qint64(-1))),
        captured("request_headers"_L1, &RequestRecord::requestHeaders, &RequestRecord::setRequestHeaders,
                 Format::Json, sinceCrawlMode(QString())),
    };
    for (RecordField &field : fields) {
        field.jsonKey = field.type == Type::Mark ? field.key + u"_ns"_s : field.key;
        field.csvColumn = field.type == Type::Mark ? field.key + u"_ms"_s : field.key;
        field.harKey = u'_' + keyIn(field.key, KeyCase::Camel);
    }
    return fields;
}

} // namespace

QString RecordField::choiceName(qint64 value) const
{
    return choiceNames.value(choiceValues.indexOf(value));
}

QJsonValue RecordField::toJson(const FieldValue &value) const
{
    if (const auto *number = std::get_if<qint64>(&value))
        return type == Type::Choice ? QJsonValue(choiceName(*number)) : QJsonValue(*number);
    if (const auto *string = std::get_if<QString>(&value))
        return *string;
    if (const auto *url = std::get_if<StoredUrl>(&value))
        return url->toString(QUrl::FullyEncoded);
    return QJsonValue::Null;
}

std::optional<FieldValue> RecordField::fromJson(JsonReader &reader, const QString &key, bool required) const
{
    if (!required && !reader.has(key))
        return absent;
    FieldValue value;
    switch (type) {
    case Type::Int:
        value = reader.integer(key, min, max);
        break;
    case Type::Text:
        value = reader.string(key);
        break;
    case Type::Url:
        value = reader.url(key);
        break;
    case Type::Choice:
        if (const auto index = reader.choiceIndex(key, choiceNames))
            value = choiceValues.at(*index);
        break;
    case Type::Mark:
        if (!reader.value(key).isNull())
            value = reader.integer(key, min, max);
        break;
    case Type::ParentUrl:
        if (!reader.value(key).isNull())
            value = reader.url(key);
        break;
    }
    if (reader.failed())
        return std::nullopt;
    return value;
}

const QList<RecordField> &recordFields()
{
    static const QList<RecordField> fields = makeFields();
    return fields;
}

const RecordField &recordField(QStringView key)
{
    for (const RecordField &field : recordFields()) {
        if (field.key == key)
            return field;
    }
    Q_UNREACHABLE();
}

UrlById urlsById(const RunResult &run)
{
    UrlById urls;
    urls.reserve(run.records.size());
    for (const auto &record : run.records)
        urls.insert(record.id, record.url);
    return urls;
}
