#pragma once

#include <QtGlobal>

#include <algorithm>

#include "timescale.h"

/// What part of the timeline is shown: the time window (a TimeScale), the height of a row, how far the rows
/// are scrolled, and whether time and rows follow the data (fit while a run grows) or stay where the user
/// put them. A value: the view owns one, and the painter and hit tests read a copy.
class TimelineViewport
{
public:
    static constexpr int MaxRowHeight = 20; // DevTools' row height, the most a fitted row gets
    static constexpr double MinRowHeight = 1e-4;
    // Below this many pixels per row, bars are too thin to split into phases: rows sharing a pixel row are
    // drawn as merged coverage instead.
    static constexpr double DenseRowHeight = 4.0;
    static constexpr qint64 Second = 1'000'000'000;
    // Following rows never fits them below this, as long as they take at most LegibleScreens heights.
    static constexpr int MinLegibleRowHeight = 6;
    static constexpr int LegibleScreens = 10;

    const TimeScale &scale() const { return m_scale; }
    void setScale(const TimeScale &scale) { m_scale = scale; }
    int width() const { return int(m_scale.width()); }
    int height() const { return m_height; }
    /// The size of the area the rows are drawn in; the scale's width follows it.
    void setSize(int width, int height);

    double rowHeight() const { return m_rowHeight; }
    /// Clamped to [MinRowHeight, MaxRowHeight]; false if nothing changed.
    bool setRowHeight(double pixels);
    bool isDense() const { return m_rowHeight < DenseRowHeight; }

    /// Content y at the viewport's top edge.
    double scrollY() const { return m_scrollY; }
    void setScrollY(double y) { m_scrollY = y; }

    /// Whether following rows keeps a few dozen rows legible and scrolls (a window) or fits every row however
    /// thin (a slide).
    bool legibleRows() const { return m_legibleRows; }
    void setLegibleRows(bool legible) { m_legibleRows = legible; }

    bool followsTime() const { return m_followTime; }
    bool followsRows() const { return m_followRows; }
    void setFollowTime(bool follow) { m_followTime = follow; }
    void setFollowRows(bool follow) { m_followRows = follow; }
    void followAll() { m_followTime = m_followRows = true; }

    /// Applies the follow state to data that ends at dataEndNs and has rows rows plus chromePx of headers:
    /// following time shows it all (growing in steps while live, so bars visibly grow instead of the axis
    /// crawling); following rows fits every row in the height. Returns true if the row height changed.
    bool follow(qint64 dataEndNs, bool live, int rows, double chromePx);
    /// The end a followed window shows for data ending at dataEndNs.
    static qint64 followedEndNs(qint64 dataEndNs, bool live);

    friend bool operator==(const TimelineViewport &, const TimelineViewport &) = default;

private:
    TimeScale m_scale;
    int m_height = 100;
    double m_rowHeight = MaxRowHeight;
    double m_scrollY = 0;
    bool m_followTime = true;
    bool m_followRows = true;
    bool m_legibleRows = true;
};

/// Time to whole pixel columns, the hot path of painting a million bars. Columns far outside the viewport are
/// clamped, so the int conversion never overflows at deep zoom.
class PixelMapper
{
public:
    PixelMapper(const TimeScale &scale, int width)
        : m_startNs(scale.startNs())
        , m_pixelsPerNs(scale.width() / double(scale.spanNs()))
        , m_max(width + 64.0)
    { }

    int operator()(qint64 ns) const
    {
        const double x = std::clamp(double(ns - m_startNs) * m_pixelsPerNs, -64.0, m_max);
        const int truncated = int(x);
        return truncated - (x < truncated ? 1 : 0);
    }
    double pixelsPerNs() const { return m_pixelsPerNs; }

private:
    qint64 m_startNs;
    double m_pixelsPerNs;
    double m_max;
};
