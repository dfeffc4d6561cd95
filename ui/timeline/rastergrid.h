#pragma once

#include <QColor>

#include <vector>

class QPainter;

namespace RasterGrid {

/// Draws vertical lines one pixel wide at xs, from row top to row bottom, as a faint grid under a chart.
/// Qt 6.4's raster engine hands a blended fill of about a hundred pixel rows or more to its thread pool, and
/// waking the pool costs more than the fill: a grid of full-height lines cost the timeline and the in-flight
/// strip 2-5 ms of CPU a paint that way. On the raster engine without scaling the lines are filled in pieces
/// short enough to stay on the painting thread, the same pixels; elsewhere they are drawn as lines.
void verticalLines(QPainter &painter, const std::vector<int> &xs, int top, int bottom, const QColor &colour);

} // namespace RasterGrid
