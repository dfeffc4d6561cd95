#pragma once

#include "core/runresult.h"

#include <QJsonObject>
#include <QString>

/// What a capture adds to a run's summary: the client connections and their reuse, the tunnels (HTTPS,
/// seen only as bytes), the requests refused, and the proxy's own time, so the reader knows what the
/// observer cost.
namespace CaptureReport {

struct Stats
{
    int requests = 0; // plain HTTP requests forwarded
    int tunnels = 0;
    int refused = 0; // answered 400 or 501 by the proxy itself
    int connections = 0;
    int reused = 0; // requests that came on a connection an earlier request had used
    qint64 bytesSent = 0;
    qint64 bytesReceived = 0;
    qint64 proxyMedianNs = -1;
};

Stats stats(const RunResult &run);
/// The run's summary as `run --json` prints it, plus the capture's own fields.
QJsonObject toJson(const RunResult &run);
QString text(const RunResult &run);

} // namespace CaptureReport
