#include "prediction.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <limits>
#include <queue>
#include <vector>

#include "hostkey.h"
#include "idealschedule.h"

QList<qint64> perHostStartsNs(const QList<qint64> &serviceNs, const QList<int> &hostOf,
                              const QList<CapacityChange> &gate, int perHost)
{
    const qsizetype n = serviceNs.size();
    QList<qint64> starts(n, -1);
    QHash<int, int> busy; // host -> permits held
    using Holder = std::pair<qint64, int>; // finish time, request
    std::priority_queue<Holder, std::vector<Holder>, std::greater<>> running;
    std::vector<qsizetype> waiting(static_cast<std::size_t>(n));
    for (qsizetype i = 0; i < n; ++i)
        waiting[std::size_t(i)] = i;
    qsizetype change = 0;
    int gateSize = gate.isEmpty() ? 0 : gate.constFirst().capacity;
    qint64 now = 0;
    while (!waiting.empty()) {
        while (change + 1 < gate.size() && gate[change + 1].atNs <= now)
            gateSize = gate[++change].capacity;
        while (!running.empty() && running.top().first <= now) {
            --busy[hostOf[running.top().second]];
            running.pop();
        }
        // The first waiting request in input order whose host has a permit free goes next, as in
        // HostScheduler.
        for (auto it = waiting.begin(); it != waiting.end();) {
            if (gateSize > 0 && qsizetype(running.size()) >= gateSize)
                break;
            const int host = hostOf[*it];
            if (perHost > 0 && busy.value(host) >= perHost) {
                ++it;
                continue;
            }
            starts[*it] = now;
            ++busy[host];
            running.push({now + serviceNs[*it], int(*it)});
            it = waiting.erase(it);
        }
        if (waiting.empty())
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
    for (const QUrl &url : urls) {
        const std::optional<qint64> ns = latency ? latency(url) : std::nullopt;
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
        for (const QUrl &url : urls) {
            const HostKey key = HostKey::fromUrl(url);
            auto it = hosts.constFind(key);
            if (it == hosts.cend())
                it = hosts.insert(key, int(hosts.size()));
            hostOf.append(it.value());
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
    if (urls.size() > MaxPerHostUrls) {
        prediction.m_reason = Reason::TooManyForPerHost;
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
            "Prediction", "%n URL(s) not on the demo server: their latency is not known", nullptr, m_unknown);
    case Reason::Crawl:
        return QCoreApplication::translate("Prediction", "a crawl finds its pages as it goes");
    case Reason::TooManyForPerHost:
        return QCoreApplication::translate("Prediction", "too many hosts and URLs to work out per host");
    }
    Q_UNREACHABLE();
}
