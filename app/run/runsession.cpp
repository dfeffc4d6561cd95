#include "runsession.h"

#include "models/runmodel.h"
#include "runner.h"
#include "runsequence.h"

RunSession::RunSession(QObject *parent)
    : QObject(parent)
    , m_sequence(new RunSequence(this))
{
    m_liveTimer.setInterval(LiveIntervalMs);
    connect(&m_liveTimer, &QTimer::timeout, this, &RunSession::tick);
    connect(m_sequence, &RunSequence::runStarted, this, &RunSession::onRunStarted);
    connect(m_sequence->runner(), &Runner::recordsChanged, this, &RunSession::onRecordsChanged);
    connect(m_sequence, &RunSequence::runFinished, this, &RunSession::onRunFinished);
    connect(m_sequence, &RunSequence::finished, this, [this](const QList<RunResult> &, bool cancelled) {
        m_liveTimer.stop();
        Q_EMIT progressChanged();
        Q_EMIT finished(cancelled);
    });
}

void RunSession::start(const QList<QUrl> &urls, const QList<RunSettings> &plan)
{
    stop();
    qDeleteAll(m_models);
    m_models.clear();
    for (int i = 0; i < plan.size(); ++i)
        m_models.append(new RunModel(this));
    m_plannedRuns = int(plan.size());
    m_requestsPerRun = int(urls.size());
    Q_EMIT modelsChanged();
    Q_EMIT started();
    m_liveTimer.start();
    m_sequence->start(urls, plan);
}

void RunSession::showRuns(const QList<RunResult> &runs)
{
    stop();
    qDeleteAll(m_models);
    m_models.clear();
    for (const auto &run : runs) {
        auto *model = new RunModel(this);
        model->setRun(run);
        m_models.append(model);
    }
    m_plannedRuns = 0;
    m_requestsPerRun = 0;
    Q_EMIT modelsChanged();
    Q_EMIT progressChanged();
}

void RunSession::stop()
{
    m_sequence->cancel();
}

void RunSession::setLimit(int limit)
{
    m_sequence->runner()->setLimit(limit);
}

bool RunSession::isRunning() const
{
    return m_sequence->isRunning();
}

QList<RunResult> RunSession::results() const
{
    QList<RunResult> results;
    for (const auto *model : m_models) {
        if (!model->records().isEmpty() || !model->isLive())
            results.append(model->run());
    }
    return results;
}

void RunSession::onRunStarted(int index, const RunSettings &settings)
{
    if (index < m_models.size())
        m_models[index]->beginRun(index, settings, QDateTime::currentDateTimeUtc());
}

void RunSession::onRecordsChanged(int runId, const QList<RequestRecord> &changed)
{
    if (runId >= 0 && runId < m_models.size())
        m_models[runId]->applyRecords(runId, changed);
}

void RunSession::onRunFinished(const RunResult &result)
{
    if (result.runId >= 0 && result.runId < m_models.size())
        m_models[result.runId]->setRun(result);
    Q_EMIT progressChanged();
}

void RunSession::tick()
{
    const Runner *runner = m_sequence->runner();
    if (runner->isRunning()) {
        const int index = runner->recorder().runId();
        if (index >= 0 && index < m_models.size()) {
            RunModel *model = m_models[index];
            model->setCapacityChanges(runner->recorder().result().capacityChanges);
            model->setLiveNowNs(runner->recorder().elapsedNs());
        }
    }
    Q_EMIT progressChanged();
}

RunSession::Progress RunSession::progress() const
{
    Progress progress;
    progress.total = m_plannedRuns * m_requestsPerRun;
    const Runner *runner = m_sequence->runner();
    const int finishedRuns = int(m_sequence->results().size());
    progress.done = finishedRuns * m_requestsPerRun;
    for (const auto &result : m_sequence->results())
        progress.elapsedNs += result.endNs;
    if (runner->isRunning()) {
        progress.done += runner->done();
        progress.inFlight = runner->inFlight();
        progress.waiting = runner->waiting();
        progress.elapsedNs += runner->recorder().elapsedNs();
    }
    if (progress.done > 0 && progress.done < progress.total) {
        const double perRequest = double(progress.elapsedNs) / progress.done;
        progress.etaNs = qint64(perRequest * (progress.total - progress.done));
    } else if (progress.done == progress.total) {
        progress.etaNs = 0;
    }
    return progress;
}
