#pragma once

#include <QCoreApplication>
#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

#include "core/runresult.h"

/// The numbers behind the summary charts, in plain values with no Qt Charts types, so they are tested on
/// their own and outlive Qt Charts (deprecated from Qt 6.10).
class ChartData
{
    Q_DECLARE_TR_FUNCTIONS(ChartData)

public:
    static constexpr int DefaultBins = 8; // enough for a shape, few enough for readable labels

    /// Request durations on bins shared by every run, so the runs' bars line up.
    struct Histogram
    {
        QList<double>
            edges; // ms; bin i is [edges[i], edges[i + 1]), and the last bin holds its upper edge too
        QList<QList<int>> counts; // per run, per bin

        int binCount() const { return edges.isEmpty() ? 0 : int(edges.size()) - 1; }
    };

    struct Total
    {
        QString label;
        double wallMs = 0;
        double idealMs = 0;

        friend bool operator==(const Total &, const Total &) = default;
    };

    /// One label per run; a label that repeats gets " #2", " #3", so legends stay unambiguous.
    static QStringList runLabels(const QList<RunResult> &runs);

    /// Requests in flight (issued -> finished) as the corners of a step line: x in ms since the run's start,
    /// y in requests, from (0, 0) to the run's end.
    static QList<QPointF> inFlightSteps(const RunResult &run);

    /// Issued -> finished in ms for each finished request. Cancelled ones are left out: their time says when
    /// the run was stopped, not how long a request takes.
    static QList<double> durationsMs(const RunResult &run);
    /// The smallest 1, 2 or 5 times a power of ten that is at least rough.
    static double niceStep(double rough);
    /// Edges on multiples of a nice step that cover [minMs, maxMs] in at most targetBins + 1 bins. Equal
    /// values get a few bins around them, so a spike still reads as one.
    static QList<double> niceEdges(double minMs, double maxMs, int targetBins = DefaultBins,
                                   double minStep = 0);
    /// A histogram's bins are at least the longest duration divided by this.
    static constexpr double MinBinShare = 50;
    static Histogram durationHistogram(const QList<RunResult> &runs, int targetBins = DefaultBins);
    /// "900–1000": the bin's range in ms, with only as many decimals as the step needs.
    /// startOnly: "900", for a narrow chart.
    static QString binLabel(const Histogram &histogram, int bin, bool startOnly = false);

    /// Wall and ideal time per run, as summarize() reports them.
    static QList<Total> totals(const QList<RunResult> &runs);
};
