#include "inflightstrip.h"

#include <QCoreApplication>
#include <QHelpEvent>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "core/hostkey.h"
#include "core/runcaption.h"
#include "models/runmodel.h"
#include "timeaxis.h"
#include "timelinepalette.h"

namespace {

constexpr int FrameIntervalMs = 16;
constexpr int BandGap = 4;

} // namespace

InFlightStrip::InFlightStrip(QWidget *parent)
    : QWidget(parent)
{
    // Its full height where there is room, down to its minimum on a short screen.
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);
    setAccessibleName(tr("Requests in flight and waiting"));
    m_recomputeTimer.setSingleShot(true);
    m_recomputeTimer.setInterval(FrameIntervalMs);
    connect(&m_recomputeTimer, &QTimer::timeout, this, &InFlightStrip::recompute);
    m_scale.setWidth(plotRect().width());
}

void InFlightStrip::setModels(const QList<RunModel *> &models)
{
    for (const Band &band : std::as_const(m_bands)) {
        if (band.model)
            band.model->disconnect(this);
    }
    m_bands.clear();
    for (RunModel *model : models) {
        if (!model)
            continue;
        Band band;
        band.model = model;
        m_bands.append(band);
        connect(model, &RunModel::recordsAppended, this,
                [this, model](int first, int last) { noteChanged(model, first, last); });
        connect(model, &RunModel::recordsUpdated, this,
                [this, model](const QList<int> &ids) { noteChanged(model, ids); });
        connect(model, &RunModel::liveNowChanged, this, &InFlightStrip::followClock);
        connect(model, &RunModel::capacityChanged, this, &InFlightStrip::scheduleRecompute);
        connect(model, &RunModel::runFinished, this, &InFlightStrip::scheduleRecompute);
        connect(model, &RunModel::crawlChanged, this, [this] {
            if (m_splitByHost)
                scheduleRecompute();
        });
        connect(model, &RunModel::runReset, this, [this, model] {
            for (Band &band : m_bands) {
                if (band.model == model) {
                    band.hosts.clear();
                    band.incremental.reset();
                }
            }
            // As the timeline does: a new run gives out the colours afresh. Shared ones are its owner's.
            if (m_hostColours == &m_ownHostColours)
                m_hostColours->clear();
            scheduleRecompute();
        });
        connect(model, &QObject::destroyed, this, [this] {
            m_bands.removeIf([](const Band &band) { return band.model.isNull(); });
            updateGeometry();
            update();
        });
    }
    if (m_hostColours == &m_ownHostColours)
        m_hostColours->clear();
    recompute();
    updateGeometry();
}

void InFlightStrip::setSplitByHost(bool split)
{
    if (split == m_splitByHost)
        return;
    m_splitByHost = split;
    recompute();
}

void InFlightStrip::setHostColours(HostColours *colours)
{
    m_hostColours = colours ? colours : &m_ownHostColours;
    recompute();
}

std::vector<ConcurrencySeries> InFlightStrip::hostSeries(const RunModel *model) const
{
    for (const Band &band : m_bands) {
        if (band.model != model)
            continue;
        std::vector<ConcurrencySeries> hosts;
        for (std::size_t host = 0; host < band.hostCount(); ++host)
            hosts.push_back(band.host(host));
        return hosts;
    }
    return {};
}

QStringList InFlightStrip::hostOrigins(const RunModel *model) const
{
    for (const Band &band : m_bands) {
        if (band.model == model && m_splitByHost)
            return band.hosts.origins();
    }
    return {};
}

const ConcurrencySeries *InFlightStrip::series(const RunModel *model) const
{
    for (const Band &band : m_bands) {
        if (band.model == model)
            return &band.total();
    }
    return nullptr;
}

void InFlightStrip::scheduleRecompute()
{
    if (!m_recomputeTimer.isActive())
        m_recomputeTimer.start();
}

void InFlightStrip::noteChanged(const RunModel *model, int first, int last)
{
    for (Band &band : m_bands) {
        if (band.model == model && band.incremental) {
            for (int index = first; index <= last; ++index)
                band.incremental->changed.push_back(index);
        }
    }
    scheduleRecompute();
}

void InFlightStrip::noteChanged(const RunModel *model, const QList<int> &ids)
{
    for (Band &band : m_bands) {
        if (band.model == model && band.incremental)
            band.incremental->changed.insert(band.incremental->changed.end(), ids.begin(), ids.end());
    }
    scheduleRecompute();
}

void InFlightStrip::setCutNs(qint64 ns)
{
    ns = std::max<qint64>(ns, -1);
    if (ns == m_cutNs)
        return;
    m_cutNs = ns;
    update();
}

void InFlightStrip::followClock()
{
    if (m_recomputeTimer.isActive())
        return; // the recompute follows within a frame anyway
    if (!m_rangeSet) {
        qint64 end = 0;
        for (const Band &band : std::as_const(m_bands))
            end = std::max(end, band.model ? band.model->endNs() : 0);
        m_scale.setDataRange(0, std::max<qint64>(end, TimeScale::MinimumSpanNs));
        m_scale.fit();
    }
    updateChanged();
}

qint64 InFlightStrip::shownAt(const Band &band, qint64 atNs) const
{
    return band.live && atNs == band.computedNowNs && band.model ? std::max(atNs, band.model->endNs()) : atNs;
}

qint64 InFlightStrip::seriesTime(const Band &band, qint64 ns) const
{
    if (band.live && band.model && ns >= band.computedNowNs && ns < band.model->endNs())
        return band.computedNowNs - 1;
    return ns;
}

qint64 InFlightStrip::waitedNs(const ConcurrencySeries &series)
{
    return series.longestWaitNs();
}

int InFlightStrip::scaleMax(const RunModel *model) const
{
    for (const Band &band : m_bands) {
        if (band.model == model)
            return band.upperMax;
    }
    return 0;
}

void InFlightStrip::recompute()
{
    m_recomputeTimer.stop();
    ++m_recomputes;
    qint64 end = 0;
    for (Band &band : m_bands) {
        if (!band.model)
            continue;
        const RunModel &model = *band.model;
        const qint64 now = model.endNs();
        end = std::max(end, now);
        const bool delayExpected = model.isLive() && model.run().settings.delayMs > 0;
        band.computedNowNs = now;
        band.live = model.isLive();
        band.hostSlots.clear();
        if (!band.live)
            band.keptSincePaint = 0; // recounted in place: drawn afresh
        const bool wasLive = band.incremental && band.incremental->total.delayExpected() == delayExpected
            && band.incremental->split == m_splitByHost;
        if (band.live || wasLive) {
            // Patched from the records that changed, so a big live run can be recounted every frame. The end
            // of a run is one more patch when the series already counts what a finished run counts: a run of
            // 100 000 is not counted afresh in one go as it ends.
            recomputeLive(band, now, delayExpected);
        } else if (m_splitByHost) {
            ++m_fullCounts;
            band.incremental.reset();
            band.hosts.update(model.run());
            band.perHost
                = ConcurrencySeries::computePerHost(model.records(), band.hosts.hostsOfRecords(),
                                                    band.hosts.count(), now, delayExpected, &band.series);
            for (const QString &origin : band.hosts.origins())
                band.hostSlots.push_back(m_hostColours->slotOf(origin));
        } else {
            ++m_fullCounts;
            band.incremental.reset();
            band.hosts.clear();
            band.perHost.clear();
            band.series = ConcurrencySeries::compute(model.records(), now, delayExpected);
        }
        band.capacity = ConcurrencySeries::capacitySteps(model.run().capacityChanges);
        int maxCapacity = 0;
        for (const CapacityChange &change : band.capacity)
            maxCapacity = std::max(maxCapacity, change.capacity);
        band.upperMax = std::max({1, band.total().peakHeld(), maxCapacity});
        band.lowerMax = std::max(1, band.total().peakWaiting());
        band.label = RunCaption::label(model.run().settings);
    }
    // One scale for every band, so sequential's 1 stands a fifth as tall as gather's 5: the lesson is in the
    // heights.
    int upper = 1;
    int lower = 1;
    for (const Band &band : std::as_const(m_bands)) {
        upper = std::max(upper, band.upperMax);
        lower = std::max(lower, band.lowerMax);
    }
    for (Band &band : m_bands) {
        band.upperMax = upper;
        band.lowerMax = lower;
    }
    if (!m_rangeSet) {
        m_scale.setDataRange(0, std::max<qint64>(end, TimeScale::MinimumSpanNs));
        m_scale.fit();
    }
    updateChanged();
}

void InFlightStrip::recomputeLive(Band &band, qint64 nowNs, bool delayExpected)
{
    const RunModel &model = *band.model;
    const QList<RequestRecord> &records = model.records();
    auto &live = band.incremental;
    if (!live || live->total.delayExpected() != delayExpected || live->split != m_splitByHost) {
        ++m_fullCounts;
        live = std::make_shared<LiveSeries>(delayExpected, m_splitByHost);
        live->changed.resize(std::size_t(records.size()));
        std::iota(live->changed.begin(), live->changed.end(), 0);
    }
    band.series = ConcurrencySeries();
    band.perHost.clear();
    const std::vector<int> *hostOf = nullptr;
    if (m_splitByHost) {
        band.hosts.update(model.run());
        hostOf = &band.hosts.hostsOfRecords();
        live->hosts.resize(std::size_t(band.hosts.count()), LiveConcurrency(delayExpected));
        live->indexInHost.resize(std::size_t(records.size()), -1);
    } else {
        band.hosts.clear();
    }
    for (const int index : std::as_const(live->changed)) {
        if (index < 0 || index >= records.size())
            continue;
        const RequestRecord &record = records[index];
        live->total.setRecord(index, record);
        if (!hostOf)
            continue;
        LiveConcurrency &host = live->hosts[std::size_t((*hostOf)[std::size_t(index)])];
        int &inHost = live->indexInHost[std::size_t(index)];
        if (inHost < 0)
            inHost = int(host.recordCount());
        host.setRecord(inHost, record);
    }
    live->changed.clear();
    if (live->total.recordCount() != records.size()) { // a change went by unannounced: count afresh
        live.reset();
        recomputeLive(band, nowNs, delayExpected);
        return;
    }
    live->total.update(nowNs);
    band.keptSincePaint = std::min(band.keptSincePaint, live->total.keptSteps());
    for (LiveConcurrency &host : live->hosts)
        host.update(nowNs);
    if (hostOf) {
        for (const QString &origin : band.hosts.origins())
            band.hostSlots.push_back(m_hostColours->slotOf(origin));
    }
}

void InFlightStrip::setVisibleRange(qint64 startNs, qint64 endNs)
{
    m_rangeSet = true;
    m_scale.setDataRange(std::min<qint64>(0, startNs), endNs);
    m_scale.setRange(startNs, endNs);
    updateChanged();
}

void InFlightStrip::setPlotMargins(int left, int right)
{
    m_leftMargin = std::max(0, left);
    m_rightMargin = std::max(0, right);
    m_scale.setWidth(plotRect().width());
    update();
}

QRect InFlightStrip::plotRect() const
{
    const int right = m_rightMargin >= 0 ? m_rightMargin : TimeAxis::scrollBarWidth(this);
    return QRect(m_leftMargin, 0, std::max(1, width() - m_leftMargin - right), height());
}

QSize InFlightStrip::sizeHint() const
{
    const int bands = std::max(1, int(m_bands.size()));
    return {400, bands == 1 ? 84 : bands * 60};
}

QSize InFlightStrip::minimumSizeHint() const
{
    return {100, 40};
}

void InFlightStrip::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_scale.setWidth(plotRect().width());
}

QRect InFlightStrip::bandRect(int index) const
{
    const QRect plot = plotRect();
    const int count = std::max(1, int(m_bands.size()));
    const int available = plot.height() - BandGap * (count + 1);
    const int bandHeight = std::max(8, available / count);
    return QRect(plot.left(), BandGap + index * (bandHeight + BandGap), plot.width(), bandHeight);
}

int InFlightStrip::bandAt(int y) const
{
    for (int i = 0; i < m_bands.size(); ++i) {
        const QRect band = bandRect(i);
        if (y >= band.top() - BandGap / 2 && y <= band.bottom() + BandGap / 2)
            return i;
    }
    return -1;
}

bool InFlightStrip::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipTextAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this, QRect(help->pos(), QSize(1, 1)));
        }
        return true;
    }
    return QWidget::event(event);
}

QString InFlightStrip::toolTipTextAt(QPoint pos) const
{
    const int index = bandAt(pos.y());
    const QRect plot = plotRect();
    if (index < 0 || pos.x() < plot.left() || pos.x() > plot.right())
        return {};
    const Band &band = m_bands[index];
    const qint64 shown = m_scale.toTime(pos.x() - plot.left());
    const qint64 at = seriesTime(band, shown);
    const ConcurrencySeries::Step step = band.total().at(at);
    const QString time = m_scale.formatTime(shown);
    QString text = tr("in flight %1, waiting %2 at %3").arg(step.inFlight).arg(step.waiting).arg(time);
    if (step.delaying > 0)
        text += QStringLiteral("<br/>")
            + tr("%n more holding a permit in their delay", nullptr, step.delaying);
    int capacity = 0;
    for (const CapacityChange &change : band.capacity) {
        if (change.atNs <= shown)
            capacity = change.capacity;
    }
    if (capacity > 0)
        text += QStringLiteral("<br/>")
            + (capacity == 1 ? tr("gate: 1 permit") : tr("gate: %1 permits").arg(capacity));
    if (m_splitByHost) {
        // The busiest hosts at that moment, in host order.
        constexpr int MaxHosts = 8;
        int listed = 0;
        int more = 0;
        for (std::size_t host = 0; host < band.hostCount(); ++host) {
            const ConcurrencySeries::Step hostStep = band.host(host).at(at);
            if (hostStep.inFlight == 0 && hostStep.waiting == 0)
                continue;
            if (listed++ >= MaxHosts) {
                ++more;
                continue;
            }
            const int slot = host < band.hostSlots.size() ? band.hostSlots[host] : int(host);
            text += QStringLiteral("<br/><span style=\"color:%1\">■</span> ")
                        .arg(TimelinePalette::hostColor(slot).name())
                + tr("%1: in flight %2, waiting %3")
                      .arg(
                          HostKey::displayNameOf(band.hosts.origins().value(qsizetype(host))).toHtmlEscaped())
                      .arg(hostStep.inFlight)
                      .arg(hostStep.waiting);
        }
        if (more > 0)
            text += QStringLiteral("<br/>")
                + (more == 1 ? tr("1 more host busy") : tr("%1 more hosts busy").arg(more));
    }
    if (m_bands.size() > 1)
        text = QStringLiteral("<b>%1</b><br/>").arg(band.label.toHtmlEscaped()) + text;
    return text;
}
