#pragma once

#include "core/runresult.h"
#include "core/urlarena.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <vector>

/// Owns the records of one run and stamps their phases on the monotonic clock: the only writer of records.
/// Views get copies of the changed records in batches (recordsChanged), at most every BatchIntervalMs, so a
/// run of 10 000 requests does not flood the event loop with one signal per phase; the live clock and the
/// gate's size are published as signals of their own, so nobody polls the engine.
class Recorder : public QObject
{
    Q_OBJECT

public:
    static constexpr int BatchIntervalMs = 33;
    /// The most records one tick's batch carries. A run of 100 000 queues them all at its start; handed over
    /// at once they would stall the window for a quarter of a second, so they go over a few ticks instead.
    /// Each new row costs the views' sorted proxies and the frontier about 10 us: 1 024 keep a tick's append
    /// near 10 ms, and still hand over four times what a run at 8 000 requests/s finishes in a tick.
    static constexpr int MaxBatchRecords = 1024;

    explicit Recorder(QObject *parent = nullptr);

    /// Starts a new, empty run: the monotonic zero and the wall-clock start are taken now.
    void begin(int runId, const RunSettings &settings);
    /// Adds a request, queued now or at queuedNs on the run's clock. Returns its id.
    int add(const QUrl &url, int parentId = -1, int depth = 0, qint64 queuedNs = -1);
    /// Room for this many records, so a long list is not copied as it grows.
    void reserve(int count);
    void mark(int id, Mark mark);
    void markAt(int id, Mark mark, qint64 ns);
    /// For fields other than marks; the record is sent in the next batch.
    RequestRecord &edit(int id);
    void recordCapacity(int capacity);
    void setConcurrencyCap(const ConcurrencyCap &cap) { m_run.concurrencyCap = cap; }
    /// For a run whose settings are known only at its end: one a tracer watched.
    void setSettings(const RunSettings &settings) { m_run.settings = settings; }
    /// Notes a URL the crawl did not request. One already noted for the same reason is counted again
    /// instead, under its first parent and depth.
    /// Beyond CrawlSettings::maxSkippedKept distinct skips, a new one is only counted (skippedBeyondKept).
    void skip(const QUrl &url, int parentId, int depth, SkipReason reason, const QString &detail);
    /// Links of a page past CrawlSettings::maxLinksPerPage, counted and not read; cutShort when the page was
    /// parsed only as far as its first maxLinksPerPage links, so that links after them were not counted.
    void dropLinks(qint64 count, bool cutShort = false);
    /// Adds the host, or updates the one with the same origin.
    void setHost(const CrawlHost &host);
    /// The host with this origin, or nullptr.
    const CrawlHost *host(const QString &origin) const;
    void end(bool cancelled);

    qint64 elapsedNs() const;
    /// A Clock::nowNs() time on the run's clock.
    qint64 sinceStartNs(qint64 clockNs) const { return clockNs - m_zeroNs; }
    int runId() const { return m_run.runId; }
    int count() const { return int(m_run.records.size()); }
    const RequestRecord &record(int id) const { return m_run.records.at(id); }
    const RunResult &result() const { return m_run; }

    /// Sends every pending change now, however many.
    void flush();

Q_SIGNALS:
    void recordsChanged(int runId, const QList<RequestRecord> &changed);
    /// While a run goes, every BatchIntervalMs (after that tick's batch): how far it has got.
    void clockTicked(int runId, qint64 nowNs);
    /// The gate was resized (the initial size is the first change).
    void capacityChanged(int runId, const CapacityChange &change);
    /// The crawl's skipped URLs or hosts changed; both lists whole, as in the result.
    void crawlChanged(int runId, const QList<SkippedUrl> &skipped, const QList<CrawlHost> &hosts);

private:
    void touch(int id);
    void touchCrawl();
    void tick();
    void flushRecords(qsizetype most);
    void compact(RequestRecord &record);
    void intern(SharedText &text);

    RunResult m_run;
    qint64 m_zeroNs = 0;
    std::vector<bool> m_dirtyFlags;
    QList<int> m_dirty;
    bool m_crawlDirty = false;
    // hash of (URL, reason) -> position in skipped: a 64-bit hash rather than a second copy of every URL
    QHash<quint64, qsizetype> m_skipIndex;
    QSet<QString> m_skipDetails; // so that a detail said of many URLs is stored once
    // Content types and error reasons repeat across a run's requests: each kept once, one node that every
    // record with it shares, up to a bound.
    QSet<SharedText> m_strings;
    UrlArena m_urls; // the requests' URLs, packed
    QTimer m_tickTimer; // runs from begin() to end(): batches and the live clock
};
