#pragma once

#include "core/runresult.h"

#include <QList>

#include <optional>

// What every importer promises of the runs it returns, once importRuns() has renumbered them: ids are
// positions, parents point at an earlier-or-any record of the run or nowhere, and the summary can be taken.
inline void checkImported(std::optional<QList<RunResult>> runs)
{
    if (!runs)
        return;
    for (RunResult &run : *runs) {
        renumberRecords(run);
        for (qsizetype i = 0; i < run.records.size(); ++i) {
            const RequestRecord &record = run.records.at(i);
            if (record.id != i || record.parentId < -1 || record.parentId >= run.records.size())
                __builtin_trap();
        }
        (void)summarize(run);
        (void)summarizeCrawl(run);
    }
}
