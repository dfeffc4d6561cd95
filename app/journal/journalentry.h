#pragma once

#include "core/runresult.h"

#include <QDateTime>
#include <QList>
#include <QString>

/// One journal file read back: the runs it holds, each marked recovered, and how far its writer got.
struct JournalEntry
{
    QString path;
    QDateTime createdAt; // UTC, when the writer opened it
    qint64 pid = 0; // the process that wrote it
    bool ended = false; // every run it started ended, and the sequence finished
    QList<RunResult> runs;
    qsizetype droppedLines = 0; // a torn last line, cut short by the kill
};
