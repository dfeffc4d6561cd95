#include "inflightstrip.h"

#include "core/durationformat.h"

#include <QCoreApplication>
#include <QHelpEvent>
#include <QPainter>
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
constexpr double UpperShare = 0.62; // of a band's height, for in flight; the rest shows waiting

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
    update();
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
    update();
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
    update();
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

void InFlightStrip::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(0, 0, width(), 0);
    if (m_bands.isEmpty())
        return;

    namespace P = TimelinePalette;
    using Phase = PhaseSpans::Phase;
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    const QFontMetrics smallMetrics(small);
    const int width = plotRect().width();
    const qint64 visibleStart = m_scale.toTime(-1);
    const qint64 visibleEnd = m_scale.toTime(width + 1);

    // The axis's ticks as a faint grid, as in the timeline above.
    std::vector<QLine> grid;
    for (const auto &tick : m_scale.ticks()) {
        const int x = plotRect().left() + int(tick.x);
        grid.emplace_back(x, 1, x, height());
    }
    painter.setPen(P::grid());
    painter.drawLines(grid.data(), int(grid.size()));

    for (int b = 0; b < m_bands.size(); ++b) {
        const Band &band = m_bands[b];
        const QRect area = bandRect(b);
        const int baseline = area.top() + int(std::lround(area.height() * UpperShare));
        const double upperHeight = baseline - area.top() - 4; // headroom, so the gate's line at the top shows
        const double lowerHeight = area.bottom() - baseline;
        const auto upperY
            = [&](int value) { return baseline - int(std::lround(value * upperHeight / band.upperMax)); };
        const auto lowerY
            = [&](int value) { return baseline + int(std::lround(value * lowerHeight / band.lowerMax)); };

        // Per pixel column the highest count any step reached in it, so short peaks survive any zoom.
        std::vector<int> held(std::size_t(width), -1);
        std::vector<int> inFlight(std::size_t(width), -1);
        std::vector<int> waiting(std::size_t(width), -1);
        std::vector<qint64> peakAt(std::size_t(width), 0); // when the column's in-flight peak began
        const ConcurrencySeries &series = band.total();
        const auto &steps = series.steps();
        // A replay's time cuts a finished band as the live clock ends a live one.
        const qint64 cut = band.live || m_cutNs < 0 ? std::numeric_limits<qint64>::max() : m_cutNs;
        const auto column = [&](qint64 ns) {
            return int(std::floor(std::clamp(m_scale.toPixel(ns), -1.0, double(width))));
        };
        const auto cover = [&](int from, int to, const ConcurrencySeries::Extremes &e) {
            for (int x = std::max(0, from); x < std::min(width, to); ++x) {
                held[std::size_t(x)] = std::max(held[std::size_t(x)], e.held);
                if (e.inFlight > inFlight[std::size_t(x)]) {
                    inFlight[std::size_t(x)] = e.inFlight;
                    peakAt[std::size_t(x)] = steps[std::size_t(e.inFlightIndex)].atNs;
                }
                waiting[std::size_t(x)] = std::max(waiting[std::size_t(x)], e.waiting);
            }
        };
        // Each step covers the columns from its own to the next step's (at least its own).
        const int first = std::max(0, series.indexAt(seriesTime(band, visibleStart)));
        const auto byTime = [](const ConcurrencySeries::Step &step, qint64 ns) { return step.atNs < ns; };
        const auto stepsEnd = [&](qint64 ns) { // the first step after ns
            return int(std::upper_bound(steps.begin(), steps.end(), ns,
                                        [](qint64 value, const auto &step) { return value < step.atNs; })
                       - steps.begin());
        };
        const int end = std::max(first, stepsEnd(std::min(visibleEnd, cut)));
        // Steps before the live clock's last reading are drawn where they are, so their columns only grow:
        // the steps of one column are one range, and its counts the range's extremes. The last of them and
        // those after it (moved to "now", or ending at the cut) go one by one, in order.
        const int steady = band.live && band.model
            ? int(std::lower_bound(steps.begin(), steps.end(), band.computedNowNs, byTime) - steps.begin())
            : end;
        const int ranged = std::clamp(steady - 1, first, end);
        for (int i = first; i < ranged;) {
            const int a = column(steps[std::size_t(i)].atNs);
            // The first step of a later column (the steps before `ranged` are all in range and sorted).
            const int next
                = int(std::partition_point(steps.begin() + i + 1, steps.begin() + ranged,
                                           [&](const auto &step) { return column(step.atNs) <= a; })
                      - steps.begin());
            cover(a, a + 1, series.extremes(i, next));
            const int bEnd = next < ranged
                ? column(steps[std::size_t(next)].atNs)
                : column(std::min(shownAt(band, steps[std::size_t(next)].atNs), cut));
            cover(a + 1, bEnd, series.extremes(next - 1, next));
            i = next;
        }
        for (int i = ranged; i < end; ++i) {
            const int a = column(shownAt(band, steps[std::size_t(i)].atNs));
            int bEnd = a + 1;
            if (i + 1 < int(steps.size()))
                bEnd = std::max(a + 1, column(std::min(shownAt(band, steps[std::size_t(i) + 1].atNs), cut)));
            else if (cut != std::numeric_limits<qint64>::max())
                bEnd = std::max(a + 1, column(cut));
            cover(a, bEnd, series.extremes(i, i + 1));
        }
        // Runs of equal columns become one box each.
        const auto boxes = [&](const std::vector<int> &values, bool upper) {
            std::vector<QRect> rects;
            for (int x = 0; x < width;) {
                const int value = values[std::size_t(x)];
                int end = x + 1;
                while (end < width && values[std::size_t(end)] == value)
                    ++end;
                if (value > 0) {
                    const int y = upper ? upperY(value) : baseline + 1;
                    const int h = upper ? baseline - y : lowerY(value) - baseline;
                    if (h > 0)
                        rects.emplace_back(area.left() + x, y, end - x, h);
                }
                x = end;
            }
            return rects;
        };
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setPen(Qt::NoPen);
        const auto heldBoxes = boxes(held, true);
        painter.setBrush(P::delayBackground());
        painter.drawRects(heldBoxes.data(), int(heldBoxes.size()));
        painter.setBrush(P::hatch(P::phaseColor(Phase::Delay)));
        painter.drawRects(heldBoxes.data(), int(heldBoxes.size()));
        const bool split = m_splitByHost && band.hostCount() > 0;
        if (!split) {
            const auto flightBoxes = boxes(inFlight, true);
            painter.setBrush(P::inFlightFill());
            painter.drawRects(flightBoxes.data(), int(flightBoxes.size()));
        } else {
            // Stacked by host, each column at the moment of its peak, so the stack is exactly the total.
            std::vector<int> below(std::size_t(width), 0);
            for (std::size_t host = 0; host < band.hostCount(); ++host) {
                const ConcurrencySeries &hostSeries = band.host(host);
                const auto &hostSteps = hostSeries.steps();
                if (hostSteps.empty() || hostSeries.peakInFlight() == 0)
                    continue;
                std::vector<QRect> rects;
                int index = -1;
                int runStart = 0;
                int runValue = 0;
                const auto close = [&](int end) {
                    if (runValue > 0) {
                        const int base = below[std::size_t(runStart)];
                        const int top = upperY(base + runValue);
                        const int h = upperY(base) - top;
                        if (h > 0)
                            rects.emplace_back(area.left() + runStart, top, end - runStart, h);
                        for (int x = runStart; x < end; ++x)
                            below[std::size_t(x)] += runValue;
                    }
                };
                for (int x = 0; x < width; ++x) {
                    int value = 0;
                    if (inFlight[std::size_t(x)] > 0) {
                        const qint64 at = peakAt[std::size_t(x)];
                        if (index < 0)
                            index = hostSeries.indexAt(at);
                        if (index + 1 < int(hostSteps.size()) && hostSteps[std::size_t(index) + 1].atNs <= at)
                            index = hostSeries.indexAt(at);
                        value = index >= 0 ? hostSteps[std::size_t(index)].inFlight : 0;
                    }
                    if (x > runStart
                        && (value != runValue || below[std::size_t(x)] != below[std::size_t(runStart)])) {
                        close(x);
                        runStart = x;
                    }
                    if (x == runStart)
                        runValue = value;
                }
                close(width);
                const int slot = host < band.hostSlots.size() ? band.hostSlots[host] : int(host);
                painter.setBrush(P::hostColor(slot));
                painter.drawRects(rects.data(), int(rects.size()));
            }
            // The total over the stack, as a step line.
            QPolygon total;
            for (int x = 0; x < width; ++x) {
                const int y = upperY(std::max(0, inFlight[std::size_t(x)]));
                if (total.isEmpty())
                    total << QPoint(area.left() + x, y);
                else if (y != total.last().y())
                    total << QPoint(area.left() + x, total.last().y()) << QPoint(area.left() + x, y);
            }
            total << QPoint(area.left() + width, total.last().y());
            painter.setPen(QPen(palette().color(QPalette::Text), 1));
            painter.setBrush(Qt::NoBrush);
            painter.drawPolyline(total);
            painter.setPen(Qt::NoPen);
        }
        const auto waitBoxes
            = waitedNs(series) >= NoticeableWaitNs ? boxes(waiting, false) : std::vector<QRect>();
        painter.setBrush(P::waitingFill());
        painter.drawRects(waitBoxes.data(), int(waitBoxes.size()));

        painter.setPen(palette().color(QPalette::Mid));
        painter.drawLine(area.left(), baseline, area.right(), baseline);

        // The gate's size over time, dashed.
        const qint64 capacityEnd = steps.empty() ? visibleEnd : steps.back().atNs;
        QPolygon gate;
        for (std::size_t i = 0; i < band.capacity.size(); ++i) {
            const CapacityChange &change = band.capacity[i];
            const qint64 until
                = std::min(i + 1 < band.capacity.size() ? band.capacity[i + 1].atNs : capacityEnd, cut);
            if (change.capacity <= 0 || change.atNs > cut)
                continue;
            const int x0 = area.left() + int(std::clamp(m_scale.toPixel(change.atNs), -2.0, width + 2.0));
            const int x1 = area.left() + int(std::clamp(m_scale.toPixel(until), -2.0, width + 2.0));
            const int y = upperY(change.capacity);
            if (!gate.isEmpty() && gate.last().x() == x0)
                gate << QPoint(x0, y);
            else if (!gate.isEmpty())
                gate.clear();
            gate << QPoint(x0, y) << QPoint(std::max(x0, x1), y);
        }
        if (!gate.isEmpty()) {
            painter.setPen(QPen(P::gate(), 1.5, Qt::DashLine));
            painter.drawPolyline(gate);
        }

        if (cut != std::numeric_limits<qint64>::max() && cut <= visibleEnd) {
            painter.setPen(QPen(palette().color(QPalette::Text), 1, Qt::DotLine));
            const int x = area.left() + column(cut);
            painter.drawLine(x, area.top(), x, area.bottom());
        }

        // Labels on a veil of the background, so they stay readable over the chart.
        painter.setFont(small);
        QColor veil = palette().color(QPalette::Base);
        veil.setAlpha(200);
        const auto label = [&](const QString &text, int baseline) {
            const QRect box(area.left() + 2, baseline - smallMetrics.ascent(),
                            smallMetrics.horizontalAdvance(text) + 6, smallMetrics.height());
            painter.fillRect(box, veil);
            painter.setPen(palette().color(QPalette::Text));
            painter.drawText(box.left() + 3, baseline, text);
        };
        label(m_bands.size() > 1 ? tr("%1: in flight, max %2").arg(band.label).arg(series.peakInFlight())
                                 : tr("in flight, max %1").arg(series.peakInFlight()),
              area.top() + smallMetrics.ascent());
        if (lowerHeight >= smallMetrics.height()) {
            // A blip of a fraction of a millisecond while gather issues its requests is not waiting to speak
            // of.
            const bool waited = waitedNs(series) >= NoticeableWaitNs;
            label(waited ? tr("waiting, max %1").arg(series.peakWaiting())
                         : tr("no waiting longer than %1").arg(DurationFormat::text(NoticeableWaitNs)),
                  area.bottom() - smallMetrics.descent());
        }
        painter.setFont(font());
    }
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
