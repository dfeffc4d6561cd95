#pragma once

#include "core/runresult.h"
#include "crawler/parsetask.h"
#include "net/fetch.h"

#include <QObject>
#include <QThreadPool>

#include <deque>

/// The responses a crawl has yet to act on, in the order they arrived. Pages and robots.txt files are parsed
/// on worker threads meanwhile; an entry whose parse finished early waits for the ones before it, so the
/// crawl decides in arrival order whatever the threads' timing. clear() drops every entry, and the results
/// of parses still running for them are thrown away when they come back.
class ParseQueue : public QObject
{
    Q_OBJECT

public:
    struct Entry
    {
        RequestRecord record; // as it was when the response arrived
        FetchResponse response; // without its body, which went to the parse
        qint64 retryWaitMs = -1; // after a 429 or 503: how long its host was paused
        ParseResult parsed; // once ready
        bool ready = false;
        bool begun = false; // the crawler acted on everything but the links
    };

    explicit ParseQueue(QObject *parent = nullptr);
    ~ParseQueue() override;

    /// Queues the entry; with a task other than None it is ready once the task ran on a worker thread.
    void push(Entry entry, ParseTask task);
    /// The oldest entry if it is ready, else nullptr.
    Entry *head();
    void pop();
    void clear();

    bool isEmpty() const { return m_entries.empty(); }
    qsizetype size() const { return qsizetype(m_entries.size()); }
    /// Changes with every clear(): an entry pointer from before is stale.
    quint64 generation() const { return m_generation; }

Q_SIGNALS:
    /// An entry became ready; the head may be ready now.
    void parsed();

private:
    void onParsed(quint64 generation, quint64 sequence, ParseResult result);

    std::deque<Entry> m_entries;
    quint64 m_frontSequence = 0; // the sequence number of m_entries.front()
    quint64 m_generation = 0;
    QThreadPool m_pool;
};
