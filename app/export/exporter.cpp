#include "exporter.h"

#include "atomicfile.h"
#include "csvformat.h"
#include "harformat.h"
#include "jsonformat.h"
#include "traceformat.h"

#include <QCoreApplication>
#include <QDir>
#include <QHash>

using namespace Qt::StringLiterals;

namespace {

class Exporter
{
    Q_DECLARE_TR_FUNCTIONS(Exporter)
};

struct Format
{
    QLatin1StringView extension;
    QByteArray (*write)(const QList<RunResult> &runs, Progress &progress);
    std::optional<QList<RunResult>> (*read)(const QByteArray &data, QString *error,
                                            Progress &progress); // null: export only
    // Writes to the file as it goes, in bounded memory; null: the file is made whole first, with write.
    bool (*stream)(const QList<RunResult> &runs, QIODevice &out, Progress &progress) = nullptr;
};

// In the order file dialogs and messages list them: our own lossless file first.
constexpr Format Formats[] = {
    {".json"_L1, toJson, runsFromJson, writeJson},
    {".csv"_L1, toCsv, runsFromCsv,
     [](const QList<RunResult> &runs, QIODevice &out, Progress &progress) {
         return writeCsv(runs, out, progress);
     }},
    {".har"_L1, toHar, runsFromHar,
     [](const QList<RunResult> &runs, QIODevice &out, Progress &progress) {
         return writeHar(runs, out, progress);
     }},
    {".trace.json"_L1, toTrace, nullptr},
};

// The longest extension that matches wins, so "runs.trace.json" is a trace and not our JSON.
std::optional<Format> formatFor(const QString &path)
{
    std::optional<Format> found;
    for (const auto &format : Formats) {
        if (path.endsWith(format.extension, Qt::CaseInsensitive)
            && (!found || format.extension.size() > found->extension.size()))
            found = format;
    }
    return found;
}

// Each kind of warning is said this many times per run at most, then counted: a file that reuses every id
// gets a readable report, not one line per record.
constexpr int WarningsShown = 10;

// Files from other tools, or edited by hand, may reuse a record id or name a parent no record has. Both are
// taken (the first record with an id keeps it, a lost parent becomes none) and said, never silently.
void checkRecordIds(const RunResult &run, qsizetype runIndex, Progress &progress)
{
    QHash<int, qsizetype> firstWithId;
    firstWithId.reserve(run.records.size());
    qsizetype duplicates = 0;
    for (qsizetype i = 0; i < run.records.size(); ++i) {
        const int id = run.records.at(i).id;
        const auto first = firstWithId.constFind(id);
        if (first == firstWithId.cend()) {
            firstWithId.insert(id, i);
        } else if (++duplicates <= WarningsShown) {
            progress.warn(Exporter::tr("run %1, record %2: id %3 is also record %4's; that one keeps it")
                              .arg(runIndex)
                              .arg(i)
                              .arg(id)
                              .arg(*first));
        }
    }
    qsizetype orphans = 0;
    for (qsizetype i = 0; i < run.records.size(); ++i) {
        const int parentId = run.records.at(i).parentId;
        if (parentId >= 0 && !firstWithId.contains(parentId) && ++orphans <= WarningsShown) {
            progress.warn(Exporter::tr("run %1, record %2: parent_id %3 points at no record; read as none")
                              .arg(runIndex)
                              .arg(i)
                              .arg(parentId));
        }
    }
    if (duplicates > WarningsShown)
        progress.warn(Exporter::tr("run %1: %2 more records reuse an id")
                          .arg(runIndex)
                          .arg(duplicates - WarningsShown));
    if (orphans > WarningsShown)
        progress.warn(Exporter::tr("run %1: %2 more records have a parent_id that points at no record")
                          .arg(runIndex)
                          .arg(orphans - WarningsShown));
}

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

} // namespace

QStringList exportExtensions()
{
    QStringList extensions;
    for (const auto &format : Formats)
        extensions.append(format.extension);
    return extensions;
}

QStringList importExtensions()
{
    QStringList extensions;
    for (const auto &format : Formats) {
        if (format.read)
            extensions.append(format.extension);
    }
    return extensions;
}

bool canExport(const QString &path, QString *error)
{
    if (!formatFor(path)) {
        setError(error,
                 Exporter::tr("Cannot export to \"%1\": unknown file type (use %2)")
                     .arg(QDir::toNativeSeparators(path), exportExtensions().join(u", ")));
        return false;
    }
    return folderExistsFor(path, error);
}

bool exportRuns(const QList<RunResult> &runs, const QString &path, QString *error)
{
    Progress progress;
    return exportRuns(runs, path, error, progress);
}

bool exportRuns(const QList<RunResult> &runs, const QString &path, QString *error, Progress &progress)
{
    if (!canExport(path, error))
        return false;
    const Format format = *formatFor(path);
    if (format.stream) {
        const bool written = writeFileAtomically(
            path, [&](QIODevice &file) { return format.stream(runs, file, progress); }, error, &progress);
        if (progress.isCancelled()) {
            setError(error, Exporter::tr("Export to \"%1\" cancelled").arg(QDir::toNativeSeparators(path)));
            return false;
        }
        if (written)
            progress.finish();
        return written;
    }
    const QByteArray data = format.write(runs, progress);
    if (progress.isCancelled()) {
        setError(error, Exporter::tr("Export to \"%1\" cancelled").arg(QDir::toNativeSeparators(path)));
        return false;
    }
    if (!writeFileAtomically(path, data, error, &progress))
        return false;
    progress.finish();
    return true;
}

std::optional<QList<RunResult>> importRuns(const QString &path, QString *error)
{
    Progress progress;
    return importRuns(path, error, progress);
}

std::optional<QList<RunResult>> importRuns(const QString &path, QString *error, Progress &progress)
{
    const auto format = formatFor(path);
    if (!format || !format->read) {
        setError(error,
                 (format ? Exporter::tr("Cannot open \"%1\": this file type is export only (use %2)")
                         : Exporter::tr("Cannot open \"%1\": unknown file type (use %2)"))
                     .arg(QDir::toNativeSeparators(path), importExtensions().join(u", ")));
        return std::nullopt;
    }
    const auto data = readWholeFile(path, error);
    if (!data)
        return std::nullopt;
    QString formatError;
    auto runs = format->read(*data, &formatError, progress);
    if (!runs) {
        setError(error,
                 Exporter::tr("Cannot open \"%1\": %2").arg(QDir::toNativeSeparators(path), formatError));
        return runs;
    }
    for (qsizetype i = 0; i < runs->size(); ++i) {
        checkRecordIds(runs->at(i), i, progress);
        renumberRecords((*runs)[i]);
    }
    progress.finish();
    return runs;
}
