#pragma once

#include <QBrush>
#include <QColor>
#include <QPolygon>

#include "core/phasespans.h"

class QPainter;
class QRect;

/// The timeline's colours in one place, so bars, legend and in-flight strip agree. Close to Chrome
/// DevTools' waterfall (hollow queueing, green waiting for the response, blue download), with failures in red
/// and cancellations in grey so neither can pass for a success.
namespace TimelinePalette {

enum class Swatch {
    Waiting,
    Connecting,
    Tls,
    FirstByte,
    Download,
    Delay,
    HttpError,
    Failed,
    Cancelled,
    Merged,
    Gate,
    Ideal,
    Robots,
};

/// Whether the application's palette is dark (its Base colour): the marks drawn dark grey on a light base,
/// the light backgrounds of delays and failures and the ghost marks turn so that they stay readable on it.
bool isDark();

/// Distinct host colours before they repeat: eight hues, then the same a shade darker, then lighter.
inline constexpr int HostColorCount = 24;

QColor waitingOutline();
QColor inFlightFill(); // the in-flight strip's count, apart from every phase colour
QColor waitingFill(); // waiting where it cannot be drawn hollow: merged rows, the in-flight strip
QColor phaseColor(PhaseSpans::Phase phase);
QColor delayBackground();
QColor errorLight();
QColor error();
QColor failedBackground();
QColor cancelled();
QColor cancelledMark();
QColor merged();
QColor gate();
QColor ideal(); // ghost marks of the ideal schedule
QColor grid();
QBrush hatch(const QColor &color);
/// Colouring by host: the download of a request to the host with this slot, in the thick bar's colour, and
/// the part before the response in a light tint of it. Red, grey and the delay's purple are left out, so
/// failures, waiting and delays keep their look. Slot 0 is the download blue, so a single host looks as
/// without host colours.
QColor hostColor(int slot);
QColor hostLightColor(int slot);
QColor robotsMark();

QString swatchName(Swatch swatch);
/// Draws a swatch the way the timeline draws that thing, for legends.
void paintSwatch(QPainter *painter, const QRect &rect, Swatch swatch);
/// A request to the host with this slot, as the bars draw it when coloured by host.
void paintHostSwatch(QPainter *painter, const QRect &rect, int slot);
/// The robots.txt marker: a small pennant pointing at the bar that starts at tip.
QPolygon robotsMarker(QPoint tip, int size);

} // namespace TimelinePalette
