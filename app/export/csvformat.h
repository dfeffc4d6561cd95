#pragma once

#include "core/runresult.h"
#include "progress.h"

#include <QByteArray>
#include <QIODevice>
#include <QList>
#include <QString>

#include <optional>

/// One row per request for spreadsheets and pandas: RFC 4180, UTF-8, a header row first, the run's
/// settings repeated on each row and the phase times as milliseconds with exactly 6 decimals (empty when
/// not reached), so nanoseconds survive a round trip. The run's end ("run_end_ms", the wall time) is a run
/// column too, repeated on each row like the settings, and the last column. A run without requests has no
/// rows, and settings without a column (timeouts, user agent, capacity changes) are not kept; use JSON for
/// a lossless file. A crawl's records keep their role, attempt, parent and depth (with the parent's URL in
/// "parent_url", for reading only), but its settings, skipped URLs and hosts are not rows of requests, so
/// only JSON keeps them. The record columns are recordFields()' CSV ones. Reading names the line and column
/// of the first problem, and takes files from before crawl mode, which lack the role, attempt and
/// parent_url columns, and from before run_end_ms, whose runs end when their last request released its
/// permit. With a Progress, each record is one step.
QByteArray toCsv(const QList<RunResult> &runs);
QByteArray toCsv(const QList<RunResult> &runs, Progress &progress);
/// The same file written to out a row at a time through an ExportStream, so a large run never needs it
/// whole in memory; highWater gets the stream's. False when a write failed or the progress was cancelled.
bool writeCsv(const QList<RunResult> &runs, QIODevice &out, Progress &progress,
              qsizetype *highWater = nullptr);
std::optional<QList<RunResult>> runsFromCsv(const QByteArray &data, QString *error);
std::optional<QList<RunResult>> runsFromCsv(const QByteArray &data, QString *error, Progress &progress);
