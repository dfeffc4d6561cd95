#include "recorder.h"

#include "core/clock.h"

#include <algorithm>
#include <array>

namespace {

// Distinct strings interned per run; past it a new one is kept by its record alone, so that a run whose
// errors all differ (each naming its host) does not also grow the set without end.
constexpr qsizetype MaxInternedStrings = 4096;

} // namespace

Recorder::Recorder(QObject *parent)
    : QObject(parent)
{
    m_tickTimer.setInterval(BatchIntervalMs);
    connect(&m_tickTimer, &QTimer::timeout, this, &Recorder::tick);
}

void Recorder::begin(int runId, const RunSettings &settings)
{
    m_tickTimer.stop();
    m_dirty.clear();
    m_dirtyFlags.clear();
    m_crawlDirty = false;
    m_skipIndex.clear();
    m_skipDetails.clear();
    m_strings.clear();
    m_urls.clear();
    releaseInBackground(m_run); // the last run's records: freed here, they would stall the new run's start
    m_run.runId = runId;
    m_run.settings = settings;
    m_run.startedAt = QDateTime::currentDateTimeUtc();
    m_zeroNs = Clock::nowNs();
    m_tickTimer.start();
}

void Recorder::reserve(int count)
{
    m_run.records.reserve(count);
    m_dirtyFlags.reserve(std::size_t(count));
    m_dirty.reserve(count);
}

int Recorder::add(const QUrl &url, int parentId, int depth, qint64 queuedNs)
{
    const int id = int(m_run.records.size());
    RequestRecord &record = m_run.records.emplaceBack(); // in place: a copy of a record is not free
    record.id = id;
    record.url = m_urls.store(url);
    record.mode = m_run.settings.mode;
    record.parentId = parentId;
    record.depth = depth;
    record.set(Mark::Queued, queuedNs >= 0 ? queuedNs : elapsedNs());
    m_dirtyFlags.push_back(false);
    touch(id);
    return id;
}

void Recorder::mark(int id, Mark mark)
{
    markAt(id, mark, elapsedNs());
}

void Recorder::markAt(int id, Mark mark, qint64 ns)
{
    m_run.records[id].set(mark, ns);
    touch(id);
}

RequestRecord &Recorder::edit(int id)
{
    touch(id);
    return m_run.records[id];
}

void Recorder::recordCapacity(int capacity)
{
    const CapacityChange change {elapsedNs(), capacity};
    m_run.capacityChanges.append(change);
    Q_EMIT capacityChanged(m_run.runId, change);
}

void Recorder::skip(const QUrl &url, int parentId, int depth, SkipReason reason, const QString &detail)
{
    const QString encoded = url.toString(QUrl::FullyEncoded);
    const quint64 key = qHashMulti(0, encoded, int(reason));
    if (const auto it = m_skipIndex.constFind(key); it != m_skipIndex.cend()) {
        ++m_run.skipped[*it].count;
    } else if (const int most = m_run.settings.crawl.maxSkippedKept;
               most > 0 && m_run.skipped.size() >= most) {
        ++m_run.skippedBeyondKept;
    } else {
        m_skipIndex.insert(key, m_run.skipped.size());
        auto shared = m_skipDetails.constFind(detail);
        if (shared == m_skipDetails.cend())
            shared = m_skipDetails.insert(detail);
        m_run.skipped.append({url, parentId, depth, reason, *shared, 1, elapsedNs()});
    }
    touchCrawl();
}

void Recorder::dropLinks(qint64 count, bool cutShort)
{
    m_run.linksDropped += count;
    if (cutShort)
        ++m_run.pagesCutShort;
    touchCrawl();
}

void Recorder::setHost(const CrawlHost &host)
{
    const auto it = std::find_if(m_run.hosts.begin(), m_run.hosts.end(),
                                 [&](const CrawlHost &known) { return known.origin == host.origin; });
    if (it == m_run.hosts.end())
        m_run.hosts.append(host);
    else if (*it == host)
        return;
    else
        *it = host;
    touchCrawl();
}

const CrawlHost *Recorder::host(const QString &origin) const
{
    const auto it = std::find_if(m_run.hosts.cbegin(), m_run.hosts.cend(),
                                 [&](const CrawlHost &known) { return known.origin == origin; });
    return it == m_run.hosts.cend() ? nullptr : &*it;
}

void Recorder::end(bool cancelled)
{
    m_run.endNs = elapsedNs();
    m_run.cancelled = cancelled;
    m_tickTimer.stop();
    flush();
    m_dirty.squeeze(); // it held every id once; a finished run keeps no such list
}

void Recorder::tick()
{
    // A crawl's skipped URLs name their parents, so they wait for all the records; a crawl queues few at
    // once.
    if (m_crawlDirty)
        flush();
    else
        flushRecords(MaxBatchRecords);
    Q_EMIT clockTicked(m_run.runId, elapsedNs());
}

qint64 Recorder::elapsedNs() const
{
    return Clock::nowNs() - m_zeroNs;
}

void Recorder::touch(int id)
{
    if (m_dirtyFlags[id])
        return;
    m_dirtyFlags[id] = true;
    m_dirty.append(id);
}

void Recorder::touchCrawl()
{
    m_crawlDirty = true;
}

void Recorder::flush()
{
    flushRecords(m_dirty.size());
    if (m_crawlDirty) {
        // After the records, so that a skip's parent is known to whoever listens.
        m_crawlDirty = false;
        Q_EMIT crawlChanged(m_run.runId, m_run.skipped, m_run.hosts);
    }
}

void Recorder::flushRecords(qsizetype most)
{
    if (m_dirty.isEmpty() || most <= 0)
        return;
    // In the order they were first touched: a new record never goes before one with a smaller id, so every
    // batch appends without gaps.
    const qsizetype count = std::min(most, m_dirty.size());
    QList<RequestRecord> changed;
    changed.reserve(count);
    for (qsizetype i = 0; i < count; ++i) {
        const int id = m_dirty.at(i);
        m_dirtyFlags[id] = false;
        RequestRecord &record = m_run.records[id];
        compact(record);
        changed.append(record);
    }
    m_dirty.remove(0, count);
    Q_EMIT recordsChanged(m_run.runId, changed);
}

void Recorder::compact(RequestRecord &record)
{
    // Fetch sets the final URL from the reply, a QUrl equal to the request's: one copy of the bytes for both.
    if (record.finalUrl == record.url)
        record.finalUrl = record.url;
    // The text last kept for each field, on this thread: consecutive records nearly always repeat it, and a
    // comparison costs far less than the set's hash (about 1.5 us a lookup here).
    thread_local std::array<SharedText, 2> last;
    const std::array<SharedText *, 2> fields {&record.contentType, &record.error};
    for (std::size_t i = 0; i < fields.size(); ++i) {
        SharedText &text = *fields[i];
        if (text.isEmpty() || text.sharesWith(last[i]))
            continue;
        if (text == last[i]) {
            text = last[i];
            continue;
        }
        intern(text);
        last[i] = text;
    }
}

void Recorder::intern(SharedText &text)
{
    if (const auto known = m_strings.constFind(text); known != m_strings.cend())
        text = *known;
    else if (m_strings.size() < MaxInternedStrings)
        m_strings.insert(text);
}
