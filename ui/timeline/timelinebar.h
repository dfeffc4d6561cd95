#pragma once

#include <QtGlobal>

#include <algorithm>
#include <array>
#include <cstddef>

#include "core/phasespans.h"

/// What painting needs of one request: the PhaseSpans boundaries and how it ended. A value worked out from
/// the record when asked for (TimelineBars), never stored per request. Phases still going (open) end where
/// the record was last seen; at() stretches them to "now".
struct TimelineBar
{
    enum class Kind : quint8 { Ok, HttpError, Failed, Cancelled };

    // t[i] is where PhaseSpans phase i starts; the last mark is where the delay ends and the permit goes.
    static constexpr std::size_t IssuedAt = std::size_t(PhaseSpans::Phase::Connecting);
    static constexpr std::size_t FirstByteAt = std::size_t(PhaseSpans::Phase::Download);
    static constexpr std::size_t FinishedAt = std::size_t(PhaseSpans::Phase::Delay);
    static constexpr std::size_t ReleasedAt = PhaseSpans::PhaseCount;
    std::array<qint64, PhaseSpans::PhaseCount + 1> t {};
    int id = -1;
    int host = 0; // into the track's hosts, when coloured or grouped by host
    qint16 status = 0;
    Kind kind = Kind::Ok;
    quint8 started = 0;
    quint8 open = 0;
    bool issued = false;
    bool robots = false;
    bool reused = false; // a capture's request on a client connection an earlier one used
    bool tunnel = false; // a capture's CONNECT tunnel: encrypted, only its bytes are known

    /// The bar of a record, with phases still going ending at nowNs; host as given.
    static TimelineBar of(const RequestRecord &record, qint64 nowNs, bool delayExpected, int host);

    bool failed() const { return kind == Kind::HttpError || kind == Kind::Failed; }
    /// The bar as drawn at nowNs: its open phase, and everything after it, runs up to nowNs. A replay's
    /// "now" can fall inside a finished bar: it is then drawn as it was at that moment, still going.
    TimelineBar at(qint64 nowNs) const;
    qint64 endAt(qint64 nowNs) const { return open ? std::max(t.back(), nowNs) : std::min(t.back(), nowNs); }
    /// Whether the request had been queued by nowNs; one queued later is not drawn at all.
    bool shownAt(qint64 nowNs) const { return t[0] <= nowNs; }

    friend bool operator==(const TimelineBar &, const TimelineBar &) = default;
};
