#pragma once

#include <QStringList>

/// `crawlscope-bench ui-lag`: what watching a run costs. The same run (N requests to the demo server,
/// limited) goes once through the window, shown offscreen and painting, and once through the engine alone, as
/// `crawlscope run` does it. Prints both wall times, how late a 5 ms GUI-thread timer fired during the
/// window's run, and how often the timeline really painted.
namespace UiLagBench {
int run(const QStringList &arguments);
}
