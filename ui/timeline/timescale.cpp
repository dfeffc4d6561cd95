#include "timescale.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace {

constexpr qint64 Microsecond = 1'000;
constexpr qint64 Millisecond = 1'000'000;
constexpr qint64 Second = 1'000'000'000;

// Time spans go up to hours of nanoseconds; doubles keep them exact well past that (2^53 ns is 104 days).
qint64 roundToNs(double ns)
{
    return qint64(std::llround(ns));
}

} // namespace

TimeScale::TimeScale(qint64 startNs, qint64 endNs, double widthPx)
{
    m_width = std::max(1.0, widthPx);
    m_dataStartNs = std::min(startNs, endNs);
    m_dataEndNs = std::max(startNs, endNs);
    setRange(startNs, endNs);
}

void TimeScale::setWidth(double widthPx)
{
    m_width = std::max(1.0, widthPx);
}

void TimeScale::setDataRange(qint64 dataStartNs, qint64 dataEndNs)
{
    m_dataStartNs = std::min(dataStartNs, dataEndNs);
    m_dataEndNs = std::max(dataStartNs, dataEndNs);
    clamp();
}

void TimeScale::setRange(qint64 startNs, qint64 endNs)
{
    if (endNs < startNs)
        std::swap(startNs, endNs);
    m_startNs = startNs;
    m_spanNs = endNs - startNs;
    clamp();
}

void TimeScale::zoom(double factor, double anchorX)
{
    if (!(factor > 0))
        return;
    const double anchorNs = double(m_startNs) + anchorX / m_width * double(m_spanNs);
    const qint64 oldSpan = m_spanNs;
    m_spanNs = roundToNs(double(m_spanNs) / factor);
    clamp();
    if (m_spanNs == oldSpan && factor != 1)
        return; // at a zoom limit: don't let rounding drift the window
    m_startNs = roundToNs(anchorNs - anchorX / m_width * double(m_spanNs));
    clamp();
}

void TimeScale::pan(double dx)
{
    m_startNs += roundToNs(dx * nsPerPixel());
    clamp();
}

qint64 TimeScale::toTime(double x) const
{
    return m_startNs + roundToNs(x / m_width * double(m_spanNs));
}

void TimeScale::clamp()
{
    const qint64 dataSpan = m_dataEndNs - m_dataStartNs;
    const qint64 maxSpan = std::max(10 * dataSpan, Second);
    m_spanNs = std::clamp(m_spanNs, MinimumSpanNs, maxSpan);

    // Never before the data (or 0), and never so far right that the data leaves the window entirely.
    const qint64 lowest = std::min<qint64>(0, m_dataStartNs);
    const qint64 highest = std::max(lowest, m_dataEndNs - m_spanNs / 10);
    m_startNs = std::clamp(m_startNs, lowest, highest);
}

qint64 TimeScale::tickStepNs() const
{
    const double ideal = TargetTickSpacingPx * nsPerPixel();
    if (ideal <= 1)
        return 1;
    const double decade = std::pow(10.0, std::floor(std::log10(ideal)));
    double best = decade;
    for (const double multiple : {1.0, 2.0, 5.0, 10.0}) {
        const double candidate = multiple * decade;
        if (std::abs(std::log(candidate / ideal)) < std::abs(std::log(best / ideal)))
            best = candidate;
    }
    return std::max<qint64>(1, roundToNs(best));
}

QList<TimeScale::Tick> TimeScale::ticks() const
{
    const qint64 step = tickStepNs();
    // Floor division that also works for negative starts.
    qint64 first = m_startNs / step * step;
    if (first < m_startNs)
        first += step;
    QList<Tick> result;
    for (qint64 ns = first; ns <= endNs(); ns += step)
        result.append({ns, toPixel(ns), formatTick(ns, step)});
    return result;
}

QString TimeScale::formatTick(qint64 ns, qint64 stepNs)
{
    const qint64 magnitude = ns == 0 ? stepNs : std::abs(ns);
    qint64 unit = Second;
    if (magnitude < Millisecond)
        unit = Microsecond;
    else if (magnitude < Second)
        unit = Millisecond;

    // As many decimals as it takes to show the step exactly in this unit, so neighbouring labels differ.
    int decimals = 0;
    if (ns != 0) {
        qint64 scaled = std::max<qint64>(1, stepNs);
        qint64 divisor = unit;
        while (scaled % divisor != 0 && decimals < 9) {
            ++decimals;
            divisor /= 10;
        }
    }
    const QString number = QString::number(double(ns) / double(unit), 'f', decimals);
    if (unit == Microsecond)
        return QCoreApplication::translate("TimeScale", "%1 µs").arg(number);
    if (unit == Millisecond)
        return QCoreApplication::translate("TimeScale", "%1 ms").arg(number);
    return QCoreApplication::translate("TimeScale", "%1 s").arg(number);
}

qint64 TimeScale::niceCeil(qint64 ns)
{
    qint64 decade = 1;
    while (true) {
        for (const qint64 multiple : {1, 2, 5}) {
            if (multiple * decade >= ns)
                return multiple * decade;
        }
        decade *= 10;
    }
}
