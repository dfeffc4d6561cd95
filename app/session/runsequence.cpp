#include "runsequence.h"

#include "crawler.h"
#include "run/runner.h"

#include <QTimer>

RunSequence::RunSequence(QObject *parent)
    : QObject(parent)
    , m_runner(new Runner(this))
    , m_crawler(new Crawler(m_runner, this))
{
    connect(m_runner, &Runner::runFinished, this, &RunSequence::onRunFinished);
}

QList<RunSettings> RunSequence::comparison(const RunSettings &base)
{
    QList<RunSettings> plan;
    for (auto mode : {RunMode::Sequential, RunMode::Gather, RunMode::Limited}) {
        RunSettings settings = base;
        settings.mode = mode;
        plan.append(settings);
    }
    return plan;
}

QList<RunSettings> RunSequence::sweep(const RunSettings &base, const QList<int> &limits)
{
    QList<RunSettings> plan;
    for (const int limit : limits) {
        RunSettings settings = base;
        settings.mode = RunMode::Limited;
        settings.limit = limit;
        plan.append(settings);
    }
    return plan;
}

QList<int> RunSequence::defaultSweepLimits(int urlCount)
{
    QList<int> limits;
    for (qint64 k = 1; k < urlCount; k *= 2)
        limits.append(int(k));
    limits.append(std::max(1, urlCount));
    return limits;
}

void RunSequence::start(const QList<QUrl> &urls, const QList<RunSettings> &plan, int firstRunId)
{
    cancel();
    ++m_generation;
    m_firstRunId = firstRunId;
    m_urls = urls;
    m_plan = plan;
    m_results.clear();
    m_cancelRequested = false;
    m_next = 0;
    startNext();
}

void RunSequence::cancel()
{
    if (!isRunning())
        return;
    m_cancelRequested = true;
    m_runner->cancel();
}

void RunSequence::startNext()
{
    if (m_cancelRequested || m_next >= m_plan.size()) {
        m_next = -1;
        // No run starts from the list again; the records keep the URLs. Before the signal: a listener may
        // start the next sequence.
        m_urls = {};
        Q_EMIT finished(m_results, m_cancelRequested);
        return;
    }
    const int index = m_next;
    Q_EMIT runStarted(m_firstRunId + index, m_plan.at(index));
    if (m_plan.at(index).crawl.enabled)
        m_crawler->start(m_urls, m_plan.at(index), m_firstRunId + index);
    else
        m_runner->start(m_urls, m_plan.at(index), m_firstRunId + index);
}

void RunSequence::onRunFinished(const RunResult &result)
{
    m_results.append(result);
    Q_EMIT runFinished(result);
    ++m_next;
    m_cancelRequested = m_cancelRequested || result.cancelled;
    // Start the next run from the event loop, not from inside the last reply's finished() signal; unless a
    // new sequence was started in the meantime.
    QTimer::singleShot(0, this, [this, generation = m_generation] {
        if (generation == m_generation)
            startNext();
    });
}
