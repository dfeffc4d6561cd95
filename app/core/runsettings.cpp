#include "runsettings.h"

#include <QStringLiteral>

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
