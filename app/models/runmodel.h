#pragma once

#include "core/runresult.h"

#include <QAbstractTableModel>

/// One run's requests as a table, one row per request in id order, kept live while the run goes: the engine's
/// batches are applied with one insert and one dataChanged each. Views that paint many rows (the timeline)
/// read records() directly instead of going through QVariant per cell.
class RunModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column {
        Id,
        Url,
        Outcome,
        Status,
        Waiting, // queued -> issued: the gate, then the host's slot
        Connecting, // issued -> request sent
        FirstByte, // request sent -> response headers
        Download, // headers -> finished
        Delay, // finished -> delay released
        Total, // issued -> finished
        Bytes,
        ContentType,
        Redirects,
        Error,
        Count
    };
    Q_ENUM(Column)

    enum Role {
        RecordRole = Qt::UserRole, // the whole RequestRecord
        SortRole, // numbers as numbers, not display text
        IdRole,
    };

    explicit RunModel(QObject *parent = nullptr);

    /// Starts a live run: empty, with its settings and start time.
    void beginRun(int runId, const RunSettings &settings, const QDateTime &startedAt);
    /// Applies a batch from Runner::recordsChanged. Batches of another run are dropped.
    void applyRecords(int runId, const QList<RequestRecord> &changed);
    void setCapacityChanges(const QList<CapacityChange> &changes);
    /// Applies Runner::crawlChanged: the skipped URLs and hosts of a crawl, whole.
    void applyCrawl(int runId, const QList<SkippedUrl> &skipped, const QList<CrawlHost> &hosts);
    /// While live, how far the run has got: views draw unfinished phases up to here.
    void setLiveNowNs(qint64 nowNs);
    /// Replaces everything with a finished (or imported) run.
    void setRun(const RunResult &run);
    void clear();

    const RunResult &run() const { return m_run; }
    const QList<RequestRecord> &records() const { return m_run.records; }
    bool isLive() const { return m_live; }
    /// The end of the time range to show: the run's end, or now while it is live.
    qint64 endNs() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Milliseconds with one decimal, as the tables show times; empty for -1 (did not happen).
    static QString formatMs(qint64 ns);
    /// Duration of a column's phase in ns, or -1 when the phase did not happen.
    static qint64 phaseNs(const RequestRecord &record, Column column);

Q_SIGNALS:
    /// Anything the timeline draws changed: records, capacity, or the live clock.
    void timelineChanged();
    /// The crawl's skipped URLs or hosts changed (applyCrawl); also emitted by runReset.
    void crawlChanged();
    /// A run was started, set or cleared: views should re-fit.
    void runReset();

private:
    RunResult m_run;
    bool m_live = false;
    qint64 m_liveNowNs = 0;
};
