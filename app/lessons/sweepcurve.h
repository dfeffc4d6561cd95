#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include "core/prediction.h"
#include "core/runresult.h"

/// A sweep as the lesson reads it: wall time against k, measured and predicted, and where more permits stop
/// paying. Gains stop at the number of URLs, at the per-host cap, or, when neither explains it, at the
/// server's own limit.
class SweepCurve
{
    Q_DECLARE_TR_FUNCTIONS(SweepCurve)

public:
    struct Point
    {
        int k = 0;
        qint64 wallNs = 0;
        qint64 predictedNs = -1; // -1: not known
    };

    enum class Why {
        None, // it never flattens within the ks run
        Urls, // k reached the number of URLs
        PerHost, // the per-host cap held every request back
        Server, // the measured curve flattened before either: the server (or the machine) is the limit
    };

    /// Whether runs are a sweep: two or more finished limited runs of the same URLs, k strictly increasing,
    /// none of them a crawl.
    static bool isSweep(const QList<RunResult> &runs);
    /// The curve of runs (a sweep, in order); latency predicts each run, as Prediction does.
    static SweepCurve of(const QList<RunResult> &runs, const Prediction::LatencyOracle &latency);

    /// A later point this much faster than an earlier one still counts as a gain.
    static constexpr double FlatRatio = 1.1;

    const QList<Point> &points() const { return m_points; }
    /// The first point from which no larger k is more than FlatRatio faster; -1 for a curve without points.
    int flatIndex() const { return m_flat; }
    Why why() const { return m_why; }
    QString whyText() const;

private:
    QList<Point> m_points;
    int m_flat = -1;
    Why m_why = Why::None;
    int m_urls = 0;
    int m_perHost = 0;
};
