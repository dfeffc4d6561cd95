#pragma once

#include "core/requestrecord.h"
#include "core/runsettings.h"
#include "inflater.h"
#include "managerpool.h"

#include <QByteArray>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

/// What the crawler reads from a response besides its record.
struct FetchResponse
{
    QByteArray body; // with RunSettings::keepBodies, an HTML page's or a robots.txt's; otherwise empty
    QUrl location; // the Location of a redirect the fetch did not follow, resolved against the request URL
    QByteArray retryAfter; // the Retry-After header as sent
};

Q_DECLARE_METATYPE(FetchResponse)

class QNetworkAccessManager;
class QNetworkReply;
class Recorder;

/// One HTTP GET, from the moment it is issued to the network until it is done, stamping each phase into the
/// recorder as the reply reports it. It enforces the per-request limits (idle timeout, overall deadline,
/// header and body caps, redirect count and schemes; it follows the redirects itself) and tells timeouts,
/// limits, TLS errors, HTTP errors and cancellation apart. Both timeouts are its own rather than Qt's
/// transfer timeout, which is a coarse timer (it fired at 2.85 s for 3 s) and restarts on every byte (a drip
/// never ended). It keeps no timer of its own: whoever runs many fetches watches them all with one precise
/// timer (dueNs(), checkTimeouts()), instead of registering two timers per request with the event loop.
class Fetch : public QObject
{
    Q_OBJECT

public:
    /// Above this many decompressed bytes the compression ratio is checked, to stop compression bombs: a real
    /// page compresses 5 to 20 times, zeros a thousand times.
    static constexpr qint64 DecompressionCheckThreshold = 10LL * 1024 * 1024;
    static constexpr qint64 MaxCompressionRatio = 100;

    /// Called once the request is done, recorded and its response complete, with the request's id. A call,
    /// not a signal: a connection for each of tens of thousands of fetches cost more than the call.
    using Finished = std::function<void(int id)>;

    /// settings are shared by every fetch of a run, not copied for each.
    /// The request goes out on the lease's manager, in its lane (ManagerPool::applyLane); whoever made the
    /// fetch gives the lease back. pool (may be null) leases a redirect hop to another https host a manager
    /// and lane of its own, which the fetch gives back when it finishes.
    Fetch(ManagerPool *pool, ManagerPool::Lease lease, Recorder *recorder, int id,
          std::shared_ptr<const RunSettings> settings, Finished finished, QObject *parent = nullptr);
    ~Fetch() override;

    /// Marks the request issued and sends it.
    void start(const QUrl &url);
    /// Aborts the request and records it as cancelled. The Finished call follows synchronously.
    void cancel();
    /// When the idle timeout or the deadline, whichever comes first, runs out if nothing happens before, on
    /// Clock::nowNs(); std::numeric_limits<qint64>::max() when neither can (no limits, or done).
    qint64 dueNs() const;
    /// Ends the request when its idle timeout or its deadline has run out by nowNs (Clock::nowNs()); never
    /// before. The Finished call follows synchronously then.
    void checkTimeouts(qint64 nowNs);

    /// How many fetches exist in the process, finished or not: what a run holds on to.
    static int existing() { return s_existing.load(std::memory_order_relaxed); }

    int id() const { return m_id; }
    const ManagerPool::Lease &lease() const { return m_lease; }
    /// Deletes the reply of a finished fetch at once, rather than by deleteLater (a posted event, and on
    /// Qt's GLib loop a wake-up system call, for every request). Only from outside the reply's own signals:
    /// FinishedFetches does it from the event loop.
    void disposeReply();
    /// Complete once Finished was called.
    const FetchResponse &response() const { return m_response; }

private:
    void onActivity();
    /// Marks the phase unless the request already reached it (a redirect's next hop connects again).
    void markOnce(Mark mark);
    void watchTls();
    void onMetaDataChanged();
    void onReadyRead();
    /// Sends the request: the first, or a redirect's next hop (followRedirect).
    void send(QNetworkAccessManager *manager, const QNetworkRequest &request);
    /// Qt follows no redirect (it would copy a lane's peerVerifyName to the next hop, and check another https
    /// server's certificate against it), so the fetch does, by Qt's rules: the same statuses and limit, never
    /// from https to http. When the finished reply is a redirect, sends its next hop and returns true (or
    /// ends the fetch, when the hop is refused).
    bool followRedirect();
    void releaseHopLease();
    void onFinished();
    void abortWith(QString reason, bool cancelled = false);
    QString headerRefusedReason() const;
    /// The body length the final response announced, or -1 when it announced none or has no body.
    static qint64 announcedBodyBytes(int status, const QByteArray &contentLength);

    static inline std::atomic<int> s_existing = 0;

    ManagerPool *m_pool;
    ManagerPool::Lease m_lease;
    ManagerPool::Lease m_hopLease; // a hop's to another https host (followRedirect), held until the end
    HostKey m_hopHost;
    Recorder *m_recorder;
    int m_id;
    std::shared_ptr<const RunSettings> m_settings;
    Finished m_finished;
    QPointer<QNetworkReply> m_reply;
    FetchResponse m_response;
    bool m_keepBody = false; // keepBodies, and a body worth keeping: decided by the response's headers
    qint64 m_bytes = 0; // body bytes, decompressed
    qint64 m_wireBytes = 0; // body bytes as they came, compressed or not
    Inflater m_inflater;
    int m_redirects = 0;
    QString m_abortReason;
    QStringList m_sslErrors;
    qint64 m_lastActivityNs = 0; // Clock::nowNs()
    qint64 m_issuedNs = 0; // Clock::nowNs()
    bool m_sawHeader = false;
    bool m_headerFieldsDropped = false; // a status line without any field: Qt may have refused the header
    bool m_cancelled = false;
    bool m_done = false;
    bool m_watchingTls = false;
    bool m_followsRedirects = false; // see followRedirect()
    bool m_redirectHop = false; // this reply is a redirect the fetch follows: its body is not the response's
    bool m_sentAgain = false; // followRedirect sent a hop: m_reply is that hop's reply
};

/// Finished fetches and their replies, deleted together. Whoever runs many fetches adds each as it
/// finishes (inside the reply's finished signal, where neither may be deleted) and deletes the batch with
/// one deleteLater: two deleteLater calls a request (the fetch's and the reply's) were two posted events
/// and two wake-up writes, about 1 % of a W3 run's time (bench/RESULTS.md, eleventh session). Qt deletes
/// the batch only once the thread is back out at the event loop and nesting of events it was asked in,
/// never from a loop nested in it. So a batch takes only fetches that finish in that same loop
/// (sameLoop()): a fetch finishing under a modal dialog goes to a batch of the dialog's loop, deleted while
/// the dialog is open, rather than waiting, with its reply and body, for the dialog to close. sameLoop()
/// compares loops, not the nesting of events within one: a handler of a fetch's response that runs
/// processEvents() itself could see a batch deleted that a fetch still on the stack joined.
class FinishedFetches : public QObject
{
public:
    /// The parent deletes a batch still pending when it goes: its replies went with their managers then.
    explicit FinishedFetches(QObject *parent);
    ~FinishedFetches() override;
    /// Whether the current thread is in the event loop this batch was made in.
    bool sameLoop() const;
    void add(Fetch *fetch) { m_fetches.push_back(fetch); }

private:
    std::vector<Fetch *> m_fetches;
    int m_loopLevel;
};
