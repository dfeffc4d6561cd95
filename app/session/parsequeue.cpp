#include "parsequeue.h"

#include <QFutureWatcher>
#include <QtConcurrent>

#include <memory>

ParseQueue::ParseQueue(QObject *parent)
    : QObject(parent)
{ }

ParseQueue::~ParseQueue()
{
    // Parses not started yet are not needed by anyone; the running ones finish on their own threads.
    m_pool.clear();
    m_pool.waitForDone();
}

// The result travels in a shared slot rather than through the future's result store, so that the GUI thread
// gets the only reference to it: a page's links are then dropped one by one as they are acted on, not all at
// once when the future goes.
struct ParseQueue::Job
{
    ParseTask task;
    ParseResult result;
};

void ParseQueue::push(Entry entry, ParseTask task)
{
    const quint64 sequence = m_frontSequence + m_entries.size();
    entry.ready = task.kind == ParseTask::Kind::None;
    entry.response.body.clear();
    m_entries.push_back(std::move(entry));
    if (task.kind == ParseTask::Kind::None)
        return;
    m_waiting.push_back({m_generation, sequence, std::move(task)});
    startWaiting();
}

void ParseQueue::startWaiting()
{
    while (!m_waiting.empty()) {
        const qint64 bytes = m_waiting.front().task.body.size();
        if (m_bytesInParse > 0 && m_bytesInParse + bytes > m_byteBudget)
            return;
        Waiting next = std::move(m_waiting.front());
        m_waiting.pop_front();
        startParse(std::move(next));
    }
}

void ParseQueue::startParse(Waiting waiting)
{
    const qint64 bytes = waiting.task.body.size();
    m_bytesInParse += bytes;
    m_peakBytesInParse = std::max(m_peakBytesInParse, m_bytesInParse);
    auto job = std::make_shared<Job>(Job {std::move(waiting.task), {}});
    auto *watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, job, bytes, generation = waiting.generation, sequence = waiting.sequence] {
                watcher->deleteLater();
                m_bytesInParse -= bytes; // whether or not its entry is still wanted, its bytes are free
                onParsed(generation, sequence, std::move(job->result));
                startWaiting();
            });
    watcher->setFuture(QtConcurrent::run(&m_pool, [job] {
        job->result = job->task.run();
        job->task = {}; // the body's memory goes on this thread, too
    }));
}

void ParseQueue::onParsed(quint64 generation, quint64 sequence, ParseResult result)
{
    if (generation != m_generation || sequence < m_frontSequence)
        return;
    Entry &entry = m_entries.at(sequence - m_frontSequence);
    entry.parsed = std::move(result);
    entry.ready = true;
    Q_EMIT parsed();
}

ParseQueue::Entry *ParseQueue::head()
{
    if (m_entries.empty() || !m_entries.front().ready)
        return nullptr;
    return &m_entries.front();
}

void ParseQueue::pop()
{
    if (m_entries.empty())
        return;
    m_entries.pop_front();
    ++m_frontSequence;
}

void ParseQueue::clear()
{
    m_entries.clear();
    m_waiting.clear();
    m_frontSequence = 0;
    ++m_generation;
}
