#pragma once

#include <QAbstractScrollArea>
#include <QList>
#include <QPointer>
#include <QTimer>

#include <optional>
#include <utility>

#include "hostcolours.h"
#include "models/runmodel.h"
#include "timelinedenserows.h"
#include "timelineframecache.h"
#include "timelinelayout.h"
#include "timelineviewport.h"

class TimelineLegend;

/// The waterfall: every request of one or more runs as a bar from queued to released, split into its phases,
/// on one shared time axis. Runs are stacked as tracks under a header line each. Painting touches only the
/// visible rows and time window, and bars narrower than a pixel are merged into markers, never dropped, so a
/// million requests stay interactive.
class TimelineView : public QAbstractScrollArea
{
    Q_OBJECT

public:
    static constexpr int RowHeight = TimelineViewport::MaxRowHeight;
    static constexpr int HeaderHeight = TimelineLayout::HeaderHeight;

    explicit TimelineView(QWidget *parent = nullptr);
    ~TimelineView() override;

    void setModels(const QList<RunModel *> &models);
    QList<RunModel *> models() const;

    bool laneMode() const { return m_layout.options().lanes; }
    const TimeScale &timeScale() const { return m_viewport.scale(); }
    qint64 visibleStartNs() const { return timeScale().startNs(); }
    qint64 visibleEndNs() const { return timeScale().endNs(); }
    /// Pixels per row (or lane); below 1 several rows share a pixel row and are drawn merged.
    double rowHeight() const { return m_viewport.rowHeight(); }
    void setRowHeight(double pixels);
    /// Off for a slide: fitting then squeezes every row in, however thin, instead of scrolling.
    void setScrollToLegibleRows(bool on);
    TimelineLegend *legend() const { return m_legend; }
    std::optional<std::pair<RunModel *, int>> selection() const;

    bool colourByHost() const { return m_layout.options().colourByHost; }
    qint64 cutNs() const { return m_layout.cutNs(); }
    bool groupByHost() const { return m_layout.options().groupByHost; }
    /// The colours hosts get when coloured by host; a TimelinePanel shares its own with its in-flight strip.
    HostColours *hostColours() const { return m_hostColours; }
    void setHostColours(HostColours *colours);
    /// Rows (or lanes) of all tracks, with the group headers when grouped by host.
    int rowCount() const;
    /// Grouped by host: the host groups of all tracks, each a header row; else 0.
    int groupCount() const;
    /// The row a request is drawn in, counted from its track's first row, or -1.
    int rowOf(RunModel *model, int recordId) const;

    // Positions are in viewport() coordinates.
    std::optional<std::pair<RunModel *, int>> requestAt(QPoint pos) const;
    QString toolTipTextAt(QPoint pos) const;
    /// Where a request's bar is drawn now, from its start (queued, or issued in lane mode) to its release.
    QRect barRect(RunModel *model, int recordId) const;

    /// What is drawn where, caught up with the models; for tests and the picture export.
    const TimelineLayout &layout() const;
    const TimelineViewport &viewportState() const { return m_viewport; }
    /// The last painted frame, reused while nothing changed and patched as a replay moves forward. Off, every
    /// paint draws everything (the benchmark's cold paint).
    const TimelineFrameCache &frameCache() const { return m_frameCache; }
    /// The part of the viewport the next paint changes, after following the data: what a tick of the live
    /// clock or a batch of records updates (TimelineFrameCache::pendingRegion).
    QRegion pendingUpdate();
    void setFrameCacheEnabled(bool on);
    /// How often the dense rows' placing was worked out afresh.
    int denseRowsBuildCount() const { return m_denseRows.buildCount(); }
    int denseRowsPatchedCount() const { return m_denseRows.patchedRowCount(); }

    QSize sizeHint() const override;
    /// Three lines: the view scrolls, and its legend gives way to the rows where it would crowd them.
    QSize minimumSizeHint() const override;

public Q_SLOTS:
    void setLaneMode(bool lanes);
    /// Ghost marks where the zero-overhead schedule would put each request, to hold theory against
    /// measurement.
    void setShowIdeal(bool show);
    bool showIdeal() const { return m_showIdeal; }
    /// Shows every run whole, from 0 to the latest end, and keeps doing so while a live run grows, until the
    /// user zooms or pans.
    void fit();
    void setVisibleRange(qint64 startNs, qint64 endNs);
    void setSelection(RunModel *model, int recordId);
    void zoomIn();
    void zoomOut();
    /// A replay's time: finished runs are drawn as they were at ns, as a live run is drawn at "now", with
    /// what came later hidden. -1 shows them whole.
    void setCutNs(qint64 ns);
    /// Each host's requests in its own colour (failures keep their red, waiting and delays their look).
    void setColourByHost(bool on);
    /// Rows ordered by host, in host order, under a thin labelled header per host; lanes are packed per host.
    void setGroupByHost(bool on);

Q_SIGNALS:
    void visibleRangeChanged(qint64 startNs, qint64 endNs);
    void requestActivated(RunModel *model, int recordId);
    /// The time axis runs over viewport(): an axis or strip laid out beside this view lines up with it by
    /// keeping these margins (the vertical scroll bar's width on the right).
    void plotMarginsChanged(int left, int right);

protected:
    bool viewportEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void scheduleUpdate();
    void onUpdateTimer();
    void ensureLayout() const;
    void applyFollow();
    void updateScrollBars();
    void updateLegendGeometry();
    void emitRangeIfChanged();
    void setScale(const TimeScale &scale);
    void userZoom(double factor, double anchorX);
    void userPan(double dx);
    void userScrollBy(double dy);
    void zoomRows(double factor, double anchorY);
    void scrollToBar(int track, int bar);
    void handleHorizontalScroll(int value);
    void updateLegendHosts();
    void setLayoutOptions(const TimelineLayout::Options &options);
    /// The viewport as painted now: the scale and row height with the scroll bar's offset.
    TimelineViewport currentViewport() const;
    TimelineFrameCache::Key frameKey(qreal devicePixelRatio) const;

    TimelineLayout m_layout;
    TimelineViewport m_viewport;
    bool m_showIdeal = false;
    bool m_followPending = true; // the data changed since the follow state was last applied
    bool m_syncingScrollBars = false;
    qint64 m_hScrollUnitNs = 1;
    std::pair<qint64, qint64> m_emittedRange {-1, -1};

    QPointer<RunModel> m_selectedModel;
    int m_selectedId = -1;

    QPoint m_pressPos;
    TimeScale m_pressScale;
    double m_pressScrollY = 0;
    bool m_pressed = false;
    bool m_dragging = false;

    HostColours m_ownHostColours;
    HostColours *m_hostColours = &m_ownHostColours;

    TimelineFrameCache m_frameCache;
    TimelineDenseRows m_denseRows;
    bool m_frameCacheEnabled = true;

    QTimer m_updateTimer;
    TimelineLegend *m_legend;
    int m_legendHeight = 0;
};
