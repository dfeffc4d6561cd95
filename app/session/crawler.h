#pragma once

#include "core/runresult.h"
#include "crawler/crawlscope.h"
#include "crawler/robotsrules.h"
#include "parsequeue.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <optional>

class Runner;
struct FetchResponse;

/// Crawl mode: from seed URLs, follows links within a scope, politely, on top of a Runner that does the
/// scheduling and recording. A rel=nofollow link (when nofollow is honoured) is not followed at all and is
/// noted as such; for every other URL it comes across it decides once, in this order:
///   duplicate (normalized, redirects included) -> scope and patterns -> depth -> robots.txt -> page budget
/// and either queues it on the runner or notes it as skipped with the reason. Each host's robots.txt is
/// fetched before any of its pages (which wait meanwhile); its Crawl-delay paces the host, and a 429 or 503
/// pauses the host for Retry-After (or an exponential backoff) before a bounded number of retries.
/// Redirects are followed here, hop by hop, so that each hop is de-duplicated like a link.
///
/// Pages and robots.txt files are parsed on worker threads (ParseQueue), so the event loop, and with it every
/// timestamp of the run, never waits for a parse. The crawl still acts on the responses in the order they
/// arrived, so its decisions are the same whatever the threads' timing; a page's links are acted on a slice
/// at a time, and the crawl only ends once every response is acted on.
class Crawler : public QObject
{
    Q_OBJECT

public:
    /// Longest pause of a host after a 429 or 503; a Retry-After beyond it gives up on the URL.
    static constexpr qint64 MaxRetryWaitMs = 120'000;
    static constexpr qint64 FirstBackoffMs = 1'000;
    /// Longest Crawl-delay honoured; longer ones are capped, and the host's summary says so.
    static constexpr int MaxCrawlDelayMs = 60'000;
    /// RFC 9309 2.3.1.2: follow at least five redirects for robots.txt, then treat it as unavailable.
    static constexpr int MaxRobotsRedirects = 5;

    explicit Crawler(Runner *runner, QObject *parent = nullptr);

    /// Why settings cannot crawl (an invalid pattern, a limit below 0), naming the culprit; empty when fine.
    static QString checkSettings(const CrawlSettings &settings);

    /// Starts a crawl from the seeds on the runner, as run runId; settings.crawl.enabled must be set.
    /// The runner reports it like any run (runStarted, recordsChanged, crawlChanged, runFinished).
    void start(const QList<QUrl> &seeds, const RunSettings &settings, int runId = 0);
    bool isRunning() const { return m_running; }
    /// URLs found and waiting for their host's robots.txt, not yet handed to the runner.
    int held() const { return m_heldCount; }
    /// Responses being parsed or waiting for their turn to be acted on.
    int pendingResponses() const { return int(m_queue.size()); }

    /// The longest the crawl acts on one page's links before it lets the event loop run.
    static constexpr int SliceMs = 5;

private:
    struct Held
    {
        QUrl url;
        int parentId;
        int depth;
        int hops;
    };
    struct Origin
    {
        CrawlHost host;
        std::optional<RobotsRules> rules; // set once robots.txt decided (or is ignored)
        QList<Held> held;
        int robotsRedirects = 0;
    };

    void consider(const QUrl &url, int parentId, int depth, int hops);
    void considerNormalized(const QUrl &normalized, const QString &key, int parentId, int depth, int hops);
    void admit(const QUrl &url, int parentId, int depth, int hops);
    void requestPage(const QUrl &url, int parentId, int depth, int hops, int attempt);
    void requestRobots(Origin &origin, const QUrl &url, int parentId);
    void onResponse(int id, const FetchResponse &response);
    /// What reading this response takes, if anything; decided when it arrives, as the crawler's state was.
    ParseTask parseTaskFor(const RequestRecord &record, const FetchResponse &response);
    /// Acts on the queued responses in order, as far as they are parsed; a page's links a slice at a time.
    void processQueue();
    void scheduleSlice();
    void closeInputIfDone();
    void onPageResponse(const ParseQueue::Entry &entry);
    void follow(const RequestRecord &page, const ParsedLink &link);
    void onRobotsResponse(const ParseQueue::Entry &entry);
    void decideRobots(Origin &origin, RobotsStatus status, std::optional<RobotsRules> rules,
                      const QString &detail);
    /// After a 429 or 503, as soon as it arrived: pauses the record's host; returns for how long.
    qint64 pauseHostFor(const RequestRecord &record, const FetchResponse &response);
    /// After the pause, in turn: queues another attempt if one is left (false when none is, with the reason
    /// on the record).
    bool retryLater(const RequestRecord &record, qint64 waitMs);
    void onFinishing(bool cancelled);
    void onRunFinished();
    Origin &origin(const QUrl &url);
    /// The host whose robots.txt request this is, or nullptr.
    Origin *robotsOrigin(int recordId);
    void updateHost(const Origin &origin);

    QPointer<Runner> m_runner;
    RunSettings m_settings;
    std::optional<CrawlScope> m_scope;
    bool m_running = false;
    int m_runId = 0;
    QSet<QString> m_seen; // keys of URLs requested, queued or held
    QHash<QString, Origin> m_origins; // by HostKey::origin()
    QHash<int, int> m_hops; // record id -> redirects followed to reach it
    int m_pageRequests = 0;
    int m_heldCount = 0;
    ParseQueue m_queue;
    bool m_processing = false;
    bool m_sliceScheduled = false;
};
