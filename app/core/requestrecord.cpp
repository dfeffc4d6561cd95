#include "requestrecord.h"

QString markName(Mark mark)
{
    switch (mark) {
    case Mark::Queued:
        return QStringLiteral("queued");
    case Mark::GateAcquired:
        return QStringLiteral("gate_acquired");
    case Mark::Issued:
        return QStringLiteral("issued");
    case Mark::ConnectStarted:
        return QStringLiteral("connect_started");
    case Mark::Encrypted:
        return QStringLiteral("encrypted");
    case Mark::RequestSent:
        return QStringLiteral("request_sent");
    case Mark::FirstByte:
        return QStringLiteral("first_byte");
    case Mark::Finished:
        return QStringLiteral("finished");
    case Mark::DelayReleased:
        return QStringLiteral("delay_released");
    }
    Q_UNREACHABLE();
}

QString outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Pending:
        return QStringLiteral("pending");
    case Outcome::Ok:
        return QStringLiteral("ok");
    case Outcome::HttpError:
        return QStringLiteral("http_error");
    case Outcome::Failed:
        return QStringLiteral("failed");
    case Outcome::Cancelled:
        return QStringLiteral("cancelled");
    }
    Q_UNREACHABLE();
}

Outcome outcomeFromName(const QString &name, bool *ok)
{
    for (auto outcome : Outcomes) {
        if (outcomeName(outcome) == name) {
            if (ok)
                *ok = true;
            return outcome;
        }
    }
    if (ok)
        *ok = false;
    return Outcome::Pending;
}
