#pragma once

#include <QWidget>

#include "timescale.h"

/// The time axis above the timeline: ticks and labels for the view's visible range. Dragging across it zooms
/// the view to the dragged range; double-clicking shows the whole run again.
class TimeAxis : public QWidget
{
    Q_OBJECT

public:
    explicit TimeAxis(QWidget *parent = nullptr);

    const TimeScale &timeScale() const { return m_scale; }
    /// The plot's x range within this widget; by default it leaves room for a vertical scroll bar on the
    /// right, as TimelineView always shows one.
    QRect plotRect() const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    /// The width TimelineView's vertical scroll bar takes in this widget's style.
    static int scrollBarWidth(const QWidget *widget);

    /// The ticks that get a label: every tick when the labels fit between them, else every k-th, k the
    /// first of 2, 5, 10, 20 … that leaves room for the widest label, so the labels stay evenly spaced and
    /// round however large the text is. A label that would leave the plot is not among them.
    QList<TimeScale::Tick> labelledTicks() const;

public Q_SLOTS:
    void setVisibleRange(qint64 startNs, qint64 endNs);
    void setPlotMargins(int left, int right);

Q_SIGNALS:
    void rangeSelected(qint64 startNs, qint64 endNs);
    void fitRequested();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    double plotX(const QPoint &pos) const;

    TimeScale m_scale;
    int m_leftMargin = 0;
    int m_rightMargin = -1; // -1: the scroll bar's width
    bool m_selecting = false;
    double m_selectFrom = 0;
    double m_selectTo = 0;
};
