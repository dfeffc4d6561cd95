#pragma once

#include <QStringList>

/// `crawlscope-bench timeline`: how long TimelineView takes to paint synthetic runs of 100 000 and 1 000 000
/// requests at 1600x900, fitted and zoomed to 1 % of the run. Prints one line per case.
namespace TimelineBench {

int run(const QStringList &arguments);

} // namespace TimelineBench
