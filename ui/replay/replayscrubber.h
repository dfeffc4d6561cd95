#pragma once

#include <QWidget>

#include "timeline/timescale.h"

/// The replay's time on the timeline's time axis: a playhead over the run's span that can be dragged or
/// clicked to any moment. It follows the timeline's visible range and plot margins, so the playhead stands
/// over the cut in the rows below.
class ReplayScrubber : public QWidget
{
    Q_OBJECT

public:
    explicit ReplayScrubber(QWidget *parent = nullptr);

    qint64 timeNs() const { return m_timeNs; }
    qint64 endNs() const { return m_endNs; }
    const TimeScale &timeScale() const { return m_scale; }
    /// Where a moment is drawn, in widget coordinates.
    int xOf(qint64 ns) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public Q_SLOTS:
    void setEndNs(qint64 ns);
    void setTimeNs(qint64 ns);
    void setVisibleRange(qint64 startNs, qint64 endNs);
    void setPlotMargins(int left, int right);

Q_SIGNALS:
    /// The user pointed at ns (clamped to the run).
    void seekRequested(qint64 ns);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    QRect plotRect() const;
    void seekTo(int x);

    TimeScale m_scale;
    qint64 m_timeNs = 0;
    qint64 m_endNs = 0;
    int m_leftMargin = 0;
    int m_rightMargin = -1; // -1: the scroll bar's width, like TimeAxis
};
