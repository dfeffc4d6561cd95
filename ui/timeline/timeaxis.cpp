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
constexpr int LabelOffset = 3; // from its tick
constexpr int LabelGap = 8; // before the next label
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
    for (const auto &tick : m_scale.ticks()) {
        const int x = plot.left() + int(std::floor(tick.x));
        painter.drawLine(x, height() - 1 - TickLength, x, height() - 1);
    }
    // Labels sit to the right of their tick like DevTools'.
    for (const auto &tick : labelledTicks()) {
        const int x = plot.left() + int(std::floor(tick.x));
        painter.drawText(QPoint(x + LabelOffset, height() - 1 - TickLength - metrics.descent() - 1),
                         tick.label);
    }
}

QList<TimeScale::Tick> TimeAxis::labelledTicks() const
{
    const QList<TimeScale::Tick> ticks = m_scale.ticks();
    if (ticks.isEmpty())
        return {};
    const QFontMetrics metrics = fontMetrics();
    const QRect plot = plotRect();
    int widest = 0;
    for (const auto &tick : ticks)
        widest = std::max(widest, metrics.horizontalAdvance(tick.label));
    const qint64 step = m_scale.tickStepNs();
    const double spacing = double(step) / m_scale.nsPerPixel();
    const double needed = LabelOffset + widest + LabelGap;
    qint64 every = 1;
    // 1, 2, 5, 10, 20, 50 …: labels on multiples of a round number of steps.
    for (int i = 0; spacing * double(every) < needed && every < (qint64(1) << 40); ++i)
        every = i % 3 == 0 ? every * 2 : i % 3 == 1 ? every / 2 * 5 : every * 2;
    QList<TimeScale::Tick> labelled;
    for (const auto &tick : ticks) {
        if ((tick.ns / step) % every != 0)
            continue;
        const int left = plot.left() + int(std::floor(tick.x)) + LabelOffset;
        if (left + metrics.horizontalAdvance(tick.label) > plot.right())
            continue; // it would leave the plot
        labelled.append(tick);
    }
    return labelled;
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
