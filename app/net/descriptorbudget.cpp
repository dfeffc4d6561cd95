#include "descriptorbudget.h"

#include "managerpool.h"

#include "core/filelimit.h"

#include <QCoreApplication>
#include <QDir>

#include <sys/resource.h>

#include <algorithm>
#include <limits>

int DescriptorBudget::maxConcurrent(qint64 available, int perManager, int perConnection,
                                    int connectionsPerManager)
{
    perManager = std::max(0, perManager);
    perConnection = std::max(0, perConnection);
    connectionsPerManager = std::max(1, connectionsPerManager);
    // A full manager costs perManager plus its connections; the rest fits in one partly used manager.
    const qint64 perFullManager = qint64(perManager) + qint64(connectionsPerManager) * perConnection;
    if (available <= 0 || perFullManager <= 0)
        return available <= 0 ? 1 : std::numeric_limits<int>::max();
    const qint64 fullManagers = available / perFullManager;
    qint64 concurrent = fullManagers * connectionsPerManager;
    const qint64 left = available - fullManagers * perFullManager - perManager;
    if (left > 0) {
        concurrent += perConnection > 0 ? std::min<qint64>(connectionsPerManager - 1, left / perConnection)
                                        : connectionsPerManager - 1;
    }
    return int(std::clamp<qint64>(concurrent, 1, std::numeric_limits<int>::max()));
}

void DescriptorBudget::raiseLimit()
{
    FileLimit::raise();
}

qint64 DescriptorBudget::softLimit()
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY
        || limit.rlim_cur > rlim_t(std::numeric_limits<qint64>::max()))
        return -1;
    return qint64(limit.rlim_cur);
}

int DescriptorBudget::openDescriptors()
{
    const QDir fds(QStringLiteral("/proc/self/fd"));
    if (!fds.exists())
        return -1;
    // The listing's own descriptor is gone by the time we count.
    return int(fds.entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot).size());
}

int DescriptorBudget::currentCap(QString *reason)
{
    const qint64 limit = softLimit();
    if (limit < 0)
        return 0;
    const int open = std::max(0, openDescriptors());
    const qint64 available = limit - open - Headroom;
    const int cap = maxConcurrent(available, PerManager, PerConnection, ManagerPool::ConnectionsPerLane);
    if (reason) {
        *reason = QCoreApplication::translate(
                      "DescriptorBudget",
                      "open-file limit %1 (ulimit -n), %2 already open, %3 kept free: at most %4 requests "
                      "in flight (%5 descriptors per connection, %6 per network manager of %7 connections)")
                      .arg(limit)
                      .arg(open)
                      .arg(Headroom)
                      .arg(cap)
                      .arg(PerConnection)
                      .arg(PerManager)
                      .arg(ManagerPool::ConnectionsPerLane);
    }
    return cap;
}
