#include "timeaxis.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QStyle>

#include <algorithm>
#include <climits>
#include <cmath>

namespace {

constexpr int TickLength = 5;
constexpr int MinimumDragPx = 3;

} // namespace

TimeAxis::TimeAxis(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setCursor(Qt::CrossCursor);
    setFocusPolicy(Qt::NoFocus);
    setAccessibleName(tr("Time axis"));
    setToolTip(tr("Drag across the axis to zoom to that range; double-click to show the whole run."));
    m_scale.setWidth(plotRect().width());
}

int TimeAxis::scrollBarWidth(const QWidget *widget)
{
    const QStyle *style = widget->style();
    int width = style->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, widget);
    if (style->styleHint(QStyle::SH_ScrollView_FrameOnlyAroundContents, nullptr, widget))
        width += style->pixelMetric(QStyle::PM_ScrollView_ScrollBarSpacing, nullptr, widget);
    return width;
}

QRect TimeAxis::plotRect() const
{
    const int right = m_rightMargin >= 0 ? m_rightMargin : scrollBarWidth(this);
    return QRect(m_leftMargin, 0, std::max(1, width() - m_leftMargin - right), height());
}

QSize TimeAxis::sizeHint() const
{
    return {400, fontMetrics().height() + TickLength + 8};
}

QSize TimeAxis::minimumSizeHint() const
{
    return {100, sizeHint().height()};
}

void TimeAxis::setVisibleRange(qint64 startNs, qint64 endNs)
{
    // The axis shows what the view decided; the view did the clamping already.
    m_scale.setDataRange(std::min<qint64>(0, startNs), endNs);
    m_scale.setRange(startNs, endNs);
    update();
}

void TimeAxis::setPlotMargins(int left, int right)
{
    m_leftMargin = std::max(0, left);
    m_rightMargin = std::max(0, right);
    m_scale.setWidth(plotRect().width());
    update();
}

void TimeAxis::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_scale.setWidth(plotRect().width());
}

double TimeAxis::plotX(const QPoint &pos) const
{
    const QRect plot = plotRect();
    return std::clamp(double(pos.x() - plot.left()), 0.0, double(plot.width()));
}

void TimeAxis::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().window());
    const QRect plot = plotRect();
    const QFontMetrics metrics = fontMetrics();

    if (m_selecting) {
        QColor selection = palette().color(QPalette::Highlight);
        selection.setAlpha(90);
        const double a = std::min(m_selectFrom, m_selectTo);
        const double b = std::max(m_selectFrom, m_selectTo);
        painter.fillRect(QRectF(plot.left() + a, 0, b - a, height()), selection);
    }

    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(0, height() - 1, width(), height() - 1);

    painter.setPen(palette().color(QPalette::WindowText));
    int lastLabelRight = INT_MIN;
    for (const auto &tick : m_scale.ticks()) {
        const int x = plot.left() + int(std::floor(tick.x));
        painter.drawLine(x, height() - 1 - TickLength, x, height() - 1);
        // Labels sit to the right of their tick like DevTools'; one that would leave the plot is left out.
        const int labelWidth = metrics.horizontalAdvance(tick.label);
        const int left = x + 3;
        if (left + labelWidth > plot.right() || left <= lastLabelRight)
            continue;
        painter.drawText(QPoint(left, height() - 1 - TickLength - metrics.descent() - 1), tick.label);
        lastLabelRight = left + labelWidth + 4;
    }
}

void TimeAxis::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_selecting = true;
    m_selectFrom = m_selectTo = plotX(event->position().toPoint());
    update();
}

void TimeAxis::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_selecting)
        return;
    m_selectTo = plotX(event->position().toPoint());
    update();
}

void TimeAxis::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_selecting)
        return;
    m_selecting = false;
    m_selectTo = plotX(event->position().toPoint());
    update();
    if (std::abs(m_selectTo - m_selectFrom) < MinimumDragPx)
        return;
    const qint64 a = m_scale.toTime(std::min(m_selectFrom, m_selectTo));
    const qint64 b = m_scale.toTime(std::max(m_selectFrom, m_selectTo));
    Q_EMIT rangeSelected(a, std::max(b, a + TimeScale::MinimumSpanNs));
}

void TimeAxis::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_selecting = false;
    update();
    Q_EMIT fitRequested();
}

void TimeAxis::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && m_selecting) {
        m_selecting = false;
        update();
        return;
    }
    QWidget::keyPressEvent(event);
}
