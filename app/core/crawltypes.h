#pragma once

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <array>
#include <optional>

/// How far a crawl may wander from its seed URLs.
enum class ScopeKind {
    Host, // the seeds' exact hosts
    Site, // the seeds' registrable domains, by the Public Suffix List
    Any, // any http(s) URL
};

inline constexpr std::array ScopeKinds {ScopeKind::Host, ScopeKind::Site, ScopeKind::Any};

QString scopeKindName(ScopeKind kind); // "host", "site", "any"
std::optional<ScopeKind> scopeKindFromName(const QString &name);

/// What crawl mode follows and how politely. A run with enabled == false fetches its URL list and nothing
/// else; every other field is then ignored.
struct CrawlSettings
{
    static constexpr int DefaultMaxDepth = 5;
    static constexpr int DefaultMaxPages = 100;
    static constexpr int DefaultPerHost = 2;
    static constexpr int DefaultMaxRetries = 3;
    /// A page of a million links would otherwise hold a million URLs; the rest are counted, not read.
    static constexpr int DefaultMaxLinksPerPage = 10'000;
    /// Skipped URLs kept whole (for the report and the exports); beyond it they are only counted.
    static constexpr int DefaultMaxSkippedKept = 50'000;

    bool enabled = false;
    int maxDepth = DefaultMaxDepth; // links followed from a seed; redirects keep the depth
    int maxPages = DefaultMaxPages; // page requests in all, redirect hops and retries included
    ScopeKind scope = ScopeKind::Host;
    QStringList includes; // regular expressions; a URL must match one of them, when any are given
    QStringList excludes; // regular expressions; a URL matching one of them is not followed
    bool obeyRobots = true; // false only by the user's explicit choice, which every summary shows
    bool honourNofollow = true;
    bool sortQuery = false; // query parameters in any order name the same page
    int maxRetries = DefaultMaxRetries; // extra attempts after a 429 or 503
    int maxLinksPerPage = DefaultMaxLinksPerPage; // 0: no cap
    int maxSkippedKept = DefaultMaxSkippedKept; // 0: no cap

    friend bool operator==(const CrawlSettings &, const CrawlSettings &) = default;
};

/// What a request of a crawl was for.
enum class RequestRole : quint8 { // a byte: a million records keep one each
    Page, // a page or asset of the crawl (every request of a plain run)
    Robots, // a host's robots.txt, fetched before any of its pages
    Tunnel, // a captured CONNECT tunnel: encrypted, so its requests cannot be seen, only its bytes each way
};

inline constexpr std::array RequestRoles {RequestRole::Page, RequestRole::Robots, RequestRole::Tunnel};

QString requestRoleName(RequestRole role); // "page", "robots", "tunnel"
std::optional<RequestRole> requestRoleFromName(const QString &name);

/// Why a URL the crawl came across was not requested.
enum class SkipReason {
    Robots, // robots.txt disallows it
    Scope, // outside the scope, or kept out by an include or exclude pattern
    Depth, // beyond the maximum depth
    Duplicate, // the same URL, once normalized, was already requested or queued
    PageLimit, // the page budget was spent
    Nofollow, // linked with rel=nofollow
    RedirectLimit, // the end of a redirect chain longer than the redirect limit
    Cancelled, // still waiting for its host's robots.txt when the crawl was cancelled
};
inline constexpr int SkipReasonCount = int(SkipReason::Cancelled) + 1;

inline constexpr std::array SkipReasons {
    SkipReason::Robots,    SkipReason::Scope,    SkipReason::Depth,         SkipReason::Duplicate,
    SkipReason::PageLimit, SkipReason::Nofollow, SkipReason::RedirectLimit, SkipReason::Cancelled};

QString skipReasonName(SkipReason reason); // snake_case, as in the exports: "page_limit"
std::optional<SkipReason> skipReasonFromName(const QString &name);
QString skipReasonLabel(SkipReason reason); // for people: "page limit"

/// A URL the crawl found and did not request. Seen again for the same reason, it is counted, not repeated.
struct SkippedUrl
{
    QUrl url; // normalized
    int parentId = -1; // the request whose page (or redirect) led here; -1 for a seed
    int depth = 0;
    SkipReason reason = SkipReason::Duplicate;
    QString detail; // the rule, pattern or limit that decided it
    int count = 1; // how many times the crawl came across it for this reason
    qint64 atNs = 0; // the first time, on the run's clock

    friend bool operator==(const SkippedUrl &, const SkippedUrl &) = default;
};

/// What a host's robots.txt decided for the crawl.
enum class RobotsStatus {
    Fetching, // requested, no answer yet; the host's pages wait
    Parsed, // 2xx: its rules apply
    AllowAll, // 4xx: no rules, everything allowed
    DisallowAll, // 5xx, unreachable or still refused after retries: nothing allowed for this crawl
    Ignored, // the user chose to ignore robots.txt
};

inline constexpr std::array RobotsStatuses {RobotsStatus::Fetching, RobotsStatus::Parsed,
                                            RobotsStatus::AllowAll, RobotsStatus::DisallowAll,
                                            RobotsStatus::Ignored};

QString robotsStatusName(RobotsStatus status); // "fetching", "parsed", "allow_all", "disallow_all", "ignored"
std::optional<RobotsStatus> robotsStatusFromName(const QString &name);

/// One origin (scheme, host and port) the crawl requested pages from.
struct CrawlHost
{
    QString origin; // "http://127.0.0.1:8080"
    RobotsStatus robots = RobotsStatus::Fetching;
    QString robotsDetail; // why, for people: "robots.txt answered 404: everything is allowed"
    int robotsRecordId = -1; // the robots.txt request, -1 when none was made
    int crawlDelayMs = 0; // the spacing between requests the crawl kept, from Crawl-delay
    int pages = 0; // page requests, retries included

    friend bool operator==(const CrawlHost &, const CrawlHost &) = default;
};

/// Whether a Content-Type names HTML, the only bodies crawl mode reads links from.
bool isHtmlContentType(const QString &contentType);

Q_DECLARE_METATYPE(SkippedUrl)
Q_DECLARE_METATYPE(CrawlHost)
