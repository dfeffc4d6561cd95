#pragma once

#include "core/runsettings.h"

#include <QtGlobal>

/// What a capture is asked to do: where the proxy listens and the limits every forwarded request gets.
struct CaptureSettings
{
    static constexpr qsizetype DefaultMaxHeadBytes = 64 * 1024;
    static constexpr qsizetype DefaultMaxGatheredBodyBytes = 16 * 1024 * 1024;

    quint16 port = 0; // 0: any free port
    qsizetype maxHeadBytes
        = DefaultMaxHeadBytes; // a client's request head, and an upstream response's headers
    // A chunked request body is held whole up to this, then sent with a length: Qt 6.4 cannot send a body
    // chunked, and reads any body of unknown length whole before sending it. A body with a Content-Length is
    // streamed and has no cap: the proxy holds only a window of it.
    qsizetype maxGatheredBodyBytes = DefaultMaxGatheredBodyBytes;
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
