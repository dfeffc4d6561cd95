#pragma once

#include <QProgressBar>

/// Sets a progress bar's value for the window's next frame. QProgressBar repaints at once when its value
/// changes, and painting at once paints and flushes everything else waiting to be painted too (the timeline
/// included), out of the window's own frames; the bar's new value waits for the next frame like the rest.
inline void setProgressValue(QProgressBar *bar, int value)
{
    if (value == bar->value() || !bar->updatesEnabled())
        return bar->setValue(value);
    bar->setUpdatesEnabled(false);
    bar->setValue(value);
    bar->setUpdatesEnabled(true); // schedules the repaint
}
