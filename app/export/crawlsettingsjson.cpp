#include "crawlsettingsjson.h"

#include <QJsonArray>

#include <array>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 IntMax = std::numeric_limits<int>::max();

} // namespace

QJsonObject crawlSettingsToJson(const CrawlSettings &crawl, KeyCase keys)
{
    return {
        {keyIn(u"enabled", keys), crawl.enabled},
        {keyIn(u"max_depth", keys), crawl.maxDepth},
        {keyIn(u"max_pages", keys), crawl.maxPages},
        {keyIn(u"scope", keys), scopeKindName(crawl.scope)},
        {keyIn(u"includes", keys), QJsonArray::fromStringList(crawl.includes)},
        {keyIn(u"excludes", keys), QJsonArray::fromStringList(crawl.excludes)},
        {keyIn(u"obey_robots", keys), crawl.obeyRobots},
        {keyIn(u"honour_nofollow", keys), crawl.honourNofollow},
        {keyIn(u"sort_query", keys), crawl.sortQuery},
        {keyIn(u"max_retries", keys), crawl.maxRetries},
        {keyIn(u"max_links_per_page", keys), crawl.maxLinksPerPage},
        {keyIn(u"max_skipped_kept", keys), crawl.maxSkippedKept},
    };
}

CrawlSettings crawlSettingsFromJson(JsonReader &reader, const QString &key, KeyCase keys)
{
    CrawlSettings crawl;
    if (!reader.has(key))
        return crawl;
    reader.object(key);
    // -> QString: a QStringBuilder returned would point into keyIn()'s temporary.
    const auto path = [&](QStringView snake) -> QString { return key + u'.' + keyIn(snake, keys); };
    crawl.enabled = reader.boolean(path(u"enabled"));
    crawl.maxDepth = int(reader.integer(path(u"max_depth"), 0, IntMax));
    crawl.maxPages = int(reader.integer(path(u"max_pages"), 0, IntMax));
    crawl.scope = reader.choice(path(u"scope"), ScopeKinds, scopeKindName).value_or(ScopeKinds.front());
    crawl.includes = reader.strings(path(u"includes"));
    crawl.excludes = reader.strings(path(u"excludes"));
    crawl.obeyRobots = reader.boolean(path(u"obey_robots"));
    crawl.honourNofollow = reader.boolean(path(u"honour_nofollow"));
    crawl.sortQuery = reader.boolean(path(u"sort_query"));
    crawl.maxRetries = int(reader.integer(path(u"max_retries"), 0, IntMax));
    // Our files from before these bounds lack them: the defaults held.
    if (reader.has(path(u"max_links_per_page")))
        crawl.maxLinksPerPage = int(reader.integer(path(u"max_links_per_page"), 0, IntMax));
    if (reader.has(path(u"max_skipped_kept")))
        crawl.maxSkippedKept = int(reader.integer(path(u"max_skipped_kept"), 0, IntMax));
    return crawl;
}
