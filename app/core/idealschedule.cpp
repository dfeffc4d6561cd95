#include "idealschedule.h"

#include <QHash>

#include <algorithm>
#include <functional>
#include <limits>
#include <queue>
#include <vector>

#include "hostkey.h"
#include "prediction.h"

QList<qint64> idealStartsNs(const QList<qint64> &serviceNs, int slotCount)
{
    QList<qint64> starts;
    starts.reserve(serviceNs.size());
    if (slotCount <= 0 || slotCount >= serviceNs.size()) {
        starts.fill(0, serviceNs.size());
        return starts;
    }
    // Each request takes the slot that frees first, in input order.
    std::priority_queue<qint64, std::vector<qint64>, std::greater<>> freeAt;
    for (int i = 0; i < slotCount; ++i)
        freeAt.push(0);
    for (auto service : serviceNs) {
        const qint64 start = freeAt.top();
        freeAt.pop();
        starts.append(start);
        freeAt.push(start + service);
    }
    return starts;
}

QList<qint64> idealStartsNs(const QList<qint64> &serviceNs, const QList<CapacityChange> &capacity)
{
    if (capacity.size() <= 1)
        return idealStartsNs(serviceNs, capacity.isEmpty() ? 0 : capacity.constFirst().capacity);
    // An event simulation: at each moment a request finishes or the gate changes size, the requests next in
    // input order take the free permits.
    QList<qint64> starts(serviceNs.size(), 0);
    std::priority_queue<qint64, std::vector<qint64>, std::greater<>> running; // when each holder finishes
    qsizetype next = 0;
    qsizetype change = 0;
    int size = capacity.constFirst().capacity;
    qint64 now = 0;
    while (next < serviceNs.size()) {
        while (change + 1 < capacity.size() && capacity[change + 1].atNs <= now)
            size = capacity[++change].capacity;
        while (!running.empty() && running.top() <= now)
            running.pop();
        while (next < serviceNs.size() && (size <= 0 || qsizetype(running.size()) < size)) {
            starts[next] = now;
            running.push(now + serviceNs[next]);
            ++next;
        }
        if (next >= serviceNs.size())
            break;
        qint64 then = running.empty() ? std::numeric_limits<qint64>::max() : running.top();
        if (change + 1 < capacity.size())
            then = std::min(then, capacity[change + 1].atNs);
        if (then == std::numeric_limits<qint64>::max())
            break; // cannot happen: a gate of size 0 admits everything
        now = std::max(now, then);
    }
    return starts;
}

qint64 makespanNs(const QList<qint64> &serviceNs, const QList<qint64> &starts)
{
    qint64 makespan = 0;
    for (qsizetype i = 0; i < serviceNs.size(); ++i)
        makespan = std::max(makespan, starts[i] + serviceNs[i]);
    return makespan;
}

qint64 idealMakespanNs(const QList<qint64> &serviceNs, int slotCount)
{
    return makespanNs(serviceNs, idealStartsNs(serviceNs, slotCount));
}

qint64 idealMakespanNs(const QList<qint64> &serviceNs, const QList<CapacityChange> &capacity)
{
    return makespanNs(serviceNs, idealStartsNs(serviceNs, capacity));
}

qint64 serviceNs(const RequestRecord &record)
{
    if (!record.reached(Mark::Issued) || !record.reached(Mark::Finished))
        return 0;
    return record.releasedAt() - record.at(Mark::Issued);
}

namespace {
QList<qint64> servicesOf(const RunResult &run)
{
    QList<qint64> services;
    services.reserve(run.records.size());
    for (const auto &record : run.records)
        services.append(serviceNs(record));
    return services;
}

// What the gate was over the run: as recorded, or (a file without the record) the settings' size throughout.
QList<CapacityChange> gateOf(const RunResult &run)
{
    if (!run.capacityChanges.isEmpty())
        return run.capacityChanges;
    return {{0, run.settings.gateCapacity()}};
}
} // namespace

qint64 idealMakespanNs(const RunResult &run)
{
    if (run.settings.crawl.enabled)
        return 0;
    return makespanNs(servicesOf(run), idealStartsNs(run));
}

QList<qint64> idealStartsNs(const RunResult &run)
{
    if (run.settings.crawl.enabled)
        return {};
    const QList<qint64> services = servicesOf(run);
    QList<CapacityChange> gate = gateOf(run);
    const int perHost = run.settings.perHost;
    if (perHost <= 0)
        return idealStartsNs(services, gate);
    // The per-host cap holds requests back as surely as the gate does: the ideal may not start them sooner.
    QHash<HostKey, int> hosts;
    QList<int> hostOf;
    hostOf.reserve(run.records.size());
    for (const RequestRecord &record : run.records) {
        const HostKey key = HostKey::fromUrl(record.url);
        auto it = hosts.constFind(key);
        if (it == hosts.cend())
            it = hosts.insert(key, int(hosts.size()));
        hostOf.append(it.value());
    }
    if (hosts.size() <= 1) {
        for (CapacityChange &change : gate)
            change.capacity = change.capacity <= 0 ? perHost : std::min(change.capacity, perHost);
        return idealStartsNs(services, gate);
    }
    return perHostStartsNs(services, hostOf, gate, perHost);
}
