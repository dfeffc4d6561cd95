#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

/// One outgoing link of a page, resolved to an absolute http(s) URL.
struct ExtractedLink
{
    QUrl url;
    QString source; // the element it came from: "a", "area", "frame", "iframe", "link" or "meta-refresh"
    bool nofollow = false;

    friend bool operator==(const ExtractedLink &, const ExtractedLink &) = default;
};

/// The links of an HTML page in document order, duplicates kept. Relative URLs are resolved against the
/// first <base href> or else documentUrl; links to other schemes and empty or fragment-only links back to the
/// page itself are skipped. When honourNofollow is set, rel=nofollow links (all of them under
/// <meta name=robots content=nofollow>) are dropped; otherwise they are kept with their nofollow flag set.
/// With maxLinks > 0, only the first maxLinks links are read; the link elements after them are counted in
/// dropped.
QList<ExtractedLink> extractLinks(const QByteArray &html, const QUrl &documentUrl, bool honourNofollow = true,
                                  qsizetype maxLinks = 0, qsizetype *dropped = nullptr);
