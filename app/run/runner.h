#pragma once

#include "core/hostkey.h"
#include "core/runresult.h"
#include "gate/gate.h"
#include "gate/hostscheduler.h"
#include "net/fetch.h"
#include "recorder/recorder.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>
#include <vector>

class ManagerPool;
class QTimer;

/// Runs one list of URLs in one mode, the way the lesson's asyncio programs do, on the Qt event loop:
///   for each url:  async with gate:  async with host_gate:  fetch(url)   then  sleep(delay)  inside the gate
/// Sequential is a gate of 1, limited a gate of k that can be resized live, gather has no limit at all.
/// The per-host gates (HostScheduler) only let a request take a permit once its host may go.
/// Every phase lands in the recorder; nothing is ever lost, whether the run completes, fails or is cancelled.
///
/// A run started with Input::Open takes more requests with add() while it runs (the crawler's frontier) and
/// only ends after closeInput(); drained() says when everything added so far is done.
class Runner : public QObject
{
    Q_OBJECT

public:
    explicit Runner(QObject *parent = nullptr);
    ~Runner() override;

    enum class Input { Closed, Open };

    void start(const QList<QUrl> &urls, const RunSettings &settings, int runId = 0,
               Input input = Input::Closed);
    /// Queues one more request of an open run; returns its id, or -1 when the run is not taking any.
    int add(const QUrl &url, int parentId = -1, int depth = 0, RequestRole role = RequestRole::Page,
            int attempt = 1);
    /// No more add(): the run ends as soon as everything added is done.
    void closeInput();
    /// Per-host politeness for the requests still to come (HostKey::origin() names the host).
    void setHostInterval(const QString &host, int intervalMs);
    void pauseHost(const QString &host, qint64 untilNs);
    /// Aborts what is in flight and drops what waits; every record is kept, marked cancelled.
    void cancel();
    /// Resizes the gate of a limited run, live: growing admits waiters at once, shrinking lets holders
    /// finish.
    void setLimit(int limit);

    bool isRunning() const { return m_running; }
    /// Every request of the run so far, the ones of start()'s list not yet handed to the gate included.
    int total() const { return m_recorder.count() + unfed(); }
    int done() const { return m_done; }
    int inFlight() const { return int(m_fetches.size()); }
    int waiting() const;
    int delaying() const { return int(m_delays.size()); }
    int peakInFlight() const { return m_peakInFlight; }
    const RunSettings &settings() const { return m_settings; }
    const Recorder &recorder() const { return m_recorder; }
    Recorder &recorder() { return m_recorder; }
    /// The QNetworkAccessManagers this run needed to keep every issued request on the wire.
    int managerCount() const;

Q_SIGNALS:
    void runStarted(int runId);
    void recordsChanged(int runId, const QList<RequestRecord> &changed);
    void clockTicked(int runId, qint64 nowNs);
    void capacityChanged(int runId, const CapacityChange &change);
    void crawlChanged(int runId, const QList<SkippedUrl> &skipped, const QList<CrawlHost> &hosts);
    /// A request got its whole response: before its host's slot is given back and before its delay starts.
    /// With keepBodies, the body of an HTML page or a robots.txt comes along; others are only counted.
    void responseArrived(int id, const FetchResponse &response);
    /// The run is about to end (cancelled or done): the last chance to add notes to its result.
    void finishing(bool cancelled);
    /// Everything added to an open run so far is done.
    void drained(int runId);
    void runFinished(const RunResult &result);

private:
    /// Hands start()'s URLs to the recorder and the gate a slice at a time, so a run of 100 000 does not
    /// hold the event loop while they are added; each is recorded as queued at the run's start.
    void feed();
    void feedAll();
    int unfed() const { return int(m_feedUrls.size() - m_fed); }
    void enqueue(int id, const QUrl &url);
    /// Where a request goes, worked out once when it is queued: the host's gate, the pool and the release
    /// after it all use it, and parsing the URL again for each cost more than the gate itself.
    struct Destination
    {
        HostKey host;
        QString origin; // host.origin(), the host scheduler's name for it
        // The URL as it was queued, until the fetch is issued: the record keeps only its bytes, and parsing
        // them back for each request is more than the rest of the issue costs.
        QUrl url;
    };
    void onAdmitted(int id, qint64 admittedNs);
    void issue(int id, const Destination &destination);
    void onFetchFinished(int id);
    /// One precise timer watches every fetch's idle timeout and deadline: it is armed for the earliest, and
    /// since every fetch of a run has the same limits, a new fetch's come later and leave it as it is.
    void armTimeouts(qint64 dueNs);
    void onTimeoutsDue();
    void onDelayElapsed(int id);
    void releasePermit();
    void finish(bool cancelled);
    /// The gate's real size for `asked` permits (0: no gate), within the descriptor budget.
    int gateSize(int asked) const;
    void noteCapIfBinding();

    Recorder m_recorder;
    RunSettings m_settings;
    std::shared_ptr<const RunSettings> m_fetchSettings; // m_settings, as every fetch of the run reads them
    bool m_running = false;
    bool m_cancelling = false;
    bool m_inputOpen = false;
    int m_done = 0;
    int m_peakInFlight = 0;
    int m_descriptorCap = 0; // most requests in flight the open-file limit allows; 0: no cap
    QString m_descriptorCapReason;
    int m_askedCapacity = 0; // the gate's size the settings ask for; 0: unbounded
    bool m_capNoted = false; // the recorder has been told the cap held this run back
    QList<QUrl> m_feedUrls; // start()'s list; the first m_fed of them are in the recorder
    qsizetype m_fed = 0;
    qint64 m_queuedNs = 0; // when start() was called, on the run's clock
    QTimer *m_feedTimer = nullptr;
    QTimer *m_timeouts = nullptr;
    qint64 m_timeoutsDueNs = 0; // what m_timeouts is armed for, on Clock::nowNs(), while it is active

    QPointer<Gate> m_gate;
    QPointer<HostScheduler> m_scheduler;
    std::unique_ptr<ManagerPool> m_pool; // none between runs
    std::vector<std::unique_ptr<ManagerPool>> m_retiredPools; // deleted from the event loop
    int m_managersUsed = 0; // by the last run, once its pool is gone
    void retirePool();
    QHash<int, Fetch *> m_fetches; // in flight, owned here
    QPointer<FinishedFetches> m_finishedFetches; // the batch finished fetches join while its loop runs
    QHash<int, Destination> m_destinations; // of the requests queued in the scheduler or in m_fetches
    QUrl m_lastQueuedUrl; // enqueue()'s last, and where it went
    std::optional<Destination> m_lastDestination;
    QHash<int, QTimer *> m_delays;
};
