#include "exportjob.h"

#include "exporter.h"

#include <QCoreApplication>
#include <QDir>

#include <utility>

ExportJob::ExportJob(QList<RunResult> runs, QString path, QObject *parent)
    : FileJob(std::move(path), parent)
    , m_runs(std::move(runs))
{ }

void ExportJob::start()
{
    startWork([runs = m_runs, path = path()](Progress &progress, QString *error) {
        if (!isDataExport(path)) {
            if (error)
                *error = QCoreApplication::translate("ExportJob", "Cannot export \"%1\" in the background")
                             .arg(QDir::toNativeSeparators(path));
            return false;
        }
        return exportRuns(runs, path, error, progress);
    });
}
