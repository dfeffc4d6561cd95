#pragma once

#include "core/runresult.h"
#include "progress.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

/// Saving and opening runs by file name: the extension picks the format (".json", ".csv", ".har", and
/// ".trace.json", which is export only). Each format is one row of a table in exporter.cpp, so new formats
/// are added there. Errors name the file and are ready to show to the user. Pictures (.png, .jpg, .svg, .pdf)
/// are the widgets library's (ui/pictureexport.h); the engine never depends on them.
bool exportRuns(const QList<RunResult> &runs, const QString &path, QString *error);
/// The same, one step per record; a cancelled export writes nothing and says so.
bool exportRuns(const QList<RunResult> &runs, const QString &path, QString *error, Progress &progress);
/// Checks up front, before a long run, that exportRuns() could write there: a known extension in an
/// existing folder.
bool canExport(const QString &path, QString *error);
/// Reused record ids and a parent_id that points at no record are read (see renumberRecords()) and said in
/// the progress' warnings, as are the formats' own (HAR's negative timings).
std::optional<QList<RunResult>> importRuns(const QString &path, QString *error);
std::optional<QList<RunResult>> importRuns(const QString &path, QString *error, Progress &progress);

/// The extensions with their leading dot, for file dialogs and help texts.
QStringList exportExtensions();
QStringList importExtensions();
