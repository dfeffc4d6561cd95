// crawlscope-qnam-floor [--bare-request] [--unbuffered] [--lanes N] URL TOTAL LIMIT [PER_MANAGER [THREADS]]
//
// The floor under Crawlscope's limited-mode workloads (W1, W3 in bench/README.md): the same GETs through
// bare QNetworkAccessManager, with nothing of Crawlscope in between (no gate, no recorder, no per-request
// timeout). It keeps LIMIT requests in flight and, like the engine's ManagerPool, spreads them over
// managers so that no lane of a manager has more than PER_MANAGER (default 6) requests to the host: a
// manager opens at most 6 connections per host and connection key, and would queue the rest where no one
// sees them. Bodies are read as they
// arrive and discarded. Crawlscope's wall time divided by this one, measured in the same run, is what
// Crawlscope adds on top of Qt's network stack and the server.
//
// Each GET is the request Crawlscope sends, made by the engine's own baseRequest (app/net/baserequest): its
// User-Agent, Accept-Encoding, the manual redirect policy and the cache-control attribute, for which Qt adds
// Cache-Control and Pragma fields (the demo server compresses nothing, so the bodies are the same too). A
// bare request gets a User-Agent and Accept-Encoding from Qt, but setting a header and attributes costs Qt
// work in get() that the engine cannot avoid, so a floor without them counted that as the engine's.
// --bare-request sends QNetworkRequest(URL) as it comes instead, for comparison.
//
// The managers choose their proxies as the engine's do (app/net/bufferedsocketproxy, which depends on Qt
// alone): direct, with sockets that read a response's head through a buffer. --unbuffered leaves Qt's
// default, a direct socket that reads the head one byte per system call, for comparison.
//
// Like the engine's pools (ManagerPool::RunLanes), a manager holds 4 lanes of PER_MANAGER requests to a
// plain-http URL: groups of connections told apart by the request's peerVerifyName, named by the engine's
// own ManagerPool::applyLane (app/net/lanes.cpp), so one manager and its HTTP thread run 24 connections. An
// https URL gets the lanes its host's name has letter cases for (ManagerPool::lanesFor), as in the engine.
// --lanes N (1 to ManagerPool::MaxLanes) sets the number; 1 gives a manager of PER_MANAGER, as the engine had
// it before, for comparison.
//
// THREADS (default 1: everything on the main thread, as the engine does it) is an experiment, not a peer:
// the requests, the limit and the managers are split evenly over that many threads, each with its own event
// loop, so that QNAM's per-request work on the thread that calls get() (in Qt 6.4 mostly the string-based
// connects of QNetworkReplyHttpImpl) runs on more than one core. It measures what the engine would gain
// by issuing from more than one thread.
//
// Prints "wall_ms=<first request to last reply> ok=<HTTP 200 answers>"; exits 1 unless all TOTAL were 200.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTextStream>
#include <QThread>
#include <QUrl>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

#include "net/baserequest.h"
#include "net/bufferedsocketproxy.h"
#include "net/managerpool.h" // its constants, and lanesFor and applyLane from lanes.cpp

namespace {

/// Keeps `limit` of its `total` requests in flight, from the thread it lives in.
class Worker : public QObject
{
public:
    Worker(const QNetworkRequest &request, int total, int limit, int perManager, int lanes, bool buffered)
        : m_request(request)
        , m_total(total)
        , m_limit(limit)
        , m_perManager(perManager)
        , m_lanes(
              ManagerPool::lanesFor(request.url().scheme(), request.url().host(QUrl::FullyEncoded), lanes))
        , m_buffered(buffered)
    { }

    /// Called once in the worker's thread when its last request is done.
    std::function<void()> done;
    int ok() const { return m_ok; }

    void run()
    {
        if (m_total == 0) {
            done();
            return;
        }
        for (int i = 0; i < std::min(m_limit, m_total); ++i)
            startOne();
    }

private:
    struct Manager
    {
        std::unique_ptr<QNetworkAccessManager> qnam;
        int active = 0;
        std::vector<int> laneActive;
    };

    void startOne()
    {
        // The first manager with room, as ManagerPool::acquire picks it; a new one only when all are full.
        auto it = std::find_if(m_managers.begin(), m_managers.end(),
                               [this](const Manager &m) { return m.active < m_perManager * m_lanes; });
        if (it == m_managers.end()) {
            it = m_managers.insert(it,
                                   Manager {std::make_unique<QNetworkAccessManager>(), 0,
                                            std::vector<int>(std::size_t(m_lanes), 0)});
            if (m_buffered) // as ManagerPool sets up its managers
                it->qnam->setProxyFactory(new BufferedSocketProxy(BufferedSocketProxy::Base::System));
        }
        const std::size_t index = std::size_t(it - m_managers.begin());
        ++m_managers[index].active;
        ++m_started;
        std::vector<int> &lanes = m_managers[index].laneActive;
        const std::size_t lane
            = std::size_t(std::find_if(lanes.begin(), lanes.end(), [this](int a) { return a < m_perManager; })
                          - lanes.begin());
        ++lanes[lane];
        QNetworkRequest request = m_request;
        ManagerPool::applyLane(request, int(lane));

        QNetworkReply *reply = m_managers[index].qnam->get(request);
        QObject::connect(reply, &QNetworkReply::readyRead, reply, [reply] { reply->readAll(); });
        QObject::connect(reply, &QNetworkReply::finished, this, [this, reply, index, lane] {
            reply->readAll();
            if (reply->error() == QNetworkReply::NoError
                && reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200)
                ++m_ok;
            reply->deleteLater();
            --m_managers[index].active;
            --m_managers[index].laneActive[lane];
            ++m_finished;
            if (m_started < m_total)
                startOne();
            else if (m_finished == m_total)
                done();
        });
    }

    QNetworkRequest m_request;
    int m_total;
    int m_limit;
    int m_perManager;
    int m_lanes;
    bool m_buffered;
    std::vector<Manager> m_managers;
    int m_started = 0;
    int m_finished = 0;
    int m_ok = 0;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList arguments = QCoreApplication::arguments();
    const bool bareRequest = arguments.removeAll(QStringLiteral("--bare-request")) > 0;
    const bool unbuffered = arguments.removeAll(QStringLiteral("--unbuffered")) > 0;
    int lanes = ManagerPool::RunLanes;
    if (const qsizetype at = arguments.indexOf(QStringLiteral("--lanes"));
        at > 0 && at + 1 < arguments.size()) {
        lanes = std::clamp(arguments.at(at + 1).toInt(), 1, int(ManagerPool::MaxLanes));
        arguments.remove(at, 2);
    }
    const auto positive = [&](qsizetype i, int fallback) {
        if (i >= arguments.size())
            return fallback;
        bool ok = false;
        const int value = arguments.at(i).toInt(&ok);
        return ok && value > 0 ? value : 0;
    };
    const QUrl url(arguments.value(1), QUrl::StrictMode);
    const int total = positive(2, 0);
    const int limit = positive(3, 0);
    const int perManager = positive(4, 6);
    const int threadCount = positive(5, 1);
    if (arguments.size() < 4 || arguments.size() > 6 || !url.isValid() || url.isRelative() || total == 0
        || limit == 0 || perManager == 0 || threadCount == 0 || threadCount > limit) {
        QTextStream(stderr) << QStringLiteral(
            "usage: crawlscope-qnam-floor [--bare-request] [--unbuffered] [--lanes N] "
            "URL TOTAL LIMIT [PER_MANAGER=6 [THREADS=1]]\n");
        return 2;
    }

    // The engine's own request (app/net/baserequest), with the user agent of a run's default settings.
    QNetworkRequest crawlscopeRequest = baseRequest(QByteArrayLiteral("Crawlscope/" CRAWLSCOPE_VERSION));
    crawlscopeRequest.setUrl(url);

    QElapsedTimer timer;
    qint64 wallNs = 0;
    std::atomic<int> workersDone = 0;
    std::vector<std::unique_ptr<Worker>> workers;
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < threadCount; ++t) {
        // An even share of the requests and of the limit; the first shares take the remainders.
        const int share = total / threadCount + (t < total % threadCount ? 1 : 0);
        const int limitShare = limit / threadCount + (t < limit % threadCount ? 1 : 0);
        auto worker = std::make_unique<Worker>(bareRequest ? QNetworkRequest(url) : crawlscopeRequest, share,
                                               limitShare, perManager, lanes, !unbuffered);
        worker->done = [&] {
            if (++workersDone == threadCount) {
                wallNs = timer.nsecsElapsed();
                QMetaObject::invokeMethod(&app, &QCoreApplication::quit, Qt::QueuedConnection);
            }
        };
        if (threadCount > 1) {
            auto thread = std::make_unique<QThread>();
            worker->moveToThread(thread.get());
            thread->start();
            threads.push_back(std::move(thread));
        }
        workers.push_back(std::move(worker));
    }

    timer.start();
    if (threads.empty()) {
        workers.front()->run(); // as the engine issues: at once, from the main thread
    } else {
        for (const auto &worker : workers)
            QMetaObject::invokeMethod(
                worker.get(), [w = worker.get()] { w->run(); }, Qt::QueuedConnection);
    }
    QCoreApplication::exec();

    int ok = 0;
    for (std::size_t t = 0; t < workers.size(); ++t) {
        ok += workers[t]->ok();
        if (t < threads.size()) {
            // The worker's managers and replies go in the thread they live in.
            QMetaObject::invokeMethod(
                workers[t].get(), [&workers, t] { workers[t].reset(); }, Qt::BlockingQueuedConnection);
            threads[t]->quit();
            threads[t]->wait();
        }
    }
    std::printf("wall_ms=%.1f ok=%d\n", double(wallNs) / 1e6, ok);
    return ok == total ? 0 : 1;
}
