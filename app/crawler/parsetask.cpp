#include "parsetask.h"

#include "crawler/htmlcharset.h"
#include "crawler/linkextractor.h"
#include "crawler/urlnormalizer.h"

ParseResult ParseTask::run() const
{
    ParseResult result;
    switch (kind) {
    case Kind::None:
        break;
    case Kind::Page:
        result.links = parsePageLinks(body, pageUrl, contentType, sortQuery);
        break;
    case Kind::Robots:
        result.rules = RobotsRules::parse(body, userAgent);
        break;
    }
    return result;
}

QList<ParsedLink> parsePageLinks(const QByteArray &body, const QUrl &pageUrl, const QString &contentType,
                                 bool sortQuery)
{
    QList<ExtractedLink> extracted = extractLinks(htmlToUtf8(body, contentType), pageUrl, false);
    QList<ParsedLink> links;
    links.reserve(extracted.size());
    for (ExtractedLink &link : extracted) {
        QUrl normalized = normalizeUrl(link.url, sortQuery);
        QString key = urlKey(normalized, sortQuery); // exactly as Crawler::consider() keys a URL
        links.append({std::move(normalized), std::move(key), std::move(link.source), link.nofollow});
        link.url = QUrl(); // a page of a million links needs its memory only once
    }
    return links;
}
