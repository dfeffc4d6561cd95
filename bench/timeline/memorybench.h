#pragma once

#include <QStringList>

/// `crawlscope-bench memory`: the resident memory a finished run of N distinct URLs costs, per request, in
/// the engine's recorder, the window's RunModel and the timeline's caches, one step after another.
namespace MemoryBench {
int run(const QStringList &arguments);
}
