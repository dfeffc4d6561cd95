#include "capturereport.h"

#include "export/jsonformat.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <vector>

namespace CaptureReport {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CaptureReport", text);
}

bool isRefused(const RequestRecord &record)
{
    return record.outcome == Outcome::Failed && !record.reached(Mark::RequestSent)
        && (record.status == 400 || record.status == 501);
}

} // namespace

Stats stats(const RunResult &run)
{
    Stats stats;
    QSet<int> connections;
    std::vector<qint64> own;
    for (const RequestRecord &record : run.records) {
        if (record.connection() >= 0)
            connections.insert(record.connection());
        if (record.reusedConnection())
            ++stats.reused;
        stats.bytesSent += record.bytesSent();
        stats.bytesReceived += record.bytes;
        if (record.role == RequestRole::Tunnel)
            ++stats.tunnels;
        else if (isRefused(record))
            ++stats.refused;
        else
            ++stats.requests;
        if (record.proxyNs() >= 0 && record.role != RequestRole::Tunnel)
            own.push_back(record.proxyNs());
    }
    stats.connections = int(connections.size());
    if (!own.empty()) {
        const auto middle = own.begin() + std::ptrdiff_t(own.size() / 2);
        std::nth_element(own.begin(), middle, own.end());
        stats.proxyMedianNs = *middle;
    }
    return stats;
}

QJsonObject toJson(const RunResult &run)
{
    const Stats s = stats(run);
    QJsonObject json = summaryToJson(run);
    json.insert(QStringLiteral("source"), QStringLiteral("capture"));
    json.insert(QStringLiteral("forwarded"), s.requests);
    json.insert(QStringLiteral("tunnels"), s.tunnels);
    json.insert(QStringLiteral("refused"), s.refused);
    json.insert(QStringLiteral("connections"), s.connections);
    json.insert(QStringLiteral("reused_connections"), s.reused);
    json.insert(QStringLiteral("bytes_sent"), s.bytesSent);
    json.insert(QStringLiteral("proxy_median_us"),
                s.proxyMedianNs < 0 ? QJsonValue()
                                    : QJsonValue(std::round(double(s.proxyMedianNs) / 1e2) / 10));
    return json;
}

QString text(const RunResult &run)
{
    const Stats s = stats(run);
    QString line = tr("captured %1 requests on %2 client connections (%3 on a reused one)")
                       .arg(s.requests)
                       .arg(s.connections)
                       .arg(s.reused);
    if (s.tunnels > 0)
        line += tr("; %1 HTTPS tunnels, encrypted: their requests cannot be seen").arg(s.tunnels);
    if (s.refused > 0)
        line += tr("; %1 refused").arg(s.refused);
    if (s.proxyMedianNs >= 0)
        line += tr("; the proxy's own time: median %1 µs per request")
                    .arg(double(s.proxyMedianNs) / 1e3, 0, 'f', 1);
    return line;
}

} // namespace CaptureReport
