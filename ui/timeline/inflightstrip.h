#pragma once

#include <QList>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <memory>
#include <vector>

#include "core/concurrencyseries.h"
#include "core/liveconcurrency.h"
#include "hostcolours.h"
#include "models/hostindex.h"
#include "timescale.h"

class RunModel;

/// Under the timeline, on the same time axis: how many requests are in flight (up) and how many wait for a
/// permit (down) over time, one band per run, with the gate's size as a dashed line. Sequential stays at 1,
/// gather spikes to n, and a semaphore of k plateaus at k. Split by host, in flight is stacked by host in the
/// hosts' timeline colours under a line of the total.
class InFlightStrip : public QWidget
{
    Q_OBJECT

public:
    explicit InFlightStrip(QWidget *parent = nullptr);

    void setModels(const QList<RunModel *> &models);
    const TimeScale &timeScale() const { return m_scale; }
    /// The series drawn for the band of one model, recomputed at most ~60 times a second.
    const ConcurrencySeries *series(const RunModel *model) const;
    /// Split by host: the band's series per host, in the order of hostOrigins(); else empty.
    std::vector<ConcurrencySeries> hostSeries(const RunModel *model) const;
    QStringList hostOrigins(const RunModel *model) const;
    bool splitByHost() const { return m_splitByHost; }
    qint64 cutNs() const { return m_cutNs; }
    HostColours *hostColours() const { return m_hostColours; }
    void setHostColours(HostColours *colours);
    QRect plotRect() const;
    /// The count the top of a band stands for: one scale shared by every band.
    int scaleMax(const RunModel *model) const;
    /// Waiting shorter than this is not labelled as waiting: gather's requests queue for a blink as they go.
    static constexpr qint64 NoticeableWaitNs = 1'000'000;
    /// The longest stretch in which something waited.
    static qint64 waitedNs(const ConcurrencySeries &series);
    /// Times the series were recomputed from the records; a tick of the live clock alone does not.
    int recomputeCount() const { return m_recomputes; }
    /// Times a band's series was counted from all of its records rather than patched.
    int fullCountCount() const { return m_fullCounts; }
    /// Pos is in widget coordinates.
    QString toolTipTextAt(QPoint pos) const;
    /// Where the next paint starts, in widget x: 0 when everything must be drawn again, width() when nothing
    /// changed since the last paint. A tick of a live run moves only the columns from the last steps on.
    int firstChangedX() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public Q_SLOTS:
    void setVisibleRange(qint64 startNs, qint64 endNs);
    void setPlotMargins(int left, int right);
    void setSplitByHost(bool split);
    /// A replay's time: finished bands are drawn up to ns only. -1 draws them whole.
    void setCutNs(qint64 ns);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    /// A live band's counts, patched by the records that changed since the last recompute.
    struct LiveSeries
    {
        LiveSeries(bool delayExpected, bool split)
            : total(delayExpected)
            , split(split)
        { }
        LiveConcurrency total;
        bool split = false;
        std::vector<LiveConcurrency> hosts; // split by host
        std::vector<int> indexInHost; // record -> its index in its host's LiveConcurrency
        std::vector<int> changed; // records appended or updated since the last recompute
    };

    struct Band
    {
        const ConcurrencySeries &total() const { return incremental ? incremental->total.series() : series; }
        std::size_t hostCount() const { return incremental ? incremental->hosts.size() : perHost.size(); }
        const ConcurrencySeries &host(std::size_t index) const
        {
            return incremental ? incremental->hosts[index].series() : perHost[index];
        }

        QPointer<RunModel> model;
        ConcurrencySeries series; // of a finished run; a live one's is incremental's
        std::shared_ptr<LiveSeries> incremental; // while live
        std::vector<CapacityChange> capacity;
        HostIndex hosts;
        std::vector<ConcurrencySeries> perHost; // split by host
        std::vector<int> hostSlots; // host -> slot in the shared HostColours
        QString label;
        int upperMax = 1; // in-flight half's scale: the peak of permits held or of the gate
        int lowerMax = 1; // waiting half's scale
        // Phases still going ended at the live clock's reading when the series were computed; painting moves
        // that last drop to "now", so a tick of the clock needs no recompute.
        qint64 computedNowNs = -1;
        bool live = false;
        // Of a live band's steps, how many no recompute changed since the last paint, and how many that paint
        // drew where they are (the steps before the clock's reading then).
        std::size_t keptSincePaint = 0;
        std::size_t paintedSteady = 0;
        qint64 paintedNowNs = -1; // the live clock's reading the last paint drew
    };

    // What decides a band's pixels besides its steps; a paint keeps each band's, and a tick that changes none
    // of them repaints only the columns its new steps reach.
    struct Look
    {
        const void *series = nullptr; // the live series drawn; none for a finished band
        int upperMax = 0;
        int lowerMax = 0;
        int peakInFlight = 0;
        int peakWaiting = 0;
        bool waited = false;
        QString label;
        std::vector<CapacityChange> capacity;
        friend bool operator==(const Look &, const Look &) = default;
    };
    Look lookOf(const Band &band) const;
    /// Schedules a paint of what changed since the last one (see firstChangedX).
    void updateChanged();
    /// What a paint drew, for the next firstChangedX: the bands' looks and their steps drawn where they are.
    void rememberPaint(const std::vector<std::size_t> &steadies);

    void scheduleRecompute();
    void noteChanged(const RunModel *model, int first, int last);
    void noteChanged(const RunModel *model, const QList<int> &ids);
    void recompute();
    /// Patches a live band's series with the records that changed; the first time from every record.
    void recomputeLive(Band &band, qint64 nowNs, bool delayExpected);
    void followClock();
    /// Where a step of the band's series is drawn: its open phases' end moved to the clock's "now".
    qint64 shownAt(const Band &band, qint64 atNs) const;
    /// The time to look up in the band's series for what is drawn at ns.
    qint64 seriesTime(const Band &band, qint64 ns) const;
    QRect bandRect(int index) const;
    int bandAt(int y) const;

    QList<Band> m_bands;
    TimeScale m_scale;
    bool m_rangeSet = false;
    int m_leftMargin = 0;
    int m_rightMargin = -1; // -1: the scroll bar's width, like TimeAxis
    bool m_splitByHost = false;
    qint64 m_cutNs = -1;
    HostColours m_ownHostColours;
    HostColours *m_hostColours = &m_ownHostColours;
    QTimer m_recomputeTimer;
    // The last paint's frame: its scale, size and bands' looks; cleared when anything else may have changed.
    bool m_painted = false;
    TimeScale m_paintedScale;
    QSize m_paintedSize;
    int m_paintedLeft = 0;
    std::vector<Look> m_paintedLooks;
    int m_recomputes = 0;
    int m_fullCounts = 0;
};
