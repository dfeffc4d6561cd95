#pragma once

#include "filejob.h"

#include "core/runresult.h"

#include <QList>
#include <QStringList>

#include <memory>

/// Opens saved runs (importRuns()) on a thread of its own, one progress step per record once the file is
/// parsed. The runs are there once finished() says it succeeded.
class ImportJob : public FileJob
{
    Q_OBJECT

public:
    explicit ImportJob(QString path, QObject *parent = nullptr);

    void start();
    QList<RunResult> runs() const { return *m_runs; }
    /// What was read in spite of a problem (Progress::warnings()).
    QStringList warnings() const { return *m_warnings; }

private:
    // Written by the worker before it posts finished(), read on the job's thread after it.
    std::shared_ptr<QList<RunResult>> m_runs = std::make_shared<QList<RunResult>>();
    std::shared_ptr<QStringList> m_warnings = std::make_shared<QStringList>();
};
