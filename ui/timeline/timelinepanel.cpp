#include "timelinepanel.h"

#include "inflightstrip.h"
#include "models/runmodel.h"
#include "timeaxis.h"
#include "timelinelegend.h"
#include "timelineview.h"

#include <QResizeEvent>
#include <QVBoxLayout>

#include <algorithm>

TimelinePanel::TimelinePanel(QWidget *parent)
    : QWidget(parent)
    , m_axis(new TimeAxis(this))
    , m_view(new TimelineView(this))
    , m_strip(new InFlightStrip(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_axis);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_strip);

    connect(m_view, &TimelineView::visibleRangeChanged, m_axis, &TimeAxis::setVisibleRange);
    connect(m_view, &TimelineView::visibleRangeChanged, m_strip, &InFlightStrip::setVisibleRange);
    connect(m_view, &TimelineView::plotMarginsChanged, m_axis, &TimeAxis::setPlotMargins);
    connect(m_view, &TimelineView::plotMarginsChanged, m_strip, &InFlightStrip::setPlotMargins);
    connect(m_axis, &TimeAxis::rangeSelected, m_view, &TimelineView::setVisibleRange);
    connect(m_axis, &TimeAxis::fitRequested, m_view, &TimelineView::fit);
    m_view->setHostColours(&m_hostColours);
    m_strip->setHostColours(&m_hostColours);
}

bool TimelinePanel::colourByHost() const
{
    return m_view->colourByHost();
}

bool TimelinePanel::groupByHost() const
{
    return m_view->groupByHost();
}

bool TimelinePanel::splitInFlightByHost() const
{
    return m_strip->splitByHost();
}

void TimelinePanel::setColourByHost(bool on)
{
    m_view->setColourByHost(on);
}

void TimelinePanel::setGroupByHost(bool on)
{
    m_view->setGroupByHost(on);
}

void TimelinePanel::setSplitInFlightByHost(bool on)
{
    m_strip->setSplitByHost(on);
}

void TimelinePanel::setCutNs(qint64 ns)
{
    m_view->setCutNs(ns);
    m_strip->setCutNs(ns);
}

void TimelinePanel::setModels(const QList<RunModel *> &models)
{
    for (const auto &model : std::as_const(m_models)) {
        if (model)
            model->disconnect(this);
    }
    m_models.clear();
    // The shared host colours start afresh with new runs, before the view and the strip register theirs;
    // both then rebuild, so neither keeps a colour from before.
    m_hostColours.clear();
    for (RunModel *model : models) {
        if (!model)
            continue;
        m_models.append(model);
        connect(model, &RunModel::runReset, this, [this] { m_hostColours.clear(); });
    }
    m_view->setModels(models);
    m_strip->setModels(models);
}

void TimelinePanel::resizeEvent(QResizeEvent *event)
{
    // The strip asks for 60 px a band; in a short panel it gets a quarter, and its bands share that.
    m_strip->setMaximumHeight(
        std::max(m_strip->minimumSizeHint().height(), event->size().height() * StripMaxPercent / 100));
    QWidget::resizeEvent(event);
}

int TimelinePanel::preferredHeight(int minimum, int maximum) const
{
    int rows = 0;
    for (const auto *model : m_view->models())
        rows += TimelineView::HeaderHeight + model->rowCount() * TimelineView::RowHeight;
    rows += m_view->groupCount() * TimelineView::RowHeight; // grouped by host: a header row per host
    const int base = rows + m_axis->sizeHint().height() + m_view->legend()->sizeHint().height() + 40;
    // The strip has what it asks for, or StripMaxPercent of the whole (resizeEvent).
    const int strip = m_strip->sizeHint().height();
    const int whole = strip * 100 <= (base + strip) * StripMaxPercent ? base + strip
                                                                      : base * 100 / (100 - StripMaxPercent);
    return std::clamp(whole, minimum, maximum);
}
