#pragma once

#include "core/runresult.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

/// One row per request for spreadsheets and pandas: RFC 4180, UTF-8, a header row first, the run's
/// settings repeated on each row and the phase times as milliseconds with exactly 6 decimals (empty when
/// not reached), so nanoseconds survive a round trip. A run without requests has no rows, and settings
/// without a column (timeouts, user agent, capacity changes, the end time) are not kept; use JSON for
/// a lossless file. A crawl's records keep their role, attempt, parent and depth (with the parent's URL in
/// "parent_url", for reading only), but its settings, skipped URLs and hosts are not rows of requests, so
/// only JSON keeps them. Reading names the line and column of the first problem, and takes files from
/// before crawl mode, which lack the role, attempt and parent_url columns.
QByteArray toCsv(const QList<RunResult> &runs);
std::optional<QList<RunResult>> runsFromCsv(const QByteArray &data, QString *error);
