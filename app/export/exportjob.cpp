#include "exportjob.h"

#include "exporter.h"

#include <utility>

ExportJob::ExportJob(QList<RunResult> runs, QString path, QObject *parent)
    : FileJob(std::move(path), parent)
    , m_runs(std::move(runs))
{ }

void ExportJob::start()
{
    startWork([runs = m_runs, path = path()](Progress &progress, QString *error) {
        return exportRuns(runs, path, error, progress);
    });
}
