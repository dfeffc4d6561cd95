#pragma once

#include <QString>
#include <QtGlobal>

#include <array>

#include "core/requestrecord.h"

/// A request's drawn phases as consecutive time boundaries, with a phase that is still going (or never
/// ended because the run was stopped) running up to "now", so that bars grow while a run goes.
struct PhaseSpans
{
    enum class Phase {
        Waiting, // queued -> issued: the gate, then the host's slot
        Connecting, // issued -> request sent; over https, issued -> the socket starting to connect
        Tls, // https on a new connection: the socket starting to connect -> request sent. Qt reports no end
             // of the TCP connect, so the handshake's phase holds it too (on a LAN, a small part)
        FirstByte, // request sent -> response headers
        Download, // response headers -> finished
        Delay, // finished -> delay released, still holding the permit
    };
    static constexpr int PhaseCount = int(Phase::Delay) + 1;

    std::array<qint64, PhaseCount + 1> bounds {}; // phase i spans [bounds[i], bounds[i + 1])
    quint8 started = 0; // bit i: phase i began
    quint8 open = 0; // bit i: phase i began and has not ended

    /// delayExpected: a live run with a politeness delay, so a finished request still holds its permit.
    static PhaseSpans of(const RequestRecord &record, qint64 nowNs, bool delayExpected);
    /// of(record, nowNs, …).issued() alone, for loops over every record that need no other boundary.
    static qint64 issuedOf(const RequestRecord &record, qint64 nowNs);
    static QString name(Phase phase);

    qint64 start(Phase phase) const { return bounds[std::size_t(phase)]; }
    qint64 end(Phase phase) const { return bounds[std::size_t(phase) + 1]; }
    qint64 duration(Phase phase) const { return end(phase) - start(phase); }
    bool hasStarted(Phase phase) const { return started & (1u << int(phase)); }
    bool isOpen(Phase phase) const { return open & (1u << int(phase)); }
    qint64 first() const { return bounds.front(); }
    qint64 last() const { return bounds.back(); }
    /// When the request was handed to the network, or when it stopped waiting without that.
    qint64 issued() const { return bounds[1]; }
    qint64 finished() const { return bounds[std::size_t(Phase::Download) + 1]; }
};
