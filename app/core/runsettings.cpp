#include "runsettings.h"

#include <QStringLiteral>

#include <algorithm>
#include <limits>

QString runModeName(RunMode mode)
{
    switch (mode) {
    case RunMode::Sequential:
        return QStringLiteral("sequential");
    case RunMode::Gather:
        return QStringLiteral("gather");
    case RunMode::Limited:
        return QStringLiteral("limited");
    }
    Q_UNREACHABLE();
}

std::optional<RunMode> runModeFromName(const QString &name)
{
    for (auto mode : RunModes) {
        if (runModeName(mode) == name)
            return mode;
    }
    return std::nullopt;
}

int RunSettings::effectiveDeadlineMs() const
{
    if (deadlineMs > 0)
        return deadlineMs;
    return int(std::min<qint64>(qint64(timeoutMs) * DeadlineTimeoutFactor, std::numeric_limits<int>::max()));
}

int RunSettings::gateCapacity() const
{
    switch (mode) {
    case RunMode::Sequential:
        return 1;
    case RunMode::Gather:
        return 0;
    case RunMode::Limited:
        return limit;
    }
    Q_UNREACHABLE();
}

QByteArray RunSettings::defaultUserAgent()
{
    return QByteArrayLiteral("Crawlscope/" CRAWLSCOPE_VERSION);
}
