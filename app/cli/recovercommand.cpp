#include "cli.h"

#include "journal/journalreader.h"
#include "runreport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace RunReport;

namespace {

constexpr auto Command = "crawlscope recover";

int usageError(const QString &message)
{
    err() << Command << ": " << message << Qt::endl;
    err() << CliText::tr("Try 'crawlscope recover --help'.") << Qt::endl;
    return Cli::BadUsage;
}

qsizetype recordsIn(const JournalEntry &entry)
{
    qsizetype records = 0;
    for (const RunResult &run : entry.runs)
        records += run.records.size();
    return records;
}

void printList(const QList<JournalEntry> &entries, bool json)
{
    if (json) {
        QJsonArray array;
        for (const JournalEntry &entry : entries) {
            QJsonArray modes;
            for (const RunResult &run : entry.runs)
                modes.append(runModeName(run.settings.mode));
            array.append(QJsonObject {
                {QStringLiteral("path"), entry.path},
                {QStringLiteral("created_at"), entry.createdAt.toString(Qt::ISODateWithMs)},
                {QStringLiteral("pid"), entry.pid},
                {QStringLiteral("ended"), entry.ended},
                {QStringLiteral("runs"), modes},
                {QStringLiteral("records"), recordsIn(entry)},
            });
        }
        out()
            << QJsonDocument(QJsonObject {{QStringLiteral("journals"), array}}).toJson(QJsonDocument::Compact)
            << '\n';
        out().flush();
        return;
    }
    if (entries.isEmpty())
        out() << CliText::tr("No journaled runs to recover.\n");
    for (const JournalEntry &entry : entries) {
        out() << QCoreApplication::translate("Cli", "%1  %n run(s), %2 requests, %3\n  %4\n", nullptr,
                                             int(entry.runs.size()))
                     .arg(entry.createdAt.toLocalTime().toString(Qt::ISODate))
                     .arg(recordsIn(entry))
                     .arg(entry.ended ? CliText::tr("ended but never saved") : CliText::tr("interrupted"))
                     .arg(QDir::toNativeSeparators(entry.path));
    }
    out().flush();
}

} // namespace

namespace Cli {

int recover(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CliText::tr(
            "Recover the runs that Crawlscope journaled and never saved, because its process was killed or "
            "crashed: summarize them and export them like 'run'. Their journals go once every export is "
            "written. Journals live in %1.")
            .arg(QDir::toNativeSeparators(JournalReader::directory())));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("JOURNAL"),
        CliText::tr("Journal files to read. Default: every journal no running Crawlscope "
                    "writes."),
        QStringLiteral("[JOURNAL ...]"));
    parser.addOptions({
        {QStringLiteral("list"), CliText::tr("Only list the journals, with their runs and requests.")},
        {QStringLiteral("json"),
         CliText::tr("Print the summary (or the list) as one JSON object on stdout.")},
        {QStringLiteral("discard"), CliText::tr("Delete the journals instead of recovering them.")},
        {{QStringLiteral("o"), QStringLiteral("export")},
         CliText::tr("Write the recovered runs to FILE, format by extension (%1). Repeatable.")
             .arg(exportTypes().join(QLatin1String(", "))),
         QStringLiteral("FILE")},
    });
    QStringList argv = arguments;
    argv.prepend(QString::fromLatin1(Command));
    if (!parser.parse(argv))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << Cli::helpText(parser, QStringLiteral("recover"));
        return Success;
    }
    const QStringList exports = parser.values(QStringLiteral("export"));
    QString error;
    for (const QString &path : exports) {
        if (!canWriteExport(path, &error))
            return usageError(error);
    }

    QList<JournalEntry> entries;
    int status = Success;
    if (parser.positionalArguments().isEmpty()) {
        QStringList errors;
        entries = JournalReader::orphans(JournalReader::directory(), &errors);
        for (const QString &message : std::as_const(errors)) {
            err() << Command << ": " << message << Qt::endl;
            status = InternalFailure;
        }
    } else {
        for (const QString &path : parser.positionalArguments()) {
            if (JournalReader::isLive(path)) {
                err() << Command << ": "
                      << CliText::tr("\"%1\" is the journal of a run that is still going")
                             .arg(QDir::toNativeSeparators(path))
                      << Qt::endl;
                return BadUsage;
            }
            auto entry = JournalReader::read(path, &error);
            if (!entry) {
                err() << Command << ": " << error << Qt::endl;
                return BadUsage;
            }
            entries.append(*entry);
        }
    }

    if (parser.isSet(QStringLiteral("discard"))) {
        for (const JournalEntry &entry : std::as_const(entries)) {
            if (!QFile::remove(entry.path)) {
                err() << Command << ": "
                      << CliText::tr("cannot delete \"%1\"").arg(QDir::toNativeSeparators(entry.path))
                      << Qt::endl;
                status = InternalFailure;
            }
        }
        return status;
    }
    if (parser.isSet(QStringLiteral("list"))) {
        printList(entries, parser.isSet(QStringLiteral("json")));
        return status;
    }

    QList<RunResult> runs;
    for (const JournalEntry &entry : std::as_const(entries))
        runs += entry.runs;
    if (parser.isSet(QStringLiteral("json")))
        printJson(runs);
    else
        printTable(runs);
    reportCaps(runs);
    if (exports.isEmpty())
        return status;
    const int exported = writeExports(runs, exports, 2.0, QString::fromLatin1(Command));
    // Saved now: the journals are not needed any more.
    if (exported == Success) {
        for (const JournalEntry &entry : std::as_const(entries))
            QFile::remove(entry.path);
    }
    return exported == Success ? status : exported;
}

} // namespace Cli
