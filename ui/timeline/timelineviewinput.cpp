// TimelineView, part two: navigation. The wheel, the keys and the mouse zoom, pan and scroll the view, and a
// click or double-click picks or frames a request.
#include "timelineview.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

void TimelineView::userZoom(double factor, double anchorX)
{
    ensureLayout();
    m_viewport.setFollowTime(false);
    TimeScale scale = m_viewport.scale();
    scale.zoom(factor, anchorX);
    setScale(scale);
}

void TimelineView::userPan(double dx)
{
    ensureLayout();
    m_viewport.setFollowTime(false);
    TimeScale scale = m_viewport.scale();
    scale.pan(dx);
    setScale(scale);
}

void TimelineView::userScrollBy(double dy)
{
    m_viewport.setFollowRows(false);
    verticalScrollBar()->setValue(verticalScrollBar()->value() + int(std::lround(dy)));
}

void TimelineView::zoomRows(double factor, double anchorY)
{
    ensureLayout();
    m_viewport.setFollowRows(false);
    // Keep the row under the anchor where it is.
    const double contentY = verticalScrollBar()->value() + anchorY;
    const int t = m_layout.trackAtContentY(contentY);
    const auto &tracks = m_layout.tracks();
    double rowFraction = 0;
    if (t >= 0)
        rowFraction = std::max(0.0, (contentY - tracks[std::size_t(t)].rowsTop) / rowHeight());
    setRowHeight(rowHeight() * factor);
    if (t >= 0) {
        const double newY = tracks[std::size_t(t)].rowsTop + rowFraction * rowHeight();
        verticalScrollBar()->setValue(int(std::lround(newY - anchorY)));
    }
}

void TimelineView::scrollToBar(int trackIndex, int barIndex)
{
    const TimelineLayout::Track &track = m_layout.tracks()[std::size_t(trackIndex)];
    const TimelineLayout::Bar bar = track.bars[std::size_t(barIndex)].at(track.nowNs());
    const int row = track.rowOfBar(barIndex, laneMode());
    const double rowTop = track.rowsTop + row * rowHeight();
    const int height = viewport()->height();
    const int scrollY = verticalScrollBar()->value();
    if (rowTop < scrollY + HeaderHeight || rowTop + std::max(rowHeight(), 1.0) > scrollY + height) {
        m_viewport.setFollowRows(false);
        verticalScrollBar()->setValue(int(rowTop - height / 3.0));
    }

    const qint64 start = laneMode() && bar.issued ? bar.t[1] : bar.t[0];
    const qint64 end = bar.t.back();
    if (start < visibleStartNs() || end > visibleEndNs()) {
        m_viewport.setFollowTime(false);
        TimeScale scale = m_viewport.scale();
        const qint64 span = scale.spanNs();
        const qint64 newStart
            = end - start < span * 8 / 10 ? (start + end) / 2 - span / 2 : start - span / 10;
        scale.setRange(newStart, newStart + span);
        setScale(scale);
    }
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    const Qt::KeyboardModifiers modifiers = event->modifiers();
    // Some platforms turn Shift+wheel or Alt+wheel into a horizontal wheel; take whichever axis moved.
    const int steps = delta.y() != 0 ? delta.y() : delta.x();
    const double width = viewport()->width();
    if (modifiers & Qt::ControlModifier && !(modifiers & Qt::ShiftModifier)) {
        userZoom(std::pow(1.2, steps / 120.0), event->position().x());
    } else if (modifiers & (Qt::AltModifier | Qt::ControlModifier)) {
        zoomRows(std::pow(1.2, steps / 120.0), event->position().y());
    } else if (modifiers & Qt::ShiftModifier) {
        userPan(-steps / 120.0 * width / 10);
    } else {
        if (delta.x() != 0)
            userPan(-delta.x() / 120.0 * width / 10);
        if (delta.y() != 0)
            userScrollBy(-delta.y() / 120.0 * 3 * RowHeight);
    }
    event->accept();
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    const double width = viewport()->width();
    const double height = viewport()->height();
    const bool control = event->modifiers() & Qt::ControlModifier;
    const TimeScale &scale = m_viewport.scale();
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
    case Qt::Key_Underscore:
        zoomOut();
        break;
    case Qt::Key_Left:
        userPan(-width / 10);
        break;
    case Qt::Key_Right:
        userPan(width / 10);
        break;
    case Qt::Key_Up:
        if (control)
            zoomRows(1.25, height / 2);
        else
            userScrollBy(-std::max(rowHeight(), double(RowHeight)));
        break;
    case Qt::Key_Down:
        if (control)
            zoomRows(1 / 1.25, height / 2);
        else
            userScrollBy(std::max(rowHeight(), double(RowHeight)));
        break;
    case Qt::Key_PageUp:
        userScrollBy(-height);
        break;
    case Qt::Key_PageDown:
        userScrollBy(height);
        break;
    case Qt::Key_F:
    case Qt::Key_0:
        fit();
        break;
    case Qt::Key_Home: {
        const qint64 start = std::min<qint64>(0, scale.dataStartNs());
        setVisibleRange(start, start + scale.spanNs());
        userScrollBy(-m_layout.contentHeight());
        break;
    }
    case Qt::Key_End:
        setVisibleRange(scale.dataEndNs() - scale.spanNs(), scale.dataEndNs());
        userScrollBy(m_layout.contentHeight());
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    m_pressed = true;
    m_dragging = false;
    m_pressPos = event->position().toPoint();
    m_pressScale = m_viewport.scale();
    m_pressScrollY = verticalScrollBar()->value();
    event->accept();
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (m_pressed && (event->buttons() & Qt::LeftButton)) {
        if (!m_dragging && (pos - m_pressPos).manhattanLength() >= QApplication::startDragDistance()) {
            m_dragging = true;
            viewport()->setCursor(Qt::ClosedHandCursor);
        }
        if (m_dragging) {
            // Dragging moves the content with the mouse, in time and in rows.
            m_viewport.setFollowTime(false);
            const TimeScale &current = m_viewport.scale();
            TimeScale scale = m_pressScale;
            scale.setWidth(current.width());
            scale.setDataRange(current.dataStartNs(), current.dataEndNs());
            scale.pan(m_pressPos.x() - pos.x());
            setScale(scale);
            if (pos.y() != m_pressPos.y()) {
                m_viewport.setFollowRows(false);
                verticalScrollBar()->setValue(int(m_pressScrollY + m_pressPos.y() - pos.y()));
            }
        }
        event->accept();
        return;
    }
    viewport()->setCursor(requestAt(pos) ? Qt::PointingHandCursor : Qt::ArrowCursor);
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_pressed) {
        QAbstractScrollArea::mouseReleaseEvent(event);
        return;
    }
    const bool wasDragging = m_dragging;
    m_pressed = false;
    m_dragging = false;
    viewport()->unsetCursor();
    event->accept();
    if (wasDragging)
        return;
    const auto hit = requestAt(event->position().toPoint());
    if (!hit)
        return;
    m_selectedModel = hit->first;
    m_selectedId = hit->second;
    viewport()->update();
    Q_EMIT requestActivated(hit->first, hit->second);
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    // Double-clicking a bar zooms to that request; anywhere else shows everything again.
    const TimelineLayout::Hit hit = layout().hitTest(event->position(), currentViewport());
    if (hit.bars.size() == 1) {
        const TimelineLayout::Track &track = m_layout.tracks()[std::size_t(hit.track)];
        const TimelineLayout::Bar bar = track.bars[std::size_t(hit.bars.front())].at(track.nowNs());
        const qint64 start = laneMode() && bar.issued ? bar.t[1] : bar.t[0];
        const qint64 span = std::max<qint64>(bar.t.back() - start, TimeScale::MinimumSpanNs);
        setVisibleRange(start - span / 10, bar.t.back() + span / 10);
    } else if (hit.bars.empty()) {
        fit();
    }
    event->accept();
}
