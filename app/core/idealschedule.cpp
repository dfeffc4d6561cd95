#include "idealschedule.h"

#include <algorithm>
#include <functional>
#include <queue>
#include <vector>

qint64 idealMakespanNs(const QList<qint64> &serviceNs, int slotCount)
{
    if (serviceNs.isEmpty())
        return 0;
    if (slotCount <= 0 || slotCount >= serviceNs.size())
        return *std::max_element(serviceNs.begin(), serviceNs.end());

    // Each request takes the slot that frees first, in input order.
    std::priority_queue<qint64, std::vector<qint64>, std::greater<>> freeAt;
    for (int i = 0; i < slotCount; ++i)
        freeAt.push(0);
    qint64 makespan = 0;
    for (auto service : serviceNs) {
        const qint64 start = freeAt.top();
        freeAt.pop();
        const qint64 end = start + service;
        makespan = std::max(makespan, end);
        freeAt.push(end);
    }
    return makespan;
}

qint64 serviceNs(const RequestRecord &record)
{
    if (!record.reached(Mark::Issued) || !record.reached(Mark::Finished))
        return 0;
    return record.releasedAt() - record.at(Mark::Issued);
}

qint64 idealMakespanNs(const RunResult &run)
{
    QList<qint64> services;
    services.reserve(run.records.size());
    for (const auto &record : run.records)
        services.append(serviceNs(record));
    return idealMakespanNs(services, run.settings.gateCapacity());
}
