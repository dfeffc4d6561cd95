#pragma once

#include <QString>

/// How many requests a run can keep on the wire within the process's open-file limit (RLIMIT_NOFILE).
/// Every ManagerPool::ConnectionsPerLane requests to a host need at most one more QNetworkAccessManager (a
/// manager with lanes holds several such groups, so the budget counts one per lane: an upper bound), and each
/// manager brings an HTTP thread with its own wakeup descriptors. When the descriptors run out, GLib aborts
/// the whole process ("Creating pipes for GWakeup: Too many open files"), so a run must never get there: it
/// is capped to what fits, and says so.
class DescriptorBudget
{
public:
    // Measured on Debian 12 with Qt 6.4.2 (tst_descriptorbudget checks them): a manager's HTTP thread opens
    // one eventfd for its GLib wakeup; GLib falls back to a pipe, two descriptors, where eventfd is missing.
    // A connection is one socket, and the demo server, when it runs in the same process, holds the other
    // end of it, so a connection is budgeted at two.
    static constexpr int PerManager = 2;
    static constexpr int PerConnection = 2;
    // Kept free for whatever else the process opens while the run goes on: exports, imports, the window's
    // icons and fonts, DNS lookups, the demo server's threads.
    static constexpr int Headroom = 64;

    /// The most requests that can be in flight at once when `available` descriptors are left for them,
    /// every connectionsPerManager of them needing one more manager. Never less than 1: a run always
    /// makes progress, if it has to, one request at a time.
    static int maxConcurrent(qint64 available, int perManager, int perConnection, int connectionsPerManager);

    /// Raises the soft RLIMIT_NOFILE to the hard limit and grows the descriptor table (FileLimit::raise),
    /// once per process; later calls do nothing. Every entry point that starts runs calls it (main, the
    /// benchmarks, the tests); Runner does too.
    static void raiseLimit();
    /// The soft RLIMIT_NOFILE now in force; -1 when unlimited or unknown.
    static qint64 softLimit();
    /// Descriptors open in this process right now; -1 when /proc/self/fd cannot be read.
    static int openDescriptors();

    /// The cap on a run's concurrency the budget allows right now, with the numbers behind it in `reason`.
    /// 0 means no cap is needed (the limit is unknown or unlimited).
    static int currentCap(QString *reason = nullptr);
};
