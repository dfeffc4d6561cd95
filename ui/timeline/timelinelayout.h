#pragma once

#include <QList>
#include <QPointF>
#include <QPointer>
#include <QRect>
#include <QStringList>

#include <array>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "core/phasespans.h"
#include "models/hostindex.h"
#include "models/runmodel.h"
#include "timelinebars.h"
#include "timelinelivelanes.h"
#include "timelineviewport.h"

class HostColours;

/// What the timeline shows, without a widget: one track per run with its bars (worked out from the model's
/// records when asked for: TimelineBars), its rows, lanes or host groups, the gate's resizes and the ideal
/// schedule, placed one under the other; and the hit tests that answer "which track, row and bar is at this
/// point". It follows its models by range: appended records add bars, updated records patch theirs, and a
/// tick of the live clock changes nothing here (bars still going are stretched to "now" when painted). Only a
/// new run, or switching what the rows show, rebuilds a track.
class TimelineLayout
{
public:
    static constexpr int HeaderHeight = 24;
    // Tracks whose gate was resized get a row under the header for the markers' tags.
    static constexpr int GateRowHeight = 18;
    static constexpr int TrackGap = 6;

    using Bar = TimelineBar;
    using Kind = TimelineBar::Kind;

    enum class RowKind : quint8 { Bars, Queue, GroupHeader };

    // Dense painting merges, per pixel row, the parts of bars by the kind of coverage they draw. With colours
    // by host, sending and downloading come once per host colour after these.
    enum Coverage : int {
        CoverWaiting,
        CoverCancelledWaiting,
        CoverDelay,
        CoverSending,
        CoverDownloading,
        CoverCancelled,
        CoverError,
        CoverageCount
    };
    static constexpr int DenseBlockRows = 64;
    struct CoverSpan
    {
        qint64 startNs = 0;
        qint64 endNs = 0;
        int coverage = 0;
    };
    // A run of DenseBlockRows rows with the union of its finished bars' times per kind of coverage: a pixel
    // row holding thousands of rows then merges a few spans per block instead of every bar. Bars still going
    // are stretched at paint time, so they are listed apart.
    struct DenseBlock
    {
        std::vector<CoverSpan> spans;
        std::vector<int> openBars; // issued, still going: stretched to now one by one
        // Still waiting for a permit: each waits from its queue time to now, so together they cover one span
        // from the earliest queue time, painted once for the block however many there are.
        std::vector<int> openWaiting;
        qint64 openWaitingFromNs = 0; // earliest and latest queue time of openWaiting
        qint64 openWaitingToNs = 0;
        qint64 startNs = 0;
        qint64 endNs = -1; // of the spans; before startNs when there are none
        quint64 stamp = 0; // TimelineDenseBlocks::lastStamp() when built: what kept placings patch by
    };

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
        TimelineBars bars; // one per record, in record order
        std::vector<std::vector<int>> lanes; // lane mode: bar indices per lane, by start
        std::vector<int> laneOf; // lane mode: bar index -> lane
        std::vector<int> rowBar; // grouped rows: row -> bar index, -1 for a header; empty: row == bar
        std::vector<int> barRow; // grouped rows: bar index -> row
        std::vector<RowKind> rowKinds; // empty: every row holds bars
        std::vector<Group> groups; // grouped by host, in row order
        std::vector<int> groupOfHost; // grouped by host: host -> index into groups, or -1
        QStringList hosts; // origins, in the run's host order
        std::vector<int> hostSlots; // host -> slot in the shared HostColours
        std::vector<DenseBlock> blocks; // rows without lanes, in runs of DenseBlockRows
        TimelineLiveLanes liveLanes; // lane mode while live: lanes placed as requests are issued
        bool queueDirty = false; // requests left the queue lane
        std::vector<int> dirtyBlocks;
        bool hasRobots = false;
        int failed = 0;
        int cancelled = 0;
        std::vector<std::pair<qint64, int>> capacity; // changes after the initial size
        std::vector<qint64> ideal; // per bar: when the ideal schedule starts it (finished); see idealOf()
        qint64 idealNs = -1; // the ideal makespan, once finished; for the header
        int peakInFlight = -1; // once finished and counted; for the header
        QString title;
        QString shortLead; // the title's lead in short ("Gather"), for a header too narrow for the whole
        QString speedUp; // the title's speed-up part, which a narrow header keeps last
        qint64 cutNs = -1; // a replay's time; -1: none
        double top = 0; // content y of the header line
        double rowsTop = 0;
        int rows = 0;
        // Plain rows of a live run kept for the records it was given and has not fed yet (RunModel's planned
        // count): filling them moves nothing, so a followed view keeps its row height as the run is fed.
        int reservedRows = 0;
        double bottom = 0;

        int extentRows() const { return std::max(rows, reservedRows); }

        bool live() const { return model && model->isLive(); }
        /// The end of what the run recorded: the live clock, or its end.
        qint64 endNs() const { return model ? model->endNs() : 0; }
        /// "Now" for this run, which bars are drawn up to: the live clock, its end, or a replay's time.
        qint64 nowNs() const { return cutNs >= 0 && !live() ? std::min(cutNs, endNs()) : endNs(); }
        bool isCut() const { return cutNs >= 0 && !live() && cutNs < endNs(); }
        int rowOfBar(int bar, bool lanes) const;
        /// Where the ideal schedule puts a bar, start and end, once the run finished: it takes as long there
        /// as it held its permit.
        std::optional<std::pair<qint64, qint64>> idealOf(int bar) const;
        int barAtRow(int row) const { return rowBar.empty() ? row : rowBar[std::size_t(row)]; }
        RowKind rowKind(int row) const
        {
            return rowKinds.empty() ? RowKind::Bars : rowKinds[std::size_t(row)];
        }
        /// The group a row belongs to (its header or one of its rows), or -1.
        int groupAtRow(int row) const;
        int barIndexOf(int recordId) const;
    };

    struct Hit
    {
        int track = -1;
        int row = -1; // -1: the header line or the gate row
        bool gateRow = false;
        std::vector<int> bars; // bars under the point; several when they are merged there
    };

    struct Options
    {
        bool lanes = false;
        bool colourByHost = false;
        bool groupByHost = false;
        friend bool operator==(const Options &, const Options &) = default;
    };

    TimelineLayout();

    void setModels(const QList<RunModel *> &models);
    QList<RunModel *> models() const;
    const Options &options() const { return m_options; }
    void setOptions(const Options &options);
    /// Host colours are registered here as hosts appear; not owned.
    void setHostColours(HostColours *colours);

    /// Applies the model's announcements as they come, then calls changed() (with context alive).
    void connectModel(RunModel *model, QObject *context, const std::function<void()> &changed);

    // What a model announced; each touches only what it names.
    void appendRecords(const RunModel *model, int first, int last);
    void updateRecords(const RunModel *model, const QList<int> &ids);
    void finishRun(const RunModel *model);
    void resetRun(const RunModel *model);
    void changeCapacity(const RunModel *model);
    void changeCrawl(const RunModel *model);
    /// The live clock moved: only the headers' text changes.
    void tick();
    /// A replay's time: finished runs are drawn as they were then, as a live run is drawn at "now". -1
    /// shows them whole again. Nothing is rebuilt.
    void setCutNs(qint64 ns);
    qint64 cutNs() const { return m_cutNs; }
    /// Rebuilds everything, e.g. after a model was destroyed or the language changed.
    void invalidate();

    /// Catches up with what was announced (the titles, the rows of tracks whose lanes or groups changed) and
    /// places the tracks one under the other for rows rowHeight pixels high.
    void update(double rowHeight) const;
    const std::vector<Track> &tracks() const { return m_tracks; }

    int rowCount() const;
    /// The rows the tracks take up: rowCount() and the rows kept for records still to come.
    int extentRowCount() const;
    int groupCount() const;
    double contentHeight() const { return m_tracks.empty() ? 0 : m_tracks.back().bottom; }
    /// Pixels of headers and gate rows, which do not scale with the rows.
    double chromeHeight() const;
    qint64 dataEndNs() const;
    bool isLive() const;
    /// The row a request is drawn in, counted from its track's first row, or -1.
    int rowOf(const RunModel *model, int recordId) const;
    int trackOf(const RunModel *model) const;
    int trackAtContentY(double y) const;

    /// pos is in viewport coordinates (the viewport scrolled to viewport.scrollY()).
    Hit hitTest(QPointF pos, const TimelineViewport &viewport) const;
    /// Where a request's bar is drawn, from its start (queued, or issued in lane mode) to its release.
    QRect barRect(const RunModel *model, int recordId, const TimelineViewport &viewport) const;

    /// Full rebuilds of a track's bars from all its records: a new run, new models or other options.
    int rebuildCount() const { return m_rebuilds; }
    /// Re-layouts of a track's lanes or host groups (lane mode or grouped, after records changed).
    int rowLayoutCount() const { return m_rowLayouts; }
    /// Bars patched from single records (appended or updated), over the layout's life.
    qint64 patchedBarCount() const { return m_patchedBars; }
    /// Grows with every change to what is drawn, except the replay's cut: a painted frame is still right
    /// while it and the cut are the same.
    quint64 generation() const { return m_generation; }
    /// Grows with every change to the bars and rows: not with the live clock's tick, nor a gate resize.
    quint64 rowsGeneration() const { return m_rowsGeneration; }

    /// A bar of a live run whose look changed before the clock's "now" when its record was updated: a
    /// failure turns its whole bar red, and a batch held back brings marks from before the last tick.
    struct Damage
    {
        const RunModel *model = nullptr;
        int bar = -1;
        qint64 fromNs = 0; // the earliest time its picture changed
        int lastBar = -1; // records appended into reserved rows come as one range, bar..lastBar
    };
    /// Grows with every change other than the clock's tick and records updated in place: what a live frame
    /// painted at one structure can be patched to another frame of the same structure, from "now" on plus
    /// the rows of damage() since.
    quint64 structure() const { return m_structure; }
    /// Damage since the structure last changed, in order; damageCount() at one paint indexes it at the next.
    const std::vector<Damage> &damage() const { return m_damage; }
    int damageCount() const { return int(m_damage.size()); }

private:
    Track *trackFor(const RunModel *model);
    void rebuildTrack(Track &track) const;
    /// Notes bar index as its record is now, and returns it.
    Bar noteBar(Track &track, int index) const;
    void countBar(Track &track, const Bar &bar, int sign) const;
    const HostIndex *updateHosts(Track &track) const;
    void refreshIdeal(Track &track) const;
    void refreshCapacity(Track &track) const;
    void refreshTitle(Track &track) const;
    void buildRows(Track &track) const;
    void markRows(Track &track);
    void markBlockOfBar(Track &track, int bar) const;
    bool rowsPending(const Track &track) const;
    void refreshBlocks(Track &track, bool all) const;

    QList<QPointer<RunModel>> m_models;
    Options m_options;
    HostColours *m_hostColours = nullptr;
    qint64 m_cutNs = -1;

    // Rebuilding is deferred to update(), so a burst of announcements costs one rebuild.
    mutable std::vector<Track> m_tracks;
    mutable bool m_allDirty = true;
    mutable std::vector<const RunModel *> m_dirtyTracks; // rebuild
    mutable std::vector<const RunModel *> m_dirtyRows; // lanes or groups
    mutable bool m_titlesDirty = true;
    // Origins are worked out once per record, not on every rebuild of a growing run.
    mutable std::map<const RunModel *, std::shared_ptr<HostIndex>> m_hostIndexes;

    mutable int m_rebuilds = 0;
    mutable int m_rowLayouts = 0;
    mutable qint64 m_patchedBars = 0;
    quint64 m_generation = 0;
    quint64 m_rowsGeneration = 0;
    quint64 m_structure = 0;
    std::vector<Damage> m_damage;
    void changeStructure();
    void noteDamage(const Track &track, int index, const std::optional<Bar> &noted, qint64 nowNs);
    void noteAppended(const Track &track, int first, int last, qint64 nowNs);
};
