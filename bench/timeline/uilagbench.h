#pragma once

#include <QStringList>

/// How responsive the window stays while a big run is drawn live: a 5 ms timer on the GUI thread measures
/// how late the event loop serves it (the target: lag ≤ 50 ms during a 10 000-request run).
namespace UiLagBench {
int run(const QStringList &arguments);
}
