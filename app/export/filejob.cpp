#include "filejob.h"

#include <QMetaObject>
#include <QPointer>
#include <QThread>

#include <utility>

FileJob::FileJob(QString path, QObject *parent)
    : QObject(parent)
    , m_path(std::move(path))
{ }

FileJob::~FileJob()
{
    m_cancelled = true;
    if (m_thread)
        m_thread->wait();
}

void FileJob::cancel()
{
    if (m_running)
        m_cancelled = true;
}

void FileJob::startWork(std::function<bool(Progress &progress, QString *error)> work)
{
    Q_ASSERT(!m_running && !m_thread);
    m_running = true;
    // Both lambdas post to this object, so what they carry is dropped, not delivered, if the job is gone.
    auto report = [this](qint64 done, qint64 total) {
        QMetaObject::invokeMethod(
            this, [this, done, total] { Q_EMIT progressed(done, total); }, Qt::QueuedConnection);
    };
    m_thread.reset(QThread::create([this, work = std::move(work), report = std::move(report)] {
        Progress progress(report, &m_cancelled);
        QString error;
        const bool ok = work(progress, &error);
        if (!ok && m_cancelled && error.isEmpty())
            error = Progress::cancelledText();
        QMetaObject::invokeMethod(
            this,
            [this, ok, error] {
                m_thread->wait();
                m_running = false;
                Q_EMIT finished(ok, error);
            },
            Qt::QueuedConnection);
    }));
    m_thread->setObjectName(QStringLiteral("FileJob"));
    m_thread->start();
}
