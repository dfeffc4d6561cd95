#include "prediction.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <deque>
#include <limits>
#include <queue>
#include <set>
#include <vector>

#include "hostkey.h"
#include "idealschedule.h"

QList<qint64> perHostStartsNs(const QList<qint64> &serviceNs, const QList<int> &hostOf,
                              const QList<CapacityChange> &gate, int perHost)
{
    const qsizetype n = serviceNs.size();
    QList<qint64> starts(n, -1);
    // Each host's waiting requests in input order; `ready` holds the first waiting request of every host
    // with a permit free, so the next to start is its smallest, as in HostScheduler: O(n log n), not a scan
    // of every waiting request at every event.
    QHash<int, std::deque<qsizetype>> queues;
    QHash<int, int> busy; // host -> permits held
    for (qsizetype i = 0; i < n; ++i)
        queues[hostOf[i]].push_back(i);
    std::set<qsizetype> ready;
    const auto offer = [&](int host) {
        const auto &queue = queues[host];
        if (!queue.empty() && (perHost <= 0 || busy.value(host) < perHost))
            ready.insert(queue.front());
    };
    for (auto it = queues.cbegin(); it != queues.cend(); ++it)
        offer(it.key());
    using Holder = std::pair<qint64, int>; // finish time, request
    std::priority_queue<Holder, std::vector<Holder>, std::greater<>> running;
    qsizetype change = 0;
    int gateSize = gate.isEmpty() ? 0 : gate.constFirst().capacity;
    qint64 now = 0;
    qsizetype started = 0;
    while (started < n) {
        while (change + 1 < gate.size() && gate[change + 1].atNs <= now)
            gateSize = gate[++change].capacity;
        while (!running.empty() && running.top().first <= now) {
            const int host = hostOf[running.top().second];
            running.pop();
            --busy[host];
            offer(host);
        }
        while (!ready.empty() && (gateSize <= 0 || qsizetype(running.size()) < gateSize)) {
            const qsizetype next = *ready.begin();
            ready.erase(ready.begin());
            const int host = hostOf[next];
            queues[host].pop_front();
            starts[next] = now;
            ++started;
            ++busy[host];
            running.push({now + serviceNs[next], int(next)});
            offer(host);
        }
        if (started >= n)
            break;
        qint64 then = running.empty() ? std::numeric_limits<qint64>::max() : running.top().first;
        if (change + 1 < gate.size())
            then = std::min(then, gate[change + 1].atNs);
        if (then == std::numeric_limits<qint64>::max())
            break;
        now = std::max(now, then);
    }
    return starts;
}

namespace {
/// Whether two URLs are the same. A list repeated holds copies of one QUrl, which share its data: telling
/// them equal by that is free, where operator== compares every part (about 30 ns, 3 ms at 100 000 requests
/// as a run starts). data_ptr() only reads the pointer; it is not const in Qt 6.4.
bool sameUrl(const QUrl &a, const QUrl &b)
{
    return const_cast<QUrl &>(a).data_ptr() == const_cast<QUrl &>(b).data_ptr() || a == b;
}
} // namespace

Prediction Prediction::of(const QList<QUrl> &urls, const RunSettings &settings, const LatencyOracle &latency,
                          const QList<CapacityChange> &capacity)
{
    Prediction prediction;
    if (settings.crawl.enabled) {
        // The pages of a crawl are found while it runs: nobody knows the work before.
        prediction.m_reason = Reason::Crawl;
        return prediction;
    }
    const qint64 delayNs = qint64(settings.delayMs) * 1'000'000;
    QList<qint64> services;
    services.reserve(urls.size());
    // A list repeated ("[url] * 100000") asks about the same URL over and over; the oracle parses each one,
    // and the window asks as a run starts and as it ends.
    const QUrl *previous = nullptr;
    std::optional<qint64> ns;
    for (const QUrl &url : urls) {
        if (!previous || !sameUrl(url, *previous))
            ns = latency ? latency(url) : std::nullopt;
        previous = &url;
        if (!ns)
            ++prediction.m_unknown;
        services.append(ns.value_or(0) + delayNs);
    }
    if (prediction.m_unknown > 0) {
        prediction.m_reason = Reason::UnknownLatency;
        return prediction;
    }

    QList<CapacityChange> gate = capacity;
    if (gate.isEmpty())
        gate = {{0, settings.gateCapacity()}};
    QList<int> hostOf;
    QHash<HostKey, int> hosts;
    if (settings.perHost > 0) {
        hostOf.reserve(urls.size());
        const QUrl *previousUrl = nullptr;
        for (const QUrl &url : urls) {
            if (previousUrl && sameUrl(url, *previousUrl)) {
                hostOf.append(hostOf.constLast());
            } else {
                const HostKey key = HostKey::fromUrl(url);
                auto it = hosts.constFind(key);
                if (it == hosts.cend())
                    it = hosts.insert(key, int(hosts.size()));
                hostOf.append(it.value());
            }
            previousUrl = &url;
        }
    }
    if (settings.perHost <= 0 || hosts.size() <= 1) {
        // One host (or no cap per host): the per-host cap is just a smaller gate.
        if (settings.perHost > 0) {
            for (CapacityChange &change : gate)
                change.capacity
                    = change.capacity <= 0 ? settings.perHost : std::min(change.capacity, settings.perHost);
        }
        prediction.m_makespanNs = idealMakespanNs(services, gate);
        return prediction;
    }
    prediction.m_makespanNs
        = ::makespanNs(services, perHostStartsNs(services, hostOf, gate, settings.perHost));
    return prediction;
}

QString Prediction::whyUnknown() const
{
    switch (m_reason) {
    case Reason::None:
        return QString();
    case Reason::UnknownLatency:
        return QCoreApplication::translate(
            "Prediction", "%n request(s) to URLs not on the demo server: their latency is not known", nullptr,
            m_unknown);
    case Reason::Crawl:
        return QCoreApplication::translate("Prediction", "a crawl finds its pages as it goes");
    }
    Q_UNREACHABLE();
}
