#pragma once

#include "demoresponse.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

/// The synthetic website under /site/ and the server's /robots.txt (ENDPOINTS.md), for testing crawl
/// mode: a small page graph with the robots rules, traps, duplicates and failures a polite crawler must
/// handle. The pages and robots.txt are data: the tests' DemoSiteOracle (tests/support) computes the crawl
/// a polite crawler makes from the same table, so the two cannot disagree.
class DemoSite
{
public:
    static constexpr int BusyRetryAfterS = 1;
    static constexpr int SlowDelayMs = 300;
    static constexpr int PoliteMaxDepth = 5;
    static constexpr int PolitePageLimit = 100;
    static constexpr int CalendarStartYear = 2026;
    static constexpr int CalendarStartMonth = 1;

    struct Link
    {
        QString href; // as written in the page
        QString text;
        bool nofollow = false;
    };

    struct RobotsRule
    {
        bool allow = false;
        QString pattern;
    };

    /// A resource of the site before it is rendered. Only a 200 text/html page carries links.
    struct Page
    {
        int status = 200;
        QByteArray contentType;
        QString title;
        QString text; // trusted HTML for the page body
        QList<Link> links;
        QString baseHref;
        QString refreshUrl;
        QString location; // for a redirect
        QByteArray body; // for anything that is not HTML
        int delayMs = 0;
    };

    DemoSite();

    static bool isSitePath(QByteArrayView path);
    static bool isValidHost(QByteArrayView host);

    /// path and query as received. host, a valid Host header value, is the authority of absolute links.
    DemoResponse respond(const QByteArray &path, const QByteArray &rawQuery, const QString &host) const;
    static DemoResponse robots();

    /// Stateless: the first request of /site/busy.html gets its 429 from respond(), not from here.
    static Page page(const QString &path, const QString &query, const QString &host);

    static QByteArray robotsTxt();
    /// The rules of the `User-agent: *` group.
    static QList<RobotsRule> robotsRules();

private:
    // Shared by every copy, so that all connections of one server run see one counter.
    std::shared_ptr<std::atomic<int>> m_busyRequests;
};
