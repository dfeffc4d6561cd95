#include "recorder.h"

#include "core/clock.h"

Recorder::Recorder(QObject *parent)
    : QObject(parent)
{
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(BatchIntervalMs);
    connect(&m_batchTimer, &QTimer::timeout, this, &Recorder::flush);
}

void Recorder::begin(int runId, const RunSettings &settings)
{
    m_batchTimer.stop();
    m_dirty.clear();
    m_dirtyFlags.clear();
    m_run = RunResult {};
    m_run.runId = runId;
    m_run.settings = settings;
    m_run.startedAt = QDateTime::currentDateTimeUtc();
    m_zeroNs = Clock::nowNs();
}

int Recorder::add(const QUrl &url, int parentId, int depth)
{
    RequestRecord record;
    record.id = int(m_run.records.size());
    record.url = url;
    record.mode = m_run.settings.mode;
    record.parentId = parentId;
    record.depth = depth;
    record.set(Mark::Queued, elapsedNs());
    m_run.records.append(record);
    m_dirtyFlags.push_back(false);
    touch(record.id);
    return record.id;
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
    m_run.capacityChanges.append({elapsedNs(), capacity});
}

void Recorder::end(bool cancelled)
{
    m_run.endNs = elapsedNs();
    m_run.cancelled = cancelled;
    flush();
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
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

void Recorder::flush()
{
    m_batchTimer.stop();
    if (m_dirty.isEmpty())
        return;
    QList<RequestRecord> changed;
    changed.reserve(m_dirty.size());
    for (int id : std::as_const(m_dirty)) {
        m_dirtyFlags[id] = false;
        changed.append(m_run.records.at(id));
    }
    m_dirty.clear();
    Q_EMIT recordsChanged(m_run.runId, changed);
}
