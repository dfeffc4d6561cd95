#pragma once

#include <QStringList>

/// `crawlscope-bench startup`: from launching the `crawlscope` executable to its main window's first painted
/// frame, offscreen. The median of several launches.
namespace StartupBench {
int run(const QStringList &arguments);
}
