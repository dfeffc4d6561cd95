#pragma once

#include <QAbstractScrollArea>
#include <QList>
#include <QPointer>
#include <QTimer>

#include <array>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "hostcolours.h"
#include "models/hostindex.h"
#include "models/runmodel.h"
#include "timescale.h"

class TimelineLegend;

/// The waterfall: every request of one or more runs as a bar from queued to released, split into its phases,
/// on one shared time axis. Runs are stacked as tracks under a header line each. Painting touches only the
/// visible rows and time window, and bars narrower than a pixel are merged into markers, never dropped, so a
/// million requests stay interactive.
class TimelineView : public QAbstractScrollArea
{
    Q_OBJECT

public:
    static constexpr int RowHeight = 20; // DevTools' row height, the most a fitted row gets
    static constexpr int HeaderHeight = 24;

    explicit TimelineView(QWidget *parent = nullptr);
    ~TimelineView() override;

    void setModels(const QList<RunModel *> &models);
    QList<RunModel *> models() const;

    bool laneMode() const { return m_laneMode; }
    const TimeScale &timeScale() const { return m_scale; }
    qint64 visibleStartNs() const { return m_scale.startNs(); }
    qint64 visibleEndNs() const { return m_scale.endNs(); }
    /// Pixels per row (or lane); below 1 several rows share a pixel row and are drawn merged.
    double rowHeight() const { return m_rowHeight; }
    void setRowHeight(double pixels);
    TimelineLegend *legend() const { return m_legend; }
    std::optional<std::pair<RunModel *, int>> selection() const;

    bool colourByHost() const { return m_colourByHost; }
    bool groupByHost() const { return m_groupByHost; }
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

    QSize sizeHint() const override;

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
    enum class Kind : quint8 { Ok, HttpError, Failed, Cancelled };

    // What painting needs of one request, copied out of the model once per change so a paint walks a compact
    // array instead of the records: the PhaseSpans boundaries and how the request ended.
    struct Bar
    {
        std::array<qint64, 6> t {};
        int id = -1;
        int host = 0; // into Track::hosts, when coloured or grouped by host
        qint16 status = 0;
        Kind kind = Kind::Ok;
        quint8 started = 0;
        quint8 open = 0;
        bool issued = false;
        bool robots = false;
    };

    enum class RowKind : quint8 { Bars, Queue, GroupHeader };

    // Grouped by host: one host's rows, under a header row of its own.
    struct Group
    {
        int host = 0;
        int headerRow = 0;
        int rows = 0; // without the header
        int requests = 0;
        int failed = 0;
    };

    struct Track
    {
        QPointer<RunModel> model;
        std::vector<Bar> bars;
        std::vector<std::vector<int>> lanes; // lane mode: bar indices per lane, by start
        std::vector<int> laneOf; // lane mode: bar index -> lane
        // Grouped by host, bars are stored host by host, so painting walks them in memory order; these map
        // between bar and record indices then (empty: the same).
        std::vector<int> recordOfBar;
        std::vector<int> barOfRecord;
        std::vector<int> rowBar; // grouped rows: row -> bar index, -1 for a header; empty: row == bar
        std::vector<int> barRow; // grouped rows: bar index -> row
        std::vector<RowKind> rowKinds; // empty: every row holds bars
        std::vector<Group> groups; // grouped by host, in row order
        QStringList hosts; // origins, in the run's host order
        std::vector<int> hostSlots; // host -> slot in the shared HostColours
        bool hasRobots = false;
        std::vector<std::pair<qint64, int>> capacity; // changes after the initial size
        std::vector<std::pair<qint64, qint64>>
            ideal; // per bar: where the ideal schedule puts it (finished runs)
        QString title;
        qint64 endNs = 0;
        bool live = false;
        double top = 0; // content y of the header line
        double rowsTop = 0;
        int rows = 0;
        double bottom = 0;
    };

    struct Hit
    {
        int track = -1;
        int row = -1; // -1: the header line or the gate row
        bool gateRow = false;
        std::vector<int> bars; // bars under the point; several when they are merged there
    };

    void scheduleUpdate();
    void onUpdateTimer();
    void ensureTracks() const;
    void rebuildTrack(Track &track) const;
    void layoutTracks() const;
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

    int trackAtContentY(double y) const;
    Hit hitTest(QPoint pos) const;
    int rowOfBar(const Track &track, int bar) const;
    int barAtRow(const Track &track, int row) const; // -1 for a group's header row
    static RowKind rowKind(const Track &track, int row);
    int groupAtRow(const Track &track, int row) const;
    void buildRows(Track &track) const;
    void registerHosts() const;
    void updateLegendHosts();
    int barIndexOf(const Track &track, int recordId) const;
    QString requestToolTip(const Track &track, const Bar &bar) const;
    QString groupToolTip(const Track &track, const Group &group) const;
    QString trackTitle(const RunModel *model, int requests, int failed, int cancelled, qint64 endNs) const;

    void paintTracks(QPainter &painter);
    qint64 dataEndNs() const;
    double contentHeight() const;
    int totalRows() const;

    QList<QPointer<RunModel>> m_models;
    mutable std::vector<Track> m_tracks;
    mutable bool m_tracksDirty = true;
    TimeScale m_scale;
    double m_rowHeight = RowHeight;
    bool m_showIdeal = false;
    bool m_laneMode = false;
    bool m_colourByHost = false;
    bool m_groupByHost = false;
    bool m_followTime = true;
    bool m_followRows = true;
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

    // Origins are worked out once per record, not on every rebuild of a growing run.
    mutable std::map<const RunModel *, HostIndex> m_hostIndexes;
    HostColours m_ownHostColours;
    HostColours *m_hostColours = &m_ownHostColours;

    QTimer m_updateTimer;
    TimelineLegend *m_legend;
    int m_legendHeight = 0;
};
