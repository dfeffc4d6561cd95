#pragma once

#include <QtGlobal>

#include <stdlib.h>
#include <time.h>

/// What the benchmarks read besides the wall clock, so a figure taken on a busy machine can say how much of
/// it was the work itself.
namespace CpuClock {

/// CPU time on clock, in nanoseconds. CLOCK_PROCESS_CPUTIME_ID counts every thread (the raster engine fills
/// big areas on a thread pool); CLOCK_THREAD_CPUTIME_ID only the calling one, the GUI thread's own work.
inline qint64 ns(clockid_t clock)
{
    timespec now {};
    clock_gettime(clock, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

inline qint64 processNs()
{
    return ns(CLOCK_PROCESS_CPUTIME_ID);
}
inline qint64 threadNs()
{
    return ns(CLOCK_THREAD_CPUTIME_ID);
}

/// The one-minute load average, or -1 when it cannot be read.
inline double loadAverage()
{
    double load[1] = {-1};
    return getloadavg(load, 1) == 1 ? load[0] : -1;
}

} // namespace CpuClock
