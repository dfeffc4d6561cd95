#pragma once

#include "crawltypes.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <optional>

enum class RunMode {
    Sequential,
    Gather,
    Limited,
};

inline constexpr std::array RunModes {RunMode::Sequential, RunMode::Gather, RunMode::Limited};

QString runModeName(RunMode mode);
std::optional<RunMode> runModeFromName(const QString &name);

/// What a run is asked to do: the scheduling mode and every per-request limit.
struct RunSettings
{
    static constexpr int DefaultLimit = 3;
    static constexpr int DefaultTimeoutMs = 30'000;
    static constexpr qint64 DefaultMaxBodyBytes = 50LL * 1024 * 1024;
    static constexpr int DefaultMaxRedirects = 10;

    RunMode mode = RunMode::Limited;
    int limit = DefaultLimit; // permits for Limited; Sequential always uses 1, Gather has no gate
    int delayMs = 0; // politeness delay, held inside the gate after each response
    int perHost = 0; // connections per host, 0 = no cap
    int timeoutMs = DefaultTimeoutMs;
    qint64 maxBodyBytes = DefaultMaxBodyBytes;
    int maxRedirects = DefaultMaxRedirects;
    QByteArray userAgent = defaultUserAgent();
    bool keepBodies = false; // the crawler needs HTML bodies; plain runs only count bytes
    CrawlSettings crawl; // crawl mode: follow links from the URLs, within a scope

    /// The gate's size for this mode; 0 means no gate at all.
    int gateCapacity() const;

    static QByteArray defaultUserAgent();

    friend bool operator==(const RunSettings &, const RunSettings &) = default;
};
