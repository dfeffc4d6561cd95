#pragma once

#include "core/runresult.h"
#include "gate/gate.h"
#include "recorder/recorder.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>
#include <vector>

class Fetch;
class ManagerPool;
class QTimer;

/// Runs one list of URLs in one mode, the way the lesson's asyncio programs do, on the Qt event loop:
///   for each url:  async with gate:  async with host_gate:  fetch(url)   then  sleep(delay)  inside the gate
/// Sequential is a gate of 1, limited a gate of k that can be resized live, gather has no limit at all.
/// Every phase lands in the recorder; nothing is ever lost, whether the run completes, fails or is cancelled.
class Runner : public QObject
{
    Q_OBJECT

public:
    explicit Runner(QObject *parent = nullptr);
    ~Runner() override;

    void start(const QList<QUrl> &urls, const RunSettings &settings, int runId = 0);
    /// Aborts what is in flight and drops what waits; every record is kept, marked cancelled.
    void cancel();
    /// Resizes the gate of a limited run, live: growing admits waiters at once, shrinking lets holders
    /// finish.
    void setLimit(int limit);

    bool isRunning() const { return m_running; }
    int total() const { return m_recorder.count(); }
    int done() const { return m_done; }
    int inFlight() const { return int(m_fetches.size()); }
    int waiting() const { return int(m_gateWaiters.size() + m_hostWaiters.size()); }
    int delaying() const { return int(m_delays.size()); }
    int peakInFlight() const { return m_peakInFlight; }
    const RunSettings &settings() const { return m_settings; }
    const Recorder &recorder() const { return m_recorder; }
    /// The QNetworkAccessManagers this run needed to keep every issued request on the wire.
    int managerCount() const;

Q_SIGNALS:
    void runStarted(int runId);
    void recordsChanged(int runId, const QList<RequestRecord> &changed);
    void runFinished(const RunResult &result);

private:
    void enqueue(int id);
    void onGateAcquired(int id);
    void issue(int id);
    void onFetchFinished(int id);
    void onDelayElapsed(int id);
    void releasePermit();
    Gate *hostGate(const QUrl &url);
    void finish(bool cancelled);

    Recorder m_recorder;
    RunSettings m_settings;
    bool m_running = false;
    bool m_cancelling = false;
    int m_done = 0;
    int m_peakInFlight = 0;

    QPointer<Gate> m_gate;
    QHash<QString, Gate *> m_hostGates;
    std::unique_ptr<ManagerPool> m_pool;
    std::vector<std::unique_ptr<ManagerPool>> m_retiredPools; // deleted from the event loop
    QHash<int, Gate::Ticket> m_gateWaiters;
    QHash<int, Gate::Ticket> m_hostWaiters;
    QHash<int, Fetch *> m_fetches;
    QHash<int, QTimer *> m_delays;
};
