#include "csvformat.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringDecoder>
#include <QStringList>

#include <array>
#include <limits>
#include <utility>

using namespace Qt::StringLiterals;

namespace {

class CsvFormat
{
    Q_DECLARE_TR_FUNCTIONS(CsvFormat)
};

constexpr qint64 NsPerMs = 1'000'000;
constexpr int IntMax = std::numeric_limits<int>::max();
constexpr qint64 Int64Max = std::numeric_limits<qint64>::max();
constexpr std::array Modes {RunMode::Sequential, RunMode::Gather, RunMode::Limited};
// In the order error messages list them: the usual ones first.
constexpr std::array Outcomes {Outcome::Ok, Outcome::HttpError, Outcome::Failed, Outcome::Cancelled,
                               Outcome::Pending};
constexpr std::array Roles {RequestRole::Page, RequestRole::Robots};

// The columns that describe the run rather than the request; rows of one run must agree on them.
const QStringList &runColumns()
{
    static const QStringList columns {u"run_id"_s,   u"mode"_s,     u"limit"_s,
                                      u"delay_ms"_s, u"per_host"_s, u"started_at"_s};
    return columns;
}

QString markColumn(Mark mark)
{
    return markName(mark) + u"_ms"_s;
}

// Every file has these.
const QStringList &requiredColumns()
{
    static const QStringList columns = [] {
        QStringList columns = runColumns();
        columns << u"id"_s << u"url"_s << u"final_url"_s << u"outcome"_s << u"status"_s << u"bytes"_s
                << u"content_type"_s << u"redirects"_s << u"error"_s << u"parent_id"_s << u"depth"_s;
        for (int i = 0; i < MarkCount; ++i)
            columns << markColumn(Mark(i));
        return columns;
    }();
    return columns;
}

// Added with crawl mode, after the others so that scripts reading columns by position still work; files from
// before it lack them.
const QStringList &optionalColumns()
{
    static const QStringList columns {u"role"_s, u"attempt"_s, u"parent_url"_s};
    return columns;
}

const QStringList &allColumns()
{
    static const QStringList columns = requiredColumns() + optionalColumns();
    return columns;
}

// Integer arithmetic both ways: a double would not hold every nanosecond of a long run.
QString msText(qint64 ns)
{
    if (ns == RequestRecord::NotReached)
        return {};
    const quint64 magnitude = ns < 0 ? 0 - quint64(ns) : quint64(ns);
    return (ns < 0 ? u"-"_s : QString()) + QString::number(magnitude / NsPerMs) + u'.'
        + QString::number(magnitude % NsPerMs).rightJustified(6, u'0');
}

bool isDigits(QStringView text)
{
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

std::optional<qint64> nsFromMs(QStringView text)
{
    const qsizetype dot = text.indexOf(u'.');
    const QStringView whole = dot < 0 ? text : text.left(dot);
    const QStringView fraction = dot < 0 ? QStringView() : text.mid(dot + 1);
    if (whole.isEmpty() || !isDigits(whole) || fraction.size() > 6 || !isDigits(fraction))
        return std::nullopt;
    bool ok = false;
    const qint64 ms = whole.toLongLong(&ok);
    const qint64 ns = fraction.isEmpty() ? 0 : fraction.toString().leftJustified(6, u'0').toLongLong();
    if (!ok || ms > (Int64Max - ns) / NsPerMs)
        return std::nullopt;
    return ms * NsPerMs + ns;
}

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

void appendRow(QString &out, const QStringList &fields)
{
    bool first = true;
    for (const auto &field : fields) {
        if (!first)
            out += u',';
        first = false;
        if (field.contains(u',') || field.contains(u'"') || field.contains(u'\n') || field.contains(u'\r'))
            out += u'"' + QString(field).replace(u"\""_s, u"\"\""_s) + u'"';
        else
            out += field;
    }
    out += u"\r\n";
}

QStringList recordRow(const RunResult &run, const RequestRecord &record, const QHash<int, QUrl> &urlById)
{
    const RunSettings &settings = run.settings;
    QStringList row {QString::number(run.runId),
                     runModeName(settings.mode),
                     QString::number(settings.limit),
                     QString::number(settings.delayMs),
                     QString::number(settings.perHost),
                     timeText(run.startedAt),
                     QString::number(record.id),
                     record.url.toString(QUrl::FullyEncoded),
                     record.finalUrl.toString(QUrl::FullyEncoded),
                     outcomeName(record.outcome),
                     QString::number(record.status),
                     QString::number(record.bytes),
                     record.contentType,
                     QString::number(record.redirects),
                     record.error,
                     QString::number(record.parentId),
                     QString::number(record.depth)};
    for (auto ns : record.marks)
        row << msText(ns);
    // The parent's URL only says in words what parent_id says; reading trusts parent_id.
    row << requestRoleName(record.role) << QString::number(record.attempt)
        << urlById.value(record.parentId).toString(QUrl::FullyEncoded);
    return row;
}

struct CsvRow
{
    int line = 0; // where the row starts; quoted fields may span lines
    QStringList fields;
};

// RFC 4180, also accepting bare LF line ends. Blank lines are skipped.
std::optional<QList<CsvRow>> splitRows(QStringView text, QString *error)
{
    const qsizetype size = text.size();
    const auto lineEndLength = [&](qsizetype at) {
        if (text[at] == u'\n')
            return 1;
        return text[at] == u'\r' && at + 1 < size && text[at + 1] == u'\n' ? 2 : 0;
    };
    QList<CsvRow> rows;
    int line = 1;
    CsvRow row {line, {}};
    QString field;
    const auto fail = [&](int atLine, const QString &message) {
        const qsizetype column = row.fields.size() + 1;
        if (error)
            *error = CsvFormat::tr("line %1, column %2: %3").arg(atLine).arg(column).arg(message);
        return std::nullopt;
    };
    qsizetype i = 0;
    while (true) {
        if (i < size && text[i] == u'"') {
            const int startLine = line;
            for (++i;; ++i) {
                if (i >= size)
                    return fail(startLine, CsvFormat::tr("the quoted field starting here never ends"));
                if (text[i] == u'"') {
                    ++i;
                    if (i >= size || text[i] != u'"')
                        break; // a closing quote; a doubled one stands for itself
                }
                if (text[i] == u'\n')
                    ++line;
                field += text[i];
            }
            if (i < size && text[i] != u',' && lineEndLength(i) == 0)
                return fail(line, CsvFormat::tr("a closing quote must be followed by a comma or a line end"));
        } else {
            for (; i < size && text[i] != u',' && lineEndLength(i) == 0; ++i) {
                if (text[i] == u'"')
                    return fail(line, CsvFormat::tr("a quote inside an unquoted field"));
                field += text[i];
            }
        }
        row.fields.append(std::exchange(field, QString()));
        if (i < size && text[i] == u',') {
            ++i;
            continue;
        }
        if (row.fields.size() > 1 || !row.fields.first().isEmpty())
            rows.append(row);
        if (i >= size)
            return rows;
        i += lineEndLength(i);
        row = {++line, {}};
    }
}

// Reads the cells of one row by column name, keeping the first problem (see ObjectReader in jsonformat.cpp).
class RowReader
{
public:
    RowReader(const CsvRow &row, const QHash<QString, qsizetype> &columns, QString *error)
        : m_row(row)
        , m_columns(columns)
        , m_error(error)
    { }

    bool failed() const { return m_failed; }

    void fail(const QString &column, const QString &message)
    {
        if (m_failed)
            return;
        m_failed = true;
        if (m_error)
            *m_error = CsvFormat::tr("line %1, column %2 (%3): %4")
                           .arg(m_row.line)
                           .arg(m_columns.value(column) + 1)
                           .arg(column, message);
    }

    bool has(const QString &column) const { return m_columns.contains(column); }
    QString text(const QString &column) const { return m_row.fields.at(m_columns.value(column)); }

    qint64 integer(const QString &column, qint64 min, qint64 max)
    {
        const QString cell = text(column);
        bool ok = false;
        const qint64 number = cell.toLongLong(&ok);
        if (!ok)
            fail(column, CsvFormat::tr("\"%1\" is not a whole number").arg(cell));
        else if (number < min || number > max)
            fail(column,
                 number < min && max == Int64Max
                     ? CsvFormat::tr("%1 is out of range, expected %2 or more").arg(number).arg(min)
                     : CsvFormat::tr("%1 is out of range, expected %2 to %3").arg(number).arg(min).arg(max));
        return m_failed ? min : number;
    }

    int integer32(const QString &column, int min, int max = IntMax) { return int(integer(column, min, max)); }

    qint64 mark(const QString &column)
    {
        const QString cell = text(column);
        if (cell.isEmpty())
            return RequestRecord::NotReached;
        const auto ns = nsFromMs(cell);
        if (!ns)
            fail(column, CsvFormat::tr("\"%1\" is not a time in milliseconds such as 12.345678").arg(cell));
        return ns.value_or(RequestRecord::NotReached);
    }

    QUrl url(const QString &column)
    {
        const QString cell = text(column);
        if (cell.isEmpty())
            return {};
        QUrl url(cell, QUrl::TolerantMode);
        if (!url.isValid())
            fail(column, CsvFormat::tr("not a valid URL: %1").arg(url.errorString()));
        return url;
    }

    QDateTime time(const QString &column)
    {
        const QString cell = text(column);
        if (cell.isEmpty())
            return {};
        QDateTime time = QDateTime::fromString(cell, Qt::ISODateWithMs);
        if (!time.isValid())
            fail(column,
                 CsvFormat::tr("\"%1\" is not an ISO 8601 time such as 2024-05-01T12:00:00.000Z").arg(cell));
        return time;
    }

    template<typename Enum, std::size_t Count>
    Enum choice(const QString &column, const std::array<Enum, Count> &values, QString (*name)(Enum))
    {
        const QString cell = text(column);
        QStringList names;
        for (auto value : values) {
            if (name(value) == cell)
                return value;
            names.append(name(value));
        }
        fail(column, CsvFormat::tr("\"%1\" is not one of %2").arg(cell, names.join(u", ")));
        return values.front();
    }

private:
    const CsvRow &m_row;
    const QHash<QString, qsizetype> &m_columns;
    QString *m_error;
    bool m_failed = false;
};

std::optional<RunResult> runFromRow(RowReader &reader)
{
    RunResult run;
    run.runId = reader.integer32(u"run_id"_s, 0);
    run.settings.mode = reader.choice(u"mode"_s, Modes, runModeName);
    run.settings.limit = reader.integer32(u"limit"_s, 0);
    run.settings.delayMs = reader.integer32(u"delay_ms"_s, 0);
    run.settings.perHost = reader.integer32(u"per_host"_s, 0);
    run.startedAt = reader.time(u"started_at"_s);
    if (reader.failed())
        return std::nullopt;
    return run;
}

std::optional<RequestRecord> recordFromRow(RowReader &reader, RunMode mode)
{
    RequestRecord record;
    record.mode = mode;
    record.id = reader.integer32(u"id"_s, 0);
    record.url = reader.url(u"url"_s);
    record.finalUrl = reader.url(u"final_url"_s);
    record.outcome = reader.choice(u"outcome"_s, Outcomes, outcomeName);
    record.status = reader.integer32(u"status"_s, 0, 999);
    record.bytes = reader.integer(u"bytes"_s, 0, Int64Max);
    record.contentType = reader.text(u"content_type"_s);
    record.redirects = reader.integer32(u"redirects"_s, 0);
    record.error = reader.text(u"error"_s);
    record.parentId = reader.integer32(u"parent_id"_s, -1);
    record.depth = reader.integer32(u"depth"_s, 0);
    for (int i = 0; i < MarkCount; ++i)
        record.marks[std::size_t(i)] = reader.mark(markColumn(Mark(i)));
    if (reader.has(u"role"_s))
        record.role = reader.choice(u"role"_s, Roles, requestRoleName);
    if (reader.has(u"attempt"_s))
        record.attempt = reader.integer32(u"attempt"_s, 1);
    if (reader.has(u"parent_url"_s))
        reader.url(u"parent_url"_s); // only checked: parent_id is what counts
    if (reader.failed())
        return std::nullopt;
    return record;
}

} // namespace

QByteArray toCsv(const QList<RunResult> &runs)
{
    QString out;
    appendRow(out, allColumns());
    for (const auto &run : runs) {
        QHash<int, QUrl> urlById;
        for (const auto &record : run.records)
            urlById.insert(record.id, record.url);
        for (const auto &record : run.records)
            appendRow(out, recordRow(run, record, urlById));
    }
    return out.toUtf8();
}

std::optional<QList<RunResult>> runsFromCsv(const QByteArray &data, QString *error)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder(data);
    if (decoder.hasError()) {
        if (error)
            *error = CsvFormat::tr("not UTF-8 text");
        return std::nullopt;
    }
    if (text.startsWith(QChar::ByteOrderMark))
        text.remove(0, 1);
    const auto rows = splitRows(text, error);
    if (!rows)
        return std::nullopt;
    if (rows->isEmpty()) {
        if (error)
            *error = CsvFormat::tr("line 1: no header row");
        return std::nullopt;
    }

    const CsvRow &header = rows->first();
    QHash<QString, qsizetype> columns;
    for (qsizetype i = 0; i < header.fields.size(); ++i) {
        if (columns.contains(header.fields.at(i))) {
            if (error)
                *error = CsvFormat::tr("line %1, column %2: \"%3\" appears twice")
                             .arg(header.line)
                             .arg(i + 1)
                             .arg(header.fields.at(i));
            return std::nullopt;
        }
        columns.insert(header.fields.at(i), i);
    }
    for (const auto &column : requiredColumns()) {
        if (!columns.contains(column)) {
            if (error)
                *error = CsvFormat::tr("line %1: no \"%2\" column").arg(header.line).arg(column);
            return std::nullopt;
        }
    }

    QList<RunResult> runs;
    QStringList runCells; // the run columns of the current run's first row
    int runLine = 0;
    for (qsizetype r = 1; r < rows->size(); ++r) {
        const CsvRow &row = rows->at(r);
        if (row.fields.size() != header.fields.size()) {
            if (error)
                *error = CsvFormat::tr("line %1: %2 fields, expected %3 as in the header")
                             .arg(row.line)
                             .arg(row.fields.size())
                             .arg(header.fields.size());
            return std::nullopt;
        }
        RowReader reader(row, columns, error);
        QStringList cells;
        for (const auto &column : runColumns())
            cells.append(reader.text(column));
        // A run goes on while run_id stays the same, and its rows must agree on the other run columns.
        if (runs.isEmpty() || cells.first() != runCells.first()) {
            auto run = runFromRow(reader);
            if (!run)
                return std::nullopt;
            runs.append(*run);
            runCells = cells;
            runLine = row.line;
        }
        for (qsizetype c = 1; c < cells.size(); ++c) {
            if (cells.at(c) != runCells.at(c)) {
                reader.fail(runColumns().at(c),
                            CsvFormat::tr("\"%1\" differs from \"%2\" on line %3, where run %4 starts")
                                .arg(cells.at(c), runCells.at(c))
                                .arg(runLine)
                                .arg(runCells.first()));
                return std::nullopt;
            }
        }
        auto record = recordFromRow(reader, runs.last().settings.mode);
        if (!record)
            return std::nullopt;
        runs.last().records.append(*record);
    }
    return runs;
}
