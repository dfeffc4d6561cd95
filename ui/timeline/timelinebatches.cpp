#include "timelinebatches.h"

using Phase = PhaseSpans::Phase;
using Kind = TimelineLayout::Kind;

QColor TimelineBatches::fillColor(Fill fill)
{
    namespace P = TimelinePalette;
    switch (fill) {
    case DenseWaiting:
        return P::waitingFill();
    case DenseCancelledWaiting:
        return P::isDark() ? QColor(0x80, 0x86, 0x8b) : QColor(0xbd, 0xc1, 0xc6);
    case DenseDelay:
        return P::isDark() ? QColor(0x6a, 0x3f, 0xa8) : QColor(0xc5, 0x9d, 0xf5);
    case DelayBackground:
        return P::delayBackground();
    case Connecting:
        return P::phaseColor(Phase::Connecting);
    case Tls:
        return P::phaseColor(Phase::Tls);
    case FirstByte:
        return P::phaseColor(Phase::FirstByte);
    case ErrorLight:
        return P::errorLight();
    case CancelledFill:
        return P::cancelled();
    case Download:
        return P::phaseColor(Phase::Download);
    case ErrorFill:
        return P::error();
    case FailedBackground:
        return P::failedBackground();
    case Merged:
        return P::merged();
    case MergedError:
        return P::error();
    case MergedCancelled:
        return P::cancelled();
    case FillCount:
        break;
    }
    return {};
}

TimelineBatches::Fill TimelineBatches::fillFor(TimelineLayout::Kind kind, PhaseSpans::Phase phase)
{
    switch (kind) {
    case Kind::Ok:
        switch (phase) {
        case Phase::Connecting:
            return Connecting;
        case Phase::Tls:
            return Tls;
        case Phase::FirstByte:
            return FirstByte;
        default:
            return Download;
        }
    case Kind::HttpError:
        return phase == Phase::Download ? ErrorFill : ErrorLight;
    case Kind::Failed:
        return phase == Phase::Download ? FailedBackground : ErrorLight;
    case Kind::Cancelled:
        return CancelledFill;
    }
    return Download;
}
