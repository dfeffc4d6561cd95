#include "timelinelayout.h"

#include <QCoreApplication>

#include <algorithm>
#include <bit>
#include <climits>
#include <cmath>
#include <limits>

#include "barmerger.h"
#include "core/idealschedule.h"
#include "core/phasespans.h"
#include "core/runcaption.h"
#include "hostcolours.h"
#include "timelinedenseblocks.h"
#include "timelinerows.h"

int TimelineLayout::Track::rowOfBar(int bar, bool lanes) const
{
    if (lanes)
        return laneOf[std::size_t(bar)];
    return barRow.empty() ? bar : barRow[std::size_t(bar)];
}

std::optional<std::pair<qint64, qint64>> TimelineLayout::Track::idealOf(int bar) const
{
    if (!model || std::size_t(bar) >= ideal.size() || bar >= model->records().size())
        return std::nullopt;
    const qint64 start = ideal[std::size_t(bar)];
    return std::make_pair(start, start + serviceNs(model->records()[bar]));
}

int TimelineLayout::Track::groupAtRow(int row) const
{
    const auto it = std::upper_bound(groups.begin(), groups.end(), row,
                                     [](int value, const Group &group) { return value < group.headerRow; });
    return int(it - groups.begin()) - 1;
}

int TimelineLayout::Track::barIndexOf(int recordId) const
{
    // Records are stored by id, so the id is normally the record's index.
    if (recordId >= 0 && recordId < int(bars.size()) && bars.idOf(std::size_t(recordId)) == recordId)
        return recordId;
    for (int i = 0; i < int(bars.size()); ++i) {
        if (bars.idOf(std::size_t(i)) == recordId)
            return i;
    }
    return -1;
}

TimelineLayout::TimelineLayout() = default;

void TimelineLayout::setModels(const QList<RunModel *> &models)
{
    changeStructure();
    ++m_generation;
    ++m_rowsGeneration;
    m_models.clear();
    for (RunModel *model : models) {
        if (model)
            m_models.append(model);
    }
    m_hostIndexes.clear();
    invalidate();
}

QList<RunModel *> TimelineLayout::models() const
{
    QList<RunModel *> result;
    for (const auto &model : m_models) {
        if (model)
            result.append(model.data());
    }
    return result;
}

void TimelineLayout::setOptions(const Options &options)
{
    changeStructure();
    ++m_generation;
    ++m_rowsGeneration;
    if (options == m_options)
        return;
    const bool hostsNeeded = options.colourByHost || options.groupByHost;
    const bool hostsHad = m_options.colourByHost || m_options.groupByHost;
    const bool rowsChange = options.lanes != m_options.lanes || options.groupByHost != m_options.groupByHost;
    const bool colourChange = options.colourByHost != m_options.colourByHost;
    m_options = options;
    if (hostsNeeded != hostsHad) {
        invalidate(); // every bar's host is worked out, or forgotten
        return;
    }
    // Rows move with lanes and groups; the dense blocks' coverage also changes with the host colours.
    if (rowsChange || colourChange) {
        for (Track &track : m_tracks)
            markRows(track);
    }
}

void TimelineLayout::setHostColours(HostColours *colours)
{
    changeStructure();
    ++m_generation;
    ++m_rowsGeneration;
    m_hostColours = colours;
    invalidate();
}

void TimelineLayout::invalidate()
{
    changeStructure();
    ++m_generation;
    ++m_rowsGeneration;
    m_allDirty = true;
    m_titlesDirty = true;
}

TimelineLayout::Track *TimelineLayout::trackFor(const RunModel *model)
{
    if (m_allDirty || std::find(m_dirtyTracks.begin(), m_dirtyTracks.end(), model) != m_dirtyTracks.end())
        return nullptr; // rebuilt from scratch anyway
    for (Track &track : m_tracks) {
        if (track.model == model)
            return &track;
    }
    return nullptr;
}

void TimelineLayout::changeStructure()
{
    ++m_structure;
    m_damage.clear();
}

// Damage noted past this many changes a whole paint is as cheap; and the log stays small.
constexpr std::size_t MostDamage = 4096;

void TimelineLayout::noteDamage(const Track &track, int index, const std::optional<Bar> &noted, qint64 nowNs)
{
    // A frame painted at "now" P <= nowNs showed before.at(P); the next shows the bar as it is, stretched to
    // a later now. Whatever differs from nowNs on is in the columns a live patch repaints anyway.
    const Bar after = track.bars[std::size_t(index)];
    qint64 from = std::numeric_limits<qint64>::max();
    if (!noted) {
        from = after.t[0]; // a mark moved: how it was drawn is not known, but not before it was queued
    } else if (const Bar &before = *noted; before.kind != after.kind || before.host != after.host
               || before.robots != after.robots || before.reused != after.reused
               || before.tunnel != after.tunnel) {
        from = std::min(before.t[0], after.t[0]); // drawn in another colour all along
    } else {
        const Bar a = before.at(nowNs);
        const Bar b = after.at(nowNs);
        for (std::size_t i = 0; i < a.t.size(); ++i) {
            const bool started = i < PhaseSpans::PhaseCount && ((a.started ^ b.started) & (1u << i));
            if (a.t[i] != b.t[i] || started)
                from = std::min({from, a.t[i], b.t[i]});
        }
        if (a.issued != b.issued)
            from = std::min({from, a.t[Bar::IssuedAt], b.t[Bar::IssuedAt]});
    }
    if (from >= nowNs)
        return;
    if (m_damage.size() >= MostDamage) {
        changeStructure();
        return;
    }
    m_damage.push_back({track.model.data(), index, from});
}

void TimelineLayout::noteAppended(const Track &track, int first, int last, qint64 nowNs)
{
    qint64 from = std::numeric_limits<qint64>::max();
    for (int i = first; i <= last; ++i)
        from = std::min(from, track.bars[std::size_t(i)].t[0]);
    if (from >= nowNs)
        return; // drawn from "now" on, where a live patch repaints anyway
    if (m_damage.size() >= MostDamage) {
        changeStructure();
        return;
    }
    m_damage.push_back({track.model.data(), first, from, last});
}

void TimelineLayout::markRows(Track &track)
{
    changeStructure();
    const RunModel *model = track.model;
    if (std::find(m_dirtyRows.begin(), m_dirtyRows.end(), model) == m_dirtyRows.end())
        m_dirtyRows.push_back(model);
}

const HostIndex *TimelineLayout::updateHosts(Track &track) const
{
    if (!m_options.colourByHost && !m_options.groupByHost) {
        track.hosts.clear();
        track.hostSlots.clear();
        track.bars.setHosts(nullptr);
        return nullptr;
    }
    std::shared_ptr<HostIndex> &shared = m_hostIndexes[track.model.data()];
    if (!shared)
        shared = std::make_shared<HostIndex>();
    HostIndex &index = *shared;
    index.update(track.model->run());
    track.bars.setHosts(shared);
    track.hosts = index.origins();
    track.hostSlots.resize(std::size_t(track.hosts.size()));
    for (qsizetype host = 0; host < track.hosts.size(); ++host)
        track.hostSlots[std::size_t(host)]
            = m_hostColours ? m_hostColours->slotOf(track.hosts[host]) : int(host);
    return &index;
}

TimelineLayout::Bar TimelineLayout::noteBar(Track &track, int index) const
{
    const Bar bar = track.bars[std::size_t(index)];
    track.bars.note(std::size_t(index), bar);
    track.hasRobots = track.hasRobots || bar.robots;
    return bar;
}

void TimelineLayout::countBar(Track &track, const Bar &bar, int sign) const
{
    track.failed += bar.failed() ? sign : 0;
    track.cancelled += bar.kind == Kind::Cancelled ? sign : 0;
}

void TimelineLayout::rebuildTrack(Track &track) const
{
    ++m_rebuilds;
    const RunModel *model = track.model;
    const qsizetype count = model->records().size();
    track.bars.setModel(model);
    updateHosts(track);
    track.failed = 0;
    track.cancelled = 0;
    track.hasRobots = false;
    track.bars.clear();
    track.bars.resize(std::size_t(count));
    for (int i = 0; i < int(count); ++i)
        countBar(track, noteBar(track, i), 1);
    refreshIdeal(track);
    refreshCapacity(track);
    buildRows(track);
}

void TimelineLayout::refreshIdeal(Track &track) const
{
    const RunModel *model = track.model;
    const QList<RequestRecord> &records = model->records();
    track.ideal.clear();
    track.idealNs = -1;
    track.peakInFlight = -1;
    if (model->isLive())
        return;
    // A crawl has no ideal schedule: none of its pages could start before its parent was read.
    track.idealNs = 0;
    if (const QList<qint64> starts = idealStartsNs(model->run()); starts.size() == records.size()) {
        track.ideal.assign(starts.begin(), starts.end());
        for (qsizetype i = 0; i < records.size(); ++i)
            track.idealNs = std::max(track.idealNs, starts[i] + serviceNs(records[i]));
    }
}

void TimelineLayout::refreshCapacity(Track &track) const
{
    // The initial size is in the header; only changes during the run get a marker.
    track.capacity.clear();
    const auto &changes = track.model->run().capacityChanges;
    for (qsizetype i = 1; i < changes.size(); ++i) {
        if (changes[i].capacity > 0 && changes[i].capacity != changes[i - 1].capacity)
            track.capacity.emplace_back(changes[i].atNs, changes[i].capacity);
    }
}

void TimelineLayout::refreshTitle(Track &track) const
{
    const RunModel *model = track.model;
    RunCaption::Facts facts;
    facts.requests = int(track.bars.size());
    facts.failed = track.failed;
    facts.cancelled = track.cancelled;
    facts.live = model->isLive();
    facts.endNs = model->endNs();
    // A finished run's header is redone whenever another run's clock ticks: its ideal and peak are kept.
    if (!facts.live && track.idealNs >= 0) {
        if (track.peakInFlight < 0)
            track.peakInFlight = peakInFlight(model->records());
        facts.idealNs = track.idealNs;
        facts.peakInFlight = track.peakInFlight;
    }
    for (const auto &other : m_models) {
        if (other && other != model && other->run().settings.mode == RunMode::Sequential && !other->isLive()
            && !other->run().cancelled && other->run().endNs > 0) {
            facts.sequentialWallNs = other->run().endNs;
            break;
        }
    }
    facts.prediction = model->prediction();
    track.title = RunCaption::header(model->run(), facts, &track.speedUp);
    track.shortLead = RunCaption::label(model->run().settings);
}

void TimelineLayout::connectModel(RunModel *model, QObject *context, const std::function<void()> &changed)
{
    QObject::connect(model, &RunModel::recordsAppended, context, [this, model, changed](int first, int last) {
        appendRecords(model, first, last);
        changed();
    });
    QObject::connect(model, &RunModel::recordsUpdated, context,
                     [this, model, changed](const QList<int> &ids) {
                         updateRecords(model, ids);
                         changed();
                     });
    QObject::connect(model, &RunModel::liveNowChanged, context, [this, changed] {
        tick();
        changed();
    });
    QObject::connect(model, &RunModel::capacityChanged, context, [this, model, changed] {
        changeCapacity(model);
        changed();
    });
    QObject::connect(model, &RunModel::runFinished, context, [this, model, changed] {
        finishRun(model);
        changed();
    });
    QObject::connect(model, &RunModel::crawlChanged, context, [this, model, changed] {
        changeCrawl(model);
        changed();
    });
    QObject::connect(model, &RunModel::runReset, context, [this, model, changed] {
        resetRun(model);
        changed();
    });
}

void TimelineLayout::appendRecords(const RunModel *model, int first, int last)
{
    ++m_generation;
    ++m_rowsGeneration;
    Track *track = trackFor(model);
    // Rows added move what is under them, and in a followed view every row's height, unless they fill rows
    // kept for them: then only those rows change, from their queue time on.
    const bool inPlace = track && model->isLive() && !m_options.lanes && !m_options.groupByHost
        && first == int(track->bars.size()) && last < track->reservedRows
        && track->rows <= track->reservedRows;
    if (!inPlace)
        changeStructure();
    if (!track)
        return;
    const int count = int(model->records().size());
    last = std::min(last, count - 1);
    if (first != int(track->bars.size()) || last < first) {
        // Not the next records after the ones we have: start this track afresh rather than guess.
        m_dirtyTracks.push_back(model);
        return;
    }
    const QStringList originsBefore = track->hosts;
    const HostIndex *hosts = updateHosts(*track);
    if (hosts && track->hosts.mid(0, originsBefore.size()) != originsBefore) {
        // The crawl's list of hosts came in and reordered the origins: every bar's host index moved with
        // them, and so did the blocks' host colours and the groups.
        markRows(*track);
    }
    track->bars.resize(std::size_t(last) + 1);
    for (int i = first; i <= last; ++i)
        countBar(*track, noteBar(*track, i), 1);
    m_patchedBars += last - first + 1;
    if (m_options.lanes && !m_options.groupByHost && track->liveLanes.isValid() && !rowsPending(*track)) {
        track->laneOf.resize(track->bars.size(), 0);
        for (int i = first; i <= last; ++i) {
            if (!track->bars.isIssued(std::size_t(i))) {
                track->lanes.front().push_back(i);
            } else if (!TimelineRows::place(*track, i)) {
                markRows(*track);
                break;
            }
        }
    } else if (m_options.lanes || m_options.groupByHost) {
        markRows(*track);
    } else {
        track->rows = int(track->bars.size());
        for (int i = first; i <= last; i += DenseBlockRows)
            markBlockOfBar(*track, i);
        markBlockOfBar(*track, last);
    }
    if (inPlace)
        noteAppended(*track, first, last, model->liveNowNs());
    m_titlesDirty = true;
}

void TimelineLayout::updateRecords(const RunModel *model, const QList<int> &ids)
{
    ++m_generation;
    ++m_rowsGeneration;
    Track *track = trackFor(model);
    // Lanes move bars between rows, and a group's header counts its failures: only plain rows keep their
    // picture before "now" apart from the damage noted.
    const bool patchable = track && model->isLive() && !m_options.lanes && !m_options.groupByHost;
    if (!patchable)
        changeStructure();
    if (!track)
        return;
    bool rowsChange = false;
    std::vector<std::pair<int, Bar>> laneChanges;
    for (const int id : ids) {
        const int index = track->barIndexOf(id);
        if (index < 0 || index >= int(model->records().size()))
            continue;
        const std::optional<Bar> noted = track->bars.noted(std::size_t(index));
        const bool failedBefore = track->bars.isFailed(std::size_t(index));
        track->failed -= failedBefore ? 1 : 0;
        track->cancelled -= track->bars.kindOf(std::size_t(index)) == Kind::Cancelled ? 1 : 0;
        const Bar after = noteBar(*track, index);
        countBar(*track, after, 1);
        if (patchable)
            noteDamage(*track, index, noted, model->liveNowNs());
        ++m_patchedBars;
        if (!m_options.lanes && !track->blocks.empty())
            markBlockOfBar(*track, index);
        if (m_options.groupByHost && !track->groupOfHost.empty()) {
            const int group = track->groupOfHost[std::size_t(after.host)];
            if (group >= 0)
                track->groups[std::size_t(group)].failed += int(after.failed()) - int(failedBefore);
        }
        if (!m_options.lanes)
            continue;
        if (!noted) {
            rowsChange = true; // where it was is not known: pack them again
            continue;
        }
        // Lanes pack issued..released: only a request that was issued or ended (or got a new end) can move.
        const Bar &before = *noted;
        const bool laneMoves = before.issued != after.issued || before.t[1] != after.t[1]
            || before.open != after.open || (!after.open && before.t.back() != after.t.back());
        if (laneMoves)
            laneChanges.emplace_back(index, before);
    }
    if (!laneChanges.empty() && !rowsChange) {
        rowsChange = m_options.groupByHost || !track->liveLanes.isValid() || rowsPending(*track);
        // Lanes freed in this batch first, then the newly issued requests in the order they went out, as a
        // full packing would see them.
        std::stable_sort(laneChanges.begin(), laneChanges.end(), [track](const auto &a, const auto &b) {
            const auto key = [track](const std::pair<int, Bar> &change) {
                const bool placed = !change.second.issued;
                return std::make_pair(placed, placed ? track->bars.issuedNs(std::size_t(change.first)) : 0);
            };
            return key(a) < key(b);
        });
        for (const auto &[index, before] : laneChanges) {
            if (rowsChange)
                break;
            rowsChange = !TimelineRows::patchLane(*track, index, before);
        }
    }
    if (rowsChange)
        markRows(*track);
    m_titlesDirty = true;
}

void TimelineLayout::finishRun(const RunModel *model)
{
    changeStructure();
    ++m_generation;
    ++m_rowsGeneration;
    m_titlesDirty = true; // another track's header may compare itself with this run now
    Track *track = trackFor(model);
    if (!track)
        return;
    // What only a finished run has: bars cut off at its end (no delay is expected any more) and its ideal.
    for (int i = 0; i < int(track->bars.size()); ++i) {
        if (!track->bars.isOpen(std::size_t(i)))
            continue;
        noteBar(*track, i);
        ++m_patchedBars;
        if (!m_options.lanes && !track->blocks.empty())
            markBlockOfBar(*track, i);
    }
    if (m_options.lanes)
        markRows(*track); // lanes packed in full, as for any finished run
    refreshIdeal(*track);
}

void TimelineLayout::resetRun(const RunModel *model)
{
    changeStructure();
    ++m_generation;
    ++m_rowsGeneration;
    m_hostIndexes.erase(model);
    m_dirtyTracks.push_back(model);
    m_titlesDirty = true;
}

void TimelineLayout::changeCapacity(const RunModel *model)
{
    changeStructure();
    ++m_generation;
    if (Track *track = trackFor(model))
        refreshCapacity(*track);
    m_titlesDirty = true;
}

void TimelineLayout::changeCrawl(const RunModel *model)
{
    changeStructure();
    ++m_generation;
    ++m_rowsGeneration;
    Track *track = trackFor(model);
    if (!track || (!m_options.colourByHost && !m_options.groupByHost))
        return;
    // A crawl's list of hosts decides the hosts' order: where it moved an origin, the bars follow.
    const QStringList before = track->hosts;
    updateHosts(*track);
    if (track->hosts != before)
        markRows(*track); // every bar's host moved with them: the groups, or the blocks' host colours
}

void TimelineLayout::tick()
{
    ++m_generation;
    m_titlesDirty = true;
}

void TimelineLayout::setCutNs(qint64 ns)
{
    m_cutNs = ns < 0 ? -1 : ns;
    for (Track &track : m_tracks)
        track.cutNs = m_cutNs;
}

void TimelineLayout::update(double rowHeight) const
{
    if (m_allDirty) {
        m_tracks.clear();
        for (const auto &model : m_models) {
            if (!model)
                continue;
            Track track;
            track.model = model;
            track.cutNs = m_cutNs;
            rebuildTrack(track);
            m_tracks.push_back(std::move(track));
        }
        for (auto it = m_hostIndexes.begin(); it != m_hostIndexes.end();) {
            const bool shown = std::any_of(m_tracks.begin(), m_tracks.end(),
                                           [&it](const Track &track) { return track.model == it->first; });
            it = shown && (m_options.colourByHost || m_options.groupByHost) ? std::next(it)
                                                                            : m_hostIndexes.erase(it);
        }
        m_allDirty = false;
        m_dirtyTracks.clear();
        m_dirtyRows.clear();
        m_titlesDirty = true;
    }
    for (Track &track : m_tracks) {
        const RunModel *model = track.model;
        if (std::find(m_dirtyTracks.begin(), m_dirtyTracks.end(), model) != m_dirtyTracks.end()) {
            rebuildTrack(track);
            m_titlesDirty = true;
        } else if (std::find(m_dirtyRows.begin(), m_dirtyRows.end(), model) != m_dirtyRows.end()) {
            buildRows(track);
        } else {
            refreshBlocks(track, false);
        }
        if (track.queueDirty && !track.lanes.empty()) {
            auto &queue = track.lanes.front();
            queue.erase(
                std::remove_if(queue.begin(), queue.end(),
                               [&track](int index) { return track.bars.isIssued(std::size_t(index)); }),
                queue.end());
        }
        track.queueDirty = false;
    }
    m_dirtyTracks.clear();
    m_dirtyRows.clear();
    if (m_titlesDirty) {
        for (Track &track : m_tracks) {
            if (track.model)
                refreshTitle(track);
        }
        m_titlesDirty = false;
    }
    double y = 0;
    for (Track &track : m_tracks) {
        // A change of what this depends on (live, lanes, groups, a new run) changes the structure too.
        const bool plain = !m_options.lanes && !m_options.groupByHost;
        track.reservedRows = plain && track.live() ? track.model->plannedCount() : 0;
        track.top = y;
        track.rowsTop = y + HeaderHeight + (track.capacity.empty() ? 0 : GateRowHeight);
        track.bottom = track.rowsTop + track.extentRows() * rowHeight + TrackGap;
        y = track.bottom;
    }
}

void TimelineLayout::buildRows(Track &track) const
{
    if (TimelineRows::build(track, m_options.lanes, m_options.groupByHost))
        ++m_rowLayouts;
    refreshBlocks(track, true);
}

void TimelineLayout::markBlockOfBar(Track &track, int bar) const
{
    if (!track.barRow.empty() && bar >= int(track.barRow.size()))
        return; // the rows are laid out again, and the blocks with them
    const int row = track.rowOfBar(bar, false);
    track.dirtyBlocks.push_back(row / DenseBlockRows);
}

bool TimelineLayout::rowsPending(const Track &track) const
{
    return std::find(m_dirtyRows.begin(), m_dirtyRows.end(), track.model.data()) != m_dirtyRows.end();
}

void TimelineLayout::refreshBlocks(Track &track, bool all) const
{
    TimelineDenseBlocks::refresh(track, all, m_options.lanes, m_options.colourByHost);
}

int TimelineLayout::rowCount() const
{
    int rows = 0;
    for (const Track &track : m_tracks)
        rows += track.rows;
    return rows;
}

int TimelineLayout::extentRowCount() const
{
    int rows = 0;
    for (const Track &track : m_tracks)
        rows += track.extentRows();
    return rows;
}

int TimelineLayout::groupCount() const
{
    int groups = 0;
    for (const Track &track : m_tracks)
        groups += int(track.groups.size());
    return groups;
}

double TimelineLayout::chromeHeight() const
{
    double chrome = 0;
    for (const Track &track : m_tracks)
        chrome += track.rowsTop - track.top + TrackGap;
    return chrome;
}

qint64 TimelineLayout::dataEndNs() const
{
    qint64 end = 0;
    for (const Track &track : m_tracks)
        end = std::max(end, track.endNs());
    return end;
}

bool TimelineLayout::isLive() const
{
    return std::any_of(m_tracks.begin(), m_tracks.end(), [](const Track &track) { return track.live(); });
}

int TimelineLayout::trackOf(const RunModel *model) const
{
    for (int t = 0; t < int(m_tracks.size()); ++t) {
        if (m_tracks[std::size_t(t)].model == model)
            return t;
    }
    return -1;
}

int TimelineLayout::rowOf(const RunModel *model, int recordId) const
{
    const int t = trackOf(model);
    if (t < 0)
        return -1;
    const Track &track = m_tracks[std::size_t(t)];
    const int index = track.barIndexOf(recordId);
    return index < 0 ? -1 : track.rowOfBar(index, m_options.lanes);
}
