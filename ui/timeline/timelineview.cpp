#include "timelineview.h"

#include <QHelpEvent>
#include <QPaintEngine>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>

#include <algorithm>
#include <cmath>

#include "core/hostkey.h"
#include "timelinelegend.h"
#include "timelinepainter.h"
#include "timelinetooltips.h"

namespace {

constexpr int FrameIntervalMs = 16; // at most ~60 repaints a second while a run streams in

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
    m_layout.setHostColours(m_hostColours);

    m_updateTimer.setSingleShot(true);
    m_updateTimer.setInterval(FrameIntervalMs);
    connect(&m_updateTimer, &QTimer::timeout, this, &TimelineView::onUpdateTimer);

    connect(horizontalScrollBar(), &QScrollBar::valueChanged, this, &TimelineView::handleHorizontalScroll);
    connect(verticalScrollBar(), &QScrollBar::actionTriggered, this,
            [this] { m_viewport.setFollowRows(false); });
    updateLegendGeometry();
}

TimelineView::~TimelineView() = default;

QSize TimelineView::sizeHint() const
{
    return {900, 420};
}

QSize TimelineView::minimumSizeHint() const
{
    // A scroll area asks for its scroll bars' length; see RequestTableView::minimumSizeHint().
    return {QAbstractScrollArea::minimumSizeHint().width(),
            3 * fontMetrics().lineSpacing() + 2 * frameWidth()};
}

void TimelineView::setModels(const QList<RunModel *> &models)
{
    for (RunModel *model : m_layout.models())
        model->disconnect(this);
    for (RunModel *model : models) {
        if (!model)
            continue;
        // Each announcement patches only what it names; the repaint (and the follow) waits for the next
        // frame.
        m_layout.connectModel(model, this, [this] { scheduleUpdate(); });
        connect(model, &RunModel::runReset, this, [this] {
            m_viewport.followAll();
            // A new run gives out the host colours afresh, in its own order of first use.
            if (m_hostColours == &m_ownHostColours && (colourByHost() || groupByHost())) {
                m_hostColours->clear();
                m_layout.invalidate();
            }
        });
        connect(model, &QObject::destroyed, this, [this] {
            m_layout.setModels(m_layout.models());
            scheduleUpdate();
        });
    }
    if (m_hostColours == &m_ownHostColours)
        m_hostColours->clear();
    m_layout.setModels(models);
    if (!m_selectedModel || !models.contains(m_selectedModel.data())) {
        m_selectedModel = nullptr;
        m_selectedId = -1;
    }
    m_viewport.followAll();
    applyFollow();
    updateLegendHosts();
    viewport()->update();
}

QList<RunModel *> TimelineView::models() const
{
    return m_layout.models();
}

const TimelineLayout &TimelineView::layout() const
{
    ensureLayout();
    return m_layout;
}

void TimelineView::ensureLayout() const
{
    m_layout.update(m_viewport.rowHeight());
}

TimelineViewport TimelineView::currentViewport() const
{
    TimelineViewport state = m_viewport;
    state.setScrollY(verticalScrollBar()->value());
    return state;
}

void TimelineView::setLayoutOptions(const TimelineLayout::Options &options)
{
    m_layout.setOptions(options);
    applyFollow();
    if (m_selectedModel)
        setSelection(m_selectedModel, m_selectedId);
    updateLegendHosts();
    viewport()->update();
}

void TimelineView::setLaneMode(bool lanes)
{
    TimelineLayout::Options options = m_layout.options();
    options.lanes = lanes;
    if (options != m_layout.options())
        setLayoutOptions(options);
}

void TimelineView::setColourByHost(bool on)
{
    TimelineLayout::Options options = m_layout.options();
    options.colourByHost = on;
    if (options == m_layout.options())
        return;
    m_layout.setOptions(options);
    ensureLayout();
    updateLegendHosts();
    viewport()->update();
}

void TimelineView::setGroupByHost(bool on)
{
    TimelineLayout::Options options = m_layout.options();
    options.groupByHost = on;
    if (options != m_layout.options())
        setLayoutOptions(options);
}

void TimelineView::setHostColours(HostColours *colours)
{
    m_hostColours = colours ? colours : &m_ownHostColours;
    m_layout.setHostColours(m_hostColours);
    scheduleUpdate();
}

int TimelineView::rowCount() const
{
    return layout().rowCount();
}

int TimelineView::groupCount() const
{
    return layout().groupCount();
}

int TimelineView::rowOf(RunModel *model, int recordId) const
{
    return layout().rowOf(model, recordId);
}

void TimelineView::updateLegendHosts()
{
    // The hosts in colour order, as many as the legend lists; the rest it counts. Names come from the tracks,
    // which hold the slots they were drawn with.
    QList<TimelineLegend::Host> hosts;
    int more = 0;
    bool robots = false;
    std::map<int, QString> shown;
    for (const TimelineLayout::Track &track : m_layout.tracks()) {
        robots = robots || track.hasRobots;
        for (std::size_t host = 0; colourByHost() && host < track.hostSlots.size(); ++host)
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

void TimelineView::setCutNs(qint64 ns)
{
    if (ns == m_layout.cutNs() || (ns < 0 && m_layout.cutNs() < 0))
        return;
    m_layout.setCutNs(ns);
    viewport()->update();
}

void TimelineView::setRowHeight(double pixels)
{
    if (!m_viewport.setRowHeight(pixels))
        return;
    ensureLayout();
    updateScrollBars();
    viewport()->update();
}

void TimelineView::setScrollToLegibleRows(bool on)
{
    m_viewport.setLegibleRows(on);
    if (m_viewport.followsRows())
        applyFollow();
}

std::optional<std::pair<RunModel *, int>> TimelineView::selection() const
{
    if (!m_selectedModel || m_selectedId < 0)
        return std::nullopt;
    return std::make_pair(m_selectedModel.data(), m_selectedId);
}

void TimelineView::fit()
{
    m_viewport.followAll();
    applyFollow();
    viewport()->update();
}

void TimelineView::setVisibleRange(qint64 startNs, qint64 endNs)
{
    ensureLayout();
    m_viewport.setFollowTime(false);
    TimeScale scale = m_viewport.scale();
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
    ensureLayout();
    const int t = m_layout.trackOf(model);
    if (t >= 0) {
        const int bar = m_layout.tracks()[std::size_t(t)].barIndexOf(recordId);
        if (bar >= 0)
            scrollToBar(t, bar);
    }
    viewport()->update();
}

// ---- Following the data ----

void TimelineView::scheduleUpdate()
{
    m_followPending = true;
    if (!m_updateTimer.isActive())
        m_updateTimer.start();
}

void TimelineView::onUpdateTimer()
{
    applyFollow();
    updateLegendHosts();
    // Only what the next paint changes: a tick of a live run then copies a few columns to the screen, not
    // the whole frame.
    viewport()->update(pendingUpdate());
}

QRegion TimelineView::pendingUpdate()
{
    if (m_followPending)
        applyFollow();
    ensureLayout();
    if (!m_frameCacheEnabled || m_layout.rowCount() == 0)
        return viewport()->rect();
    return m_frameCache.pendingRegion(frameKey(viewport()->devicePixelRatioF()), m_layout.cutNs());
}

void TimelineView::applyFollow()
{
    ensureLayout();
    m_followPending = false;
    const TimeScale before = m_viewport.scale();
    m_viewport.setSize(viewport()->width(), viewport()->height());
    if (m_viewport.follow(m_layout.dataEndNs(), m_layout.isLive(), m_layout.extentRowCount(),
                          m_layout.chromeHeight()))
        ensureLayout();
    const TimeScale &after = m_viewport.scale();
    if (after.startNs() == before.startNs() && after.endNs() == before.endNs()
        && after.width() == before.width())
        updateScrollBars(); // the same columns: what changed in them is the frame cache's to find
    else
        setScale(after);
    if (m_viewport.followsRows()) {
        const QSignalBlocker blocker(verticalScrollBar());
        verticalScrollBar()->setValue(0);
    }
}

void TimelineView::updateScrollBars()
{
    m_syncingScrollBars = true;
    const int height = viewport()->height();
    QScrollBar *vertical = verticalScrollBar();
    vertical->setRange(0, std::max(0, int(std::ceil(m_layout.contentHeight())) - height));
    vertical->setPageStep(std::max(1, height));
    vertical->setSingleStep(RowHeight);

    // The horizontal bar pans over the whole run; its units are coarse enough to fit an int at any zoom.
    const TimeScale &scale = m_viewport.scale();
    QScrollBar *horizontal = horizontalScrollBar();
    const qint64 low = std::min<qint64>(0, scale.dataStartNs());
    const qint64 high = std::max(scale.dataEndNs(), scale.endNs());
    const qint64 span = scale.spanNs();
    const qint64 slack = high - low - span;
    if (slack <= 0) {
        horizontal->setRange(0, 0);
    } else {
        m_hScrollUnitNs = std::max<qint64>({1, span / 100, slack / 1'000'000 + 1});
        horizontal->setRange(0, int((slack + m_hScrollUnitNs - 1) / m_hScrollUnitNs));
        horizontal->setPageStep(std::max(1, int(span / m_hScrollUnitNs)));
        horizontal->setSingleStep(std::max(1, int(span / m_hScrollUnitNs / 10)));
        horizontal->setValue(int((scale.startNs() - low) / m_hScrollUnitNs));
    }
    m_syncingScrollBars = false;
}

void TimelineView::handleHorizontalScroll(int value)
{
    if (m_syncingScrollBars)
        return;
    TimeScale scale = m_viewport.scale();
    const qint64 low = std::min<qint64>(0, scale.dataStartNs());
    const qint64 start = low + qint64(value) * m_hScrollUnitNs;
    m_viewport.setFollowTime(false);
    scale.setRange(start, start + scale.spanNs());
    setScale(scale);
}

void TimelineView::setScale(const TimeScale &scale)
{
    m_viewport.setScale(scale);
    updateScrollBars();
    viewport()->update();
    emitRangeIfChanged();
}

void TimelineView::emitRangeIfChanged()
{
    const std::pair<qint64, qint64> range {visibleStartNs(), visibleEndNs()};
    if (range == m_emittedRange)
        return;
    m_emittedRange = range;
    Q_EMIT visibleRangeChanged(range.first, range.second);
}

void TimelineView::updateLegendGeometry()
{
    // The legend takes at most a quarter of the view; what does not fit folds into its "more" entry, so a
    // narrow pane or 200 % scaling keeps the rows.
    m_legend->setMaxHeight(std::max(1, this->height() / 4));
    int height = m_legend->heightForWidth(std::max(1, width() - verticalScrollBar()->sizeHint().width()));
    // Where it would leave the rows less than one and a half times its height, the rows come first (Korean
    // at 200 % on a 1280×720 projector); the legend comes back when the view grows. The space is the rows'
    // and the legend's, above the horizontal scroll bar, whether the legend shows or not.
    const int space = viewport()->height() + m_legendHeight;
    const bool shown = space - height >= 3 * height / 2;
    m_legend->setVisible(shown);
    if (!shown)
        height = 0;
    if (height != m_legendHeight) {
        m_legendHeight = height;
        setViewportMargins(0, 0, 0, height);
    }
    const QRect area = viewport()->geometry();
    m_legend->setGeometry(area.left(), area.bottom() + 1, area.width(), height);
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
    m_viewport.setSize(viewport()->width(), viewport()->height());
    if (m_viewport.followsRows() || m_viewport.followsTime())
        applyFollow();
    else
        updateScrollBars();
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
        m_layout.tick(); // the headers' text
        updateLegendGeometry();
        viewport()->update();
    }
}

// ---- Hit testing and tooltips ----

std::optional<std::pair<RunModel *, int>> TimelineView::requestAt(QPoint pos) const
{
    const TimelineLayout::Hit hit = layout().hitTest(pos, currentViewport());
    if (hit.bars.empty())
        return std::nullopt;
    const TimelineLayout::Track &track = m_layout.tracks()[std::size_t(hit.track)];
    if (!track.model)
        return std::nullopt;
    return std::make_pair(track.model.data(), track.bars[std::size_t(hit.bars.front())].id);
}

QRect TimelineView::barRect(RunModel *model, int recordId) const
{
    return layout().barRect(model, recordId, currentViewport());
}

QString TimelineView::toolTipTextAt(QPoint pos) const
{
    return TimelineToolTips::textAt(layout(), currentViewport(), pos);
}

// ---- Painting ----

TimelineFrameCache::Key TimelineView::frameKey(qreal devicePixelRatio) const
{
    TimelineFrameCache::Key key;
    key.layout = &m_layout;
    key.generation = m_layout.generation();
    key.structure = m_layout.structure();
    key.damageCount = m_layout.damageCount();
    key.viewport = currentViewport();
    key.paletteKey = palette().cacheKey();
    key.colorGroup = int(palette().currentColorGroup());
    key.font = font();
    key.showIdeal = m_showIdeal;
    key.selectedModel = m_selectedModel;
    key.selectedId = m_selectedId;
    key.devicePixelRatio = devicePixelRatio;
    return key;
}

void TimelineView::paintEvent(QPaintEvent *event)
{
    if (m_followPending)
        applyFollow();
    ensureLayout();
    QPainter painter(viewport());
    TimelinePainter::Style style;
    style.palette = palette();
    style.font = font();
    style.showIdeal = m_showIdeal;
    style.selectedModel = m_selectedModel;
    style.selectedId = m_selectedId;
    style.denseRows = &m_denseRows;
    const TimelineViewport state = currentViewport();
    const auto paintFrame = [this, &style, &state](QPainter &target, int fromX) {
        target.fillRect(viewport()->rect(), palette().base());
        style.fromX = fromX;
        TimelinePainter::paint(target, m_layout, state, style);
    };
    // A vector device (a slide's SVG or PDF) gets the shapes themselves, not a picture of them, and so does
    // a scaled one (a PNG at 2×): only a copy pixel for pixel is the same picture.
    const qreal ratio = painter.device()->devicePixelRatioF();
    const QTransform transform = painter.deviceTransform();
    const bool pixelForPixel = transform.type() <= QTransform::TxScale && transform.m11() == ratio
        && transform.m22() == ratio && transform.dx() == std::floor(transform.dx())
        && transform.dy() == std::floor(transform.dy());
    if (m_layout.rowCount() == 0 || !m_frameCacheEnabled
        || painter.paintEngine()->type() != QPaintEngine::Raster || !pixelForPixel) {
        m_frameCache.clear();
        if (m_layout.rowCount() == 0) {
            painter.fillRect(viewport()->rect(), palette().base());
            TimelinePainter::paintEmpty(painter, m_layout, state, style);
        } else {
            paintFrame(painter, 0);
        }
        return;
    }
    m_frameCache.paint(painter, frameKey(ratio), m_layout.cutNs(), paintFrame, event->region());
    // Changed after the update was asked for (records came in between): shown at the next paint.
    if (!m_frameCache.unshown().isEmpty())
        viewport()->update(m_frameCache.unshown());
}

void TimelineView::setFrameCacheEnabled(bool on)
{
    m_frameCacheEnabled = on;
    m_frameCache.clear();
    viewport()->update();
}
