#pragma once

#include <QList>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <vector>

#include "concurrencyseries.h"
#include "timescale.h"

class RunModel;

/// Under the timeline, on the same time axis: how many requests are in flight (up) and how many wait for a
/// permit (down) over time, one band per run, with the gate's size as a dashed line. Sequential stays at 1,
/// gather spikes to n, and a semaphore of k plateaus at k.
class InFlightStrip : public QWidget
{
    Q_OBJECT

public:
    explicit InFlightStrip(QWidget *parent = nullptr);

    void setModels(const QList<RunModel *> &models);
    const TimeScale &timeScale() const { return m_scale; }
    /// The series drawn for the band of one model, recomputed at most ~60 times a second.
    const ConcurrencySeries *series(const RunModel *model) const;
    QRect plotRect() const;
    /// Pos is in widget coordinates.
    QString toolTipTextAt(QPoint pos) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public Q_SLOTS:
    void setVisibleRange(qint64 startNs, qint64 endNs);
    void setPlotMargins(int left, int right);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Band
    {
        QPointer<RunModel> model;
        ConcurrencySeries series;
        std::vector<CapacityChange> capacity;
        QString label;
        int upperMax = 1; // in-flight half's scale: the peak of permits held or of the gate
        int lowerMax = 1; // waiting half's scale
    };

    void scheduleRecompute();
    void recompute();
    QRect bandRect(int index) const;
    int bandAt(int y) const;

    QList<Band> m_bands;
    TimeScale m_scale;
    bool m_rangeSet = false;
    int m_leftMargin = 0;
    int m_rightMargin = -1; // -1: the scroll bar's width, like TimeAxis
    QTimer m_recomputeTimer;
};
