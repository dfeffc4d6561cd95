#pragma once

#include <QString>
#include <QUrl>

/// The canonical form of a URL, so that spellings of the same resource compare equal: lower-case scheme and
/// host, no default port, no fragment, unreserved characters decoded and other escapes in upper-case hex,
/// "/" for an empty path and, if asked, the query sorted by key then value.
QUrl normalizeUrl(const QUrl &url, bool sortQuery = false);

/// The normalized URL as one fully encoded string (IDN hosts in ACE form), for de-duplication.
QString urlKey(const QUrl &url, bool sortQuery = false);
