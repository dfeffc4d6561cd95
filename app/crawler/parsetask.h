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
    qint64 linksDropped = 0; // link elements past ParseTask::maxLinks, counted and not read
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

/// A page's links in document order, nofollow ones flagged: decoded from the page's charset, extracted with
/// gumbo and normalized.
QList<ParsedLink> parsePageLinks(const QByteArray &body, const QUrl &pageUrl, const QString &contentType,
                                 bool sortQuery, qsizetype maxLinks = 0, qsizetype *dropped = nullptr);
