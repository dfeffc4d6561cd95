#include "importjob.h"

#include "exporter.h"

#include <utility>

ImportJob::ImportJob(QString path, QObject *parent)
    : FileJob(std::move(path), parent)
{ }

void ImportJob::start()
{
    startWork([result = m_runs, warnings = m_warnings, path = path()](Progress &progress, QString *error) {
        auto runs = importRuns(path, error, progress);
        *warnings = progress.warnings();
        if (!runs)
            return false;
        *result = std::move(*runs);
        return true;
    });
}
