#pragma once

#include "core/runresult.h"
#include "progress.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

/// Saving and opening runs by file name: the extension picks the format (".json", ".csv", ".har", and
/// ".trace.json", which is export only). Each format is one row of a table in exporter.cpp, so new formats
/// are added there. Errors name the file and are ready to show to the user.
bool exportRuns(const QList<RunResult> &runs, const QString &path, QString *error);
/// The same, one step per record; a cancelled export writes nothing and says so.
bool exportRuns(const QList<RunResult> &runs, const QString &path, QString *error, Progress &progress);
/// Whether the format for path is one of the engine's own, which need no widgets and so may be written on any
/// thread (the registered pictures may not).
bool isDataExport(const QString &path);
/// Checks up front, before a long run, that exportRuns() could write there: a known extension in an
/// existing folder.
bool canExport(const QString &path, QString *error);
std::optional<QList<RunResult>> importRuns(const QString &path, QString *error);
std::optional<QList<RunResult>> importRuns(const QString &path, QString *error, Progress &progress);

/// The extensions with their leading dot, for file dialogs and help texts.
QStringList exportExtensions();
QStringList importExtensions();

/// Formats that need more than the engine, such as the widgets library's pictures (.png, .svg, .pdf), join
/// the table at start-up; the engine itself never depends on them.
using RunsWriter = QByteArray (*)(const QList<RunResult> &runs);
void registerExportFormat(QLatin1StringView extension, RunsWriter write);

/// Settings the command line passes on to every export.
struct ExportOptions
{
    double pictureScale = 2.0; // PNG pixels per layout pixel: 2 makes sharp slides
};
ExportOptions &exportOptions();
