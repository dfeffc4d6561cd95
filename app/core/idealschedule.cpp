#include "idealschedule.h"

#include <QHash>

#include <algorithm>
#include <functional>
#include <limits>
#include <queue>
#include <vector>

#include "hostkey.h"
#include "prediction.h"

namespace {
/// Each request, in input order, takes the slot that frees first; onStart(t) hears when each one starts.
/// Returns when each slot frees at the end. The slots' free times are a min-heap, and taking the first is
/// replacing its top: one sift-down, where a pop and a push would be two. At 100 000 requests on 50 slots
/// this is what a run's prediction costs as it starts, so it counts.
template<typename OnStart>
std::vector<qint64> scheduleOnSlots(const QList<qint64> &serviceNs, int slotCount, OnStart onStart)
{
    std::vector<qint64> freeAt(std::size_t(slotCount), 0);
    const std::size_t slots = freeAt.size();
    for (const qint64 service : serviceNs) {
        const qint64 start = freeAt[0];
        onStart(start);
        const qint64 end = start + service;
        std::size_t hole = 0;
        for (;;) {
            std::size_t child = 2 * hole + 1;
            if (child >= slots)
                break;
            if (child + 1 < slots && freeAt[child + 1] < freeAt[child])
                ++child;
            if (freeAt[child] >= end)
                break;
            freeAt[hole] = freeAt[child];
            hole = child;
        }
        freeAt[hole] = end;
    }
    return freeAt;
}

bool everyoneAtOnce(const QList<qint64> &serviceNs, int slotCount)
{
    return slotCount <= 0 || slotCount >= serviceNs.size();
}
} // namespace

QList<qint64> idealStartsNs(const QList<qint64> &serviceNs, int slotCount)
{
    QList<qint64> starts;
    starts.reserve(serviceNs.size());
    if (everyoneAtOnce(serviceNs, slotCount)) {
        starts.fill(0, serviceNs.size());
        return starts;
    }
    scheduleOnSlots(serviceNs, slotCount, [&starts](qint64 start) { starts.append(start); });
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
    if (everyoneAtOnce(serviceNs, slotCount))
        return serviceNs.isEmpty()
            ? 0
            : std::max<qint64>(0, *std::max_element(serviceNs.cbegin(), serviceNs.cend()));
    // A slot's free time only grows, so the last one to free is when the last request ended.
    const std::vector<qint64> freeAt = scheduleOnSlots(serviceNs, slotCount, [](qint64) {});
    return *std::max_element(freeAt.cbegin(), freeAt.cend());
}

qint64 idealMakespanNs(const QList<qint64> &serviceNs, const QList<CapacityChange> &capacity)
{
    if (capacity.size() <= 1)
        return idealMakespanNs(serviceNs, capacity.isEmpty() ? 0 : capacity.constFirst().capacity);
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
