#pragma once

#include <QStringList>

/// A crawl of the demo server's generated site, driven through the window as a user would (crawl box, Run),
/// with the timeline, table, frontier and site tree live: how many pages a second, and how long the event
/// loop stalled at worst (the targets: at least 1000 pages/s and at most 50 ms for 5000 pages).
namespace CrawlBench {
int run(const QStringList &arguments);
}
