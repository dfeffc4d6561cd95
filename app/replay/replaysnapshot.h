#pragma once

#include <QMetaType>
#include <QtGlobal>

/// What one run's gate looked like at one moment of a replay: the picture the gate picture draws and the
/// counts the Code pane puts beside its lines.
struct ReplaySnapshot
{
    qint64 atNs = 0;
    int waiting = 0; // queued and not yet issued: at `async with semaphore` (the gate's, then the host's)
    int inFlight = 0; // issued and not finished: awaiting `client.get`
    int delaying = 0; // finished and sleeping with the permit held: in `asyncio.sleep`
    int held = 0; // permits of the gate held: acquired and not yet released
    int capacity = 0; // the gate's size at atNs; 0: the run has no gate (gather)
    int started = 0; // records queued by atNs
    int finished = 0; // records finished by atNs

    friend bool operator==(const ReplaySnapshot &, const ReplaySnapshot &) = default;
};

Q_DECLARE_METATYPE(ReplaySnapshot)
