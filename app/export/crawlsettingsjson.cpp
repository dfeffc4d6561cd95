#include "crawlsettingsjson.h"

#include "jsonreader.h"

#include <QJsonArray>

#include <array>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

constexpr std::array Scopes {ScopeKind::Host, ScopeKind::Site, ScopeKind::Any};
constexpr qint64 IntMax = std::numeric_limits<int>::max();

// Names are written in snake case once; camel case is derived from them.
QString keyOf(QStringView snake, KeyCase keys)
{
    if (keys == KeyCase::Snake)
        return snake.toString();
    QString camel;
    bool upper = false;
    for (const QChar c : snake) {
        if (c == u'_') {
            upper = true;
            continue;
        }
        camel += upper ? c.toUpper() : c;
        upper = false;
    }
    return camel;
}

} // namespace

QJsonObject crawlSettingsToJson(const CrawlSettings &crawl, KeyCase keys)
{
    return {
        {keyOf(u"enabled", keys), crawl.enabled},
        {keyOf(u"max_depth", keys), crawl.maxDepth},
        {keyOf(u"max_pages", keys), crawl.maxPages},
        {keyOf(u"scope", keys), scopeKindName(crawl.scope)},
        {keyOf(u"includes", keys), QJsonArray::fromStringList(crawl.includes)},
        {keyOf(u"excludes", keys), QJsonArray::fromStringList(crawl.excludes)},
        {keyOf(u"obey_robots", keys), crawl.obeyRobots},
        {keyOf(u"honour_nofollow", keys), crawl.honourNofollow},
        {keyOf(u"sort_query", keys), crawl.sortQuery},
        {keyOf(u"max_retries", keys), crawl.maxRetries},
    };
}

CrawlSettings crawlSettingsFromJson(JsonReader &reader, const QString &key, KeyCase keys)
{
    CrawlSettings crawl;
    if (!reader.has(key))
        return crawl;
    reader.object(key);
    // -> QString: a QStringBuilder returned would point into keyOf()'s temporary.
    const auto path = [&](QStringView snake) -> QString { return key + u'.' + keyOf(snake, keys); };
    crawl.enabled = reader.boolean(path(u"enabled"));
    crawl.maxDepth = int(reader.integer(path(u"max_depth"), 0, IntMax));
    crawl.maxPages = int(reader.integer(path(u"max_pages"), 0, IntMax));
    crawl.scope = reader.choice(path(u"scope"), Scopes, scopeKindName).value_or(Scopes.front());
    crawl.includes = reader.strings(path(u"includes"));
    crawl.excludes = reader.strings(path(u"excludes"));
    crawl.obeyRobots = reader.boolean(path(u"obey_robots"));
    crawl.honourNofollow = reader.boolean(path(u"honour_nofollow"));
    crawl.sortQuery = reader.boolean(path(u"sort_query"));
    crawl.maxRetries = int(reader.integer(path(u"max_retries"), 0, IntMax));
    return crawl;
}
