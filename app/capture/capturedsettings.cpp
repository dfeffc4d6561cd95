#include "capturedsettings.h"

#include "core/runresult.h"

RunSettings capturedSettings(RunSettings settings, const QList<RequestRecord> &records)
{
    const int peak = peakInFlight(records);
    if (peak <= 0)
        return settings; // nothing finished: nothing to read
    if (peak == 1) {
        settings.mode = RunMode::Sequential;
        settings.limit = 1;
    } else if (peak >= records.size()) {
        settings.mode = RunMode::Gather;
        settings.limit = 0;
    } else {
        settings.mode = RunMode::Limited;
        settings.limit = peak;
    }
    return settings;
}
