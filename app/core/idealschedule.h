#pragma once

#include "runresult.h"

#include <QList>

/// The zero-overhead makespan of a run's work: each request's service time (issued to finished, plus the
/// politeness delay it held) scheduled the way the mode promises, with no gaps between.
///   sequential: the sum; gather: the maximum; limited(k): list scheduling in input order on k slotCount.
qint64 idealMakespanNs(const QList<qint64> &serviceNs, int slotCount);
/// When each request starts in that ideal schedule, in input order: what the timeline draws as ghost marks.
QList<qint64> idealStartsNs(const QList<qint64> &serviceNs, int slotCount);
/// A crawl has no ideal: its pages are found while it runs, so none could start before its parent was read.
/// For a crawl these give no starts and 0.
QList<qint64> idealStartsNs(const RunResult &run);
qint64 idealMakespanNs(const RunResult &run);

/// The service time the ideal uses for one request; 0 for a request that was never issued.
qint64 serviceNs(const RequestRecord &record);
