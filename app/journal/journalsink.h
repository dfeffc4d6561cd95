#pragma once

#include "core/requestrecord.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

/// Writes one journal file on a thread of its own, in the order it is handed lines and batches. A batch of
/// records is serialized there too: a record's line cost the GUI thread more than anything else the engine
/// adds to QNAM per request. A batch is a QList of the Recorder's, shared, not copied; its records are
/// values, read only. Each hand-over wakes the thread at once, and what it finds is written to the kernel in
/// one write, so a SIGKILL still keeps every batch handed over more than a moment before, as when the GUI
/// thread wrote them itself.
class JournalSink
{
public:
    /// Called on the sink's thread when a write fails, with the system's reason; nothing is written after.
    using Failed = std::function<void(const QString &reason)>;

    /// fd stays the caller's, open until this sink is destroyed.
    JournalSink(int fd, Failed failed);
    /// Writes everything handed over, then stops its thread.
    ~JournalSink();
    JournalSink(const JournalSink &) = delete;
    JournalSink &operator=(const JournalSink &) = delete;

    /// Ready-made lines.
    void writeLines(QByteArray lines);
    /// A new run starts: its header line, and from here on every record is new again.
    void startRun(QByteArray header);
    /// A Recorder batch: a record's line is written when it first appears and when it is done, not for
    /// every phase in between.
    void writeRecords(QList<RequestRecord> batch);
    /// Returns once everything handed over so far is written (or the sink has failed).
    void drain();
    /// Why a write failed; empty while none has.
    QString failure();

private:
    struct Job
    {
        QByteArray lines;
        QList<RequestRecord> records;
        bool newRun = false;
    };

    void hand(Job job);
    void run();
    void serialize(QByteArray &out, const QList<RequestRecord> &records);
    bool writeAll(const QByteArray &bytes, QString *failure) const;

    const int m_fd;
    const Failed m_failed;
    std::mutex m_mutex;
    std::condition_variable m_wake; // work arrived, or stop
    std::condition_variable m_idle; // the queue was written
    std::deque<Job> m_jobs;
    bool m_busy = false; // jobs taken off the queue, not yet written
    bool m_stop = false;
    bool m_dead = false; // a write failed
    QString m_failure; // why
    std::vector<bool> m_seen; // the sink thread's: by record id, written at least once this run
    std::thread m_thread;
};
