#pragma once

class QHostAddress;

/// Whether a client may use the capture proxy: only this machine's own programs may, so the proxy is never
/// a relay for anyone on the network, even if it were bound wider by mistake.
bool isLoopbackPeer(const QHostAddress &address);
