#pragma once

#include "journalentry.h"

#include <QList>
#include <QString>

#include <optional>

/// Finds and reads the journals that JournalWriter leaves behind. A journal whose writer still runs is locked
/// and left alone; the others are runs that were never saved, usually because their process was killed.
/// Every run read back is marked recovered; a run that had not ended is cancelled at its last moment on
/// record, and its unfinished requests are cancelled with a reason.
class JournalReader
{
public:
    /// Where journals live: $XDG_STATE_HOME/crawlscope, or ~/.local/state/crawlscope without it.
    static QString directory();
    /// The journals in directory that no running process writes, oldest first. Unreadable ones are skipped
    /// with their error in errors.
    static QList<JournalEntry> orphans(const QString &directory, QStringList *errors = nullptr);
    /// Whether a running JournalWriter holds the file.
    static bool isLive(const QString &path);
    /// Reads one journal; a last line cut short is dropped, any other bad line is an error naming it.
    static std::optional<JournalEntry> read(const QString &path, QString *error);
    static QString fileSuffix() { return QStringLiteral(".journal.jsonl"); }
};
