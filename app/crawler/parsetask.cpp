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
        PageLinks page = parsePageLinks(body, pageUrl, contentType, sortQuery, maxLinks);
        result.linksDropped = page.dropped;
        result.cutShort = page.cutShort;
        QList<ParsedLink> &links = page.links;
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

PageLinks parsePageLinks(const QByteArray &body, const QUrl &pageUrl, const QString &contentType,
                         bool sortQuery, qsizetype maxLinks)
{
    PageLinks page;
    QList<ExtractedLink> extracted;
    qsizetype prefix = maxLinks > 0 ? std::min(FirstPrefixBytes, body.size()) : body.size();
    for (;;) {
        // A prefix shares the body's bytes; only a charset other than UTF-8 (or ASCII) is decoded, and only
        // as far as the prefix goes.
        const QByteArray part
            = prefix < body.size() ? QByteArray::fromRawData(body.constData(), prefix) : body;
        qsizetype dropped = 0;
        extracted = extractLinks(htmlToUtf8(part, contentType), pageUrl, false, maxLinks, &dropped);
        page.dropped = dropped;
        page.bytesParsed = prefix;
        if (prefix == body.size() || extracted.size() >= maxLinks)
            break;
        extracted.clear();
        prefix = prefix > body.size() / PrefixGrowth ? body.size() : prefix * PrefixGrowth;
    }
    page.cutShort = prefix < body.size();

    page.links.reserve(extracted.size());
    for (ExtractedLink &link : extracted) {
        QUrl normalized = normalizeUrl(link.url, sortQuery);
        QString key = urlKey(normalized, sortQuery); // exactly as Crawler::consider() keys a URL
        page.links.append({std::move(normalized), std::move(key), std::move(link.source), link.nofollow});
        link.url = QUrl(); // a page of a million links needs its memory only once
    }
    return page;
}
