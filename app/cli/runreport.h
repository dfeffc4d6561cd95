#pragma once

#include "core/prediction.h"
#include "core/runresult.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

/// What `run` and `recover` print and write about finished runs: the summary table or JSON, the notes on
/// stderr, and the -o exports.
namespace RunReport {

QTextStream &err();
QTextStream &out();

void printTable(const QList<RunResult> &runs);
/// Notes beside the summary, on stderr like the progress: a run held below the concurrency it asked for,
/// and a run recovered from a journal.
void reportCaps(const QList<RunResult> &runs);
/// predictions[i] is what the lesson's rules said runs[i] would take; missing or unknown ones print as null.
void printJson(const QList<RunResult> &runs, const QList<Prediction> &predictions = {});

/// The extensions -o takes: the engine's formats and the pictures.
QStringList exportTypes();
bool canWriteExport(const QString &path, QString *error);
/// Writes every export, saying on stderr what was written and what failed (after "command: "). latency: what
/// the demo server was going to wait, for a sweep chart's predicted curve.
int writeExports(const QList<RunResult> &results, const QStringList &exports, double pictureScale,
                 const QString &command, const Prediction::LatencyOracle &latency = {});

} // namespace RunReport
