#pragma once

#include "core/runresult.h"

#include <QObject>

class Crawler;
class Runner;

/// Runs the same URLs under several settings, one run after another, so they don't disturb each other.
/// A run whose settings enable crawl mode crawls from the URLs instead of fetching just them.
/// The comparison of the lesson is three of them: sequential, gather all, and limited(k).
class RunSequence : public QObject
{
    Q_OBJECT

public:
    explicit RunSequence(QObject *parent = nullptr);

    /// sequential, gather and limited, each a copy of base with only the mode changed.
    static QList<RunSettings> comparison(const RunSettings &base);
    /// The sweep: limited mode once for each k, in the order given, each a copy of base.
    static QList<RunSettings> sweep(const RunSettings &base, const QList<int> &limits);
    /// The sweep's default ks: 1, 2, 4 ... doubling up to the number of URLs, which ends the list.
    static QList<int> defaultSweepLimits(int urlCount);

    /// Runs get the ids firstRunId, firstRunId + 1, ... in plan order.
    void start(const QList<QUrl> &urls, const QList<RunSettings> &plan, int firstRunId = 0);
    void cancel();

    bool isRunning() const { return m_next >= 0; }
    Runner *runner() const { return m_runner; }
    Crawler *crawler() const { return m_crawler; }
    const QList<RunResult> &results() const { return m_results; }

Q_SIGNALS:
    void runStarted(int runId, const RunSettings &settings);
    void runFinished(const RunResult &result);
    void finished(const QList<RunResult> &results, bool cancelled);

private:
    void startNext();
    void onRunFinished(const RunResult &result);

    Runner *m_runner;
    Crawler *m_crawler;
    QList<QUrl> m_urls;
    QList<RunSettings> m_plan;
    QList<RunResult> m_results;
    int m_next = -1;
    int m_firstRunId = 0;
    bool m_cancelRequested = false;
    int m_generation = 0; // a new start() makes steps queued by the previous sequence stale
};
