#pragma once

#include "filejob.h"

#include "core/runresult.h"

#include <QList>

/// Writes runs to a file in one of the engine's formats (exportRuns()) on a thread of its own, one progress
/// step per record. The runs are implicitly shared into the job, so the window may go on changing its own.
/// Pictures of the timeline need widgets, so they are not written here.
class ExportJob : public FileJob
{
    Q_OBJECT

public:
    ExportJob(QList<RunResult> runs, QString path, QObject *parent = nullptr);

    void start();

private:
    QList<RunResult> m_runs;
};
