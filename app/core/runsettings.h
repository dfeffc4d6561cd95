#pragma once

#include "crawltypes.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <optional>

enum class RunMode : quint8 { // a byte: a million records keep one each
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
    /// With deadlineMs 0, a request gets this many idle timeouts in all: a server that sends a byte just
    /// before each idle timeout would otherwise hold it forever.
    static constexpr int DeadlineTimeoutFactor = 4;
    /// Real sites send a few KiB of headers; Qt 6.4 itself gives up somewhere above 100 KiB without saying
    /// so, and parses a multi-MB header on the manager's thread for seconds.
    static constexpr qint64 DefaultMaxHeaderBytes = 64 * 1024;

    RunMode mode = RunMode::Limited;
    int limit = DefaultLimit; // permits for Limited; Sequential always uses 1, Gather has no gate
    int delayMs = 0; // politeness delay, held inside the gate after each response
    int perHost = 0; // connections per host, 0 = no cap
    int timeoutMs = DefaultTimeoutMs; // idle: no data for this long fails the request
    int deadlineMs = 0; // overall, from issued to finished; 0: DeadlineTimeoutFactor x timeoutMs
    qint64 maxHeaderBytes = DefaultMaxHeaderBytes; // the final response's header, as Qt hands it over
    qint64 maxBodyBytes = DefaultMaxBodyBytes;
    int maxRedirects = DefaultMaxRedirects;
    QByteArray userAgent = defaultUserAgent();
    bool keepBodies = false; // the crawler needs HTML bodies; plain runs only count bytes
    CrawlSettings crawl; // crawl mode: follow links from the URLs, within a scope

    /// The gate's size for this mode; 0 means no gate at all.
    int gateCapacity() const;
    /// The overall deadline in force, deadlineMs or its default.
    int effectiveDeadlineMs() const;

    static QByteArray defaultUserAgent();

    friend bool operator==(const RunSettings &, const RunSettings &) = default;
};
