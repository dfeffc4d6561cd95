#include "filelimit.h"

#include <algorithm>
#include <mutex>

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

void FileLimit::raise()
{
    static std::once_flag once;
    std::call_once(once, [] {
        rlimit limit {};
        if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
            return;
        if (limit.rlim_cur < limit.rlim_max) {
            limit.rlim_cur = limit.rlim_max;
            if (setrlimit(RLIMIT_NOFILE, &limit) != 0)
                getrlimit(RLIMIT_NOFILE, &limit);
        }
        // Asking for a descriptor numbered just below the size wanted makes the kernel grow the table in one
        // step; the table never shrinks, so closing it again keeps the room.
        const int highest = int(std::min<rlim_t>(limit.rlim_cur, TableSize)) - 1;
        const int probe = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (probe < 0)
            return;
        if (highest > probe) {
            const int high = ::fcntl(probe, F_DUPFD_CLOEXEC, highest);
            if (high >= 0)
                ::close(high);
        }
        ::close(probe);
    });
}
