#include "parsetask.h"

#include "crawler/htmlcharset.h"
#include "crawler/linkextractor.h"
#include "crawler/urlnormalizer.h"

#include <algorithm>
#include <iterator>

ParseResult ParseTask::run() const
{
    ParseResult result;
    switch (kind) {
    case Kind::None:
        break;
    case Kind::Page: {
        qsizetype dropped = 0;
        QList<ParsedLink> links = parsePageLinks(body, pageUrl, contentType, sortQuery, maxLinks, &dropped);
        result.linksDropped = dropped;
        for (qsizetype first = 0; first < links.size(); first += ParseResult::LinksPerChunk) {
            const qsizetype last = std::min(first + ParseResult::LinksPerChunk, links.size());
            result.linkChunks.append(QList<ParsedLink>(std::make_move_iterator(links.begin() + first),
                                                       std::make_move_iterator(links.begin() + last)));
        }
        break;
    }
    case Kind::Robots:
        result.rules = RobotsRules::parse(body, userAgent);
        break;
    }
    return result;
}

QList<ParsedLink> ParseResult::links() const
{
    QList<ParsedLink> all;
    for (const QList<ParsedLink> &chunk : linkChunks)
        all.append(chunk);
    return all;
}

QList<ParsedLink> parsePageLinks(const QByteArray &body, const QUrl &pageUrl, const QString &contentType,
                                 bool sortQuery, qsizetype maxLinks, qsizetype *dropped)
{
    QList<ExtractedLink> extracted
        = extractLinks(htmlToUtf8(body, contentType), pageUrl, false, maxLinks, dropped);
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
