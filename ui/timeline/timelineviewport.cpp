#include "timelineviewport.h"

void TimelineViewport::setSize(int width, int height)
{
    m_scale.setWidth(std::max(1, width));
    m_height = std::max(1, height);
}

bool TimelineViewport::setRowHeight(double pixels)
{
    const double height = std::clamp(pixels, MinRowHeight, double(MaxRowHeight));
    if (height == m_rowHeight)
        return false;
    m_rowHeight = height;
    return true;
}

qint64 TimelineViewport::followedEndNs(qint64 dataEndNs, bool live)
{
    if (!live)
        return dataEndNs > 0 ? dataEndNs : Second;
    // Grow the window in steps of about a fifth, so bars visibly grow instead of the axis crawling.
    const qint64 base = std::max<qint64>(dataEndNs, Second / 2);
    const qint64 step = TimeScale::niceCeil(base / 5);
    return (base + base / 10 + step - 1) / step * step;
}

bool TimelineViewport::follow(qint64 dataEndNs, bool live, int rows, double chromePx)
{
    if (m_followTime) {
        const qint64 end = followedEndNs(dataEndNs, live);
        m_scale.setDataRange(0, end);
        m_scale.setRange(0, end);
    } else {
        m_scale.setDataRange(0, std::max(dataEndNs, TimeScale::MinimumSpanNs));
    }
    if (!m_followRows)
        return false;
    m_scrollY = 0;
    const double available = std::max(1.0, m_height - chromePx);
    if (rows == 0)
        return setRowHeight(MaxRowHeight);
    // A few dozen rows squashed into a short pane (a projector, 200 % scaling) read better at a legible
    // height with a scroll bar; a big run is shown whole, merged where rows share a pixel.
    const double fitted = available / rows;
    const bool fewRows
        = m_legibleRows && rows * double(MinLegibleRowHeight) <= LegibleScreens * double(m_height);
    return setRowHeight(fewRows ? std::max(fitted, double(MinLegibleRowHeight)) : fitted);
}
