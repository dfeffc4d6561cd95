#include "timelineview.h"

#include "core/durationformat.h"
#include "core/hostkey.h"
#include "core/idealschedule.h"
#include "core/runcaption.h"

#include <QApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QPainter>
#include <QScrollBar>
#include <QStyle>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <climits>
#include <cmath>
#include <numeric>

#include "barmerger.h"
#include "core/phasespans.h"
#include "lanepacker.h"
#include "models/runmodel.h"
#include "timelinelegend.h"
#include "timelinepalette.h"

namespace {

using Phase = PhaseSpans::Phase;

// Below this many pixels per row, bars become too thin to split into phases: rows sharing a pixel row are
// drawn as merged coverage instead.
constexpr double DenseRowHeight = 4.0;
constexpr double MinRowHeight = 1e-4;
constexpr int TrackGap = 6;
// Tracks whose gate was resized get a row under the header for the markers' tags.
constexpr int GateRowHeight = 18;
constexpr int GateTagMaxWidth = 90;
constexpr int LabelMinRowHeight = 14;
constexpr qint64 Second = 1'000'000'000;
constexpr int FrameIntervalMs = 16; // at most ~60 repaints a second while a run streams in

// Time to whole pixel columns, the hot path of painting a million bars. Columns far outside the viewport are
// clamped, so the int conversion never overflows at deep zoom.
class PixelMapper
{
public:
    PixelMapper(const TimeScale &scale, int width)
        : m_startNs(scale.startNs())
        , m_pixelsPerNs(scale.width() / double(scale.spanNs()))
        , m_max(width + 64.0)
    { }

    int operator()(qint64 ns) const
    {
        const double x = std::clamp(double(ns - m_startNs) * m_pixelsPerNs, -64.0, m_max);
        const int truncated = int(x);
        return truncated - (x < truncated ? 1 : 0);
    }

private:
    qint64 m_startNs;
    double m_pixelsPerNs;
    double m_max;
};

int pixel(const TimeScale &scale, qint64 ns, int width)
{
    return PixelMapper(scale, width)(ns);
}

QString requestCount(int requests)
{
    return requests == 1 ? QCoreApplication::translate("TimelineView", "1 request")
                         : QCoreApplication::translate("TimelineView", "%1 requests").arg(requests);
}

enum Fill {
    DenseWaiting,
    DenseCancelledWaiting,
    DenseDelay,
    DelayBackground,
    Connecting,
    FirstByte,
    ErrorLight,
    CancelledFill,
    Download,
    ErrorFill,
    FailedBackground,
    Merged,
    MergedError,
    MergedCancelled,
    FillCount
};

QColor fillColor(Fill fill)
{
    namespace P = TimelinePalette;
    switch (fill) {
    case DenseWaiting:
        return P::waitingFill();
    case DenseCancelledWaiting:
        return QColor(0xbd, 0xc1, 0xc6);
    case DenseDelay:
        return QColor(0xc5, 0x9d, 0xf5);
    case DelayBackground:
        return P::delayBackground();
    case Connecting:
        return P::phaseColor(Phase::Connecting);
    case FirstByte:
        return P::phaseColor(Phase::FirstByte);
    case ErrorLight:
        return P::errorLight();
    case CancelledFill:
        return P::cancelled();
    case Download:
        return P::phaseColor(Phase::Download);
    case ErrorFill:
        return P::error();
    case FailedBackground:
        return P::failedBackground();
    case Merged:
        return P::merged();
    case MergedError:
        return P::error();
    case MergedCancelled:
        return P::cancelled();
    case FillCount:
        break;
    }
    return {};
}

// Everything one paint draws, grouped by style: each group is drawn with one call, since switching pens and
// brushes costs more than the rectangles themselves.
struct Batches
{
    std::array<std::vector<QRect>, FillCount> fills;
    std::vector<QRect> waitOutlines;
    std::vector<QRect> cancelledOutlines;
    std::vector<QLine> errorCrosses;
    std::vector<QLine> cancelCrosses;
    // Coloured by host: per colour, the thin part before the response and the thick download.
    std::array<std::vector<QRect>, TimelinePalette::HostColorCount> hostThin;
    std::array<std::vector<QRect>, TimelinePalette::HostColorCount> hostThick;
    std::vector<QPolygon> robotsMarkers;
    struct Label
    {
        QPoint pos;
        QString text;
        bool error;
        bool boxed; // over a hollow bar: on a background so its outline doesn't cross the text
    };
    std::vector<Label> labels;

    void cross(int x, int cy, int size, bool error)
    {
        auto &lines = error ? errorCrosses : cancelCrosses;
        lines.emplace_back(x - size, cy - size, x + size, cy + size);
        lines.emplace_back(x - size, cy + size, x + size, cy - size);
    }
};

} // namespace

TimelineView::TimelineView(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_legend(new TimelineLegend(this))
{
    setFrameShape(QFrame::NoFrame);
    // Always there, so the axis and the strip can reserve the same width and stay lined up.
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    viewport()->setMouseTracking(true);
    viewport()->setBackgroundRole(QPalette::Base);
    // paintEvent() covers every pixel, so Qt need not clear the viewport first.
    viewport()->setAutoFillBackground(false);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Request timeline"));

    m_updateTimer.setSingleShot(true);
    m_updateTimer.setInterval(FrameIntervalMs);
    connect(&m_updateTimer, &QTimer::timeout, this, &TimelineView::onUpdateTimer);

    connect(horizontalScrollBar(), &QScrollBar::valueChanged, this, &TimelineView::handleHorizontalScroll);
    connect(verticalScrollBar(), &QScrollBar::actionTriggered, this, [this] { m_followRows = false; });
    updateLegendGeometry();
}

TimelineView::~TimelineView() = default;

QSize TimelineView::sizeHint() const
{
    return {900, 420};
}

void TimelineView::setModels(const QList<RunModel *> &models)
{
    for (const auto &model : std::as_const(m_models)) {
        if (model)
            model->disconnect(this);
    }
    m_models.clear();
    for (RunModel *model : models) {
        if (!model)
            continue;
        m_models.append(model);
        connect(model, &RunModel::recordsAppended, this, &TimelineView::scheduleUpdate);
        connect(model, &RunModel::recordsUpdated, this, &TimelineView::scheduleUpdate);
        connect(model, &RunModel::liveNowChanged, this, &TimelineView::scheduleUpdate);
        connect(model, &RunModel::capacityChanged, this, &TimelineView::scheduleUpdate);
        connect(model, &RunModel::runFinished, this, &TimelineView::scheduleUpdate);
        // A crawl's list of hosts comes apart from its records, and decides the hosts' order.
        connect(model, &RunModel::crawlChanged, this, [this] {
            if (m_colourByHost || m_groupByHost)
                scheduleUpdate();
        });
        connect(model, &RunModel::runReset, this, [this, model] {
            m_followTime = true;
            m_followRows = true;
            // A new run gives out the host colours afresh, in its own order of first use.
            m_hostIndexes.erase(model);
            if (m_hostColours == &m_ownHostColours)
                m_hostColours->clear();
            scheduleUpdate();
        });
        connect(model, &QObject::destroyed, this, [this, model] {
            m_models.removeAll(QPointer<RunModel>());
            m_hostIndexes.erase(model);
            m_tracksDirty = true;
            scheduleUpdate();
        });
    }
    m_hostIndexes.clear();
    if (m_hostColours == &m_ownHostColours)
        m_hostColours->clear();
    if (!m_selectedModel || !models.contains(m_selectedModel.data())) {
        m_selectedModel = nullptr;
        m_selectedId = -1;
    }
    m_tracksDirty = true;
    m_followTime = true;
    m_followRows = true;
    applyFollow();
    updateLegendHosts();
    viewport()->update();
}

QList<RunModel *> TimelineView::models() const
{
    QList<RunModel *> result;
    for (const auto &model : m_models) {
        if (model)
            result.append(model.data());
    }
    return result;
}

void TimelineView::setLaneMode(bool lanes)
{
    if (lanes == m_laneMode)
        return;
    m_laneMode = lanes;
    m_tracksDirty = true;
    applyFollow();
    if (m_selectedModel)
        setSelection(m_selectedModel, m_selectedId);
    viewport()->update();
}

void TimelineView::setColourByHost(bool on)
{
    if (on == m_colourByHost)
        return;
    m_colourByHost = on;
    m_tracksDirty = true;
    ensureTracks();
    updateLegendHosts();
    viewport()->update();
}

void TimelineView::setGroupByHost(bool on)
{
    if (on == m_groupByHost)
        return;
    m_groupByHost = on;
    m_tracksDirty = true;
    applyFollow();
    if (m_selectedModel)
        setSelection(m_selectedModel, m_selectedId);
    viewport()->update();
}

void TimelineView::setHostColours(HostColours *colours)
{
    m_hostColours = colours ? colours : &m_ownHostColours;
    m_tracksDirty = true;
    scheduleUpdate();
}

int TimelineView::rowCount() const
{
    ensureTracks();
    return totalRows();
}

int TimelineView::groupCount() const
{
    ensureTracks();
    int groups = 0;
    for (const Track &track : m_tracks)
        groups += int(track.groups.size());
    return groups;
}

int TimelineView::rowOf(RunModel *model, int recordId) const
{
    ensureTracks();
    for (const Track &track : m_tracks) {
        if (track.model != model)
            continue;
        const int index = barIndexOf(track, recordId);
        return index < 0 ? -1 : rowOfBar(track, index);
    }
    return -1;
}

void TimelineView::updateLegendHosts()
{
    // The hosts in colour order, as many as the legend lists; the rest it counts. Names come from the tracks,
    // which hold the slots they were drawn with.
    QList<TimelineLegend::Host> hosts;
    int more = 0;
    bool robots = false;
    std::map<int, QString> shown;
    for (const Track &track : m_tracks) {
        robots = robots || track.hasRobots;
        for (std::size_t host = 0; m_colourByHost && host < track.hostSlots.size(); ++host)
            shown.emplace(track.hostSlots[host], track.hosts.value(qsizetype(host)));
    }
    for (const auto &[slot, origin] : shown) {
        if (hosts.size() < TimelineLegend::MaxHosts)
            hosts.append({HostKey::displayNameOf(origin), slot});
        else
            ++more;
    }
    if (m_legend->setHosts(hosts, more, robots))
        updateLegendGeometry();
}

void TimelineView::setShowIdeal(bool show)
{
    if (show == m_showIdeal)
        return;
    m_showIdeal = show;
    viewport()->update();
}

void TimelineView::setRowHeight(double pixels)
{
    const double height = std::clamp(pixels, MinRowHeight, double(RowHeight));
    if (height == m_rowHeight)
        return;
    m_rowHeight = height;
    layoutTracks();
    updateScrollBars();
    viewport()->update();
}

std::optional<std::pair<RunModel *, int>> TimelineView::selection() const
{
    if (!m_selectedModel || m_selectedId < 0)
        return std::nullopt;
    return std::make_pair(m_selectedModel.data(), m_selectedId);
}

void TimelineView::fit()
{
    m_followTime = true;
    m_followRows = true;
    applyFollow();
    viewport()->update();
}

void TimelineView::setVisibleRange(qint64 startNs, qint64 endNs)
{
    ensureTracks();
    m_followTime = false;
    TimeScale scale = m_scale;
    scale.setRange(startNs, endNs);
    setScale(scale);
}

void TimelineView::zoomIn()
{
    userZoom(1.5, viewport()->width() / 2.0);
}

void TimelineView::zoomOut()
{
    userZoom(1 / 1.5, viewport()->width() / 2.0);
}

void TimelineView::setSelection(RunModel *model, int recordId)
{
    m_selectedModel = model;
    m_selectedId = recordId;
    ensureTracks();
    for (int t = 0; t < int(m_tracks.size()); ++t) {
        if (m_tracks[t].model != model)
            continue;
        const int bar = barIndexOf(m_tracks[t], recordId);
        if (bar >= 0)
            scrollToBar(t, bar);
    }
    viewport()->update();
}

// ---- Data and layout ----

void TimelineView::scheduleUpdate()
{
    m_tracksDirty = true;
    if (!m_updateTimer.isActive())
        m_updateTimer.start();
}

void TimelineView::onUpdateTimer()
{
    applyFollow();
    updateLegendHosts();
    viewport()->update();
}

void TimelineView::ensureTracks() const
{
    if (m_tracksDirty) {
        m_tracks.clear();
        for (const auto &model : m_models) {
            if (!model)
                continue;
            Track track;
            track.model = model;
            rebuildTrack(track);
            m_tracks.push_back(std::move(track));
        }
        for (auto it = m_hostIndexes.begin(); it != m_hostIndexes.end();) {
            const bool shown = std::any_of(m_tracks.begin(), m_tracks.end(),
                                           [&it](const Track &track) { return track.model == it->first; });
            it = shown && (m_colourByHost || m_groupByHost) ? std::next(it) : m_hostIndexes.erase(it);
        }
        registerHosts();
        m_tracksDirty = false;
    }
    layoutTracks();
}

void TimelineView::rebuildTrack(Track &track) const
{
    const RunModel *model = track.model;
    const QList<RequestRecord> &records = model->records();
    track.live = model->isLive();
    track.endNs = model->endNs(); // walks every record of a finished run: once per change, not per paint
    const bool delayExpected = track.live && model->run().settings.delayMs > 0;

    const HostIndex *hosts = nullptr;
    track.hosts.clear();
    if (m_colourByHost || m_groupByHost) {
        HostIndex &index = m_hostIndexes[model];
        index.update(model->run());
        hosts = &index;
        track.hosts = index.origins();
    }

    int failed = 0;
    int cancelled = 0;
    track.hasRobots = false;
    track.bars.resize(std::size_t(records.size()));
    for (qsizetype i = 0; i < records.size(); ++i) {
        const RequestRecord &record = records[i];
        const PhaseSpans spans = PhaseSpans::of(record, track.endNs, delayExpected);
        Bar &bar = track.bars[std::size_t(i)];
        bar.t = spans.bounds;
        bar.id = record.id;
        bar.started = spans.started;
        bar.open = spans.open;
        bar.issued = record.reached(Mark::Issued);
        bar.status = qint16(record.status);
        bar.host = hosts ? hosts->hostOf(int(i)) : 0;
        bar.robots = record.role == RequestRole::Robots;
        track.hasRobots = track.hasRobots || bar.robots;
        switch (record.outcome) {
        case Outcome::HttpError:
            bar.kind = Kind::HttpError;
            ++failed;
            break;
        case Outcome::Failed:
            bar.kind = Kind::Failed;
            ++failed;
            break;
        case Outcome::Cancelled:
            bar.kind = Kind::Cancelled;
            ++cancelled;
            break;
        case Outcome::Ok:
        case Outcome::Pending:
            bar.kind = Kind::Ok;
            break;
        }
    }

    track.ideal.clear();
    // A crawl has no ideal schedule: none of its pages could start before its parent was read.
    if (const QList<qint64> starts = track.live ? QList<qint64> {} : idealStartsNs(model->run());
        starts.size() == records.size()) {
        track.ideal.reserve(std::size_t(records.size()));
        for (qsizetype i = 0; i < records.size(); ++i)
            track.ideal.emplace_back(starts[i], starts[i] + serviceNs(records[i]));
    }

    // The initial size is in the header; only changes during the run get a marker.
    track.capacity.clear();
    const auto &changes = model->run().capacityChanges;
    for (qsizetype i = 1; i < changes.size(); ++i) {
        if (changes[i].capacity > 0 && changes[i].capacity != changes[i - 1].capacity)
            track.capacity.emplace_back(changes[i].atNs, changes[i].capacity);
    }
    track.title = trackTitle(model, int(records.size()), failed, cancelled, track.endNs);

    buildRows(track);
}

void TimelineView::buildRows(Track &track) const
{
    track.lanes.clear();
    track.laneOf.clear();
    track.rowBar.clear();
    track.barRow.clear();
    track.rowKinds.clear();
    track.groups.clear();
    track.recordOfBar.clear();
    track.barOfRecord.clear();
    const int barCount = int(track.bars.size());
    if (!m_laneMode && !m_groupByHost) {
        track.rows = barCount;
        return;
    }

    // The bars of each group in record order: one group of everything unless grouped by host.
    std::vector<std::pair<int, int>> members; // [first, last) bar of each group
    if (!m_groupByHost) {
        members.emplace_back(0, barCount);
    } else {
        // A stable counting sort by host: rows then read the bars front to back, as without groups.
        std::vector<int> offsets(std::size_t(track.hosts.size()) + 1, 0);
        for (const Bar &bar : track.bars)
            ++offsets[std::size_t(bar.host) + 1];
        for (std::size_t host = 1; host < offsets.size(); ++host)
            offsets[host] += offsets[host - 1];
        for (std::size_t host = 0; host + 1 < offsets.size(); ++host)
            members.emplace_back(offsets[host], offsets[host + 1]);
        track.recordOfBar.resize(std::size_t(barCount));
        track.barOfRecord.resize(std::size_t(barCount));
        for (int i = 0; i < barCount; ++i) {
            const int position = offsets[std::size_t(track.bars[std::size_t(i)].host)]++;
            track.recordOfBar[std::size_t(position)] = i;
            track.barOfRecord[std::size_t(i)] = position;
        }
        std::vector<Bar> sorted(track.bars.size());
        for (int i = 0; i < barCount; ++i)
            sorted[std::size_t(track.barOfRecord[std::size_t(i)])] = track.bars[std::size_t(i)];
        track.bars.swap(sorted);
        if (track.ideal.size() == std::size_t(barCount)) {
            std::vector<std::pair<qint64, qint64>> ideal(track.ideal.size());
            for (int i = 0; i < barCount; ++i)
                ideal[std::size_t(track.barOfRecord[std::size_t(i)])] = track.ideal[std::size_t(i)];
            track.ideal.swap(ideal);
        }
    }

    if (m_laneMode)
        track.laneOf.assign(std::size_t(barCount), 0);
    else
        track.barRow.assign(std::size_t(barCount), 0);
    int row = 0;
    for (std::size_t host = 0; host < members.size(); ++host) {
        const auto [firstBar, endBar] = members[host];
        if (firstBar == endBar)
            continue;
        std::vector<int> bars(std::size_t(endBar - firstBar));
        std::iota(bars.begin(), bars.end(), firstBar);
        Group group;
        if (m_groupByHost) {
            group.host = int(host);
            group.headerRow = row++;
            group.requests = int(bars.size());
            for (const int index : bars) {
                const Kind kind = track.bars[std::size_t(index)].kind;
                group.failed += kind == Kind::HttpError || kind == Kind::Failed ? 1 : 0;
            }
            track.rowKinds.push_back(RowKind::GroupHeader);
            if (m_laneMode)
                track.lanes.emplace_back();
            else
                track.rowBar.push_back(-1);
        }
        if (!m_laneMode) {
            for (const int index : bars) {
                track.barRow[std::size_t(index)] = row++;
                track.rowBar.push_back(index);
                track.rowKinds.push_back(RowKind::Bars);
            }
        } else {
            // Lanes pack the time a request held its permit (issued -> released); requests not issued yet
            // wait together in a queue lane on top instead of each taking a lane of its own.
            std::vector<LanePacker::Interval> intervals;
            std::vector<int> issuedBars;
            std::vector<int> queued;
            for (const int index : bars) {
                const Bar &bar = track.bars[std::size_t(index)];
                if (bar.issued) {
                    intervals.push_back({bar.t[1], bar.t[5]});
                    issuedBars.push_back(index);
                } else {
                    queued.push_back(index);
                }
            }
            if (!queued.empty()) {
                for (const int index : queued)
                    track.laneOf[std::size_t(index)] = row;
                track.lanes.push_back(std::move(queued));
                track.rowKinds.push_back(RowKind::Queue);
                ++row;
            }
            int laneCount = 0;
            const std::vector<int> lanes = LanePacker::pack(intervals, &laneCount);
            const std::size_t first = track.lanes.size();
            track.lanes.resize(first + std::size_t(laneCount));
            track.rowKinds.resize(first + std::size_t(laneCount), RowKind::Bars);
            for (std::size_t k = 0; k < issuedBars.size(); ++k) {
                track.laneOf[std::size_t(issuedBars[k])] = row + lanes[k];
                track.lanes[first + std::size_t(lanes[k])].push_back(issuedBars[k]);
            }
            for (std::size_t lane = first; lane < track.lanes.size(); ++lane) {
                auto &laneBars = track.lanes[lane];
                std::stable_sort(laneBars.begin(), laneBars.end(), [&track](int a, int b) {
                    return track.bars[std::size_t(a)].t[1] < track.bars[std::size_t(b)].t[1];
                });
            }
            row += laneCount;
        }
        if (m_groupByHost) {
            group.rows = row - group.headerRow - 1;
            track.groups.push_back(group);
        }
    }
    track.rows = row;
}

void TimelineView::registerHosts() const
{
    for (Track &track : m_tracks) {
        track.hostSlots.clear();
        for (const QString &origin : std::as_const(track.hosts))
            track.hostSlots.push_back(m_hostColours->slotOf(origin));
    }
}

void TimelineView::layoutTracks() const
{
    double y = 0;
    for (Track &track : m_tracks) {
        track.top = y;
        track.rowsTop = y + HeaderHeight + (track.capacity.empty() ? 0 : GateRowHeight);
        track.bottom = track.rowsTop + track.rows * m_rowHeight + TrackGap;
        y = track.bottom;
    }
}

QString TimelineView::trackTitle(const RunModel *model, int requests, int failed, int cancelled,
                                 qint64 endNs) const
{
    RunCaption::Facts facts;
    facts.requests = requests;
    facts.failed = failed;
    facts.cancelled = cancelled;
    facts.live = model->isLive();
    facts.endNs = endNs;
    for (const RunModel *other : std::as_const(m_models)) {
        if (other != model && other->run().settings.mode == RunMode::Sequential && !other->isLive()
            && !other->run().cancelled && other->run().endNs > 0) {
            facts.sequentialWallNs = other->run().endNs;
            break;
        }
    }
    return RunCaption::header(model->run(), facts);
}

int TimelineView::totalRows() const
{
    int rows = 0;
    for (const Track &track : m_tracks)
        rows += track.rows;
    return rows;
}

double TimelineView::contentHeight() const
{
    return m_tracks.empty() ? 0 : m_tracks.back().bottom;
}

qint64 TimelineView::dataEndNs() const
{
    qint64 end = 0;
    for (const Track &track : m_tracks)
        end = std::max(end, track.endNs);
    return end;
}

void TimelineView::applyFollow()
{
    ensureTracks();
    const qint64 dataEnd = dataEndNs();
    const bool live = std::any_of(m_tracks.begin(), m_tracks.end(), [](const Track &t) { return t.live; });
    TimeScale scale = m_scale;
    scale.setWidth(std::max(1, viewport()->width()));
    if (m_followTime) {
        qint64 end = dataEnd > 0 ? dataEnd : Second;
        if (live) {
            // Grow the window in steps of about a fifth, so bars visibly grow instead of the axis crawling.
            const qint64 base = std::max<qint64>(dataEnd, Second / 2);
            const qint64 step = TimeScale::niceCeil(base / 5);
            end = (base + base / 10 + step - 1) / step * step;
        }
        scale.setDataRange(0, end);
        scale.setRange(0, end);
    } else {
        scale.setDataRange(0, std::max(dataEnd, TimeScale::MinimumSpanNs));
    }
    if (m_followRows) {
        const int rows = totalRows();
        double chrome = 0;
        for (const Track &track : m_tracks)
            chrome += track.rowsTop - track.top + TrackGap;
        const double available = std::max(1.0, viewport()->height() - chrome);
        m_rowHeight = rows == 0 ? RowHeight : std::clamp(available / rows, MinRowHeight, double(RowHeight));
        layoutTracks();
    }
    setScale(scale);
    if (m_followRows) {
        const QSignalBlocker blocker(verticalScrollBar());
        verticalScrollBar()->setValue(0);
    }
}

void TimelineView::updateScrollBars()
{
    m_syncingScrollBars = true;
    const int height = viewport()->height();
    QScrollBar *vertical = verticalScrollBar();
    vertical->setRange(0, std::max(0, int(std::ceil(contentHeight())) - height));
    vertical->setPageStep(std::max(1, height));
    vertical->setSingleStep(RowHeight);

    // The horizontal bar pans over the whole run; its units are coarse enough to fit an int at any zoom.
    QScrollBar *horizontal = horizontalScrollBar();
    const qint64 low = std::min<qint64>(0, m_scale.dataStartNs());
    const qint64 high = std::max(m_scale.dataEndNs(), m_scale.endNs());
    const qint64 span = m_scale.spanNs();
    const qint64 slack = high - low - span;
    if (slack <= 0) {
        horizontal->setRange(0, 0);
    } else {
        m_hScrollUnitNs = std::max<qint64>({1, span / 100, slack / 1'000'000 + 1});
        horizontal->setRange(0, int((slack + m_hScrollUnitNs - 1) / m_hScrollUnitNs));
        horizontal->setPageStep(std::max(1, int(span / m_hScrollUnitNs)));
        horizontal->setSingleStep(std::max(1, int(span / m_hScrollUnitNs / 10)));
        horizontal->setValue(int((m_scale.startNs() - low) / m_hScrollUnitNs));
    }
    m_syncingScrollBars = false;
}

void TimelineView::handleHorizontalScroll(int value)
{
    if (m_syncingScrollBars)
        return;
    const qint64 low = std::min<qint64>(0, m_scale.dataStartNs());
    const qint64 start = low + qint64(value) * m_hScrollUnitNs;
    m_followTime = false;
    TimeScale scale = m_scale;
    scale.setRange(start, start + scale.spanNs());
    setScale(scale);
}

void TimelineView::setScale(const TimeScale &scale)
{
    m_scale = scale;
    updateScrollBars();
    viewport()->update();
    emitRangeIfChanged();
}

void TimelineView::emitRangeIfChanged()
{
    const std::pair<qint64, qint64> range {m_scale.startNs(), m_scale.endNs()};
    if (range == m_emittedRange)
        return;
    m_emittedRange = range;
    Q_EMIT visibleRangeChanged(range.first, range.second);
}

void TimelineView::updateLegendGeometry()
{
    const int height
        = m_legend->heightForWidth(std::max(1, width() - verticalScrollBar()->sizeHint().width()));
    if (height != m_legendHeight) {
        m_legendHeight = height;
        setViewportMargins(0, 0, 0, height);
    }
    const QRect area = viewport()->geometry();
    m_legend->setGeometry(area.left(), area.bottom() + 1, area.width(), height);
}

// ---- Navigation ----

void TimelineView::userZoom(double factor, double anchorX)
{
    ensureTracks();
    m_followTime = false;
    TimeScale scale = m_scale;
    scale.zoom(factor, anchorX);
    setScale(scale);
}

void TimelineView::userPan(double dx)
{
    ensureTracks();
    m_followTime = false;
    TimeScale scale = m_scale;
    scale.pan(dx);
    setScale(scale);
}

void TimelineView::userScrollBy(double dy)
{
    m_followRows = false;
    verticalScrollBar()->setValue(verticalScrollBar()->value() + int(std::lround(dy)));
}

void TimelineView::zoomRows(double factor, double anchorY)
{
    ensureTracks();
    m_followRows = false;
    // Keep the row under the anchor where it is.
    const double contentY = verticalScrollBar()->value() + anchorY;
    const int t = trackAtContentY(contentY);
    double rowFraction = 0;
    if (t >= 0)
        rowFraction = std::max(0.0, (contentY - m_tracks[t].rowsTop) / m_rowHeight);
    setRowHeight(m_rowHeight * factor);
    if (t >= 0) {
        const double newY = m_tracks[t].rowsTop + rowFraction * m_rowHeight;
        verticalScrollBar()->setValue(int(std::lround(newY - anchorY)));
    }
}

void TimelineView::scrollToBar(int trackIndex, int barIndex)
{
    const Track &track = m_tracks[trackIndex];
    const Bar &bar = track.bars[std::size_t(barIndex)];
    const int row = rowOfBar(track, barIndex);
    const double rowTop = track.rowsTop + row * m_rowHeight;
    const int height = viewport()->height();
    const int scrollY = verticalScrollBar()->value();
    if (rowTop < scrollY + HeaderHeight || rowTop + std::max(m_rowHeight, 1.0) > scrollY + height) {
        m_followRows = false;
        verticalScrollBar()->setValue(int(rowTop - height / 3.0));
    }

    const qint64 start = m_laneMode && bar.issued ? bar.t[1] : bar.t[0];
    const qint64 end = bar.t[5];
    if (start < m_scale.startNs() || end > m_scale.endNs()) {
        m_followTime = false;
        TimeScale scale = m_scale;
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
            userScrollBy(-std::max(m_rowHeight, double(RowHeight)));
        break;
    case Qt::Key_Down:
        if (control)
            zoomRows(1 / 1.25, height / 2);
        else
            userScrollBy(std::max(m_rowHeight, double(RowHeight)));
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
        const qint64 start = std::min<qint64>(0, m_scale.dataStartNs());
        setVisibleRange(start, start + m_scale.spanNs());
        userScrollBy(-contentHeight());
        break;
    }
    case Qt::Key_End:
        setVisibleRange(m_scale.dataEndNs() - m_scale.spanNs(), m_scale.dataEndNs());
        userScrollBy(contentHeight());
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
    m_pressScale = m_scale;
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
            m_followTime = false;
            TimeScale scale = m_pressScale;
            scale.setWidth(m_scale.width());
            scale.setDataRange(m_scale.dataStartNs(), m_scale.dataEndNs());
            scale.pan(m_pressPos.x() - pos.x());
            setScale(scale);
            if (pos.y() != m_pressPos.y()) {
                m_followRows = false;
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
    const Hit hit = hitTest(event->position().toPoint());
    if (hit.bars.size() == 1) {
        const Track &track = m_tracks[hit.track];
        const Bar &bar = track.bars[std::size_t(hit.bars.front())];
        const qint64 start = m_laneMode && bar.issued ? bar.t[1] : bar.t[0];
        const qint64 span = std::max<qint64>(bar.t[5] - start, TimeScale::MinimumSpanNs);
        setVisibleRange(start - span / 10, bar.t[5] + span / 10);
    } else if (hit.bars.empty()) {
        fit();
    }
    event->accept();
}

// ---- Events ----

bool TimelineView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipTextAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            // A small rectangle, so moving to the next bar shows that bar's tooltip.
            QToolTip::showText(help->globalPos(), text, viewport(),
                               QRect(help->pos() - QPoint(2, 2), QSize(5, 5)));
        }
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateLegendGeometry();
    if (m_followRows || m_followTime) {
        applyFollow();
    } else {
        m_scale.setWidth(std::max(1, viewport()->width()));
        updateScrollBars();
    }
    const QRect area = viewport()->geometry();
    Q_EMIT plotMarginsChanged(area.left(), width() - area.right() - 1);
}

void TimelineView::scrollContentsBy(int, int)
{
    viewport()->update();
}

void TimelineView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange) {
        m_tracksDirty = true;
        updateLegendGeometry();
        viewport()->update();
    }
}

// ---- Hit testing and tooltips ----

int TimelineView::trackAtContentY(double y) const
{
    if (m_tracks.empty() || y < 0)
        return -1;
    const auto it = std::upper_bound(m_tracks.begin(), m_tracks.end(), y,
                                     [](double value, const Track &track) { return value < track.top; });
    const int index = int(it - m_tracks.begin()) - 1;
    if (index < 0 || y >= m_tracks[index].bottom)
        return -1;
    return index;
}

int TimelineView::rowOfBar(const Track &track, int bar) const
{
    if (m_laneMode)
        return track.laneOf[std::size_t(bar)];
    return track.barRow.empty() ? bar : track.barRow[std::size_t(bar)];
}

int TimelineView::barAtRow(const Track &track, int row) const
{
    return track.rowBar.empty() ? row : track.rowBar[std::size_t(row)];
}

TimelineView::RowKind TimelineView::rowKind(const Track &track, int row)
{
    return track.rowKinds.empty() ? RowKind::Bars : track.rowKinds[std::size_t(row)];
}

int TimelineView::groupAtRow(const Track &track, int row) const
{
    const auto it = std::upper_bound(track.groups.begin(), track.groups.end(), row,
                                     [](int value, const Group &group) { return value < group.headerRow; });
    return int(it - track.groups.begin()) - 1;
}

int TimelineView::barIndexOf(const Track &track, int recordId) const
{
    // Records are stored by id, so the id is normally the record's index.
    if (recordId >= 0 && recordId < int(track.bars.size())) {
        const int bar = track.barOfRecord.empty() ? recordId : track.barOfRecord[std::size_t(recordId)];
        if (track.bars[std::size_t(bar)].id == recordId)
            return bar;
    }
    for (int i = 0; i < int(track.bars.size()); ++i) {
        if (track.bars[std::size_t(i)].id == recordId)
            return i;
    }
    return -1;
}

TimelineView::Hit TimelineView::hitTest(QPoint pos) const
{
    ensureTracks();
    Hit hit;
    const int width = viewport()->width();
    const double scrollY = verticalScrollBar()->value();
    const int t = trackAtContentY(pos.y() + scrollY);
    if (t < 0 || pos.x() < 0 || pos.x() >= width)
        return hit;
    hit.track = t;
    const Track &track = m_tracks[t];
    const double contentY = pos.y() + scrollY;
    if (contentY < track.rowsTop) {
        hit.gateRow = contentY >= track.top + HeaderHeight; // else the header line
        return hit;
    }
    const double rowPos = (contentY - track.rowsTop) / m_rowHeight;
    if (rowPos >= track.rows)
        return hit;

    const bool dense = m_rowHeight < DenseRowHeight;
    // The rows drawn into this pixel row: one, or every row whose top falls in it when rows are sub-pixel.
    int firstRow = int(std::floor(rowPos));
    int lastRow = firstRow;
    if (m_rowHeight < 1) {
        const double pixelTop = std::floor(pos.y()) + scrollY - track.rowsTop;
        firstRow = std::max(0, int(std::ceil(pixelTop / m_rowHeight)));
        lastRow = std::min(track.rows - 1, int(std::ceil((pixelTop + 1) / m_rowHeight)) - 1);
    }
    hit.row = firstRow;
    const int tolerance = dense ? 0 : 2;
    const auto covers = [&](const Bar &bar, int firstPhase) {
        const int x0 = pixel(m_scale, bar.t[std::size_t(firstPhase)], width);
        const int x1 = std::max(x0 + 1, pixel(m_scale, bar.t[5], width));
        return pos.x() >= x0 - tolerance && pos.x() < x1 + tolerance;
    };

    for (int row = firstRow; row <= lastRow; ++row) {
        if (!m_laneMode) {
            const int index = barAtRow(track, row);
            if (index >= 0 && covers(track.bars[std::size_t(index)], 0))
                hit.bars.push_back(index);
            continue;
        }
        const auto &lane = track.lanes[std::size_t(row)];
        const bool queueLane = rowKind(track, row) == RowKind::Queue;
        const int firstPhase = queueLane ? 0 : 1;
        if (queueLane || dense) {
            for (const int index : lane) {
                if (covers(track.bars[std::size_t(index)], firstPhase))
                    hit.bars.push_back(index);
            }
            continue;
        }
        // Lanes are merged exactly as painted, so a marker's tooltip counts what the marker holds.
        const qint64 from = m_scale.toTime(pos.x() - 3.0);
        const auto begin = std::lower_bound(lane.begin(), lane.end(), from, [&track](int index, qint64 ns) {
            return track.bars[std::size_t(index)].t[5] < ns;
        });
        BarMerger merger;
        for (auto it = begin; it != lane.end(); ++it) {
            const Bar &bar = track.bars[std::size_t(*it)];
            const double x0 = m_scale.toPixel(bar.t[1]);
            if (x0 > pos.x() + 3.0)
                break;
            merger.add(x0, m_scale.toPixel(bar.t[5]), int(it - lane.begin()));
        }
        merger.finish();
        const BarMerger::Item *best = nullptr;
        int bestDistance = tolerance + 1;
        for (const auto &item : merger.items()) {
            const int distance
                = pos.x() < item.x0 ? item.x0 - pos.x() : (pos.x() >= item.x1 ? pos.x() - item.x1 + 1 : 0);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = &item;
            }
        }
        if (best) {
            for (int k = best->first; k <= best->last; ++k)
                hit.bars.push_back(lane[std::size_t(k)]);
        }
    }
    return hit;
}

std::optional<std::pair<RunModel *, int>> TimelineView::requestAt(QPoint pos) const
{
    const Hit hit = hitTest(pos);
    if (hit.bars.empty() || !m_tracks[hit.track].model)
        return std::nullopt;
    const Track &track = m_tracks[hit.track];
    return std::make_pair(track.model.data(), track.bars[std::size_t(hit.bars.front())].id);
}

QRect TimelineView::barRect(RunModel *model, int recordId) const
{
    ensureTracks();
    const int width = viewport()->width();
    for (const Track &track : m_tracks) {
        if (track.model != model)
            continue;
        const int index = barIndexOf(track, recordId);
        if (index < 0)
            return {};
        const Bar &bar = track.bars[std::size_t(index)];
        const double top
            = track.rowsTop + rowOfBar(track, index) * m_rowHeight - verticalScrollBar()->value();
        const int x0 = pixel(m_scale, m_laneMode && bar.issued ? bar.t[1] : bar.t[0], width);
        const int x1 = std::max(x0 + 1, pixel(m_scale, bar.t[5], width));
        const int y0 = int(std::floor(top));
        return QRect(x0, y0, x1 - x0, std::max(1, int(std::floor(top + m_rowHeight)) - y0));
    }
    return {};
}

QString TimelineView::toolTipTextAt(QPoint pos) const
{
    const Hit hit = hitTest(pos);
    if (hit.track < 0)
        return {};
    const Track &track = m_tracks[hit.track];
    if (!track.model)
        return {};

    if (hit.bars.empty()) {
        const int width = viewport()->width();
        // A gate marker: its line anywhere in the track, or its tag in the gate row.
        for (auto it = track.capacity.rbegin(); it != track.capacity.rend(); ++it) {
            const int x = pixel(m_scale, it->first, width);
            if (std::abs(x - pos.x()) <= 3
                || (hit.gateRow && pos.x() >= x && pos.x() <= x + GateTagMaxWidth)) {
                const QString size = it->second == 1 ? tr("1 permit") : tr("%1 permits").arg(it->second);
                return tr("The gate was resized to %1 at %2.").arg(size, m_scale.formatTime(it->first));
            }
        }
        if (hit.row < 0)
            return track.title.toHtmlEscaped();
        // Grouped by host, the header row, or any empty space in a group, names the host.
        const int group = groupAtRow(track, hit.row);
        if (group >= 0)
            return groupToolTip(track, track.groups[std::size_t(group)]);
        return {};
    }
    if (hit.bars.size() == 1)
        return requestToolTip(track, track.bars[std::size_t(hit.bars.front())]);

    int failed = 0;
    int cancelled = 0;
    int firstId = INT_MAX;
    int lastId = -1;
    for (const int index : hit.bars) {
        const Bar &bar = track.bars[std::size_t(index)];
        failed += bar.kind == Kind::HttpError || bar.kind == Kind::Failed ? 1 : 0;
        cancelled += bar.kind == Kind::Cancelled ? 1 : 0;
        firstId = std::min(firstId, bar.id);
        lastId = std::max(lastId, bar.id);
    }
    QString text = tr("%n requests merged here — zoom in", nullptr, int(hit.bars.size()));
    text += QStringLiteral("<br/>") + tr("#%1 to #%2").arg(firstId).arg(lastId);
    if (failed > 0)
        text += QStringLiteral("<br/><span style=\"color:#d93025\">") + tr("%n failed", nullptr, failed)
            + QStringLiteral("</span>");
    if (cancelled > 0)
        text += QStringLiteral("<br/>") + tr("%n cancelled", nullptr, cancelled);
    return text;
}

QString TimelineView::requestToolTip(const Track &track, const Bar &bar) const
{
    const QList<RequestRecord> &records = track.model->records();
    int index = int(&bar - track.bars.data());
    if (!track.recordOfBar.empty())
        index = track.recordOfBar[std::size_t(index)];
    if (index < 0 || index >= records.size())
        return {};
    const RequestRecord &record = records[index];

    QString outcome;
    switch (record.outcome) {
    case Outcome::Pending:
        outcome = tr("Running");
        break;
    case Outcome::Ok:
        outcome = tr("OK");
        break;
    case Outcome::HttpError:
        outcome = QStringLiteral("<span style=\"color:#d93025\">%1</span>").arg(tr("HTTP error"));
        break;
    case Outcome::Failed:
        outcome = QStringLiteral("<span style=\"color:#d93025\">%1</span>").arg(tr("Failed"));
        break;
    case Outcome::Cancelled:
        outcome = tr("Cancelled");
        break;
    }
    QStringList facts {outcome};
    if (record.status != 0)
        facts << tr("HTTP %1").arg(record.status);
    if (record.outcome == Outcome::Ok || record.bytes > 0)
        facts << tr("%1 bytes").arg(QLocale().toString(record.bytes));
    if (record.redirects > 0)
        facts << (record.redirects == 1 ? tr("1 redirect") : tr("%1 redirects").arg(record.redirects));

    QString text;
    if (record.role == RequestRole::Robots)
        text += tr("robots.txt of %1").arg(HostKey::fromUrl(record.url).displayName().toHtmlEscaped())
            + QStringLiteral("<br/>");
    text += QStringLiteral("<b>#%1</b> %2<br/>%3")
                .arg(record.id)
                .arg(record.url.toDisplayString().toHtmlEscaped(), facts.join(QStringLiteral(" · ")));
    if (!record.error.isEmpty())
        text += QStringLiteral("<br/><i>%1</i>").arg(record.error.toHtmlEscaped());

    const auto cell
        = [](const QString &value) { return QStringLiteral("<td align=\"right\">%1</td>").arg(value); };
    text += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"1\"><tr><th align=\"left\">%1</th>"
                           "<th align=\"right\">&nbsp;%2</th><th align=\"right\">&nbsp;%3</th></tr>")
                .arg(tr("Phase"), tr("Start"), tr("Duration"));
    const QString notReached = QStringLiteral("—");
    const QString stillGoing = record.outcome == Outcome::Pending ? tr("running") : tr("cut off");
    for (int p = 0; p < PhaseSpans::PhaseCount; ++p) {
        const auto phase = Phase(p);
        const bool started = bar.started & (1u << p);
        const bool open = bar.open & (1u << p);
        const qint64 start = bar.t[std::size_t(p)];
        const qint64 duration = bar.t[std::size_t(p) + 1] - start;
        text += QStringLiteral("<tr><td>%1</td>").arg(PhaseSpans::name(phase).toHtmlEscaped());
        if (!started) {
            text += cell(notReached) + cell(notReached);
        } else {
            text += cell(DurationFormat::milliseconds(start));
            text += cell(
                open ? QStringLiteral("%1 (%2)").arg(DurationFormat::milliseconds(duration), stillGoing)
                     : DurationFormat::milliseconds(duration));
        }
        text += QStringLiteral("</tr>");
    }
    if (bar.issued) {
        text += QStringLiteral("<tr><td><b>%1</b></td>").arg(tr("In flight"));
        text += cell(DurationFormat::milliseconds(bar.t[1]))
            + cell(QStringLiteral("<b>%1</b>").arg(DurationFormat::milliseconds(bar.t[4] - bar.t[1])));
        text += QStringLiteral("</tr>");
    }
    text += QStringLiteral("</table>");
    return text;
}

QString TimelineView::groupToolTip(const Track &track, const Group &group) const
{
    const QString origin = track.hosts.value(group.host);
    QString text = QStringLiteral("<b>%1</b><br/>").arg(HostKey::displayNameOf(origin).toHtmlEscaped())
        + requestCount(group.requests);
    if (group.failed > 0)
        text += QStringLiteral(" · <span style=\"color:#d93025\">%1</span>")
                    .arg(tr("%n failed", nullptr, group.failed));
    if (track.model) {
        for (const CrawlHost &host : track.model->run().hosts) {
            if (host.origin == origin && !host.robotsDetail.isEmpty())
                text += QStringLiteral("<br/>") + host.robotsDetail.toHtmlEscaped();
        }
    }
    return text;
}

// ---- Painting ----

void TimelineView::paintEvent(QPaintEvent *)
{
    if (m_tracksDirty)
        applyFollow();
    QPainter painter(viewport());
    painter.fillRect(viewport()->rect(), palette().base());
    ensureTracks();
    if (totalRows() == 0) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        const QString hint = m_tracks.empty()
            ? tr("No run yet. Press Run: every request becomes a bar here, from queued to done.")
            : tr("Waiting for the first requests…");
        painter.drawText(viewport()->rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap,
                         hint + QLatin1Char('\n')
                             + tr("Ctrl+wheel zooms, Shift+wheel or dragging pans, F fits the whole run."));
        for (const Track &track : m_tracks) {
            if (track.top - verticalScrollBar()->value() < viewport()->height()) {
                painter.fillRect(QRect(0, int(track.top), viewport()->width(), HeaderHeight),
                                 palette().alternateBase());
                painter.setPen(palette().color(QPalette::Text));
                painter.drawText(QRect(8, int(track.top), viewport()->width() - 16, HeaderHeight),
                                 Qt::AlignVCenter | Qt::AlignLeft, track.title);
            }
        }
        return;
    }
    paintTracks(painter);
}

void TimelineView::paintTracks(QPainter &painter)
{
    const int width = viewport()->width();
    const int height = viewport()->height();
    const int scrollY = verticalScrollBar()->value();
    const TimeScale &scale = m_scale;
    const PixelMapper px(scale, width);
    const qint64 visibleStart = scale.toTime(-2);
    const qint64 visibleEnd = scale.toTime(width + 2);
    const double rowH = m_rowHeight;
    const bool dense = rowH < DenseRowHeight;
    const int thick = std::max(2, int(std::lround(rowH * 0.6)));
    const int thin = std::max(1, int(std::lround(rowH * 0.4)));
    const bool labels = !m_laneMode && rowH >= LabelMinRowHeight;
    const QFontMetrics metrics(font());

    painter.setRenderHint(QPainter::Antialiasing, false);

    // The axis's ticks as a faint grid under everything.
    {
        std::vector<QLine> grid;
        for (const auto &tick : scale.ticks())
            grid.emplace_back(int(tick.x), 0, int(tick.x), height);
        painter.setPen(TimelinePalette::grid());
        painter.drawLines(grid.data(), int(grid.size()));
    }

    Batches batches;
    const auto fillFor = [](Kind kind, Phase phase) {
        switch (kind) {
        case Kind::Ok:
            return phase == Phase::Connecting ? Connecting
                                              : (phase == Phase::FirstByte ? FirstByte : Download);
        case Kind::HttpError:
            return phase == Phase::Download ? ErrorFill : ErrorLight;
        case Kind::Failed:
            return phase == Phase::Download ? FailedBackground : ErrorLight;
        case Kind::Cancelled:
            return CancelledFill;
        }
        return Download;
    };

    // Coloured by host, a request that did not fail takes its host's colour; failures keep their red.
    const bool hostColours = m_colourByHost;
    const auto hostBatch = [&](const Track &track, const Bar &bar) {
        if (!hostColours || bar.kind != Kind::Ok || std::size_t(bar.host) >= track.hostSlots.size())
            return -1;
        return track.hostSlots[std::size_t(bar.host)] % TimelinePalette::HostColorCount;
    };

    // One request, split into its phases, in a row whose top is at rowTop.
    const auto drawBar = [&](const Track &track, const Bar &bar, double rowTop, int firstPhase) {
        const int host = hostBatch(track, bar);
        std::array<int, 6> x {};
        for (int i = firstPhase; i < 6; ++i)
            x[std::size_t(i)] = px(bar.t[std::size_t(i)]);
        const int cy = int(std::floor(rowTop + rowH / 2));
        const int thickTop = cy - thick / 2;
        const int thinTop = cy - thin / 2;
        if (x[5] - x[std::size_t(firstPhase)] < 1) {
            // Narrower than a pixel: still one pixel, in the colour that says how it ended.
            Fill fill = bar.issued ? fillFor(bar.kind, Phase::Download) : DenseWaiting;
            if (bar.kind == Kind::Cancelled)
                fill = CancelledFill;
            (host >= 0 && bar.issued ? batches.hostThick[std::size_t(host)] : batches.fills[fill])
                .emplace_back(x[std::size_t(firstPhase)], thickTop, 1, thick);
            return;
        }
        if (bar.robots && !dense && bar.issued) {
            // Pointing at the moment it went out, which the queued start of a crawl's request is not.
            batches.robotsMarkers.push_back(
                TimelinePalette::robotsMarker(QPoint(x[1] - 1, cy), std::clamp(thick, 4, 8)));
        }
        for (int p = firstPhase; p < PhaseSpans::PhaseCount; ++p) {
            if (!(bar.started & (1u << p)))
                continue;
            const auto phase = Phase(p);
            const int a = x[std::size_t(p)];
            int b = x[std::size_t(p) + 1];
            if (phase == Phase::Download)
                b = std::max(b, a + 2);
            if (b <= a || b < -2 || a > width + 2)
                continue;
            switch (phase) {
            case Phase::Waiting:
                (bar.kind == Kind::Cancelled && !bar.issued ? batches.cancelledOutlines
                                                            : batches.waitOutlines)
                    .emplace_back(a, thickTop, b - a, thick);
                break;
            case Phase::Connecting:
            case Phase::FirstByte:
                (host >= 0 ? batches.hostThin[std::size_t(host)] : batches.fills[fillFor(bar.kind, phase)])
                    .emplace_back(a, thinTop, b - a, thin);
                break;
            case Phase::Download:
                (host >= 0 ? batches.hostThick[std::size_t(host)] : batches.fills[fillFor(bar.kind, phase)])
                    .emplace_back(a, thickTop, b - a, thick);
                break;
            case Phase::Delay:
                batches.fills[DelayBackground].emplace_back(a, thickTop, b - a, thick);
                break;
            }
        }
        if (bar.kind == Kind::Failed || bar.kind == Kind::Cancelled)
            batches.cross(x[4], cy, std::max(2, thick / 2), bar.kind == Kind::Failed);
        if (labels) {
            QString text;
            const qint64 inFlight = bar.t[4] - bar.t[1];
            switch (bar.kind) {
            case Kind::Ok:
                if (!(bar.open & 0x1f) && bar.issued)
                    text = DurationFormat::text(inFlight);
                if (bar.robots)
                    text = text.isEmpty() ? tr("robots.txt") : tr("robots.txt · %1").arg(text);
                break;
            case Kind::HttpError:
                text = tr("HTTP %1 · %2").arg(bar.status).arg(DurationFormat::text(inFlight));
                break;
            case Kind::Failed:
                text = tr("failed · %1").arg(DurationFormat::text(inFlight));
                break;
            case Kind::Cancelled:
                text = tr("cancelled");
                break;
            }
            if (!text.isEmpty()) {
                // After the bar if there is room, else inside its hollow wait, else before it.
                const int textWidth = metrics.horizontalAdvance(text);
                const int baseline = cy + (metrics.ascent() - metrics.descent()) / 2;
                const bool error = bar.kind != Kind::Ok;
                if (x[5] + 6 + textWidth < width - 2)
                    batches.labels.push_back({QPoint(x[5] + 6, baseline), text, error, false});
                else if (firstPhase == 0 && x[1] - x[0] >= textWidth + 16 && x[1] - 6 - textWidth > 2)
                    batches.labels.push_back({QPoint(x[1] - 6 - textWidth, baseline), text, error, true});
                else if (x[std::size_t(firstPhase)] - 6 - textWidth > 2)
                    batches.labels.push_back(
                        {QPoint(x[std::size_t(firstPhase)] - 6 - textWidth, baseline), text, error, false});
            }
        }
    };

    // Dense rows: per pixel row, the union of each kind of phase, so a million rows cost a few thousand
    // boxes.
    enum DenseClass {
        Waiting,
        CancelledWaiting,
        Delay,
        Sending,
        Downloading,
        Cancelled,
        Error,
        DenseClassCount
    };
    static constexpr std::array<Fill, DenseClassCount> denseFills {
        DenseWaiting, DenseCancelledWaiting, DenseDelay, FirstByte, Download, CancelledFill, ErrorFill};
    // Coloured by host, sending and downloading come once per host colour after the fixed classes.
    const int classCount = DenseClassCount + (hostColours ? 2 * TimelinePalette::HostColorCount : 0);
    std::vector<std::vector<std::pair<int, int>>> spans(static_cast<std::size_t>(classCount));
    int bucketY = INT_MIN;
    int bucketHeight = 1;
    // Coloured by host, a pixel row mixes many hosts whose spans overlap: which host shows at each column is
    // worked out here, so each column is painted once instead of once per host.
    std::vector<qint16> owner(hostColours ? std::size_t(width) + 4 : 0, -1);
    const auto flushBucket = [&] {
        int ownedFrom = INT_MAX;
        int ownedTo = INT_MIN;
        for (int c = 0; c < classCount; ++c) {
            auto &list = spans[std::size_t(c)];
            if (list.empty())
                continue;
            BarMerger::unite(list);
            if (c < DenseClassCount) {
                auto &rects = batches.fills[denseFills[std::size_t(c)]];
                for (const auto &[a, b] : list)
                    rects.emplace_back(a, bucketY, b - a, bucketHeight);
            } else {
                // The thick downloads over the thin parts, and a higher slot over a lower one, as painted.
                const int host = (c - DenseClassCount) / 2;
                const bool thick = (c - DenseClassCount) % 2 == 1;
                const auto order = qint16((thick ? TimelinePalette::HostColorCount : 0) + host);
                for (const auto &[a, b] : list) {
                    for (int x = a + 2; x < b + 2; ++x)
                        owner[std::size_t(x)] = std::max(owner[std::size_t(x)], order);
                    ownedFrom = std::min(ownedFrom, a + 2);
                    ownedTo = std::max(ownedTo, b + 2);
                }
            }
            list.clear();
        }
        for (int x = ownedFrom; x < ownedTo;) {
            const qint16 order = owner[std::size_t(x)];
            int end = x + 1;
            while (end < ownedTo && owner[std::size_t(end)] == order)
                ++end;
            if (order >= 0) {
                const int host = order % TimelinePalette::HostColorCount;
                auto &rects = order >= TimelinePalette::HostColorCount ? batches.hostThick[std::size_t(host)]
                                                                       : batches.hostThin[std::size_t(host)];
                rects.emplace_back(x - 2, bucketY, end - x, bucketHeight);
            }
            std::fill(owner.begin() + x, owner.begin() + end, qint16(-1));
            x = end;
        }
    };
    const auto addDense = [&](const Track &track, const Bar &bar, int firstPhase) {
        const int host = hostBatch(track, bar);
        const auto push = [&](int c, int a, int b) {
            if (b <= -2 || a >= width + 2)
                return;
            a = std::max(a, -2);
            b = std::min(b, width + 2);
            // Neighbouring rows mostly overlap: grow the last span, and sort only what is left at the flush.
            auto &list = spans[std::size_t(c)];
            if (!list.empty() && a <= list.back().second && b >= list.back().first) {
                list.back().first = std::min(list.back().first, a);
                list.back().second = std::max(list.back().second, b);
            } else {
                list.emplace_back(a, b);
            }
        };
        const int x0 = px(bar.t[std::size_t(firstPhase)]);
        const int x1 = px(bar.t[1]);
        const int x3 = px(bar.t[3]);
        const int x4 = px(bar.t[4]);
        const int x5 = px(bar.t[5]);
        if (!bar.issued) {
            push(bar.kind == Kind::Cancelled ? CancelledWaiting : Waiting, x0, std::max(x0 + 1, x5));
            return;
        }
        if (firstPhase == 0 && x1 > x0)
            push(Waiting, x0, x1);
        // In flight is at least a pixel: before the response, then the download on top of it.
        const int activeEnd = std::max(x1 + 1, x4);
        if (bar.kind == Kind::Ok) {
            const int sending = host >= 0 ? DenseClassCount + 2 * host : Sending;
            const int downloadingClass = host >= 0 ? DenseClassCount + 2 * host + 1 : Downloading;
            const bool downloading = bar.started & (1u << int(Phase::Download));
            if (!downloading) {
                push(sending, x1, activeEnd);
            } else {
                if (x3 > x1)
                    push(sending, x1, x3);
                push(downloadingClass, std::min(x3, activeEnd - 1), activeEnd);
            }
        } else {
            push(bar.kind == Kind::Cancelled ? Cancelled : Error, x1, activeEnd);
        }
        if (x5 > x4)
            push(Delay, x4, x5);
    };

    const auto visibleLaneRange = [&](const Track &track, int lane) {
        const auto &bars = track.lanes[std::size_t(lane)];
        if (rowKind(track, lane) == RowKind::Queue)
            return std::make_pair(bars.begin(), bars.end());
        // A lane's bars never overlap, so their ends are as ordered as their starts.
        const auto begin
            = std::lower_bound(bars.begin(), bars.end(), visibleStart, [&track](int index, qint64 ns) {
                  return track.bars[std::size_t(index)].t[5] < ns;
              });
        const auto end = std::upper_bound(begin, bars.end(), visibleEnd, [&track](qint64 ns, int index) {
            return ns < track.bars[std::size_t(index)].t[1];
        });
        return std::make_pair(begin, end);
    };

    BarMerger merger;
    std::vector<std::pair<int, int>> queueSpans;
    struct Header
    {
        int track;
        int y;
    };
    std::vector<Header> headers;
    std::vector<QLine> gateLines;
    std::vector<std::pair<QPoint, QString>> gateTags;
    std::vector<QLine> nowLines;
    std::vector<QRect> ghosts;
    std::vector<std::pair<int, int>> groupHeaders; // track, group

    const int firstTrack = std::max(0, trackAtContentY(scrollY));
    for (int t = firstTrack; t < int(m_tracks.size()); ++t) {
        const Track &track = m_tracks[t];
        if (track.top - scrollY >= height)
            break;
        if (track.top + HeaderHeight - scrollY > 0)
            headers.push_back({t, int(std::lround(track.top)) - scrollY});

        const int firstRow = std::max(0, int(std::floor((scrollY - track.rowsTop) / rowH)));
        const int lastRow
            = std::min(track.rows - 1, int(std::floor((scrollY + height - track.rowsTop) / rowH)));

        // The selected request's row, under everything.
        if (m_selectedModel && track.model == m_selectedModel) {
            const int index = barIndexOf(track, m_selectedId);
            if (index >= 0) {
                const double top = track.rowsTop + rowOfBar(track, index) * rowH - scrollY;
                QColor band = palette().color(QPalette::Highlight);
                band.setAlpha(45);
                painter.fillRect(QRectF(0, std::floor(top), width, std::max(rowH, 3.0)), band);
            }
        }

        // Dense: pixel row by pixel row, where the rows whose tops fall in one pixel row form its bucket.
        for (int row = firstRow; dense && row <= lastRow;) {
            const double rowTop = track.rowsTop + row * rowH - scrollY;
            const int y0 = int(std::floor(rowTop));
            const int rowEnd
                = std::clamp(int(std::ceil((y0 + 1 + scrollY - track.rowsTop) / rowH)), row + 1, lastRow + 1);
            flushBucket();
            bucketY = y0;
            bucketHeight = std::max(1, int(std::floor(rowTop + rowH)) - y0);
            for (; row < rowEnd; ++row) {
                if (!m_laneMode) {
                    const int index = barAtRow(track, row);
                    if (index < 0)
                        continue;
                    const Bar &bar = track.bars[std::size_t(index)];
                    if (bar.t[5] >= visibleStart && bar.t[0] <= visibleEnd)
                        addDense(track, bar, 0);
                    continue;
                }
                const int firstPhase = rowKind(track, row) == RowKind::Queue ? 0 : 1;
                const auto [begin, end] = visibleLaneRange(track, row);
                for (auto it = begin; it != end; ++it)
                    addDense(track, track.bars[std::size_t(*it)], firstPhase);
            }
        }
        for (int row = firstRow; !dense && row <= lastRow; ++row) {
            const double rowTop = track.rowsTop + row * rowH - scrollY;
            if (!m_laneMode) {
                const int index = barAtRow(track, row);
                if (index < 0)
                    continue;
                const Bar &bar = track.bars[std::size_t(index)];
                if (bar.t[5] >= visibleStart && bar.t[0] <= visibleEnd)
                    drawBar(track, bar, rowTop, 0);
                if (m_showIdeal && std::size_t(index) < track.ideal.size() && bar.issued) {
                    const auto &[start, end] = track.ideal[std::size_t(index)];
                    const int a = px(start);
                    ghosts.emplace_back(a, int(std::floor(rowTop)) + 1, std::max(1, px(end) - a),
                                        std::max(2, int(rowH) - 3));
                }
                continue;
            }
            if (rowKind(track, row) == RowKind::GroupHeader)
                continue;
            const auto [begin, end] = visibleLaneRange(track, row);
            const int cy = int(std::floor(rowTop + rowH / 2));
            if (rowKind(track, row) == RowKind::Queue) {
                // Requests still waiting overlap each other: one hollow outline for all of them.
                queueSpans.clear();
                for (auto it = begin; it != end; ++it) {
                    const Bar &bar = track.bars[std::size_t(*it)];
                    const int a = px(bar.t[0]);
                    queueSpans.emplace_back(a, std::max(a + 1, px(bar.t[5])));
                    if (bar.kind == Kind::Cancelled)
                        batches.cross(queueSpans.back().second, cy, std::max(2, thick / 2), false);
                }
                BarMerger::unite(queueSpans);
                for (const auto &[a, b] : queueSpans)
                    batches.waitOutlines.emplace_back(a, cy - thick / 2, b - a, thick);
                continue;
            }
            merger.clear();
            const auto &lane = track.lanes[std::size_t(row)];
            for (auto it = begin; it != end; ++it) {
                const Bar &bar = track.bars[std::size_t(*it)];
                merger.add(scale.toPixel(bar.t[1]), scale.toPixel(bar.t[5]), int(it - lane.begin()));
            }
            merger.finish();
            for (const auto &item : merger.items()) {
                if (!item.isMerged()) {
                    drawBar(track, track.bars[std::size_t(lane[std::size_t(item.first)])], rowTop, 1);
                    continue;
                }
                // A merged marker takes the colour of the worst outcome inside it, so failures stay visible.
                Fill fill = Merged;
                for (int k = item.first; k <= item.last && fill != MergedError; ++k) {
                    const Kind kind = track.bars[std::size_t(lane[std::size_t(k)])].kind;
                    if (kind == Kind::HttpError || kind == Kind::Failed)
                        fill = MergedError;
                    else if (kind == Kind::Cancelled)
                        fill = MergedCancelled;
                }
                batches.fills[fill].emplace_back(item.x0, cy - thick / 2, item.x1 - item.x0, thick);
            }
        }
        flushBucket();
        bucketY = INT_MIN;
        for (int g = std::max(0, groupAtRow(track, firstRow)); g < int(track.groups.size()); ++g) {
            if (track.groups[std::size_t(g)].headerRow > lastRow)
                break;
            groupHeaders.emplace_back(t, g);
        }

        // The gate's resizes, at the moment they happened.
        const int gateRowTop = int(std::lround(track.top)) + HeaderHeight - scrollY;
        const int trackTop = std::max(0, gateRowTop);
        const int trackBottom = std::min(height, int(std::lround(track.bottom - TrackGap)) - scrollY);
        for (const auto &[atNs, capacity] : track.capacity) {
            const int x = px(atNs);
            if (x < -1 || x > width)
                continue;
            gateLines.emplace_back(x, trackTop, x, trackBottom);
            gateTags.emplace_back(QPoint(x, gateRowTop), tr("gate → %1").arg(capacity));
        }
        if (track.live) {
            const int x = px(track.endNs);
            if (x >= 0 && x <= width)
                nowLines.emplace_back(x, trackTop, x, trackBottom);
        }
    }

    // One pass per style; the host colours where the phase colours they replace would be.
    painter.setPen(Qt::NoPen);
    const auto paintHostBatches = [&painter](const auto &batchesByHost, bool light) {
        for (std::size_t host = 0; host < batchesByHost.size(); ++host) {
            const auto &rects = batchesByHost[host];
            if (rects.empty())
                continue;
            painter.setBrush(light ? TimelinePalette::hostLightColor(int(host))
                                   : TimelinePalette::hostColor(int(host)));
            painter.drawRects(rects.data(), int(rects.size()));
        }
    };
    for (int fill = 0; fill < FillCount; ++fill) {
        const auto &rects = batches.fills[std::size_t(fill)];
        if (!rects.empty()) {
            painter.setBrush(fillColor(Fill(fill)));
            painter.drawRects(rects.data(), int(rects.size()));
            if (fill == DelayBackground || fill == FailedBackground) {
                painter.setBrush(TimelinePalette::hatch(fill == DelayBackground
                                                            ? TimelinePalette::phaseColor(Phase::Delay)
                                                            : TimelinePalette::error()));
                painter.drawRects(rects.data(), int(rects.size()));
            }
        }
        if (hostColours && fill == FirstByte)
            paintHostBatches(batches.hostThin, true);
        else if (hostColours && fill == Download)
            paintHostBatches(batches.hostThick, false);
    }
    painter.setBrush(Qt::NoBrush);
    // The ideal's ghosts over the measured bars, dashed, so both stay readable.
    if (!ghosts.empty()) {
        painter.setPen(QPen(TimelinePalette::ideal(), 1, Qt::DashLine));
        painter.drawRects(ghosts.data(), int(ghosts.size()));
        painter.setPen(Qt::NoPen);
    }
    const auto outline = [&painter](const std::vector<QRect> &rects, const QPen &pen) {
        if (rects.empty())
            return;
        painter.setPen(pen);
        std::vector<QRect> inner;
        inner.reserve(rects.size());
        for (const QRect &rect : rects)
            inner.push_back(rect.adjusted(0, 0, -1, -1));
        painter.drawRects(inner.data(), int(inner.size()));
    };
    outline(batches.waitOutlines, QPen(TimelinePalette::waitingOutline(), 0));
    outline(batches.cancelledOutlines, QPen(TimelinePalette::cancelled(), 0, Qt::DashLine));

    painter.setRenderHint(QPainter::Antialiasing, true);
    if (!batches.errorCrosses.empty()) {
        painter.setPen(QPen(TimelinePalette::error(), 1.6));
        painter.drawLines(batches.errorCrosses.data(), int(batches.errorCrosses.size()));
    }
    if (!batches.cancelCrosses.empty()) {
        painter.setPen(QPen(TimelinePalette::cancelledMark(), 1.6));
        painter.drawLines(batches.cancelCrosses.data(), int(batches.cancelCrosses.size()));
    }
    if (!batches.robotsMarkers.empty()) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(TimelinePalette::robotsMark());
        for (const QPolygon &marker : batches.robotsMarkers)
            painter.drawPolygon(marker);
        painter.setBrush(Qt::NoBrush);
    }
    painter.setRenderHint(QPainter::Antialiasing, false);

    if (!batches.labels.empty()) {
        const QColor text = palette().color(QPalette::Text);
        for (const auto &label : batches.labels) {
            if (label.boxed) {
                const QRect box(label.pos.x() - 3, label.pos.y() - metrics.ascent(),
                                metrics.horizontalAdvance(label.text) + 6, metrics.height());
                painter.fillRect(box, palette().base());
            }
            painter.setPen(label.error ? TimelinePalette::error() : text);
            painter.drawText(label.pos, label.text);
        }
    }

    // A group's header: a band naming the host where rows are tall enough for text, else a line with the
    // name on a veil at the group's top, when the group is tall enough for that.
    if (!groupHeaders.empty()) {
        QColor band = palette().color(QPalette::AlternateBase);
        band.setAlpha(160);
        QColor veil = palette().color(QPalette::Base);
        veil.setAlpha(210);
        const int textHeight = metrics.height();
        const int swatch = m_colourByHost ? std::min(10, textHeight - 4) : 0;
        for (const auto &[t, g] : groupHeaders) {
            const Track &track = m_tracks[std::size_t(t)];
            const Group &group = track.groups[std::size_t(g)];
            const double top = track.rowsTop + group.headerRow * rowH - scrollY;
            const int y0 = int(std::floor(top));
            painter.setPen(palette().color(QPalette::Mid));
            painter.drawLine(0, y0, width, y0);
            if ((group.rows + 1) * rowH < textHeight)
                continue;
            QString text = HostKey::displayNameOf(track.hosts.value(group.host)) + QStringLiteral("  ·  ")
                + requestCount(group.requests);
            if (group.failed > 0)
                text += QStringLiteral("  ·  ") + tr("%n failed", nullptr, group.failed);
            const int textWidth = metrics.horizontalAdvance(text);
            const int left = 6 + (swatch > 0 ? swatch + 5 : 0);
            QRect box(0, y0 + 1, left + textWidth + 6, textHeight);
            if (rowH >= textHeight) {
                box = QRect(0, y0 + 1, width, std::max(textHeight, int(std::floor(top + rowH)) - y0 - 1));
                painter.fillRect(box, band);
            } else {
                painter.fillRect(box, veil);
            }
            if (swatch > 0 && std::size_t(group.host) < track.hostSlots.size()) {
                const int slot = track.hostSlots[std::size_t(group.host)];
                painter.fillRect(QRect(6, box.center().y() - swatch / 2, swatch, swatch),
                                 TimelinePalette::hostColor(slot));
            }
            painter.setPen(palette().color(QPalette::Text));
            painter.drawText(QRect(left, box.top(), box.width() - left, box.height()),
                             Qt::AlignVCenter | Qt::AlignLeft, text);
        }
    }

    // The selected request's outline, above its bar.
    if (m_selectedModel) {
        const QRect bar = barRect(m_selectedModel, m_selectedId);
        if (bar.isValid() && bar.bottom() >= 0 && bar.top() < height) {
            const int cy = bar.top() + bar.height() / 2;
            const int half = std::max(2, thick / 2 + 2);
            painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
            painter.drawRect(QRect(bar.left() - 2, cy - half, bar.width() + 3, 2 * half));
        }
    }

    if (!nowLines.empty()) {
        painter.setPen(QPen(palette().color(QPalette::Text), 1, Qt::DotLine));
        painter.drawLines(nowLines.data(), int(nowLines.size()));
    }
    if (!gateLines.empty()) {
        painter.setPen(QPen(TimelinePalette::gate(), 2));
        painter.drawLines(gateLines.data(), int(gateLines.size()));
    }

    int tagRight = INT_MIN;
    int tagRow = INT_MIN;
    const QFontMetrics tagMetrics(font());
    for (const auto &[pos, text] : gateTags) {
        if (pos.y() != tagRow) {
            tagRow = pos.y();
            tagRight = INT_MIN;
        }
        const int tagWidth = tagMetrics.horizontalAdvance(text) + 8;
        const int left = pos.x() + 2 + tagWidth <= width ? pos.x() + 2 : pos.x() - 2 - tagWidth;
        if (left <= tagRight)
            continue; // crowded: the line is still there, and its tooltip tells the size
        const QRect tag(left, pos.y() + 2, tagWidth, GateRowHeight - 3);
        painter.fillRect(tag, TimelinePalette::gate());
        painter.setPen(Qt::white);
        painter.drawText(tag, Qt::AlignCenter, text);
        tagRight = tag.right() + 4;
    }

    // Header lines last, so bars scrolled under them stay behind; the first visible track's header sticks to
    // the top while its rows scroll.
    const auto drawHeader = [&](const Track &track, int y) {
        const QRect rect(0, y, width, HeaderHeight);
        painter.fillRect(rect, palette().alternateBase());
        painter.setPen(palette().color(QPalette::Mid));
        painter.drawLine(rect.bottomLeft(), rect.bottomRight());
        QFont bold = font();
        bold.setBold(true);
        painter.setFont(bold);
        painter.setPen(palette().color(QPalette::Text));
        const QRect textRect = rect.adjusted(8, 0, -8, 0);
        painter.drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                         QFontMetrics(bold).elidedText(track.title, Qt::ElideRight, textRect.width()));
        painter.setFont(font());
    };
    for (const Header &header : headers)
        drawHeader(m_tracks[header.track], header.y);
    if (firstTrack < int(m_tracks.size())) {
        const Track &track = m_tracks[firstTrack];
        if (track.top < scrollY && track.bottom - scrollY > HeaderHeight)
            drawHeader(track, 0);
    }
}
