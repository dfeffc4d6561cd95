#pragma once

#include "core/runresult.h"
#include "progress.h"

#include <QByteArray>
#include <QIODevice>
#include <QList>
#include <QString>

#include <optional>

/// HAR 1.2, for browser devtools and HAR viewers: one page per run, one entry per queued request, with
/// startedDateTime when the request was asked for (as Chrome writes it). Our phases map to the timings as
/// blocked = gate and host-slot wait, connect = connecting until the request was sent, wait = to the first
/// byte, receive = the body, and `time` is always their sum. Custom fields ("_outcome", "_delay",
/// "_unreached", "_role", "_parentId", …) carry what HAR has no field for, so our own files come back with
/// every record field, the times to within a few nanoseconds; of the run, only mode, limit, delay, per-host
/// cap, crawl settings ("_crawl" on the page), user agent and start are kept, and the end is taken from the
/// records. A crawl's skipped URLs and hosts are not kept. Reading also takes HARs from browsers and other
/// tools, grouping entries into runs by pageref, and explains the first problem with where it is ("entry 3:
/// timings.wait is missing"). The custom fields of a record are recordFields()' HAR ones. Others' HARs are
/// taken as they come: Firefox's "time": null (the timings say it), a custom field of one of our names but
/// of another type (capture-har's "_error" object, whose message is kept), and negative timings, read as 0
/// with a warning in the Progress. With a Progress, each record is one step.
QByteArray toHar(const QList<RunResult> &runs);
QByteArray toHar(const QList<RunResult> &runs, Progress &progress);
/// The same file written to out an entry at a time through an ExportStream, byte for byte what one
/// QJsonDocument of the whole log would write, so a large run never needs it whole in memory; highWater gets
/// the stream's. False when a write failed or the progress was cancelled.
bool writeHar(const QList<RunResult> &runs, QIODevice &out, Progress &progress,
              qsizetype *highWater = nullptr);
std::optional<QList<RunResult>> runsFromHar(const QByteArray &data, QString *error);
std::optional<QList<RunResult>> runsFromHar(const QByteArray &data, QString *error, Progress &progress);
