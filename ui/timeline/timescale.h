#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

#include <algorithm>

/// Maps run time (ns) to pixels and back for a visible window, with the zoom, pan, fit and tick rules
/// shared by the timeline, its axis and the in-flight strip, so the three always agree.
class TimeScale
{
public:
    static constexpr qint64 MinimumSpanNs = 1'000; // 1 µs
    static constexpr double TargetTickSpacingPx = 100;

    struct Tick
    {
        qint64 ns = 0;
        double x = 0;
        QString label;
    };

    TimeScale() = default;
    TimeScale(qint64 startNs, qint64 endNs, double widthPx);

    qint64 startNs() const { return m_startNs; }
    qint64 endNs() const { return m_startNs + m_spanNs; }
    qint64 spanNs() const { return m_spanNs; }
    double width() const { return m_width; }
    double nsPerPixel() const { return double(m_spanNs) / m_width; }

    void setWidth(double widthPx);
    /// The data the window may look at: the start never goes below min(0, dataStartNs), and zooming out
    /// stops at ten times the data's span.
    void setDataRange(qint64 dataStartNs, qint64 dataEndNs);
    qint64 dataStartNs() const { return m_dataStartNs; }
    qint64 dataEndNs() const { return m_dataEndNs; }

    void setRange(qint64 startNs, qint64 endNs);
    void fit() { setRange(m_dataStartNs, m_dataEndNs); }
    /// factor > 1 zooms in; the time under anchorX stays under anchorX.
    void zoom(double factor, double anchorX);
    /// Positive dx moves the window to later times, as dragging the content to the left would.
    void pan(double dx);

    double toPixel(qint64 ns) const { return double(ns - m_startNs) / double(m_spanNs) * m_width; }
    qint64 toTime(double x) const;

    /// The 1/2/5 x 10^n step whose spacing is closest to TargetTickSpacingPx.
    qint64 tickStepNs() const;
    QList<Tick> ticks() const;

    /// An axis label: "0 ms", "250 ms", "1.5 s"; values under 1 ms in µs, with as many decimals as the
    /// step needs.
    static QString formatTick(qint64 ns, qint64 stepNs);
    /// A moment as precisely as about one pixel of this scale can point at it, for tooltips.
    QString formatTime(qint64 ns) const
    {
        return formatTick(ns, niceCeil(std::max<qint64>(1, qint64(nsPerPixel()))));
    }
    /// The smallest 1/2/5 x 10^n value not below ns.
    static qint64 niceCeil(qint64 ns);

    friend bool operator==(const TimeScale &, const TimeScale &) = default;

private:
    void clamp();

    qint64 m_startNs = 0;
    qint64 m_spanNs = 1'000'000'000;
    double m_width = 100;
    qint64 m_dataStartNs = 0;
    qint64 m_dataEndNs = 1'000'000'000;
};
