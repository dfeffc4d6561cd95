#pragma once

#include "core/runsettings.h"

#include <QtGlobal>

/// What a capture is asked to do: where the proxy listens and the limits every forwarded request gets.
struct CaptureSettings
{
    static constexpr qsizetype DefaultMaxHeadBytes = 64 * 1024;

    quint16 port = 0; // 0: any free port
    qsizetype maxHeadBytes
        = DefaultMaxHeadBytes; // a client's request head, and an upstream response's headers
    bool keepSecrets = false; // keep Authorization, Proxy-Authorization and Cookie values in the records
    RunSettings run = defaultRun(); // timeout and body cap; mode Gather, as the proxy holds nothing back

    static RunSettings defaultRun()
    {
        RunSettings settings;
        settings.mode = RunMode::Gather;
        settings.limit = 0;
        return settings;
    }
};
