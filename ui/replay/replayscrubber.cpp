#include "replayscrubber.h"

#include <QMouseEvent>
#include <QPainter>
#include <QStyle>

#include <algorithm>
#include <cmath>

ReplayScrubber::ReplayScrubber(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Replay time: click or drag to move through the run"));
}

QSize ReplayScrubber::sizeHint() const
{
    return {400, 18};
}

QSize ReplayScrubber::minimumSizeHint() const
{
    return {100, 18};
}

QRect ReplayScrubber::plotRect() const
{
    const int right = m_rightMargin >= 0 ? m_rightMargin : style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    return QRect(m_leftMargin, 0, std::max(1, width() - m_leftMargin - right), height());
}

int ReplayScrubber::xOf(qint64 ns) const
{
    return plotRect().left() + int(std::lround(m_scale.toPixel(ns)));
}

void ReplayScrubber::setEndNs(qint64 ns)
{
    m_endNs = std::max<qint64>(0, ns);
    update();
}

void ReplayScrubber::setTimeNs(qint64 ns)
{
    if (ns == m_timeNs)
        return;
    m_timeNs = ns;
    update();
}

void ReplayScrubber::setVisibleRange(qint64 startNs, qint64 endNs)
{
    m_scale.setDataRange(std::min<qint64>(0, startNs), endNs);
    m_scale.setRange(startNs, endNs);
    update();
}

void ReplayScrubber::setPlotMargins(int left, int right)
{
    m_leftMargin = std::max(0, left);
    m_rightMargin = std::max(0, right);
    m_scale.setWidth(plotRect().width());
    update();
}

void ReplayScrubber::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_scale.setWidth(plotRect().width());
}

void ReplayScrubber::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRect plot = plotRect();
    painter.fillRect(rect(), palette().window());
    const int cy = height() / 2;
    const int x0 = std::max(plot.left(), xOf(0));
    const int x1 = std::min(plot.right(), xOf(m_endNs));
    const int xt = std::clamp(xOf(m_timeNs), x0, std::max(x0, x1));
    // The run as a groove, filled up to the replay's time.
    painter.fillRect(QRect(QPoint(x0, cy - 2), QPoint(x1, cy + 1)), palette().mid());
    painter.fillRect(QRect(QPoint(x0, cy - 2), QPoint(xt, cy + 1)), palette().highlight());
    if (xt < plot.left() || xt > plot.right())
        return;
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(palette().color(QPalette::Text), 1));
    painter.setBrush(palette().highlight());
    const QPointF head[] = {{xt - 5.0, 1.0}, {xt + 5.0, 1.0}, {double(xt), height() - 2.0}};
    painter.drawPolygon(head, 3);
}

void ReplayScrubber::seekTo(int x)
{
    const qint64 ns = m_scale.toTime(x - plotRect().left());
    Q_EMIT seekRequested(std::clamp<qint64>(ns, 0, m_endNs));
}

void ReplayScrubber::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        seekTo(int(event->position().x()));
}

void ReplayScrubber::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        seekTo(int(event->position().x()));
}
