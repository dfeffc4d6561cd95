#pragma once

#include "core/runresult.h"

#include <QList>
#include <QString>
#include <QStringList>

/// What `run` and `capture` print and write at the end: the summary table, the concurrency caps, and the
/// exports by extension (pictures through the widgets library, data through the engine's formats).
namespace RunReport {

void printTable(const QList<RunResult> &runs);
/// A run held below the concurrency it asked for says so beside the summary, on stderr like the progress.
void reportCaps(const QList<RunResult> &runs);
QStringList exportTypes();
bool canWriteExport(const QString &path, QString *error);
bool writeExport(const QList<RunResult> &results, const QString &path, double pictureScale, QString *error);
/// command names the subcommand in error messages ("run", "capture").
int writeExports(const QList<RunResult> &results, const QStringList &exports, double pictureScale,
                 const QString &command = QStringLiteral("run"));

} // namespace RunReport
