#pragma once

#include "core/runresult.h"

#include <QObject>
#include <QTimer>

#include <vector>

/// Owns the records of one run and stamps their phases on the monotonic clock. Views get copies of the
/// changed records in batches (recordsChanged), at most every BatchIntervalMs, so a run of 10 000 requests
/// does not flood the event loop with one signal per phase.
class Recorder : public QObject
{
    Q_OBJECT

public:
    static constexpr int BatchIntervalMs = 33;

    explicit Recorder(QObject *parent = nullptr);

    /// Starts a new, empty run: the monotonic zero and the wall-clock start are taken now.
    void begin(int runId, const RunSettings &settings);
    /// Adds a request, queued now. Returns its id.
    int add(const QUrl &url, int parentId = -1, int depth = 0);
    void mark(int id, Mark mark);
    void markAt(int id, Mark mark, qint64 ns);
    /// For fields other than marks; the record is sent in the next batch.
    RequestRecord &edit(int id);
    void recordCapacity(int capacity);
    void end(bool cancelled);

    qint64 elapsedNs() const;
    int runId() const { return m_run.runId; }
    int count() const { return int(m_run.records.size()); }
    const RequestRecord &record(int id) const { return m_run.records.at(id); }
    const RunResult &result() const { return m_run; }

    /// Sends the pending batch now.
    void flush();

Q_SIGNALS:
    void recordsChanged(int runId, const QList<RequestRecord> &changed);

private:
    void touch(int id);

    RunResult m_run;
    qint64 m_zeroNs = 0;
    std::vector<bool> m_dirtyFlags;
    QList<int> m_dirty;
    QTimer m_batchTimer;
};
