#pragma once

#include <QList>
#include <QString>

#include "core/runsettings.h"

/// The limits a real tool uses by default, with where the numbers come from (../shared/REFERENCE.md, "The
/// limits real tools use"), so a student can set Crawlscope to behave as the tool they will meet.
struct ToolPreset
{
    QString name;
    QString source; // where the numbers come from, for the label
    RunMode mode = RunMode::Limited;
    int limit = 0; // permits for limited; unused for gather
    int perHost = 0; // 0: no cap per host
    int delayMs = 0;

    /// base with this tool's mode and limits; everything else (timeout, crawl) kept.
    RunSettings applyTo(RunSettings base) const;
};

QList<ToolPreset> toolPresets();
