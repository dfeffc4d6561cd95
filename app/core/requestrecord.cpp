#include "requestrecord.h"

#include <QCoreApplication>

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

QString markLabel(Mark mark)
{
    switch (mark) {
    case Mark::Queued:
        return QCoreApplication::translate("Mark", "Queued");
    case Mark::GateAcquired:
        return QCoreApplication::translate("Mark", "Permit acquired");
    case Mark::Issued:
        return QCoreApplication::translate("Mark", "Issued");
    case Mark::ConnectStarted:
        return QCoreApplication::translate("Mark", "Connect started");
    case Mark::Encrypted:
        return QCoreApplication::translate("Mark", "TLS handshake done");
    case Mark::RequestSent:
        return QCoreApplication::translate("Mark", "Request sent");
    case Mark::FirstByte:
        return QCoreApplication::translate("Mark", "First byte");
    case Mark::Finished:
        return QCoreApplication::translate("Mark", "Finished");
    case Mark::DelayReleased:
        return QCoreApplication::translate("Mark", "Delay over");
    }
    Q_UNREACHABLE();
}

QString outcomeLabel(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Pending:
        return QCoreApplication::translate("Outcome", "Not finished");
    case Outcome::Ok:
        return QCoreApplication::translate("Outcome", "OK");
    case Outcome::HttpError:
        return QCoreApplication::translate("Outcome", "HTTP error");
    case Outcome::Failed:
        return QCoreApplication::translate("Outcome", "Failed");
    case Outcome::Cancelled:
        return QCoreApplication::translate("Outcome", "Cancelled");
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
