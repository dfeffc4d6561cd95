#include "inflightstrip.h"

#include <QPaintEvent>
#include <QPainter>
#include <QScopeGuard>

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/durationformat.h"
#include "models/runmodel.h"
#include "rastergrid.h"
#include "timelinepalette.h"

// The strip's painting, and the bookkeeping that lets a tick of a live run repaint only what changed.

namespace {

constexpr double UpperShare = 0.62; // of a band's height, for in flight; the rest shows waiting

} // namespace

InFlightStrip::Look InFlightStrip::lookOf(const Band &band) const
{
    const ConcurrencySeries &series = band.total();
    Look look;
    look.series = band.live ? band.incremental.get() : nullptr;
    look.upperMax = band.upperMax;
    look.lowerMax = band.lowerMax;
    look.peakInFlight = series.peakInFlight();
    look.peakWaiting = series.peakWaiting();
    look.waited = waitedNs(series) >= NoticeableWaitNs;
    look.label = band.label;
    look.capacity = band.capacity;
    return look;
}

int InFlightStrip::firstChangedX() const
{
    const QRect plot = plotRect();
    if (!m_painted || m_splitByHost || m_cutNs >= 0 || size() != m_paintedSize || plot.left() != m_paintedLeft
        || m_scale.startNs() != m_paintedScale.startNs() || m_scale.endNs() != m_paintedScale.endNs()
        || m_scale.width() != m_paintedScale.width() || std::size_t(m_bands.size()) != m_paintedLooks.size())
        return 0;
    int x = width();
    for (int b = 0; b < m_bands.size(); ++b) {
        const Band &band = m_bands[b];
        const auto &steps = band.total().steps();
        const std::size_t kept = std::min({band.keptSincePaint, band.paintedSteady, steps.size()});
        const bool recounted = band.keptSincePaint != std::numeric_limits<std::size_t>::max();
        if (!recounted && (band.live ? band.model && band.model->endNs() == band.paintedNowNs : true))
            continue; // neither recounted nor ticked since it was drawn
        if (!band.live || kept == 0 || !(lookOf(band) == m_paintedLooks[std::size_t(b)]))
            return 0;
        // The columns left of the last unchanged step hold only unchanged steps, drawn where they are; two
        // pixels more for the gate's line.
        const double at = std::clamp(m_scale.toPixel(steps[kept - 1].atNs), -1.0, double(plot.width()));
        x = std::min(x, plot.left() + int(std::floor(at)) - 2);
    }
    return std::max(0, x);
}

void InFlightStrip::updateChanged()
{
    const int x = firstChangedX();
    if (x <= 0)
        update();
    else if (x < width())
        update(QRect(x, 0, width() - x, height()));
}

void InFlightStrip::paintEvent(QPaintEvent *event)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    // Lines along a pixel row as fills: the raster engine hands a cosmetic line's spans to its thread pool.
    painter.fillRect(QRect(0, 0, width(), 1), palette().color(QPalette::Mid));
    std::vector<std::size_t> steadies(std::size_t(m_bands.size()), 0);
    const auto remember = qScopeGuard([&] { rememberPaint(steadies); });
    if (m_bands.isEmpty())
        return;

    namespace P = TimelinePalette;
    using Phase = PhaseSpans::Phase;
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    const QFontMetrics smallMetrics(small);
    const int width = plotRect().width();
    // A tick repaints the columns from the first that changed (updateChanged); Qt clips to them. Split by
    // host, the stack is drawn whole.
    const int fromColumn = m_splitByHost ? 0 : std::clamp(event->rect().left() - plotRect().left(), 0, width);
    const qint64 visibleStart = m_scale.toTime(fromColumn > 0 ? fromColumn - 2 : -1);
    const qint64 visibleEnd = m_scale.toTime(width + 1);

    // The axis's ticks as a faint grid, as in the timeline above.
    std::vector<int> grid;
    for (const auto &tick : m_scale.ticks())
        grid.push_back(plotRect().left() + int(tick.x));
    RasterGrid::verticalLines(painter, grid, 1, height(), P::grid());

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
            for (int x = std::max(fromColumn, from); x < std::min(width, to); ++x) {
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
        steadies[std::size_t(b)] = std::size_t(std::max(0, steady));
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
        // Runs of equal columns become one box each. An upper box stands on the baseline, or on what is drawn
        // over it (`under`), which need not be painted twice.
        const auto boxes = [&](const std::vector<int> &values, bool upper, const std::vector<int> *under) {
            std::vector<QRect> rects;
            const auto floorAt = [&](int x) { return under ? std::max(0, (*under)[std::size_t(x)]) : 0; };
            for (int x = fromColumn; x < width;) {
                const int value = values[std::size_t(x)];
                const int floor = floorAt(x);
                int end = x + 1;
                while (end < width && values[std::size_t(end)] == value && floorAt(end) == floor)
                    ++end;
                if (value > 0) {
                    const int y = upper ? upperY(value) : baseline + 1;
                    const int h = upper ? upperY(floor) - y : lowerY(value) - baseline;
                    if (h > 0)
                        rects.emplace_back(area.left() + x, y, end - x, h);
                }
                x = end;
            }
            return rects;
        };
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setPen(Qt::NoPen);
        const bool split = m_splitByHost && band.hostCount() > 0;
        // Permits held reach the in-flight count at least; its opaque fill covers theirs from there down,
        // unless the hosts' stack draws it.
        const auto heldBoxes = boxes(held, true, split ? nullptr : &inFlight);
        painter.setBrush(P::delayBackground());
        painter.drawRects(heldBoxes.data(), int(heldBoxes.size()));
        painter.setBrush(P::hatch(P::phaseColor(Phase::Delay)));
        painter.drawRects(heldBoxes.data(), int(heldBoxes.size()));
        if (!split) {
            const auto flightBoxes = boxes(inFlight, true, nullptr);
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
            = waitedNs(series) >= NoticeableWaitNs ? boxes(waiting, false, nullptr) : std::vector<QRect>();
        painter.setBrush(P::waitingFill());
        painter.drawRects(waitBoxes.data(), int(waitBoxes.size()));

        painter.fillRect(QRect(area.left(), baseline, area.width(), 1), palette().color(QPalette::Mid));

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

void InFlightStrip::rememberPaint(const std::vector<std::size_t> &steadies)
{
    m_painted = true;
    m_paintedScale = m_scale;
    m_paintedSize = size();
    m_paintedLeft = plotRect().left();
    m_paintedLooks.clear();
    for (int b = 0; b < m_bands.size(); ++b) {
        Band &band = m_bands[b];
        band.paintedSteady = band.live ? steadies[std::size_t(b)] : band.total().steps().size();
        band.keptSincePaint = std::numeric_limits<std::size_t>::max();
        band.paintedNowNs = band.live && band.model ? band.model->endNs() : -1;
        m_paintedLooks.push_back(lookOf(band));
    }
}
