#pragma once

#include <QtGlobal>

#include <algorithm>

/// What the proxy's connections report about their own memory, so that a test can hold the proxy to its
/// bounds as an invariant instead of watching the process's size.
struct ProxyStats
{
    /// The most bytes of one request body the proxy held at once while streaming it: read from the client
    /// and not yet taken by the network manager, in the client socket's buffer included.
    qint64 peakBodyBytesHeld = 0;

    void noteBodyHeld(qint64 bytes) { peakBodyBytesHeld = std::max(peakBodyBytesHeld, bytes); }
};
