#pragma once

#include "demoresponse.h"

#include <QList>

/// The generated site under /gen/N/: N HTML pages with about LinksPerPage links each to pages of the same
/// site, all drawn deterministically from the page number, for crawls of any size (ENDPOINTS.md). Page 0 is
/// /gen/N/ and page P is /gen/N/P. No delay and no state, so a big crawl measures the crawler.
class DemoGenSite
{
public:
    static constexpr int MaxPages = 1'000'000;
    static constexpr int LinksPerPage = 20;

    /// The pages page P of an N-page site links to, in document order: its children 2P+1 and 2P+2 in a
    /// binary tree (so depth log2(N) reaches every page), the next page P+1 (mod N), then pseudo-random
    /// pages up to LinksPerPage links, never P itself. Repeats are possible; a 1-page site links nowhere.
    static QList<int> links(int pages, int page);
    /// The path of page P: "/gen/N/" for page 0, "/gen/N/P" otherwise.
    static QByteArray path(int pages, int page);
    /// The page P of an N-page site; pages and page are already checked (1 <= pages <= MaxPages, page <
    /// pages).
    static DemoResponse respond(int pages, int page);
};
