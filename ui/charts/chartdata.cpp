#include "chartdata.h"

#include <QHash>
#include <QLocale>

#include <algorithm>
#include <cmath>

#include "core/concurrencyseries.h"
#include "core/runcaption.h"

namespace {

constexpr double NsPerMs = 1e6;

// Ratios such as 0.3 / 0.1 land a hair off the whole number, which would add an empty bin at either end.
double snappedQuotient(double value, double step)
{
    const double quotient = value / step;
    const double whole = std::round(quotient);
    return std::abs(quotient - whole) < 1e-9 ? whole : quotient;
}

} // namespace

QStringList ChartData::runLabels(const QList<RunResult> &runs)
{
    QStringList labels;
    QHash<QString, int> seen;
    for (const RunResult &run : runs) {
        const QString label = RunCaption::label(run.settings);
        const int count = ++seen[label];
        labels.append(count == 1 ? label : tr("%1 #%2").arg(label).arg(count));
    }
    return labels;
}

QList<QPointF> ChartData::inFlightSteps(const RunResult &run)
{
    QList<QPointF> points;
    const auto add = [&points](double x, double y) {
        if (points.isEmpty() || points.constLast() != QPointF(x, y))
            points.append(QPointF(x, y));
    };
    add(0, 0);
    int current = 0;
    const auto series = ConcurrencySeries::compute(run.records, run.endNs, false);
    for (const ConcurrencySeries::Step &step : series.steps()) {
        if (step.inFlight == current)
            continue; // the series also steps when only the waiting or delaying counts change
        const double x = double(step.atNs) / NsPerMs;
        add(x, current);
        add(x, step.inFlight);
        current = step.inFlight;
    }
    // Runs of different lengths should end where their run ended, not where their last request did.
    const double endMs = double(run.endNs) / NsPerMs;
    if (endMs > points.constLast().x())
        add(endMs, current);
    return points;
}

QList<double> ChartData::durationsMs(const RunResult &run)
{
    QList<double> durations;
    for (const RequestRecord &record : run.records) {
        if (!record.reached(Mark::Issued) || !record.reached(Mark::Finished) || !record.isDone()
            || record.outcome == Outcome::Cancelled)
            continue;
        durations.append(double(record.at(Mark::Finished) - record.at(Mark::Issued)) / NsPerMs);
    }
    return durations;
}

double ChartData::niceStep(double rough)
{
    if (!(rough > 0) || !std::isfinite(rough))
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    const double fraction = snappedQuotient(rough, magnitude);
    for (const double nice : {1.0, 2.0, 5.0}) {
        if (fraction <= nice)
            return nice * magnitude;
    }
    return 10 * magnitude;
}

QList<double> ChartData::niceEdges(double minMs, double maxMs, int targetBins, double minStep)
{
    if (!std::isfinite(minMs) || !std::isfinite(maxMs))
        return {};
    if (maxMs < minMs)
        std::swap(minMs, maxMs);
    targetBins = std::max(targetBins, 1);
    const bool spike = maxMs == minMs;
    const double step
        = std::max(niceStep((spike ? std::max(std::abs(maxMs), 1.0) : maxMs - minMs) / targetBins), minStep);
    auto first = qint64(std::floor(snappedQuotient(minMs, step)));
    auto last = std::max(first + 1, qint64(std::ceil(snappedQuotient(maxMs, step))));
    if (spike) {
        // Two empty bins either side show that every request took the same time.
        first -= 2;
        last = first + 5;
    }
    if (minMs >= 0 && first < 0) {
        last -= first;
        first = 0;
    }
    QList<double> edges;
    edges.reserve(last - first + 1);
    for (qint64 i = first; i <= last; ++i)
        edges.append(double(i) * step);
    return edges;
}

ChartData::Histogram ChartData::durationHistogram(const QList<RunResult> &runs, int targetBins)
{
    QList<QList<double>> durations;
    double low = 0;
    double high = 0;
    bool any = false;
    for (const RunResult &run : runs) {
        durations.append(durationsMs(run));
        for (const double ms : std::as_const(durations.constLast())) {
            low = any ? std::min(low, ms) : ms;
            high = any ? std::max(high, ms) : ms;
            any = true;
        }
    }

    Histogram histogram;
    if (any) {
        // Bins narrower than a fiftieth of the longest request split noise: 1000.2 ms and 1000.9 ms are the
        // same one-second request, and 1 ms bins would make the run that drew the slower noise look slowest.
        const double minStep = niceStep(std::max(std::abs(low), std::abs(high)) / MinBinShare);
        histogram.edges = niceEdges(low, high, targetBins, minStep);
    }
    const int bins = histogram.binCount();
    for (const QList<double> &runDurations : std::as_const(durations)) {
        QList<int> counts(bins, 0);
        for (const double ms : runDurations) {
            const auto above = std::upper_bound(histogram.edges.cbegin(), histogram.edges.cend(), ms);
            const int bin = std::clamp(int(above - histogram.edges.cbegin()) - 1, 0, bins - 1);
            ++counts[bin];
        }
        histogram.counts.append(counts);
    }
    return histogram;
}

QString ChartData::binLabel(const Histogram &histogram, int bin, bool startOnly)
{
    if (bin < 0 || bin >= histogram.binCount())
        return {};
    const double from = histogram.edges.at(bin);
    const double to = histogram.edges.at(bin + 1);
    const double step = to - from;
    const int decimals = step >= 1 ? 0 : int(std::ceil(-std::log10(step) - 1e-9));
    // Group separators make "1,000–1,200" too wide for a category label once there are eight or nine bins.
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() | QLocale::OmitGroupSeparator);
    if (startOnly)
        return locale.toString(from, 'f', decimals);
    return tr("%1–%2", "a histogram bin: from–to in ms")
        .arg(locale.toString(from, 'f', decimals), locale.toString(to, 'f', decimals));
}

QList<ChartData::Total> ChartData::totals(const QList<RunResult> &runs)
{
    QList<Total> totals;
    const QStringList labels = runLabels(runs);
    for (qsizetype i = 0; i < runs.size(); ++i) {
        const RunSummary summary = summarize(runs.at(i));
        totals.append({labels.at(i), double(summary.wallNs) / NsPerMs, double(summary.idealNs) / NsPerMs});
    }
    return totals;
}
