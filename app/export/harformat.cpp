#include "harformat.h"

#include "crawlsettingsjson.h"
#include "exportstream.h"
#include "jsonreader.h"
#include "recordschema.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <QUrlQuery>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

class HarFormat
{
    Q_DECLARE_TR_FUNCTIONS(HarFormat)
};

constexpr qint64 NsPerMs = 1'000'000;
// Longer times are refused when reading, so that a run's few sums of them stay far inside qint64 nanoseconds.
constexpr double MaxMs = 1e12; // about 31 years
constexpr qint64 MaxBytes = qint64(1) << 50;
constexpr int IntMax = std::numeric_limits<int>::max();
using Format = RecordField::Format;
constexpr auto HttpVersion = "HTTP/1.1"_L1;
constexpr auto UnknownMimeType = "x-unknown"_L1; // what Chrome writes when there was no Content-Type

double ms(qint64 ns)
{
    return double(ns) / double(NsPerMs);
}

qint64 nsFromMs(double ms)
{
    return ms <= 0 ? 0 : std::llround(ms * double(NsPerMs));
}

QString dateText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject nameValue(const QString &name, const QString &value)
{
    return {{u"name"_s, name}, {u"value"_s, value}};
}

QString pageTitle(const RunSettings &settings)
{
    QString title = runModeName(settings.mode);
    if (settings.mode == RunMode::Limited)
        title += u' ' + QString::number(settings.limit);
    if (settings.delayMs > 0)
        title += u", delay "_s + QString::number(settings.delayMs) + u" ms"_s;
    if (settings.perHost > 0)
        title += u", "_s + QString::number(settings.perHost) + u" per host"_s;
    return title;
}

// The HAR timings of one record, in ns. Every boundary is clamped to the one before it, so none is negative,
// and one not reached takes the next one that was: a request cancelled in the queue was blocked all along,
// one that failed while connecting was connecting until the end, one that got no headers was waiting for
// them.
struct Timings
{
    qint64 blocked = 0;
    qint64 connect = RequestRecord::NotReached;
    qint64 ssl = RequestRecord::NotReached; // inside connect, as HAR counts it
    qint64 send = 0;
    qint64 wait = 0;
    qint64 receive = 0;
    qint64 queueing = RequestRecord::NotReached; // the gate's part of blocked
};

Timings timingsOf(const RequestRecord &record)
{
    const qint64 queued = record.at(Mark::Queued);
    qint64 end = queued; // a pending record ends, for now, at the last mark it reached
    for (Mark mark : {Mark::Issued, Mark::RequestSent, Mark::FirstByte, Mark::Finished}) {
        if (record.reached(mark))
            end = std::max(end, record.at(mark));
    }
    const auto next = [&](Mark mark, qint64 floor) {
        return record.reached(mark) ? std::clamp(record.at(mark), floor, end) : end;
    };
    const qint64 issued = next(Mark::Issued, queued);
    const qint64 sent = next(Mark::RequestSent, issued);
    const qint64 firstByte = next(Mark::FirstByte, sent);

    Timings timings;
    timings.blocked = issued - queued;
    // Our connect phase runs from the socket starting to connect until the request has left it; what came
    // before it since the issue (all of it on a reused connection) counts as send.
    const qint64 connectStarted = record.reached(Mark::ConnectStarted)
        ? std::clamp(record.at(Mark::ConnectStarted), issued, sent)
        : sent;
    if (record.reached(Mark::ConnectStarted))
        timings.connect = sent - connectStarted;
    // Qt reports the handshake's end, not the TCP connect's: ssl runs from the socket starting to connect.
    if (record.reached(Mark::ConnectStarted) && record.reached(Mark::Encrypted))
        timings.ssl = std::clamp(record.at(Mark::Encrypted), connectStarted, sent) - connectStarted;
    timings.send = connectStarted - issued;
    timings.wait = firstByte - sent;
    timings.receive = end - firstByte;
    if (record.reached(Mark::GateAcquired))
        timings.queueing = std::clamp(record.at(Mark::GateAcquired), queued, issued) - queued;
    return timings;
}

QJsonObject requestToHar(const RequestRecord &record, const RunSettings &settings)
{
    QJsonArray query;
    const auto items = QUrlQuery(record.url).queryItems(QUrl::FullyDecoded);
    for (const auto &[name, value] : items)
        query.append(nameValue(name, value));
    // A captured request has the client's own headers (secrets already redacted); ours send the user agent.
    QJsonArray headers;
    if (record.requestHeaders().isEmpty())
        headers.append(nameValue(u"User-Agent"_s, QString::fromUtf8(settings.userAgent)));
    for (const QString &line : record.requestHeaders().split(u'\n', Qt::SkipEmptyParts)) {
        const qsizetype colon = line.indexOf(u':');
        if (colon > 0)
            headers.append(nameValue(line.left(colon), line.mid(colon + 1).trimmed()));
    }
    return {
        {u"method"_s, record.method()},  {u"url"_s, record.url.toString(QUrl::FullyEncoded)},
        {u"httpVersion"_s, HttpVersion}, {u"cookies"_s, QJsonArray()},
        {u"headers"_s, headers},         {u"queryString"_s, query},
        {u"headersSize"_s, -1},          {u"bodySize"_s, 0},
    };
}

QJsonObject responseToHar(const RequestRecord &record)
{
    const bool responded = record.status != 0;
    QJsonArray headers;
    if (!record.contentType.isEmpty())
        headers.append(nameValue(u"Content-Type"_s, record.contentType));
    const bool redirected = !record.finalUrl.isEmpty() && record.finalUrl != record.url;
    QJsonObject response {
        {u"status"_s, record.status},
        {u"statusText"_s, QString()},
        {u"httpVersion"_s, responded ? QString(HttpVersion) : QString()},
        {u"cookies"_s, QJsonArray()},
        {u"headers"_s, headers},
        {u"content"_s,
         QJsonObject {
             {u"size"_s, record.bytes},
             {u"mimeType"_s,
              record.contentType.isEmpty() ? QString(UnknownMimeType) : record.contentType.toString()}}},
        {u"redirectURL"_s, redirected ? record.finalUrl.toString(QUrl::FullyEncoded) : QString()},
        {u"headersSize"_s, -1},
        {u"bodySize"_s, responded ? record.bytes : -1},
    };
    if (!record.error.isEmpty())
        response.insert(u"_error"_s, record.error.toString()); // where Chrome DevTools puts failures
    return response;
}

// Where the entries sit in the file (root, log, entries, entry), and what stands for them while the rest of
// the file is written; no string of ours holds a control character.
constexpr int EntryDepth = 3;
const QString EntriesPlaceholder = QChar(0x01) + u"entries"_s + QChar(0x01);

QString pageIdOf(qsizetype run)
{
    return u"run_"_s + QString::number(run);
}

QJsonObject entryToHar(const RequestRecord &record, const RunResult &run, const QDateTime &start,
                       const QString &pageId, const UrlById &urlById)
{
    const Timings timings = timingsOf(record);
    const double blocked = ms(timings.blocked);
    const double connect = ms(timings.connect);
    const double send = ms(timings.send);
    const double wait = ms(timings.wait);
    const double receive = ms(timings.receive);
    // Summed in the order of the spec's list, as a checker would; dns is -1, and ssl is inside connect.
    const double time = blocked + (timings.connect >= 0 ? connect : 0) + send + wait + receive;
    const qint64 queued = record.at(Mark::Queued);

    QJsonArray unreached;
    for (int i = 0; i < MarkCount; ++i) {
        // ssl -1 already says there was no handshake, as a browser's HAR does.
        if (!record.reached(Mark(i)) && Mark(i) != Mark::Encrypted)
            unreached.append(markName(Mark(i)));
    }
    const bool delayed = record.reached(Mark::DelayReleased) && record.reached(Mark::Finished);
    QJsonObject entry {
        {u"pageref"_s, pageId},
        {u"startedDateTime"_s, dateText(start.addMSecs(queued / NsPerMs))},
        {u"time"_s, time},
        {u"request"_s, requestToHar(record, run.settings)},
        {u"response"_s, responseToHar(record)},
        {u"cache"_s, QJsonObject()},
        {u"timings"_s,
         QJsonObject {
             {u"blocked"_s, blocked},
             {u"dns"_s, -1},
             {u"connect"_s, timings.connect >= 0 ? connect : -1},
             {u"ssl"_s, timings.ssl >= 0 ? ms(timings.ssl) : -1},
             {u"send"_s, send},
             {u"wait"_s, wait},
             {u"receive"_s, receive},
             // Chrome's name for the queueing part of blocked, which DevTools shows as "Queueing".
             {u"_blocked_queueing"_s, timings.queueing >= 0 ? ms(timings.queueing) : -1},
         }},
        {u"_delay"_s,
         delayed ? ms(std::max<qint64>(0, record.at(Mark::DelayReleased) - record.at(Mark::Finished))) : -1},
        // startedDateTime keeps whole milliseconds only; this keeps the rest.
        {u"_queued"_s, ms(queued)},
        // The timings must give every phase a time, so this says which marks really were not reached.
        {u"_unreached"_s, unreached},
    };
    // The record's fields HAR has no place for ("_attempt"); _parentUrl is for viewers, which cannot look
    // _parentId up.
    for (const RecordField &field : recordFields()) {
        if (field.in(Format::Har))
            entry.insert(field.harKey, field.toJson(field.get(record, urlById)));
    }
    return entry;
}

// A duration in ms, or -1 when it does not apply: missing, or the spec's -1. Other negative times are no
// time at all: some tools write them (a clock that went back), and they are read as 0 with a warning.
double readDuration(JsonReader &reader, const QString &path, bool required, Progress *progress = nullptr,
                    const QString &where = {})
{
    const QJsonValue value = reader.field(path, QJsonValue::Double, required);
    if (value.isUndefined())
        return -1;
    const double ms = value.toDouble();
    if (ms > MaxMs) {
        reader.fail(HarFormat::tr("%1 is %2 ms, more than %3").arg(path).arg(ms).arg(MaxMs));
        return -1;
    }
    if (ms < 0 && ms != -1) {
        if (progress)
            progress->warn(HarFormat::tr("%1: %2 is %3 ms, read as 0").arg(where, path).arg(ms));
        return 0;
    }
    return ms < 0 ? -1 : ms;
}

// Whether a custom field's JSON is of the type our field of that name has. Another tool may use the same
// name for something else (capture-har writes "_error" as an object); that is its business, not an error.
bool hasOurType(const RecordField &field, const QJsonValue &value)
{
    switch (field.type) {
    case RecordField::Type::Int:
        return value.isDouble();
    case RecordField::Type::Mark:
        return value.isDouble() || value.isNull();
    case RecordField::Type::Text:
    case RecordField::Type::Choice:
        return value.isString();
    case RecordField::Type::Url:
    case RecordField::Type::ParentUrl:
        return value.isString() || value.isNull();
    }
    return false;
}

// What a failure says in another tool's error object: capture-har's {"message": ..., "code": ...}.
QString errorText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    const QJsonObject object = value.toObject();
    const QString message = object.value(u"message"_s).toString();
    const QString code = object.value(u"code"_s).toVariant().toString();
    if (!message.isEmpty() && !code.isEmpty() && !message.contains(code))
        return code + u": "_s + message;
    return message.isEmpty() ? code : message;
}

QDateTime readDate(JsonReader &reader, const QString &path)
{
    const QString text = reader.string(path);
    if (reader.failed())
        return {};
    // Qt also takes a bare date, but HAR needs the time of day.
    QDateTime date = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!date.isValid() || !text.contains(u'T')) {
        reader.fail(HarFormat::tr("%1 \"%2\" is not an ISO 8601 date such as 2024-05-01T12:00:00.000Z")
                        .arg(path, text));
        return {};
    }
    return date;
}

struct HarPage
{
    QString id;
    QDateTime started;
    std::optional<RunMode> mode;
    RunSettings settings;
    bool recovered = false;
};

// One entry read on its own; its marks count from its own start until the run's start is known.
struct HarEntry
{
    int index = 0;
    QString pageref;
    QDateTime started;
    double queuedMs = -1; // our "_queued", the sub-millisecond rest of startedDateTime
    std::optional<int> id;
    std::optional<RunMode> mode;
    QByteArray userAgent;
    RequestRecord record;
};

std::optional<HarPage> pageFromHar(const QJsonObject &object, int index, QString *error)
{
    JsonReader reader(object, HarFormat::tr("page %1").arg(index), error, JsonReader::Wording::Har);
    HarPage page;
    page.id = reader.string(u"id"_s);
    page.started = readDate(reader, u"startedDateTime"_s);
    page.mode = reader.choice(u"_mode"_s, RunModes, runModeName, false);
    page.settings.limit = int(reader.integer(u"_limit"_s, 0, IntMax, page.settings.limit));
    page.settings.delayMs = int(reader.integer(u"_delay"_s, 0, IntMax, 0));
    page.settings.perHost = int(reader.integer(u"_perHost"_s, 0, IntMax, 0));
    page.settings.crawl = crawlSettingsFromJson(reader, u"_crawl"_s, KeyCase::Camel); // ours
    page.recovered = reader.boolean(u"_recovered"_s, false);
    if (reader.failed())
        return std::nullopt;
    return page;
}

// ours: the file says Crawlscope wrote it, so its custom fields are ours and checked as such. In others'
// files a field of one of our names but of another type is that tool's own (capture-har's "_error" object)
// and is left to it.
std::optional<HarEntry> entryFromHar(const QJsonObject &object, int index, bool ours, QString *error,
                                     Progress &progress)
{
    const QString where = HarFormat::tr("entry %1").arg(index);
    JsonReader reader(object, where, error, JsonReader::Wording::Har);
    HarEntry entry;
    entry.index = index;
    entry.pageref = reader.string(u"pageref"_s, false);
    entry.started = readDate(reader, u"startedDateTime"_s);
    // Required by the spec, and the sum of the timings, which are read instead. Firefox writes null where it
    // did not sum them.
    if (!reader.value(u"time"_s).isNull())
        reader.number(u"time"_s);
    reader.object(u"request"_s);
    reader.object(u"response"_s);
    reader.object(u"response.content"_s);
    reader.object(u"timings"_s);
    RequestRecord &record = entry.record;
    record.url = reader.url(u"request.url"_s);
    record.status = qint16(reader.integer(u"response.status"_s, 0, RequestRecord::MaxStatus));
    record.bytes = std::max<qint64>(0, reader.integer(u"response.content.size"_s, -1, MaxBytes));
    const QString mimeType = reader.string(u"response.content.mimeType"_s);
    record.contentType = mimeType == UnknownMimeType ? QString() : mimeType;
    const QString redirect = reader.string(u"response.redirectURL"_s, false);
    // Resolved against the request, as browsers write Location as is.
    if (!redirect.isEmpty())
        record.finalUrl = reader.url(u"response.redirectURL"_s, record.url);
    else if (record.status != 0)
        record.finalUrl = record.url;
    QString foreignError;
    for (const RecordField &field : recordFields()) {
        if (!field.in(Format::Har))
            continue;
        if (const QJsonValue value = reader.value(field.harKey);
            !ours && !value.isUndefined() && !hasOurType(field, value)) {
            if (field.key == u"error"_s)
                foreignError = errorText(value);
            continue;
        }
        const auto value = field.fromJson(reader, field.harKey, false);
        if (value && field.set)
            field.set(record, *value);
    }
    if (record.error.isEmpty())
        record.error = foreignError;
    if (record.error.isEmpty())
        record.error = errorText(reader.value(u"response._error"_s)); // where Chrome DevTools puts failures
    if (const QString method = reader.string(u"request.method"_s, false); !method.isEmpty())
        record.setMethod(method);
    // Fields that others' HARs lack and that have no default: the id from the position, the mode from the
    // run, the outcome from the status.
    if (reader.has(recordField(u"id").harKey))
        entry.id = record.id;
    if (reader.has(recordField(u"mode").harKey))
        entry.mode = record.mode;
    if (!reader.has(recordField(u"outcome").harKey)) {
        record.outcome = record.status == 0 ? Outcome::Failed
            : record.status < 400           ? Outcome::Ok
                                            : Outcome::HttpError;
    }
    entry.queuedMs = readDuration(reader, u"_queued"_s, false);
    const QJsonArray headers = reader.array(u"request.headers"_s, false);
    for (const auto &header : headers) {
        if (header.toObject().value(u"name"_s).toString().compare(u"User-Agent"_s, Qt::CaseInsensitive) == 0)
            entry.userAgent = header.toObject().value(u"value"_s).toString().toUtf8();
    }

    const auto duration = [&](const QString &path, bool required) {
        return readDuration(reader, path, required, &progress, where);
    };
    const double blocked = duration(u"timings.blocked"_s, false);
    const double dns = duration(u"timings.dns"_s, false);
    const double connect = duration(u"timings.connect"_s, false);
    const double ssl = duration(u"timings.ssl"_s, false); // part of connect
    const double send = duration(u"timings.send"_s, true);
    const double wait = duration(u"timings.wait"_s, true);
    const double receive = duration(u"timings.receive"_s, true);
    const double queueing = duration(u"timings._blocked_queueing"_s, false);
    const double delay = duration(u"_delay"_s, false);
    const QJsonArray unreached = reader.array(u"_unreached"_s, false);
    if (reader.failed())
        return std::nullopt;

    const qint64 issued = nsFromMs(blocked);
    const qint64 sent = issued + nsFromMs(dns) + nsFromMs(connect) + nsFromMs(send);
    record.set(Mark::Queued, 0);
    record.set(Mark::Issued, issued);
    if (queueing >= 0)
        record.set(Mark::GateAcquired, std::min(nsFromMs(queueing), issued));
    // We write connect as connect_started → request_sent, with the time before it in send (see timingsOf), so
    // connecting ends at sent. A browser's lookup goes in with it, as Qt looks the host up while connecting.
    if (connect >= 0)
        record.set(Mark::ConnectStarted, sent - nsFromMs(connect) - nsFromMs(dns));
    if (connect >= 0 && ssl >= 0)
        record.set(Mark::Encrypted,
                   std::min(sent, record.at(Mark::ConnectStarted) + nsFromMs(dns) + nsFromMs(ssl)));
    record.set(Mark::RequestSent, sent);
    record.set(Mark::FirstByte, sent + nsFromMs(wait));
    record.set(Mark::Finished, record.at(Mark::FirstByte) + nsFromMs(receive));
    if (delay >= 0)
        record.set(Mark::DelayReleased, record.at(Mark::Finished) + nsFromMs(delay));
    for (const auto &name : unreached) {
        bool known = false;
        for (int i = 0; i < MarkCount; ++i) {
            if (markName(Mark(i)) == name.toString()) {
                record.set(Mark(i), RequestRecord::NotReached);
                known = true;
            }
        }
        if (!known) {
            reader.fail(HarFormat::tr("_unreached has \"%1\", which is no mark").arg(name.toString()));
            return std::nullopt;
        }
    }
    return entry;
}

struct HarGroup
{
    std::optional<HarPage> page;
    QList<HarEntry> entries;
};

std::optional<RunResult> runFromGroup(const HarGroup &group, int runId, QString *error)
{
    QDateTime zero = group.page ? group.page->started : QDateTime();
    for (const auto &entry : group.entries) {
        if (!zero.isValid() || entry.started < zero)
            zero = entry.started;
    }
    RunResult run;
    run.runId = runId;
    run.startedAt = zero.toUTC();
    if (group.page) {
        run.settings = group.page->settings;
        run.recovered = group.page->recovered;
    }
    // Someone else's HAR says nothing about scheduling; a browser sends what it can at once.
    run.settings.mode = RunMode::Gather;
    if (group.page && group.page->mode)
        run.settings.mode = *group.page->mode;
    else if (!group.entries.isEmpty() && group.entries.first().mode)
        run.settings.mode = *group.entries.first().mode;
    for (const auto &entry : group.entries) {
        if (!entry.userAgent.isEmpty()) {
            run.settings.userAgent = entry.userAgent;
            break;
        }
    }

    for (const auto &entry : group.entries) {
        const qint64 offsetMs = zero.msecsTo(entry.started);
        if (double(offsetMs) > MaxMs) {
            if (error)
                *error = HarFormat::tr(
                             "entry %1: startedDateTime %2 is more than 31 years after the run's start %3")
                             .arg(entry.index)
                             .arg(dateText(entry.started), dateText(zero));
            return std::nullopt;
        }
        qint64 queued = offsetMs * NsPerMs;
        const qint64 precise = nsFromMs(entry.queuedMs);
        if (entry.queuedMs >= 0 && precise >= queued && precise - queued < NsPerMs)
            queued = precise; // only when it agrees with startedDateTime, which is what others read
        RequestRecord record = entry.record;
        for (auto &mark : record.marks) {
            if (mark != RequestRecord::NotReached)
                mark += queued;
        }
        record.id = entry.id.value_or(int(run.records.size()));
        record.mode = entry.mode.value_or(run.settings.mode);
        run.records.append(record);
    }
    run.endNs = lastReleaseNs(run.records);
    return run;
}

} // namespace

QByteArray toHar(const QList<RunResult> &runs)
{
    Progress progress;
    return toHar(runs, progress);
}

QByteArray toHar(const QList<RunResult> &runs, Progress &progress)
{
    QByteArray data;
    QBuffer buffer(&data);
    buffer.open(QIODevice::WriteOnly);
    if (!writeHar(runs, buffer, progress))
        return {};
    return data;
}

bool writeHar(const QList<RunResult> &runs, QIODevice &out, Progress &progress, qsizetype *highWater)
{
    progress.setTotal(recordCount(runs));
    QJsonArray pages;
    QList<QDateTime> starts;
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const RunResult &run = runs.at(i);
        // HAR needs a date even for a run that never started.
        starts.append(run.startedAt.isValid() ? run.startedAt
                                              : QDateTime::fromMSecsSinceEpoch(0, QTimeZone::utc()));
        QJsonObject page {
            {u"id"_s, pageIdOf(i)},
            {u"startedDateTime"_s, dateText(starts.last())},
            {u"title"_s, pageTitle(run.settings)},
            {u"pageTimings"_s, QJsonObject {{u"onContentLoad"_s, -1}, {u"onLoad"_s, ms(run.endNs)}}},
            {u"_mode"_s, runModeName(run.settings.mode)},
            {u"_limit"_s, run.settings.limit},
            {u"_delay"_s, run.settings.delayMs},
            {u"_perHost"_s, run.settings.perHost},
        };
        if (run.settings.crawl != CrawlSettings())
            page.insert(u"_crawl"_s, crawlSettingsToJson(run.settings.crawl, KeyCase::Camel));
        if (run.recovered)
            page.insert(u"_recovered"_s, true);
        pages.append(page);
    }

    // The file is the one QJsonDocument writes of the whole log, made without it: the log without its entries
    // is written by Qt around a placeholder, and each entry is written by Qt on its own and indented to its
    // place, one at a time.
    const QJsonObject log {
        {u"version"_s, u"1.2"_s},
        {u"creator"_s,
         QJsonObject {{u"name"_s, u"Crawlscope"_s}, {u"version"_s, QStringLiteral(CRAWLSCOPE_VERSION)}}},
        {u"pages"_s, pages},
        {u"entries"_s, QJsonArray {EntriesPlaceholder}},
    };
    const QByteArray frame = QJsonDocument(QJsonObject {{u"log"_s, log}}).toJson(QJsonDocument::Indented);
    const QByteArray entryIndent(4 * EntryDepth, ' ');
    const QByteArray newlineIndent = '\n' + entryIndent;
    // ["<placeholder>"] without its brackets: the placeholder as Qt writes a string, on its own line.
    const QByteArray placeholder = entryIndent
        + QJsonDocument(QJsonArray {EntriesPlaceholder}).toJson(QJsonDocument::Compact).chopped(1).mid(1)
        + '\n';
    const qsizetype at = frame.indexOf(placeholder);
    Q_ASSERT(at > 0);

    ExportStream stream(out);
    bool ok = stream.write(QByteArrayView(frame).first(at));
    bool first = true;
    for (qsizetype i = 0; ok && i < runs.size(); ++i) {
        const RunResult &run = runs.at(i);
        const UrlById urlById = urlsById(run);
        for (qsizetype j = 0; ok && j < run.records.size(); ++j) {
            const RequestRecord &record = run.records.at(j);
            if (record.reached(Mark::Queued)) {
                QByteArray entry = QJsonDocument(entryToHar(record, run, starts.at(i), pageIdOf(i), urlById))
                                       .toJson(QJsonDocument::Indented);
                entry.chop(1); // the document's final newline
                entry.replace('\n', newlineIndent);
                ok = stream.write(first ? QByteArrayView() : QByteArrayView(",\n"))
                    && stream.write(entryIndent) && stream.write(entry);
                first = false;
            }
            if (!progress.step())
                return false;
        }
    }
    if (!first)
        ok = ok && stream.write("\n");
    ok = ok && stream.write(QByteArrayView(frame).sliced(at + placeholder.size()));
    ok = stream.flush() && ok;
    if (highWater)
        *highWater = stream.highWater();
    return ok;
}

std::optional<QList<RunResult>> runsFromHar(const QByteArray &data, QString *error)
{
    Progress progress;
    return runsFromHar(data, error, progress);
}

std::optional<QList<RunResult>> runsFromHar(const QByteArray &data, QString *error, Progress &progress)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    JsonReader top(document.object(), QString(), error, JsonReader::Wording::Har);
    if (parseError.error != QJsonParseError::NoError) {
        top.fail(
            HarFormat::tr("not JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset));
        return std::nullopt;
    }
    if (!document.isObject() || !document.object().value(u"log"_s).isObject()) {
        top.fail(HarFormat::tr("not a HAR file (no \"log\" object at the top level)"));
        return std::nullopt;
    }
    const bool ours = top.value(u"log.creator.name"_s) == QJsonValue(u"Crawlscope"_s);
    const QJsonArray pageArray = top.array(u"log.pages"_s, false);
    const QJsonArray entryArray = top.array(u"log.entries"_s);
    if (top.failed())
        return std::nullopt;

    QList<HarGroup> groups;
    QHash<QString, qsizetype> groupByRef; // entries without a pageref share the group of ""
    for (qsizetype i = 0; i < pageArray.size(); ++i) {
        const auto object = JsonReader::objectAt(pageArray, i, HarFormat::tr("page %1").arg(i), error);
        const auto page = object ? pageFromHar(*object, int(i), error) : std::nullopt;
        if (!page)
            return std::nullopt;
        if (groupByRef.contains(page->id)) {
            JsonReader({}, HarFormat::tr("page %1").arg(i), error, JsonReader::Wording::Har)
                .fail(HarFormat::tr("id \"%1\" is used by page %2 too")
                          .arg(page->id)
                          .arg(groupByRef.value(page->id)));
            return std::nullopt;
        }
        groupByRef.insert(page->id, groups.size());
        groups.append({*page, {}});
    }
    progress.setTotal(entryArray.size());
    for (qsizetype i = 0; i < entryArray.size(); ++i) {
        if (!progress.step()) {
            if (error)
                *error = Progress::cancelledText();
            return std::nullopt;
        }
        const auto object = JsonReader::objectAt(entryArray, i, HarFormat::tr("entry %1").arg(i), error);
        auto entry = object ? entryFromHar(*object, int(i), ours, error, progress) : std::nullopt;
        if (!entry)
            return std::nullopt;
        if (!groupByRef.contains(entry->pageref)) {
            groupByRef.insert(entry->pageref, groups.size());
            groups.emplaceBack(); // not append(HarGroup()): GCC 12 -O3 reads a moved-from empty optional as
                                  // uninitialised
        }
        groups[groupByRef.value(entry->pageref)].entries.append(*entry);
    }

    QList<RunResult> runs;
    for (const auto &group : groups) {
        auto run = runFromGroup(group, int(runs.size()), error);
        if (!run)
            return std::nullopt;
        runs.append(*run);
    }
    return runs;
}
