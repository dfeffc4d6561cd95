#include "timelinebar.h"

#include <bit>

TimelineBar TimelineBar::of(const RequestRecord &record, qint64 nowNs, bool delayExpected, int host)
{
    const PhaseSpans spans = PhaseSpans::of(record, nowNs, delayExpected);
    TimelineBar bar;
    bar.t = spans.bounds;
    bar.id = record.id;
    bar.host = host;
    bar.started = spans.started;
    bar.open = spans.open;
    bar.issued = record.reached(Mark::Issued);
    bar.status = qint16(record.status);
    bar.robots = record.role == RequestRole::Robots;
    bar.reused = record.reusedConnection();
    bar.tunnel = record.role == RequestRole::Tunnel;
    switch (record.outcome) {
    case Outcome::HttpError:
        bar.kind = Kind::HttpError;
        break;
    case Outcome::Failed:
        bar.kind = Kind::Failed;
        break;
    case Outcome::Cancelled:
        bar.kind = Kind::Cancelled;
        break;
    case Outcome::Ok:
    case Outcome::Pending:
        bar.kind = Kind::Ok;
        break;
    }
    return bar;
}

TimelineBar TimelineBar::at(qint64 nowNs) const
{
    TimelineBar bar = *this;
    if (!open) {
        if (nowNs >= t[ReleasedAt])
            return bar;
        // Replayed: as the live run drew it at nowNs, with the phase under nowNs open and nothing after it.
        int phase = 0;
        while (phase + 1 < PhaseSpans::PhaseCount && t[std::size_t(phase) + 1] <= nowNs)
            ++phase;
        bar.started &= quint8((2u << phase) - 1);
        bar.open = quint8(1u << phase);
        if (nowNs < t[FinishedAt]) {
            bar.kind = Kind::Ok; // how it ended is not known yet
            bar.status = 0;
        }
        bar.issued = bar.issued && t[IssuedAt] <= nowNs;
    }
    // As PhaseSpans::of would say at nowNs: the open phase and every boundary after it end at "now".
    const int phase = std::countr_zero(unsigned(bar.open));
    for (std::size_t i = std::size_t(phase) + 1; i < bar.t.size(); ++i)
        bar.t[i] = std::max(nowNs, bar.t[std::size_t(phase)]);
    return bar;
}
