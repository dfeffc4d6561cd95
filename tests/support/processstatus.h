#pragma once

#include <QByteArray>
#include <QFile>

/// Fields of this process's /proc/self/status, for the tests that hold memory to a bound.
namespace ProcessStatus {

/// A "Name:   1234 kB" field in KiB, or -1 when the file or the field is missing.
inline qint64 kiB(const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = field + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

inline qint64 residentKiB()
{
    return kiB("VmRSS");
}

} // namespace ProcessStatus
