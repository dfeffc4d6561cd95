#pragma once

#include "session/runsession.h"

#include <QString>

/// The status bar's line for the runs' progress: "Done 5/10   In flight 3   Waiting 2   Elapsed 1.20 s   ETA
/// 1.0 s", a crawl's pages and hosts, or what a Stop left; empty when nothing ran. Formatted afresh on each
/// call, in the language installed then: the window asks again when the language changes.
QString progressText(const RunSession::Progress &progress);
