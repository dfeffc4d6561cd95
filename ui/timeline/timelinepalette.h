#pragma once

#include <QBrush>
#include <QColor>

#include "phasespans.h"

class QPainter;
class QRect;

/// The timeline's colours in one place, so bars, legend and in-flight strip agree. Close to Chrome
/// DevTools' waterfall (hollow queueing, green waiting for the response, blue download), with failures in red
/// and cancellations in grey so neither can pass for a success.
namespace TimelinePalette {

enum class Swatch {
    Waiting,
    Connecting,
    FirstByte,
    Download,
    Delay,
    HttpError,
    Failed,
    Cancelled,
    Merged,
    Gate,
    Ideal,
};

QColor waitingOutline();
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

QString swatchName(Swatch swatch);
/// Draws a swatch the way the timeline draws that thing, for legends.
void paintSwatch(QPainter *painter, const QRect &rect, Swatch swatch);

} // namespace TimelinePalette
