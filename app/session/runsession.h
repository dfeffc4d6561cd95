#pragma once

#include "core/prediction.h"
#include "core/runresult.h"

#include <QList>
#include <QObject>

class Recorder;
class RunModel;
class RunSequence;

/// What the window drives: a sequence of runs over one URL list, each feeding its own live RunModel, plus the
/// progress numbers for the status bar. No widgets here, so it is tested headless.
class RunSession : public QObject
{
    Q_OBJECT

public:
    struct Progress
    {
        int done = 0;
        int total = 0;
        int inFlight = 0;
        int waiting = 0;
        qint64 elapsedNs = 0;
        qint64 etaNs = -1; // unknown until something finished; for a crawl, for what it has found so far
        int cancelled = 0; // requests of this session's runs that a Stop cancelled (not counted as done)
        bool stopped = false; // the runs are over, and a Stop ended them

        // A crawl's total grows as it finds pages; these say how far it got.
        bool crawling = false;
        int pagesDone = 0; // page requests done, retries included (robots.txt aside)
        int queued = 0; // found and not yet requested: waiting for a permit, its host or its robots.txt
        int skipped = 0; // distinct URLs not requested, for any reason
        int hosts = 0;
    };

    explicit RunSession(QObject *parent = nullptr);

    /// Starts the plan's runs; with keepEarlier the runs already shown stay, for comparison with the new
    /// ones.
    void start(const QList<QUrl> &urls, const QList<RunSettings> &plan, bool keepEarlier = false);
    /// Takes a finished run off the comparison.
    void removeRun(RunModel *model);
    /// Shows finished or imported runs, one model each, instead of running anything.
    void showRuns(const QList<RunResult> &runs);
    /// Shows a run that another engine records (a capture of another program) live, beside the ones shown:
    /// a new model follows recorder's batches and clock. Returns the run id the recorder must begin with.
    int watchRecorder(Recorder *recorder, const RunSettings &settings);
    /// The watched run is over: its model gets the whole result, or goes when nothing was recorded.
    void endWatched(const RunResult &result);
    /// Stops the run; every record made so far stays in the models.
    void stop();
    /// Resizes the running limited run's gate at once.
    void setLimit(int limit);
    /// How long URLs will take (the demo server's plan): every run then carries its Prediction, made when it
    /// starts and redone on the gate's recorded sizes when it finishes.
    void setLatencyOracle(const Prediction::LatencyOracle &latency) { m_latency = latency; }
    const Prediction::LatencyOracle &latencyOracle() const { return m_latency; }

    bool isRunning() const;
    Progress progress() const;
    const QList<RunModel *> &models() const { return m_models; }
    RunSequence *sequence() const { return m_sequence; }
    QList<RunResult> results() const;
    /// The prediction a run's model holds (nullopt: none, or no such run).
    std::optional<Prediction> predictionFor(int runId) const;

Q_SIGNALS:
    void started();
    void modelsChanged();
    void progressChanged();
    void finished(bool cancelled);

private:
    void onRunStarted(int runId, const RunSettings &settings);
    RunModel *modelFor(int runId) const;
    void onRecordsChanged(int runId, const QList<RequestRecord> &changed);
    void onRunFinished(const RunResult &result);
    Progress crawlProgress() const;

    RunSequence *m_sequence;
    QList<RunModel *> m_models;
    Prediction::LatencyOracle m_latency;
    QList<QUrl> m_urls;
    int m_plannedRuns = 0;
    int m_requestsPerRun = 0;
    bool m_crawling = false;
    int m_nextRunId = 0;
    // What the sequence's finished runs add to the progress, counted once per run.
    struct FinishedCounts
    {
        qsizetype runs = 0;
        int done = 0;
        int cancelled = 0;
        qint64 elapsedNs = 0;
        bool cancelledRun = false;
    };
    mutable FinishedCounts m_finished;
};
