#pragma once

#include "runresult.h"

#include <QList>

/// The zero-overhead makespan of a run's work: each request's service time (issued to finished, plus the
/// politeness delay it held) scheduled the way the mode promises, with no gaps between.
///   sequential: the sum; gather: the maximum; limited(k): list scheduling in input order on k slotCount.
qint64 idealMakespanNs(const QList<qint64> &serviceNs, int slotCount);
/// When each request starts in that ideal schedule, in input order: what the timeline draws as ghost marks.
QList<qint64> idealStartsNs(const QList<qint64> &serviceNs, int slotCount);
/// The same on a gate whose size changed over time, as a run records it: capacity[0] is the initial size (0:
/// no gate), each later change takes effect at its atNs. A grow admits at once; a shrink lets the requests
/// holding a permit finish, as the real gate does.
QList<qint64> idealStartsNs(const QList<qint64> &serviceNs, const QList<CapacityChange> &capacity);
qint64 idealMakespanNs(const QList<qint64> &serviceNs, const QList<CapacityChange> &capacity);
/// When the last of these requests ends, each starting at starts[i] and taking serviceNs[i].
qint64 makespanNs(const QList<qint64> &serviceNs, const QList<qint64> &starts);
/// On the gate's recorded sizes over time, so a gate resized during the run is held to what it really was.
/// A crawl has no ideal: its pages are found while it runs, so none could start before its parent was read.
/// For a crawl these give no starts and 0.
QList<qint64> idealStartsNs(const RunResult &run);
qint64 idealMakespanNs(const RunResult &run);

/// The service time the ideal uses for one request; 0 for a request that was never issued.
qint64 serviceNs(const RequestRecord &record);
