#pragma once

#include "core/prediction.h"
#include "core/runresult.h"

#include <QAbstractTableModel>

#include <optional>

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
        Connection, // a capture's client connection: "3", or "3 ↻" when an earlier request used it too
        Count
    };
    Q_ENUM(Column)

    enum Role {
        RecordRole = Qt::UserRole, // the whole RequestRecord
        SortRole, // numbers as numbers, not display text
        IdRole,
    };

    explicit RunModel(QObject *parent = nullptr);
    ~RunModel() override; // frees the records on a worker thread

    /// Starts a live run: empty, with its settings and start time. A reset: views start afresh.
    void beginRun(int runId, const RunSettings &settings, const QDateTime &startedAt);
    /// Applies a batch from Recorder::recordsChanged: new records (ids past the end) are announced with
    /// recordsAppended, changed ones with recordsUpdated. Batches of another run are dropped.
    void applyRecords(int runId, const QList<RequestRecord> &changed);
    /// The gate was resized at change.atNs (the initial size comes first).
    void applyCapacity(int runId, const CapacityChange &change);
    /// Applies Recorder::crawlChanged: the skipped URLs and hosts of a crawl, whole.
    void applyCrawl(int runId, const QList<SkippedUrl> &skipped, const QList<CrawlHost> &hosts);
    /// While live, how far the run has got: views draw unfinished phases up to here.
    void setLiveNow(int runId, qint64 nowNs);
    /// The run ended: takes the final result (what the batches did not carry yet is announced as appended or
    /// updated), and marks the run finished. Not a reset: selections, scroll positions and the models built
    /// on this one stay.
    void finishRun(const RunResult &result);
    /// Replaces everything with a finished (or imported) run: a reset.
    void setRun(const RunResult &run);
    void clear();

    const RunResult &run() const { return m_run; }
    /// What the lesson's rules said this run would take, for its header; unset when nobody predicted it.
    /// Kept across beginRun, so a prediction made before the run starts stays.
    void setPrediction(const Prediction &prediction) { m_prediction = prediction; }
    const std::optional<Prediction> &prediction() const { return m_prediction; }
    /// How many requests a run was given up front: views keep room for those still to come, so a big run fed
    /// in slices does not rescale with every slice. 0 when unknown (a crawl finds its own). Kept across
    /// beginRun, like the prediction.
    void setPlannedCount(int count) { m_plannedCount = std::max(0, count); }
    int plannedCount() const { return m_plannedCount; }
    const QList<RequestRecord> &records() const { return m_run.records; }
    bool isLive() const { return m_live; }
    qint64 liveNowNs() const { return m_liveNowNs; }
    /// The end of the time range to show: the run's end (or its last release), or now while it is live.
    qint64 endNs() const { return m_live ? m_liveNowNs : m_finishedEndNs; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Duration of a column's phase in ns, or -1 when the phase did not happen.
    static qint64 phaseNs(const RequestRecord &record, Column column);

Q_SIGNALS:
    // Each change is announced once, by what it touched, so that views patch their caches by range instead
    // of rebuilding: nothing here asks a view to look at every record again, except runReset.

    /// Records first..last were added (after rowsInserted).
    void recordsAppended(int first, int last);
    /// These records changed (after dataChanged); ids ascending, each once.
    void recordsUpdated(const QList<int> &ids);
    /// The live clock moved: phases still going grow to nowNs.
    void liveNowChanged(qint64 nowNs);
    /// The gate's size changed (run().capacityChanges has the new entry).
    void capacityChanged();
    /// The crawl's skipped URLs or hosts changed (applyCrawl); also emitted by runReset.
    void crawlChanged();
    /// The run ended; it is no longer live and its result is final.
    void runFinished();
    /// A run was started, set or cleared: views rebuild and re-fit.
    void runReset();

private:
    void announceReset();
    static qint64 lastReleaseNs(const RunResult &run);

    RunResult m_run;
    std::optional<Prediction> m_prediction;
    int m_plannedCount = 0;
    bool m_live = false;
    qint64 m_liveNowNs = 0;
    qint64 m_finishedEndNs = 0;
};
