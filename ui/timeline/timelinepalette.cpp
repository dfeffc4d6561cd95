#include "timelinepalette.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QPolygon>
#include <QRect>

#include <algorithm>
#include <array>

namespace {

struct LegendText
{
    Q_DECLARE_TR_FUNCTIONS(TimelineLegend)
};

} // namespace

namespace TimelinePalette {

bool isDark()
{
    return QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
}

QColor waitingOutline()
{
    return QColor(0x80, 0x86, 0x8b);
}

QColor waitingFill()
{
    return isDark() ? QColor(0x5f, 0x63, 0x68) : QColor(0xd5, 0xd8, 0xdc);
}

QColor inFlightFill()
{
    // A slate of its own: the strip counts requests, so it must not read as the bars' blue of downloading.
    return QColor(0x47, 0x55, 0x69);
}

QColor phaseColor(PhaseSpans::Phase phase)
{
    switch (phase) {
    case PhaseSpans::Phase::Waiting:
        return waitingOutline();
    case PhaseSpans::Phase::Connecting:
        return QColor(0xf2, 0x99, 0x00);
    case PhaseSpans::Phase::Tls:
        return QColor(0x00, 0x96, 0x88); // DevTools draws SSL in its own colour beside connecting
    case PhaseSpans::Phase::FirstByte:
        return QColor(0x1e, 0x8e, 0x3e);
    case PhaseSpans::Phase::Download:
        return QColor(0x1a, 0x73, 0xe8);
    case PhaseSpans::Phase::Delay:
        return QColor(0x93, 0x34, 0xe6);
    }
    Q_UNREACHABLE();
}

QColor delayBackground()
{
    return isDark() ? QColor(0x3c, 0x2a, 0x5c) : QColor(0xe9, 0xd7, 0xfb);
}

QColor errorLight()
{
    return QColor(0xf2, 0x8b, 0x82);
}

QColor error()
{
    return QColor(0xd9, 0x30, 0x25);
}

QColor failedBackground()
{
    return isDark() ? QColor(0x5c, 0x23, 0x20) : QColor(0xfc, 0xe8, 0xe6);
}

QColor cancelled()
{
    return QColor(0xa8, 0xad, 0xb2);
}

QColor cancelledMark()
{
    return isDark() ? QColor(0xda, 0xdc, 0xe0) : QColor(0x3c, 0x40, 0x43);
}

QColor merged()
{
    return isDark() ? QColor(0xda, 0xdc, 0xe0) : QColor(0x3c, 0x40, 0x43);
}

QColor gate()
{
    return isDark() ? QColor(0x4d, 0xb6, 0xac) : QColor(0x00, 0x79, 0x6b);
}

QColor ideal()
{
    return isDark() ? QColor(0xb3, 0x9d, 0xdb) : QColor(0x5e, 0x35, 0xb1);
}

QColor grid()
{
    return isDark() ? QColor(0xff, 0xff, 0xff, 0x24) : QColor(0x80, 0x80, 0x80, 0x30);
}

QBrush hatch(const QColor &color)
{
    return QBrush(color, Qt::BDiagPattern);
}

QColor hostColor(int slot)
{
    static constexpr std::array<QRgb, 8> hues {
        0x1a73e8, // blue, as the download without host colours
        0xe8710a, // orange
        0x188038, // green
        0x00a3bf, // cyan
        0x8b5e34, // brown
        0xc99400, // mustard
        0x3949ab, // indigo
        0x6b8e23, // olive
    };
    const int index = std::max(0, slot) % HostColorCount;
    const QColor hue(hues[std::size_t(index) % hues.size()]);
    switch (index / int(hues.size())) {
    case 1:
        return hue.darker(145);
    case 2:
        return hue.lighter(135);
    default:
        return hue;
    }
}

QColor hostLightColor(int slot)
{
    const QColor color = hostColor(slot);
    const auto tint = [](int channel) { return channel + (255 - channel) * 11 / 20; };
    return QColor(tint(color.red()), tint(color.green()), tint(color.blue()));
}

QColor robotsMark()
{
    return isDark() ? QColor(0xda, 0xdc, 0xe0) : QColor(0x3c, 0x40, 0x43);
}

QPolygon robotsMarker(QPoint tip, int size)
{
    const int half = std::max(2, size / 2);
    return QPolygon({tip, QPoint(tip.x() - size, tip.y() - half), QPoint(tip.x() - size, tip.y() + half)});
}

QString swatchName(Swatch swatch)
{
    switch (swatch) {
    case Swatch::Waiting:
        return LegendText::tr("Waiting for a permit");
    case Swatch::Connecting:
        return LegendText::tr("Connect + send");
    case Swatch::Tls:
        return LegendText::tr("TLS handshake");
    case Swatch::FirstByte:
        return LegendText::tr("Waiting for the response");
    case Swatch::Download:
        return LegendText::tr("Download");
    case Swatch::Delay:
        return LegendText::tr("Delay (permit held)");
    case Swatch::HttpError:
        return LegendText::tr("HTTP error");
    case Swatch::Failed:
        return LegendText::tr("Failed");
    case Swatch::Cancelled:
        return LegendText::tr("Cancelled");
    case Swatch::Merged:
        return LegendText::tr("Merged (zoom in)");
    case Swatch::Gate:
        return LegendText::tr("Gate size changed");
    case Swatch::Ideal:
        return LegendText::tr("Ideal schedule");
    case Swatch::Robots:
        return LegendText::tr("robots.txt request");
    }
    Q_UNREACHABLE();
}

void paintSwatch(QPainter *painter, const QRect &rect, Swatch swatch)
{
    using Phase = PhaseSpans::Phase;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    const QRect thin = rect.adjusted(0, rect.height() / 4, 0, -rect.height() / 4);
    const auto cross = [painter](const QRect &r, const QColor &color) {
        painter->setPen(QPen(color, 1.5));
        painter->setRenderHint(QPainter::Antialiasing, true);
        const QPoint c = r.center();
        const int d = std::max(2, std::min(r.width(), r.height()) / 2 - 1);
        painter->drawLine(c + QPoint(-d, -d), c + QPoint(d, d));
        painter->drawLine(c + QPoint(-d, d), c + QPoint(d, -d));
    };
    switch (swatch) {
    case Swatch::Waiting:
        painter->setPen(waitingOutline());
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(rect.adjusted(0, 0, -1, -1));
        break;
    case Swatch::Connecting:
        painter->fillRect(thin, phaseColor(Phase::Connecting));
        break;
    case Swatch::Tls:
        painter->fillRect(thin, phaseColor(Phase::Tls));
        break;
    case Swatch::FirstByte:
        painter->fillRect(thin, phaseColor(Phase::FirstByte));
        break;
    case Swatch::Download:
        painter->fillRect(rect, phaseColor(Phase::Download));
        break;
    case Swatch::Delay:
        painter->fillRect(rect, delayBackground());
        painter->fillRect(rect, hatch(phaseColor(Phase::Delay)));
        break;
    case Swatch::HttpError:
        painter->fillRect(thin, errorLight());
        painter->fillRect(rect.adjusted(rect.width() / 2, 0, 0, 0), error());
        break;
    case Swatch::Failed:
        painter->fillRect(rect, failedBackground());
        painter->fillRect(rect, hatch(error()));
        cross(rect.adjusted(rect.width() - rect.height(), 0, 0, 0), error());
        break;
    case Swatch::Cancelled:
        painter->fillRect(thin, cancelled());
        cross(rect.adjusted(rect.width() - rect.height(), 0, 0, 0), cancelledMark());
        break;
    case Swatch::Merged:
        painter->fillRect(rect, merged());
        break;
    case Swatch::Gate: {
        painter->setPen(QPen(gate(), 2));
        const int x = rect.center().x();
        painter->drawLine(x, rect.top(), x, rect.bottom());
        break;
    }
    case Swatch::Ideal:
        painter->setPen(QPen(ideal(), 1, Qt::DashLine));
        painter->drawRect(rect.adjusted(0, 0, -1, -1));
        break;
    case Swatch::Robots: {
        const int size = std::min(8, rect.height());
        const QRect bar = rect.adjusted(size + 2, rect.height() / 4, 0, -rect.height() / 4);
        painter->fillRect(bar, phaseColor(Phase::Download));
        painter->setPen(Qt::NoPen);
        painter->setBrush(robotsMark());
        painter->setRenderHint(QPainter::Antialiasing, true);
        painter->drawPolygon(robotsMarker(QPoint(bar.left() - 1, bar.center().y()), size));
        break;
    }
    }
    painter->restore();
}

void paintHostSwatch(QPainter *painter, const QRect &rect, int slot)
{
    const QRect thin = rect.adjusted(0, rect.height() / 4, 0, -rect.height() / 4);
    painter->fillRect(thin.adjusted(0, 0, -rect.width() / 2, 0), hostLightColor(slot));
    painter->fillRect(rect.adjusted(rect.width() / 2, 0, 0, 0), hostColor(slot));
}

} // namespace TimelinePalette
