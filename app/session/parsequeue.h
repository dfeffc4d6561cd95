#pragma once

#include "core/runresult.h"
#include "crawler/parsetask.h"
#include "net/fetch.h"

#include <QObject>
#include <QThreadPool>

#include <algorithm>
#include <deque>

/// The responses a crawl has yet to act on, in the order they arrived. Pages and robots.txt files are parsed
/// on worker threads meanwhile; an entry whose parse finished early waits for the ones before it, so the
/// crawl decides in arrival order whatever the threads' timing. clear() drops every entry, and the results
/// of parses still running for them are thrown away when they come back.
///
/// What is parsed at once is bounded by bytes, not by threads: a parse starts, in arrival order, only while
/// the bodies being parsed add up to at most byteBudget() (one body larger than that runs alone), because
/// gumbo's tree of a page is many times its bytes and two 30 MB pages parsed side by side took a gigabyte.
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

    /// Enough for every ordinary page to be parsed beside others; a page larger than this is parsed alone.
    static constexpr qint64 DefaultByteBudget = 32LL * 1024 * 1024;

    explicit ParseQueue(QObject *parent = nullptr);
    ~ParseQueue() override;

    void setByteBudget(qint64 bytes) { m_byteBudget = std::max<qint64>(bytes, 1); }
    qint64 byteBudget() const { return m_byteBudget; }
    /// The body bytes of the parses running now, and the most there ever were at once.
    qint64 bytesInParse() const { return m_bytesInParse; }
    qint64 peakBytesInParse() const { return m_peakBytesInParse; }

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
    struct Job;
    struct Waiting
    {
        quint64 generation;
        quint64 sequence;
        ParseTask task;
    };

    void startWaiting();
    void startParse(Waiting waiting);
    void onParsed(quint64 generation, quint64 sequence, ParseResult result);

    std::deque<Entry> m_entries;
    std::deque<Waiting> m_waiting; // parses not started yet, in arrival order
    qint64 m_byteBudget = DefaultByteBudget;
    qint64 m_bytesInParse = 0;
    qint64 m_peakBytesInParse = 0;
    quint64 m_frontSequence = 0; // the sequence number of m_entries.front()
    quint64 m_generation = 0;
    QThreadPool m_pool;
};
