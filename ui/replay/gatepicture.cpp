#include "gatepicture.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

#include "timeline/timelinepalette.h"

namespace {

constexpr int RowHeight = 96;
constexpr int Margin = 6;
constexpr int MaxFigures = 12; // queued requests drawn at the door; the rest are a number
constexpr int MaxSeats = 200; // above this the seats are drawn as one bar of shares

} // namespace

GatePicture::GatePicture(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

QSize GatePicture::sizeHint() const
{
    return {320, Margin + std::max(1, runCount()) * RowHeight};
}

QSize GatePicture::minimumSizeHint() const
{
    return {200, RowHeight};
}

void GatePicture::setSnapshots(const QList<ReplaySnapshot> &snapshots, const QStringList &labels)
{
    const bool resized = snapshots.size() != m_snapshots.size();
    m_snapshots = snapshots;
    m_labels = labels;
    if (resized)
        updateGeometry();
    update();
}

QString GatePicture::caption(int run) const
{
    const ReplaySnapshot &s = m_snapshots.at(run);
    const QString counts = tr("%1 waiting · %2 in flight · %3 sleeping with a permit")
                               .arg(s.waiting)
                               .arg(s.inFlight)
                               .arg(s.delaying);
    if (s.capacity <= 0)
        return tr("No semaphore: %1").arg(counts);
    return tr("Semaphore(%1): %2 taken, %3 free · %4")
        .arg(s.capacity)
        .arg(s.held)
        .arg(std::max(0, s.capacity - s.held))
        .arg(counts);
}

void GatePicture::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    if (m_snapshots.isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect().adjusted(Margin, Margin, -Margin, -Margin),
                         Qt::AlignCenter | Qt::TextWordWrap,
                         tr("Replay a finished run to see its semaphore: the queue at the door, the permits "
                            "taken and free, and the requests sleeping with a permit held."));
        return;
    }
    const int rowHeight = std::max(RowHeight / 2, (height() - Margin) / int(m_snapshots.size()));
    for (int run = 0; run < m_snapshots.size(); ++run)
        paintRun(painter, QRect(Margin, Margin + run * rowHeight, width() - 2 * Margin, rowHeight - Margin),
                 run);
}

void GatePicture::paintRun(QPainter &painter, const QRect &area, int run) const
{
    namespace P = TimelinePalette;
    using Phase = PhaseSpans::Phase;
    const ReplaySnapshot &s = m_snapshots.at(run);
    const QFontMetrics metrics = painter.fontMetrics();
    const int line = metrics.height();

    painter.setPen(palette().color(QPalette::Text));
    const QString label = run < m_labels.size() ? m_labels.at(run) : QString();
    painter.drawText(QRect(area.left(), area.top(), area.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                     metrics.elidedText(label, Qt::ElideRight, area.width()));
    const QRect caption(area.left(), area.bottom() - line + 1, area.width(), line);
    painter.drawText(caption, Qt::AlignLeft | Qt::AlignVCenter,
                     metrics.elidedText(this->caption(run), Qt::ElideRight, area.width()));
    const QRect body(area.left(), area.top() + line + 2, area.width(), area.height() - 2 * line - 4);
    if (body.height() < 8)
        return;

    // The queue at the door: a figure per waiting request, the first ones nearest the door, and the length.
    const int figure = std::clamp(body.height() / 3, 6, 12);
    const int queueWidth = body.width() / 3;
    const int doorX = body.left() + queueWidth;
    const int cy = body.center().y();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(P::waitingOutline(), 1.5));
    painter.setBrush(P::waitingFill());
    const int shown
        = std::min(s.waiting, std::min(MaxFigures, std::max(1, (queueWidth - 24) / (figure + 2))));
    for (int i = 0; i < shown; ++i) {
        const int x = doorX - 6 - (i + 1) * (figure + 2);
        painter.drawEllipse(QRect(x, cy - figure / 2, figure, figure));
    }
    painter.setPen(palette().color(QPalette::Text));
    const QString queueText = tr("queue %1").arg(s.waiting);
    painter.drawText(QRect(body.left(), body.top(), queueWidth - 6, figure), Qt::AlignRight | Qt::AlignTop,
                     queueText);

    // The door, then the seats: in flight, sleeping with the permit held, held while waiting for the host,
    // free.
    painter.setRenderHint(QPainter::Antialiasing, false);
    if (s.capacity > 0) { // a gather has no door
        painter.setPen(QPen(P::gate(), 3));
        painter.drawLine(doorX, body.top(), doorX, body.bottom());
    }
    const QRect seats(doorX + 8, body.top(), body.right() - doorX - 8, body.height());
    const int inFlight = s.inFlight;
    const int sleeping = s.delaying;
    const int holding = std::max(0, s.held - s.inFlight - s.delaying);
    const QColor flightColour = P::phaseColor(Phase::Download);
    const auto paintSeat = [&](const QRect &seat, int index) {
        if (index < inFlight) {
            painter.fillRect(seat, flightColour);
        } else if (index < inFlight + sleeping) {
            painter.fillRect(seat, P::delayBackground());
            painter.fillRect(seat, P::hatch(P::phaseColor(Phase::Delay)));
        } else if (index < inFlight + sleeping + holding) {
            painter.fillRect(seat, P::waitingFill());
        }
        painter.setPen(palette().color(QPalette::Mid));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(seat.adjusted(0, 0, -1, -1));
    };
    if (s.capacity <= 0) {
        // No gate: every request in flight is its own seat, as many as there are.
        const int count = s.inFlight + s.delaying;
        const int cell
            = std::clamp(int(std::sqrt(double(seats.width() * seats.height()) / std::max(1, count))), 3, 16);
        const int perRow = std::max(1, seats.width() / cell);
        for (int i = 0; i < count && (i / perRow + 1) * cell <= seats.height(); ++i)
            paintSeat(QRect(seats.left() + (i % perRow) * cell, seats.top() + (i / perRow) * cell, cell - 1,
                            cell - 1),
                      i);
        return;
    }
    const int k = s.capacity;
    if (k > MaxSeats) {
        // Too many seats to tell apart: one bar, cut in the same shares.
        const QRect bar(seats.left(), cy - 8, seats.width(), 16);
        const auto share = [&](int from, int count, const QBrush &brush) {
            const int a = bar.left() + int(std::lround(double(bar.width()) * from / k));
            const int b = bar.left() + int(std::lround(double(bar.width()) * std::min(k, from + count) / k));
            if (b > a)
                painter.fillRect(QRect(a, bar.top(), b - a, bar.height()), brush);
        };
        share(0, inFlight, flightColour);
        share(inFlight, sleeping, P::phaseColor(Phase::Delay));
        share(inFlight + sleeping, holding, P::waitingFill());
        painter.setPen(palette().color(QPalette::Mid));
        painter.drawRect(bar.adjusted(0, 0, -1, -1));
        return;
    }
    // The largest square seat that fits k of them into the area.
    int cell = std::min(seats.height(), 28);
    while (cell > 4 && (seats.width() / cell) * (seats.height() / cell) < k)
        --cell;
    const int perRow = std::max(1, seats.width() / cell);
    for (int i = 0; i < k; ++i)
        paintSeat(
            QRect(seats.left() + (i % perRow) * cell, seats.top() + (i / perRow) * cell, cell - 2, cell - 2),
            i);
    // Permits still held after the gate shrank: drawn past the seats, outlined in the gate's colour.
    for (int i = k; i < std::min(s.held, 2 * k); ++i) {
        const QRect seat(seats.left() + (i % perRow) * cell, seats.top() + (i / perRow) * cell, cell - 2,
                         cell - 2);
        if (seat.bottom() > seats.bottom())
            break;
        paintSeat(seat, i);
        painter.setPen(QPen(P::gate(), 1, Qt::DashLine));
        painter.drawRect(seat.adjusted(0, 0, -1, -1));
    }
}
