#pragma once

#include "core/runresult.h"
#include "progress.h"

#include <QByteArray>
#include <QIODevice>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

/// Crawlscope's own run file: {"format":"crawlscope-run","version":1,"creator":{…},"runs":[…]}. It is
/// lossless, so opening a saved file shows exactly what was recorded. Reading checks every field and
/// explains the first problem with where it is ("run 0, record 3: …"); it never trusts the input. A crawl
/// adds its settings ("crawl", written whenever they differ from the defaults), "skipped" and "hosts" to the
/// run, and each record names its parent's URL as "parent_url" beside "parent_id"; files from before crawl
/// mode lack these and read as plain runs.
/// With a Progress, each record is one step; a cancelled write returns nothing, a cancelled read says so.
QByteArray toJson(const QList<RunResult> &runs);
QByteArray toJson(const QList<RunResult> &runs, Progress &progress);
/// The same file written to out as it goes, a record at a time, so a large run never needs it whole in
/// memory. False when a write failed or the progress was cancelled.
bool writeJson(const QList<RunResult> &runs, QIODevice &out, Progress &progress);
std::optional<QList<RunResult>> runsFromJson(const QByteArray &data, QString *error);
std::optional<QList<RunResult>> runsFromJson(const QByteArray &data, QString *error, Progress &progress);

/// The numbers a run is judged by, as the CLI's --json prints them. "limit" is the gate's size (0 = no gate)
/// and the times are milliseconds rounded to the microsecond.
QJsonObject summaryToJson(const RunResult &run);
/// A run's "concurrency_cap", in the run and in its summary; only capped runs carry one.
QJsonObject concurrencyCapToJson(const ConcurrencyCap &cap);
