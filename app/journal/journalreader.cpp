#include "journalreader.h"

#include "export/jsonreader.h"
#include "export/runjson.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <sys/file.h>

using namespace Qt::StringLiterals;

namespace {

class Journal
{
    Q_DECLARE_TR_FUNCTIONS(Journal)
};

// A run the journal holds no end for stopped when its process did: at its last moment on record. Requests
// still going then are cancelled, and say why.
void closeInterrupted(RunResult &run)
{
    qint64 last = 0;
    for (RequestRecord &record : run.records) {
        for (const qint64 mark : record.marks)
            last = std::max(last, mark);
    }
    for (RequestRecord &record : run.records) {
        if (record.isDone())
            continue;
        record.outcome = Outcome::Cancelled;
        record.error = Journal::tr("interrupted: Crawlscope ended before this request finished");
    }
    run.endNs = last;
    run.cancelled = true;
}

} // namespace

QString JournalReader::directory()
{
    // QStandardPaths has no state location in Qt 6.4; the XDG base directory spec says where it is.
    QString state = qEnvironmentVariable("XDG_STATE_HOME");
    if (state.isEmpty() || QDir::isRelativePath(state))
        state = QDir::homePath() + u"/.local/state"_s;
    return QDir(state).filePath(u"crawlscope"_s);
}

bool JournalReader::isLive(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    // The writer holds an exclusive lock for as long as it lives; the kernel drops it when the process dies,
    // however it dies.
    if (::flock(file.handle(), LOCK_SH | LOCK_NB) != 0)
        return true;
    ::flock(file.handle(), LOCK_UN);
    return false;
}

QList<JournalEntry> JournalReader::orphans(const QString &directory, QStringList *errors)
{
    QList<JournalEntry> entries;
    const QDir dir(directory);
    const QStringList names
        = dir.entryList({u"*"_s + fileSuffix()}, QDir::Files, QDir::Name); // named by creation time
    for (const QString &name : names) {
        const QString path = dir.filePath(name);
        if (isLive(path))
            continue;
        QString error;
        if (auto entry = read(path, &error))
            entries.append(*entry);
        else if (errors)
            errors->append(error);
    }
    return entries;
}

std::optional<JournalEntry> JournalReader::read(const QString &path, QString *error)
{
    const QString shown = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = Journal::tr("Cannot read the journal \"%1\": %2").arg(shown, file.errorString());
        return std::nullopt;
    }
    JournalEntry entry;
    entry.path = path;
    bool started = false; // a run is open
    qsizetype lineNumber = 0;
    const auto fail = [&](const QString &message) {
        *error = Journal::tr("Journal \"%1\", line %2: %3").arg(shown).arg(lineNumber).arg(message);
        return std::nullopt;
    };
    while (!file.atEnd()) {
        const QByteArray text = file.readLine();
        ++lineNumber;
        // The kill may have cut the last line short: it is dropped, as a batch that never was written.
        if (!text.endsWith('\n')) {
            ++entry.droppedLines;
            break;
        }
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
        if (!document.isObject())
            return fail(Journal::tr("not a JSON object (%1)").arg(parseError.errorString()));
        const QJsonObject object = document.object();
        const QString type = object.value(u"t"_s).toString();
        if (lineNumber == 1) {
            if (type != u"journal"_s || object.value(u"format"_s).toString() != u"crawlscope-journal"_s)
                return fail(Journal::tr("not a Crawlscope journal"));
            if (object.value(u"version"_s).toInt() != 1)
                return fail(Journal::tr("unsupported version %1").arg(object.value(u"version"_s).toInt()));
            entry.createdAt
                = QDateTime::fromString(object.value(u"created_at"_s).toString(), Qt::ISODateWithMs);
            entry.pid = object.value(u"pid"_s).toInteger();
            continue;
        }
        const QString where = Journal::tr("line %1").arg(lineNumber);
        QString lineError;
        if (type == u"run"_s) {
            if (started)
                closeInterrupted(entry.runs.last());
            auto run = RunJson::run(object, where, &lineError);
            if (!run)
                return fail(lineError);
            run->recovered = true;
            entry.runs.append(*run);
            started = true;
            entry.ended = false;
            continue;
        }
        if (type == u"done"_s) {
            entry.ended = !started;
            continue;
        }
        if (!started)
            return fail(Journal::tr("\"%1\" outside a run").arg(type));
        RunResult &run = entry.runs.last();
        if (type == u"rec"_s) {
            auto record = RunJson::record(object, where, &lineError);
            if (!record)
                return fail(lineError);
            // The recorder numbers requests from 0 in the order they come, and each is first written then.
            if (record->id == run.records.size())
                run.records.append(*record);
            else if (record->id >= 0 && record->id < run.records.size())
                run.records[record->id] = *record;
            else
                return fail(Journal::tr("request %1 comes before request %2")
                                .arg(record->id)
                                .arg(run.records.size()));
        } else if (type == u"cap"_s) {
            auto change = RunJson::capacityChange(object, where, &lineError);
            if (!change)
                return fail(lineError);
            run.capacityChanges.append(*change);
        } else if (type == u"skip"_s) {
            auto skipped = RunJson::skipped(object, where, &lineError);
            const qint64 index = object.value(u"i"_s).toInteger(-1);
            if (!skipped)
                return fail(lineError);
            if (index == run.skipped.size())
                run.skipped.append(*skipped);
            else if (index >= 0 && index < run.skipped.size())
                run.skipped[index] = *skipped;
            else
                return fail(Journal::tr("skipped URL %1 comes before %2").arg(index).arg(run.skipped.size()));
        } else if (type == u"hosts"_s) {
            QList<CrawlHost> hosts;
            const QJsonArray array = object.value(u"hosts"_s).toArray();
            for (qsizetype i = 0; i < array.size(); ++i) {
                auto host = RunJson::host(array.at(i).toObject(), where, &lineError);
                if (!host)
                    return fail(lineError);
                hosts.append(*host);
            }
            run.hosts = hosts;
        } else if (type == u"end"_s) {
            JsonReader reader(object, where, &lineError, JsonReader::Wording::RunFile);
            run.endNs = reader.integer(u"end_ns"_s, 0, std::numeric_limits<qint64>::max());
            run.cancelled = reader.boolean(u"cancelled"_s);
            if (reader.has(u"concurrency_cap"_s)) {
                run.concurrencyCap.maxInFlight = int(
                    reader.integer(u"concurrency_cap.max_in_flight"_s, 1, std::numeric_limits<int>::max()));
                run.concurrencyCap.reason = reader.string(u"concurrency_cap.reason"_s);
            }
            if (reader.failed())
                return fail(lineError);
            started = false;
        } else {
            return fail(Journal::tr("unknown line type \"%1\"").arg(type));
        }
    }
    if (lineNumber == 0)
        return fail(Journal::tr("empty"));
    if (started)
        closeInterrupted(entry.runs.last());
    return entry;
}
