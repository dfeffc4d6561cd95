#pragma once

#include "crawler/robotsrules.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

/// A link of a crawled page, ready for the crawl's decisions: normalized, with its de-duplication key.
struct ParsedLink
{
    QUrl url; // normalized
    QString key; // urlKey() of url
    QString source; // the element it came from, as in ExtractedLink
    bool nofollow = false;

    friend bool operator==(const ParsedLink &, const ParsedLink &) = default;
};

/// What a worker thread found in a response: the links of a page or the rules of a robots.txt.
struct ParseResult
{
    /// A page's links come in lists of at most this many, so that the thread acting on them frees their
    /// memory a little at a time: freeing the one buffer of a million links stalled it for 200 ms.
    static constexpr qsizetype LinksPerChunk = 1024;

    QList<QList<ParsedLink>> linkChunks;
    qint64 linksDropped = 0; // link elements past ParseTask::maxLinks in the part read, counted and not read
    /// The page was read only as far as its first ParseTask::maxLinks links: the links after that part were
    /// neither read nor counted (see PageLinks::cutShort).
    bool cutShort = false;
    std::optional<RobotsRules> rules;

    /// The links of every chunk, in order.
    QList<ParsedLink> links() const;
};

/// The parsing a response needs, as values only, so that it can run on any thread: a page's charset
/// decoding and link extraction, or a robots.txt's rules. run() is a pure function of the task.
struct ParseTask
{
    enum class Kind {
        None, // nothing to read: a redirect, an error, an asset
        Page,
        Robots,
    };

    Kind kind = Kind::None;
    QByteArray body;
    QUrl pageUrl; // where relative links resolve from (before any <base>)
    QString contentType; // the response's, for the charset
    bool sortQuery = false;
    qsizetype maxLinks = 0; // 0: every link
    QByteArray userAgent; // whose robots.txt group applies

    ParseResult run() const;
};

/// What parsePageLinks() read of a page.
struct PageLinks
{
    QList<ParsedLink> links;
    qsizetype dropped = 0; // link elements past maxLinks in the part parsed: counted, not read
    /// Only a prefix of the page was parsed, because it already held maxLinks links: whatever follows it
    /// was neither read nor counted. False when the whole page was parsed, and then dropped is exact.
    bool cutShort = false;
    qsizetype bytesParsed = 0; // the longest prefix of the body handed to the parser
};

/// A page's links in document order, nofollow ones flagged: decoded from the page's charset, extracted with
/// gumbo and normalized. With maxLinks > 0, a large page is parsed as a growing prefix (FirstPrefixBytes,
/// then PrefixGrowth times more each round) until a prefix holds maxLinks links or the whole page is
/// parsed: gumbo builds the whole tree of what it is given, about twenty times the bytes of a page of bare
/// links, so a page of a million links must not be given to it whole when ten thousand are all that is kept.
/// A prefix cut inside a tag loses that tag, as the HTML parsing rules say for a document ending there.
PageLinks parsePageLinks(const QByteArray &body, const QUrl &pageUrl, const QString &contentType,
                         bool sortQuery, qsizetype maxLinks = 0);

/// The first prefix parsePageLinks() tries, and how much each next one grows.
inline constexpr qsizetype FirstPrefixBytes = 256 * 1024;
inline constexpr qsizetype PrefixGrowth = 4;
