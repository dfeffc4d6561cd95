#pragma once

#include "core/runresult.h"
#include "progress.h"

#include <QByteArray>
#include <QList>

/// Chrome's trace-event JSON, for Perfetto and chrome://tracing. Each run is a process, named after its mode;
/// each request is a nestable async slice with its phases (waiting, connecting, waiting for first byte,
/// downloading, delay) nested inside it, and a "concurrency" counter shows how many requests are in flight
/// and how many wait. A crawl's requests also carry their role, attempt, depth and parent in their details.
/// Times are microseconds from the run's start, so runs line up for comparison. Export only. With a
/// Progress, each record is one step.
QByteArray toTrace(const QList<RunResult> &runs);
QByteArray toTrace(const QList<RunResult> &runs, Progress &progress);
