#include "runsession.h"

#include "crawler.h"
#include "models/runmodel.h"
#include "recorder/recorder.h"
#include "run/runner.h"
#include "runsequence.h"

RunSession::RunSession(QObject *parent)
    : QObject(parent)
    , m_sequence(new RunSequence(this))
{
    connect(m_sequence, &RunSequence::runStarted, this, &RunSession::onRunStarted);
    const Runner *runner = m_sequence->runner();
    connect(runner, &Runner::recordsChanged, this, &RunSession::onRecordsChanged);
    // The engine publishes its clock and its gate's changes; the models pass them on, and the status bar's
    // numbers follow the same tick. Nothing here polls the engine on a timer of its own.
    connect(runner, &Runner::clockTicked, this, [this](int runId, qint64 nowNs) {
        if (RunModel *model = modelFor(runId))
            model->setLiveNow(runId, nowNs);
        Q_EMIT progressChanged();
    });
    connect(runner, &Runner::capacityChanged, this, [this](int runId, const CapacityChange &change) {
        if (RunModel *model = modelFor(runId))
            model->applyCapacity(runId, change);
    });
    connect(m_sequence->runner(), &Runner::crawlChanged, this,
            [this](int runId, const QList<SkippedUrl> &skipped, const QList<CrawlHost> &hosts) {
                if (RunModel *model = modelFor(runId))
                    model->applyCrawl(runId, skipped, hosts);
            });
    connect(m_sequence, &RunSequence::runFinished, this, &RunSession::onRunFinished);
    connect(m_sequence, &RunSequence::finished, this, [this](const QList<RunResult> &, bool cancelled) {
        // The list was kept for the runs' predictions; their records keep the URLs, a million of them about
        // 370 bytes each as QUrls.
        m_urls = {};
        Q_EMIT progressChanged();
        Q_EMIT finished(cancelled);
    });
}

void RunSession::start(const QList<QUrl> &urls, const QList<RunSettings> &plan, bool keepEarlier)
{
    stop();
    if (!keepEarlier) {
        // Later, not now: views built on the models (the request table's concatenation) let go of them
        // on modelsChanged, which comes after.
        for (RunModel *model : std::as_const(m_models))
            model->deleteLater();
        m_models.clear();
    }
    const int firstRunId = m_nextRunId;
    m_nextRunId += int(plan.size());
    m_urls = urls;
    for (int i = 0; i < plan.size(); ++i) {
        auto *model = new RunModel(this);
        model->beginRun(firstRunId + i, plan[i], QDateTime::currentDateTimeUtc());
        if (m_latency)
            model->setPrediction(Prediction::of(urls, plan[i], m_latency));
        if (!plan[i].crawl.enabled)
            model->setPlannedCount(int(urls.size()));
        m_models.append(model);
    }
    m_plannedRuns = int(plan.size());
    m_requestsPerRun = int(urls.size());
    m_crawling
        = std::any_of(plan.cbegin(), plan.cend(), [](const RunSettings &s) { return s.crawl.enabled; });
    Q_EMIT modelsChanged();
    Q_EMIT started();
    m_finished = {}; // the new sequence's runs are counted afresh
    m_sequence->start(urls, plan, firstRunId);
}

void RunSession::removeRun(RunModel *model)
{
    if (!m_models.contains(model) || (model->isLive() && isRunning()))
        return;
    m_models.removeAll(model);
    Q_EMIT modelsChanged();
    model->deleteLater();
}

RunModel *RunSession::modelFor(int runId) const
{
    for (auto *model : m_models) {
        if (model->run().runId == runId)
            return model;
    }
    return nullptr;
}

void RunSession::showRuns(const QList<RunResult> &runs)
{
    stop();
    for (RunModel *model : std::as_const(m_models))
        model->deleteLater(); // after modelsChanged, as in start()
    m_models.clear();
    for (RunResult run : runs) {
        run.runId = m_nextRunId++; // imported ids may clash with the ones live runs get
        auto *model = new RunModel(this);
        model->setRun(run);
        if (m_latency) {
            QList<QUrl> urls;
            for (const RequestRecord &record : run.records)
                urls.append(record.url);
            model->setPrediction(Prediction::of(urls, run.settings, m_latency, run.capacityChanges));
        }
        m_models.append(model);
    }
    m_plannedRuns = 0;
    m_requestsPerRun = 0;
    m_crawling = false;
    Q_EMIT modelsChanged();
    Q_EMIT progressChanged();
}

int RunSession::watchRecorder(Recorder *recorder, const RunSettings &settings)
{
    const int runId = m_nextRunId++;
    auto *model = new RunModel(this);
    model->beginRun(runId, settings, QDateTime::currentDateTimeUtc());
    m_models.append(model);
    // Each connection names the model: a later run of the same recorder has another id, which it ignores.
    connect(recorder, &Recorder::recordsChanged, model, &RunModel::applyRecords);
    connect(recorder, &Recorder::capacityChanged, model, &RunModel::applyCapacity);
    connect(recorder, &Recorder::clockTicked, model, [this, model](int id, qint64 nowNs) {
        model->setLiveNow(id, nowNs);
        Q_EMIT progressChanged();
    });
    Q_EMIT modelsChanged();
    return runId;
}

void RunSession::endWatched(const RunResult &result)
{
    RunModel *model = modelFor(result.runId);
    if (!model)
        return;
    if (result.records.isEmpty()) {
        m_models.removeAll(model);
        model->deleteLater();
    } else {
        model->finishRun(result);
    }
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

void RunSession::onRunStarted(int runId, const RunSettings &settings)
{
    if (RunModel *model = modelFor(runId))
        model->beginRun(runId, settings, QDateTime::currentDateTimeUtc());
}

void RunSession::onRecordsChanged(int runId, const QList<RequestRecord> &changed)
{
    if (RunModel *model = modelFor(runId))
        model->applyRecords(runId, changed);
}

std::optional<Prediction> RunSession::predictionFor(int runId) const
{
    const RunModel *model = modelFor(runId);
    return model ? model->prediction() : std::nullopt;
}

void RunSession::onRunFinished(const RunResult &result)
{
    if (RunModel *model = modelFor(result.runId)) {
        // The prediction follows the gate's real sizes: a gate resized mid-run is predicted as it was. A gate
        // that kept the size it started with schedules as start()'s prediction did (one size throughout), and
        // asking the oracle for 100 000 URLs again would stall the window as the run ends.
        const bool resized = result.capacityChanges.size() > 1
            || (result.capacityChanges.size() == 1
                && result.capacityChanges.constFirst().capacity != result.settings.gateCapacity());
        const bool predictedAsRan = model->prediction() && model->run().settings == result.settings;
        if (m_latency && !result.settings.crawl.enabled && (resized || !predictedAsRan))
            model->setPrediction(Prediction::of(m_urls, result.settings, m_latency, result.capacityChanges));
        model->finishRun(result);
    }
    Q_EMIT progressChanged();
}

RunSession::Progress RunSession::progress() const
{
    if (m_crawling)
        return crawlProgress();
    Progress progress;
    progress.total = m_plannedRuns * m_requestsPerRun;
    const Runner *runner = m_sequence->runner();
    // A finished run's requests are done, unless a Stop cancelled them: those are said apart. Each finished
    // run is counted once, not on every update of the status bar; a new sequence starts the count afresh.
    const QList<RunResult> &results = m_sequence->results();
    if (results.size() < m_finished.runs)
        m_finished = {};
    for (; m_finished.runs < results.size(); ++m_finished.runs) {
        const RunResult &result = results[m_finished.runs];
        m_finished.elapsedNs += result.endNs;
        m_finished.cancelledRun = m_finished.cancelledRun || result.cancelled;
        for (const RequestRecord &record : result.records) {
            if (record.outcome == Outcome::Cancelled)
                ++m_finished.cancelled;
            else if (record.isDone())
                ++m_finished.done;
        }
    }
    progress.done = m_finished.done;
    progress.cancelled = m_finished.cancelled;
    progress.elapsedNs = m_finished.elapsedNs;
    progress.stopped = m_finished.cancelledRun && !runner->isRunning();
    if (runner->isRunning()) {
        progress.done += runner->done();
        progress.inFlight = runner->inFlight();
        progress.waiting = runner->waiting();
        progress.elapsedNs += runner->recorder().elapsedNs();
    }
    if (progress.stopped) {
        progress.etaNs = 0;
    } else if (progress.done > 0 && progress.done < progress.total) {
        const double perRequest = double(progress.elapsedNs) / progress.done;
        progress.etaNs = qint64(perRequest * (progress.total - progress.done));
    } else if (progress.done == progress.total) {
        progress.etaNs = 0;
    }
    return progress;
}

RunSession::Progress RunSession::crawlProgress() const
{
    // The numbers are the current run's.
    Progress progress;
    progress.crawling = true;
    for (const auto &result : m_sequence->results())
        progress.elapsedNs += result.endNs;
    const Runner *runner = m_sequence->runner();
    const RunResult &run = runner->recorder().result(); // the last run's, once they are all done
    progress.total = int(run.records.size());
    for (const auto &record : run.records) {
        if (!record.isDone())
            continue;
        ++progress.done;
        progress.pagesDone += record.role == RequestRole::Page ? 1 : 0;
    }
    progress.skipped = int(run.skipped.size());
    progress.hosts = int(run.hosts.size());
    if (runner->isRunning()) {
        progress.inFlight = runner->inFlight();
        progress.waiting = runner->waiting();
        progress.queued = runner->waiting() + m_sequence->crawler()->held();
        progress.elapsedNs += runner->recorder().elapsedNs();
    }
    // Nobody knows how many pages are still to be found; the ETA is for what is known so far, at the pace
    // so far: a lower bound that grows as the crawl finds more.
    if (!runner->isRunning())
        progress.etaNs = 0;
    else if (progress.done > 0)
        progress.etaNs = qint64(double(runner->recorder().elapsedNs()) / progress.done
                                * (progress.queued + progress.inFlight));
    return progress;
}
