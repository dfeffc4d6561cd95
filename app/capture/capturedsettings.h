#pragma once

#include "core/requestrecord.h"
#include "core/runsettings.h"

#include <QList>

/// A captured program's run, named by what it did: no one told the proxy what the program meant to do, so
/// its settings are read from its records. Never more than one request at a time is sequential; every
/// request in flight together is a gather; anything between is limited to the most it ever had at once,
/// which is how a semaphore of that size, or a pool of that many workers, looks from outside. The header's
/// ideal then follows: a pool of 3 is measured against 3 at a time, not against all at once.
RunSettings capturedSettings(RunSettings settings, const QList<RequestRecord> &records);
