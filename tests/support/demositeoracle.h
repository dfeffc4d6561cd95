#pragma once

#include "demoserver/demosite.h"

#include <QString>
#include <QStringList>

/// What a polite crawler should do on the demo site, for the tests: the site serves its pages and its
/// robots.txt as data, and this oracle reads them with the crawler's own rules. It lives here, not in the
/// demo server, so that the server ships without the crawler.
class DemoSiteOracle
{
public:
    /// Whether Crawlscope's robots.txt rules let a crawler fetch this path of the site.
    static bool isAllowedByRobots(const QString &pathAndQuery);

    /// Path (and query) of every URL a polite crawler starting at /site/ requests, /robots.txt aside,
    /// sorted: scope is the host, robots.txt and rel=nofollow are obeyed, URLs are normalised and
    /// de-duplicated, and depth counts links followed from /site/ (redirects keep the depth).
    static QStringList expectedPolitePaths(int maxDepth = DemoSite::PoliteMaxDepth);
};
