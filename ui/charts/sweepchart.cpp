#include "sweepchart.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QLabel>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

#include "core/durationformat.h"

SweepChart::SweepChart(QWidget *parent)
    : QWidget(parent)
    , m_view(new QChartView(this))
    , m_caption(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 6);
    m_view->setRenderHint(QPainter::Antialiasing);
    // A chart view asks for room it can do without; in a short window its tab must not push the timeline out.
    m_view->setMinimumSize(120, 80);
    setMinimumSize(120, 100);
    m_caption->setWordWrap(true);
    m_caption->setContentsMargins(12, 0, 12, 0);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_caption, 0);
    rebuild();
}

void SweepChart::setCurve(const SweepCurve &curve)
{
    m_curve = curve;
    rebuild();
}

void SweepChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QWidget::changeEvent(event);
}

void SweepChart::rebuild()
{
    auto *chart = new QChart;
    chart->setTitle(tr("Sweep: wall time against k"));
    m_measured = new QLineSeries(chart);
    m_measured->setName(tr("measured"));
    m_measured->setPointsVisible(true);
    m_predicted = new QLineSeries(chart);
    m_predicted->setName(tr("predicted"));
    // Measured solid blue, predicted dashed orange: where they coincide both stay visible.
    QPen solid(QColor(0x1f, 0x6f, 0xc5));
    solid.setWidthF(3);
    m_measured->setPen(solid);
    QPen dashed(QColor(0xe0, 0x8a, 0x1e));
    dashed.setStyle(Qt::DashLine);
    dashed.setWidthF(2);
    m_predicted->setPen(dashed);
    m_predicted->setPointsVisible(true);
    m_marker = new QScatterSeries(chart);
    m_marker->setName(tr("gains stop"));
    m_marker->setMarkerSize(16);
    m_marker->setColor(QColor(0xc0, 0x39, 0x2b));

    double maxSeconds = 0;
    int maxK = 1;
    for (const SweepCurve::Point &point : m_curve.points()) {
        const double wall = double(point.wallNs) / 1e9;
        m_measured->append(point.k, wall);
        maxSeconds = std::max(maxSeconds, wall);
        maxK = std::max(maxK, point.k);
        if (point.predictedNs >= 0) {
            m_predicted->append(point.k, double(point.predictedNs) / 1e9);
            maxSeconds = std::max(maxSeconds, double(point.predictedNs) / 1e9);
        }
    }
    const int flat = m_curve.flatIndex();
    if (flat >= 0 && m_curve.why() != SweepCurve::Why::None) {
        const SweepCurve::Point &point = m_curve.points().at(flat);
        m_marker->append(point.k, double(point.wallNs) / 1e9);
    }
    chart->addSeries(m_measured);
    chart->addSeries(m_predicted);
    chart->addSeries(m_marker);

    auto *kAxis = new QLogValueAxis(chart);
    kAxis->setBase(2);
    kAxis->setLabelFormat(QStringLiteral("%g"));
    kAxis->setTitleText(tr("k (permits, log scale)"));
    kAxis->setRange(0.8, std::max(2.0, maxK * 1.25));
    kAxis->setMinorTickCount(0);
    auto *timeAxis = new QValueAxis(chart);
    timeAxis->setTitleText(tr("wall time (s)"));
    timeAxis->setRange(0, std::max(0.1, maxSeconds * 1.1));
    timeAxis->applyNiceNumbers();
    chart->addAxis(kAxis, Qt::AlignBottom);
    chart->addAxis(timeAxis, Qt::AlignLeft);
    for (QAbstractSeries *series : chart->series()) {
        series->attachAxis(kAxis);
        series->attachAxis(timeAxis);
    }
    QChart *old = m_view->chart();
    m_view->setChart(chart);
    delete old;

    // Before a sweep there is nothing to plot: the hint alone, not empty axes with made-up ticks.
    const bool empty = m_curve.points().isEmpty();
    m_view->setVisible(!empty);
    m_caption->setAlignment(empty ? Qt::AlignCenter : Qt::AlignLeft | Qt::AlignVCenter);
    if (empty) {
        m_caption->setText(tr("Run a sweep (mode Sweep) to see wall time against k."));
    } else if (m_curve.why() == SweepCurve::Why::None) {
        m_caption->setText(tr("No flattening up to k = %1: %2").arg(maxK).arg(m_curve.whyText()));
    } else {
        const SweepCurve::Point &point = m_curve.points().at(flat);
        m_caption->setText(tr("From k = %1 (%2) more permits stop helping: %3")
                               .arg(point.k)
                               .arg(DurationFormat::text(point.wallNs), m_curve.whyText()));
    }
}

int SweepChart::measuredPointCount() const
{
    return int(m_measured->count());
}

int SweepChart::predictedPointCount() const
{
    return int(m_predicted->count());
}

int SweepChart::markerK() const
{
    return m_marker->count() > 0 ? int(m_marker->at(0).x()) : 0;
}

bool SweepChart::showsChart() const
{
    return !m_view->isHidden();
}

QString SweepChart::caption() const
{
    return m_caption->text();
}
