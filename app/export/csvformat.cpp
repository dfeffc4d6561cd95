#include "csvformat.h"

#include "exportstream.h"
#include "recordschema.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QHash>
#include <QStringDecoder>
#include <QStringList>

#include <algorithm>
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
using Format = RecordField::Format;

// The columns that describe the run rather than the request; rows of one run must agree on them. The run's
// end came last, after the crawl columns; files from before it take it from the records.
const QStringList RunColumns {u"run_id"_s,   u"mode"_s,     u"limit"_s,
                              u"delay_ms"_s, u"per_host"_s, u"started_at"_s};
const QString RunEndColumn = u"run_end_ms"_s;

// In the table's order, which has the fields that came later last, as the columns are, so that scripts
// reading columns by position keep working.
const QList<RecordField> &csvFields()
{
    static const QList<RecordField> fields = [] {
        QList<RecordField> fields;
        for (const RecordField &field : recordFields()) {
            if (field.in(Format::Csv))
                fields.append(field);
        }
        return fields;
    }();
    return fields;
}

// Those every file has, and with later, those that came with crawl mode and the run's end too.
QStringList headerColumns(bool later)
{
    QStringList columns = RunColumns;
    for (const RecordField &field : csvFields()) {
        if (later || !field.sinceCrawlMode)
            columns.append(field.csvColumn);
    }
    if (later)
        columns.append(RunEndColumn);
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

QString cellText(const RecordField &field, const FieldValue &value)
{
    if (const auto *number = std::get_if<qint64>(&value)) {
        if (field.type == RecordField::Type::Mark)
            return msText(*number);
        return field.type == RecordField::Type::Choice ? field.choiceName(*number) : QString::number(*number);
    }
    if (const auto *text = std::get_if<QString>(&value))
        return *text;
    if (const auto *url = std::get_if<StoredUrl>(&value))
        return url->toString(QUrl::FullyEncoded);
    return {};
}

QStringList recordRow(const RunResult &run, const RequestRecord &record, const UrlById &urlById)
{
    const RunSettings &settings = run.settings;
    QStringList row {QString::number(run.runId),        runModeName(settings.mode),
                     QString::number(settings.limit),   QString::number(settings.delayMs),
                     QString::number(settings.perHost), timeText(run.startedAt)};
    for (const RecordField &field : csvFields())
        row << cellText(field, field.get(record, urlById));
    row << msText(run.endNs);
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

    // Empty when not reached, if it may be.
    qint64 nsFromCell(const QString &column, bool mayBeEmpty)
    {
        const QString cell = text(column);
        if (cell.isEmpty() && mayBeEmpty)
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

    qsizetype choice(const QString &column, const QStringList &names)
    {
        const QString cell = text(column);
        const qsizetype index = names.indexOf(cell);
        if (index < 0)
            fail(column, CsvFormat::tr("\"%1\" is not one of %2").arg(cell, names.join(u", ")));
        return std::max<qsizetype>(index, 0);
    }

    FieldValue field(const RecordField &field)
    {
        const QString &column = field.csvColumn;
        switch (field.type) {
        case RecordField::Type::Int:
            return integer(column, field.min, field.max);
        case RecordField::Type::Text:
            return text(column);
        case RecordField::Type::Url:
        case RecordField::Type::ParentUrl:
            return url(column);
        case RecordField::Type::Choice:
            return field.choiceValues.at(choice(column, field.choiceNames));
        case RecordField::Type::Mark:
            if (const qint64 ns = nsFromCell(column, true); ns != RequestRecord::NotReached)
                return ns;
            return {};
        }
        Q_UNREACHABLE();
    }

private:
    const CsvRow &m_row;
    const QHash<QString, qsizetype> &m_columns;
    QString *m_error;
    bool m_failed = false;
};

std::optional<RunResult> runFromRow(RowReader &reader)
{
    QStringList modeNames;
    for (RunMode mode : RunModes)
        modeNames.append(runModeName(mode));
    RunResult run;
    run.runId = reader.integer32(u"run_id"_s, 0);
    run.settings.mode = RunModes[std::size_t(reader.choice(u"mode"_s, modeNames))];
    run.settings.limit = reader.integer32(u"limit"_s, 0);
    run.settings.delayMs = reader.integer32(u"delay_ms"_s, 0);
    run.settings.perHost = reader.integer32(u"per_host"_s, 0);
    run.startedAt = reader.time(u"started_at"_s);
    if (reader.has(RunEndColumn))
        run.endNs = reader.nsFromCell(RunEndColumn, false);
    if (reader.failed())
        return std::nullopt;
    return run;
}

std::optional<RequestRecord> recordFromRow(RowReader &reader, RunMode mode)
{
    RequestRecord record;
    record.mode = mode;
    for (const RecordField &field : csvFields()) {
        // The header check let only the later columns be missing.
        const std::optional<FieldValue> value
            = reader.has(field.csvColumn) ? reader.field(field) : field.absent;
        if (value && field.set)
            field.set(record, *value);
    }
    if (reader.failed())
        return std::nullopt;
    return record;
}

} // namespace

QByteArray toCsv(const QList<RunResult> &runs)
{
    Progress progress;
    return toCsv(runs, progress);
}

QByteArray toCsv(const QList<RunResult> &runs, Progress &progress)
{
    QByteArray data;
    QBuffer buffer(&data);
    buffer.open(QIODevice::WriteOnly);
    if (!writeCsv(runs, buffer, progress))
        return {};
    return data;
}

bool writeCsv(const QList<RunResult> &runs, QIODevice &out, Progress &progress, qsizetype *highWater)
{
    // A row at a time: UTF-8 of the rows one by one is the UTF-8 of the whole text, as it was when the file
    // was made whole first.
    progress.setTotal(recordCount(runs));
    ExportStream stream(out);
    const auto writeRow = [&](const QStringList &fields) {
        QString row;
        appendRow(row, fields);
        return stream.write(row.toUtf8());
    };
    bool ok = writeRow(headerColumns(true));
    for (qsizetype i = 0; ok && i < runs.size(); ++i) {
        const RunResult &run = runs.at(i);
        const UrlById urlById = urlsById(run);
        for (qsizetype j = 0; ok && j < run.records.size(); ++j) {
            ok = writeRow(recordRow(run, run.records.at(j), urlById));
            if (!progress.step())
                return false;
        }
    }
    ok = stream.flush() && ok;
    if (highWater)
        *highWater = stream.highWater();
    return ok;
}

std::optional<QList<RunResult>> runsFromCsv(const QByteArray &data, QString *error)
{
    Progress progress;
    return runsFromCsv(data, error, progress);
}

std::optional<QList<RunResult>> runsFromCsv(const QByteArray &data, QString *error, Progress &progress)
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
    for (const auto &column : headerColumns(false)) {
        if (!columns.contains(column)) {
            if (error)
                *error = CsvFormat::tr("line %1: no \"%2\" column").arg(header.line).arg(column);
            return std::nullopt;
        }
    }

    const bool hasEnd = columns.contains(RunEndColumn);
    const QStringList runColumns = hasEnd ? RunColumns + QStringList {RunEndColumn} : RunColumns;

    progress.setTotal(rows->size() - 1);
    QList<RunResult> runs;
    QStringList runCells; // the run columns of the current run's first row
    int runLine = 0;
    for (qsizetype r = 1; r < rows->size(); ++r) {
        if (!progress.step()) {
            if (error)
                *error = Progress::cancelledText();
            return std::nullopt;
        }
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
        for (const auto &column : runColumns)
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
                reader.fail(runColumns.at(c),
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
    if (!hasEnd) {
        for (RunResult &run : runs)
            run.endNs = lastReleaseNs(run.records);
    }
    return runs;
}
