#include "demositeoracle.h"

#include <QSet>
#include <QUrl>

#include <deque>
#include <utility>

#include "core/runsettings.h"
#include "crawler/robotsrules.h"

namespace {

// Stands in for whatever Host a real crawler sends; expectedPolitePaths() returns paths only.
const QString ExpectedHost = QStringLiteral("127.0.0.1:8080");

} // namespace

bool DemoSiteOracle::isAllowedByRobots(const QString &pathAndQuery)
{
    // The crawler's own RFC 9309 reading of the file this site serves, so the two can never disagree.
    static const RobotsRules rules
        = RobotsRules::parse(DemoSite::robotsTxt(), RunSettings::defaultUserAgent());
    return rules.isAllowed(QUrl(QStringLiteral("http://") + ExpectedHost + pathAndQuery));
}

QStringList DemoSiteOracle::expectedPolitePaths(int maxDepth)
{
    const QUrl origin(QStringLiteral("http://") + ExpectedHost);
    const auto key = [](const QUrl &url) {
        return url.toString(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::FullyEncoded);
    };

    QStringList fetched;
    QSet<QString> seen;
    std::deque<std::pair<QUrl, int>> queue;
    const auto enqueue = [&](const QUrl &url, int depth) {
        const QUrl normal = url.adjusted(QUrl::RemoveFragment | QUrl::NormalizePathSegments);
        if (normal.scheme() != origin.scheme() || normal.authority() != origin.authority()
            || depth > maxDepth)
            return;
        if (!seen.contains(key(normal))) {
            seen.insert(key(normal));
            queue.emplace_back(normal, depth);
        }
    };
    enqueue(origin.resolved(QUrl(QStringLiteral("/site/"))), 0);

    while (!queue.empty()) {
        const auto [url, depth] = queue.front();
        queue.pop_front();
        const QString target = key(url);
        if (!isAllowedByRobots(target))
            continue;
        fetched.append(target);
        const DemoSite::Page source
            = DemoSite::page(url.path(QUrl::FullyEncoded), url.query(QUrl::FullyEncoded), ExpectedHost);
        if (!source.location.isEmpty())
            enqueue(url.resolved(QUrl(source.location)), depth);
        // Only a 200 HTML page carries links (DemoSite::Page).
        if (source.status != 200 || !source.contentType.startsWith("text/html"))
            continue;
        const QUrl base = source.baseHref.isEmpty() ? url : url.resolved(QUrl(source.baseHref));
        for (const DemoSite::Link &link : source.links) {
            if (!link.nofollow)
                enqueue(base.resolved(QUrl(link.href)), depth + 1);
        }
        if (!source.refreshUrl.isEmpty())
            enqueue(base.resolved(QUrl(source.refreshUrl)), depth + 1);
    }
    fetched.sort();
    return fetched;
}
