#pragma once

#include <QList>
#include <QUrl>

#include <functional>
#include <optional>

#include "runresult.h"

/// What the lesson's rules say a run will take before it runs: the latencies its URLs are known to have
/// (the demo server's /delay/MS, or a /delay/MIN-MAX drawn from its seed), each held with the politeness
/// delay inside the gate, scheduled as the mode promises: the sum for sequential, the longest for gather,
/// list scheduling on k permits for limited (and on each host's permits when a per-host cap is set).
/// Where a latency is unknown it says so instead of guessing.
class Prediction
{
public:
    /// How long a server takes to answer a URL, when that is known before asking it.
    using LatencyOracle = std::function<std::optional<qint64>(const QUrl &url)>;

    /// capacity: the gate's sizes over time when it was resized during the run (its first entry the initial
    /// size); empty for the settings' size throughout.
    static Prediction of(const QList<QUrl> &urls, const RunSettings &settings, const LatencyOracle &latency,
                         const QList<CapacityChange> &capacity = {});

    bool isKnown() const { return m_makespanNs >= 0; }
    qint64 makespanNs() const { return m_makespanNs; }
    /// Requests to URLs whose latency is not known (a URL repeated counts each time): then there is no
    /// prediction.
    int unknownCount() const { return m_unknown; }
    /// Why there is no prediction, for people; empty when there is one.
    QString whyUnknown() const;

private:
    enum class Reason { None, UnknownLatency, Crawl };

    qint64 m_makespanNs = -1;
    int m_unknown = 0;
    Reason m_reason = Reason::None;
};

/// List scheduling in input order with a cap per host as well as the gate's: a request starts as soon as
/// both its host and the gate have a permit free (a gate of size 0: no gate; its sizes over time as in
/// idealStartsNs). hostOf[i] names request i's host.
QList<qint64> perHostStartsNs(const QList<qint64> &serviceNs, const QList<int> &hostOf,
                              const QList<CapacityChange> &gate, int perHost);
