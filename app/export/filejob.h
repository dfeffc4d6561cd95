#pragma once

#include "progress.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

/// A file export or import that runs on a thread of its own, so the window stays responsive: its input is
/// copied in as values, and progress and the result come back as signals on the thread that made the job.
/// Cancelling stops the work at the next record; a cancelled export leaves no file. Destroying a running job
/// cancels it and waits.
class FileJob : public QObject
{
    Q_OBJECT

public:
    ~FileJob() override;

    QString path() const { return m_path; }
    bool isRunning() const { return m_running; }
    bool wasCancelled() const { return m_cancelled.load(); }
    void cancel();

Q_SIGNALS:
    /// Records done of total; total is 0 while it is not known yet (an import still parsing).
    void progressed(qint64 done, qint64 total);
    /// On the job's thread once the work is over; error is empty when it succeeded.
    void finished(bool ok, const QString &error);

protected:
    FileJob(QString path, QObject *parent);

    /// Runs work on the job's thread. It must touch no widgets and nothing this job owns besides what it was
    /// given; it returns whether it succeeded.
    void startWork(std::function<bool(Progress &progress, QString *error)> work);

private:
    QString m_path;
    std::atomic_bool m_cancelled = false;
    bool m_running = false;
    std::unique_ptr<QThread> m_thread;
};
