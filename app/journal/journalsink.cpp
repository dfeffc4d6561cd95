#include "journalsink.h"

#include "export/runjson.h"

#include <cerrno>
#include <utility>

#include <unistd.h>

JournalSink::JournalSink(int fd, Failed failed)
    : m_fd(fd)
    , m_failed(std::move(failed))
    , m_thread([this] { run(); })
{ }

JournalSink::~JournalSink()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void JournalSink::writeLines(QByteArray lines)
{
    if (!lines.isEmpty())
        hand({std::move(lines), {}, false});
}

void JournalSink::startRun(QByteArray header)
{
    hand({std::move(header), {}, true});
}

void JournalSink::writeRecords(QList<RequestRecord> batch)
{
    if (!batch.isEmpty())
        hand({{}, std::move(batch), false});
}

void JournalSink::hand(Job job)
{
    {
        const std::lock_guard lock(m_mutex);
        if (m_dead)
            return;
        m_jobs.push_back(std::move(job));
    }
    m_wake.notify_one();
}

void JournalSink::drain()
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return (m_jobs.empty() && !m_busy) || m_dead; });
}

QString JournalSink::failure()
{
    const std::lock_guard lock(m_mutex);
    return m_failure;
}

void JournalSink::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return !m_jobs.empty() || m_stop; });
        if (m_jobs.empty())
            return; // stopped, and everything is written
        // Whatever came meanwhile goes in one write.
        std::deque<Job> jobs;
        jobs.swap(m_jobs);
        m_busy = true;
        lock.unlock();
        QByteArray bytes;
        for (Job &job : jobs) {
            if (job.newRun)
                m_seen.clear();
            bytes += job.lines;
            serialize(bytes, job.records);
        }
        jobs.clear(); // the batches' last references may be ours: freed here, not under the lock
        QString failure;
        const bool written = writeAll(bytes, &failure);
        lock.lock();
        m_busy = false;
        if (!written) {
            m_dead = true;
            m_failure = failure;
            m_jobs.clear();
        }
        m_idle.notify_all();
        if (!written) {
            lock.unlock();
            m_failed(failure);
            lock.lock();
        }
    }
}

void JournalSink::serialize(QByteArray &out, const QList<RequestRecord> &records)
{
    if (records.isEmpty())
        return;
    out.reserve(out.size() + records.size() * 640); // a record's line is 500 to 600 bytes with a short URL
    const UrlById noUrls; // parent_url is for readers of exports; the journal's reader goes by parent_id
    for (const RequestRecord &record : records) {
        const auto id = std::size_t(record.id);
        if (id >= m_seen.size())
            m_seen.resize(id + 1, false);
        // Between its first line and its end a request changes phase several times; its end says it all.
        if (m_seen[id] && !record.isDone())
            continue;
        m_seen[id] = true;
        RunJson::appendRecordLine(out, "rec", record, noUrls);
    }
}

bool JournalSink::writeAll(const QByteArray &bytes, QString *failure) const
{
    const char *data = bytes.constData();
    qsizetype left = bytes.size();
    while (left > 0) {
        const ssize_t written = ::write(m_fd, data, std::size_t(left));
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0) {
            const int error = written < 0 ? errno : ENOSPC;
            *failure = qt_error_string(error);
            return false;
        }
        data += written;
        left -= written;
    }
    return true;
}
