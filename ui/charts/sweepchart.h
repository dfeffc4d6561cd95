#pragma once

#include <QWidget>

#include "lessons/sweepcurve.h"

class QChart;
class QChartView;
class QLabel;
class QLineSeries;
class QScatterSeries;

/// The sweep chart: wall time against k on a log axis, the measured curve beside the predicted one, and a
/// marker where the curve flattens, with why it does.
class SweepChart : public QWidget
{
    Q_OBJECT

public:
    explicit SweepChart(QWidget *parent = nullptr);

    void setCurve(const SweepCurve &curve);
    const SweepCurve &curve() const { return m_curve; }

    // For tests: what is drawn.
    int measuredPointCount() const;
    int predictedPointCount() const;
    /// The marker's k; 0 when there is none.
    int markerK() const;
    QString caption() const;
    /// The chart is drawn: there is a sweep to plot.
    bool showsChart() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();

    SweepCurve m_curve;
    QChartView *m_view;
    QLabel *m_caption;
    QLineSeries *m_measured = nullptr;
    QLineSeries *m_predicted = nullptr;
    QScatterSeries *m_marker = nullptr;
};
