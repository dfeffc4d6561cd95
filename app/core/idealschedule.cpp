#include "idealschedule.h"

#include <algorithm>
#include <functional>
#include <queue>
#include <vector>

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

qint64 idealMakespanNs(const QList<qint64> &serviceNs, int slotCount)
{
    const QList<qint64> starts = idealStartsNs(serviceNs, slotCount);
    qint64 makespan = 0;
    for (qsizetype i = 0; i < serviceNs.size(); ++i)
        makespan = std::max(makespan, starts[i] + serviceNs[i]);
    return makespan;
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
} // namespace

qint64 idealMakespanNs(const RunResult &run)
{
    if (run.settings.crawl.enabled)
        return 0;
    return idealMakespanNs(servicesOf(run), run.settings.gateCapacity());
}

QList<qint64> idealStartsNs(const RunResult &run)
{
    if (run.settings.crawl.enabled)
        return {};
    return idealStartsNs(servicesOf(run), run.settings.gateCapacity());
}
