#include "phasespans.h"

#include <QCoreApplication>

#include <algorithm>

PhaseSpans PhaseSpans::of(const RequestRecord &record, qint64 nowNs, bool delayExpected)
{
    PhaseSpans spans;
    auto &b = spans.bounds;
    const auto startPhase = [&spans](Phase phase, bool stillOpen) {
        spans.started |= quint8(1u << int(phase));
        if (stillOpen)
            spans.open |= quint8(1u << int(phase));
    };

    const bool finished = record.reached(Mark::Finished);
    // Where an unfinished phase stops: at the finish if a later mark is missing, otherwise at "now".
    const qint64 stop = finished ? record.at(Mark::Finished) : nowNs;

    b[0] = record.reached(Mark::Queued) ? record.at(Mark::Queued) : 0;
    startPhase(Phase::Waiting, !record.reached(Mark::Issued) && !finished);
    if (!record.reached(Mark::Issued)) {
        std::fill(b.begin() + 1, b.end(), issuedOf(record, nowNs));
        return spans;
    }
    b[1] = issuedOf(record, nowNs);

    const bool sent = record.reached(Mark::RequestSent);
    const bool firstByte = record.reached(Mark::FirstByte);
    const qint64 sentAt
        = sent ? record.at(Mark::RequestSent) : (firstByte ? record.at(Mark::FirstByte) : stop);
    const bool tls = record.reached(Mark::Encrypted) && record.reached(Mark::ConnectStarted);
    startPhase(Phase::Connecting, !tls && !sent && !firstByte && !finished);
    if (tls) {
        b[2] = record.at(Mark::ConnectStarted);
        startPhase(Phase::Tls, !sent && !firstByte && !finished);
    } else {
        b[2] = sentAt;
    }
    b[3] = sentAt;
    if (sent)
        startPhase(Phase::FirstByte, !firstByte && !finished);
    b[4] = firstByte ? record.at(Mark::FirstByte) : stop;
    if (firstByte)
        startPhase(Phase::Download, !finished);
    b[5] = stop;

    if (record.reached(Mark::DelayReleased)) {
        startPhase(Phase::Delay, false);
        b[6] = record.at(Mark::DelayReleased);
    } else if (finished && delayExpected) {
        startPhase(Phase::Delay, true);
        b[6] = nowNs;
    } else {
        b[6] = b[5];
    }

    // Marks come from one monotonic clock, but "now" can lag a freshly recorded mark by a batch.
    for (std::size_t i = 1; i < b.size(); ++i)
        b[i] = std::max(b[i], b[i - 1]);
    return spans;
}

qint64 PhaseSpans::issuedOf(const RequestRecord &record, qint64 nowNs)
{
    // Issued, or where waiting stopped without that: the finish, or "now"; never before the queue time.
    const qint64 queued = record.reached(Mark::Queued) ? record.at(Mark::Queued) : 0;
    if (record.reached(Mark::Issued))
        return std::max(queued, record.at(Mark::Issued));
    return std::max(queued, record.reached(Mark::Finished) ? record.at(Mark::Finished) : nowNs);
}

QString PhaseSpans::name(Phase phase)
{
    switch (phase) {
    case Phase::Waiting:
        return QCoreApplication::translate("PhaseSpans", "Waiting for a permit");
    case Phase::Connecting:
        return QCoreApplication::translate("PhaseSpans", "Connecting and sending");
    case Phase::Tls:
        return QCoreApplication::translate("PhaseSpans", "Connecting with TLS and sending");
    case Phase::FirstByte:
        return QCoreApplication::translate("PhaseSpans", "Waiting for the response");
    case Phase::Download:
        return QCoreApplication::translate("PhaseSpans", "Downloading");
    case Phase::Delay:
        return QCoreApplication::translate("PhaseSpans", "Politeness delay");
    }
    Q_UNREACHABLE();
}
