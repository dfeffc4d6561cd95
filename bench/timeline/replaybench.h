#pragma once

#include <QStringList>

/// `crawlscope-bench replay`: one replay frame at a time over a finished synthetic run (advance the replay
/// clock, work out the gate's snapshot, paint the timeline, the in-flight strip and the gate picture
/// offscreen at 1600x900), and prints the 99th percentile and the longest frame.
namespace ReplayBench {

int run(const QStringList &arguments);

} // namespace ReplayBench
