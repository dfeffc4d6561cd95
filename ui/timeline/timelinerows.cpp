#include "timelinerows.h"

#include <algorithm>
#include <limits>
#include <numeric>

#include "lanepacker.h"

namespace {

using RowKind = TimelineLayout::RowKind;
using Group = TimelineLayout::Group;

} // namespace

bool TimelineRows::build(Track &track, bool lanes, bool grouped)
{
    track.lanes.clear();
    track.laneOf.clear();
    track.rowBar.clear();
    track.barRow.clear();
    track.rowKinds.clear();
    track.groups.clear();
    track.groupOfHost.clear();
    track.liveLanes.clear();
    track.queueDirty = false;
    const int barCount = int(track.bars.size());
    if (!lanes && !grouped) {
        track.rows = barCount;
        return false;
    }

    // The bars of each group in record order: one group of everything unless grouped by host.
    std::vector<std::vector<int>> members;
    if (!grouped) {
        members.emplace_back(std::size_t(barCount));
        std::iota(members.front().begin(), members.front().end(), 0);
    } else {
        members.resize(std::size_t(track.hosts.size()));
        for (int i = 0; i < barCount; ++i)
            members[std::size_t(track.bars.hostOf(std::size_t(i)))].push_back(i);
        track.groupOfHost.assign(members.size(), -1);
    }

    if (lanes)
        track.laneOf.assign(std::size_t(barCount), 0);
    else
        track.barRow.assign(std::size_t(barCount), 0);
    // A request still going holds its lane until it ends, whenever that will be.
    const bool live = track.live();
    const qint64 now = track.endNs(); // a replay's cut does not move lanes
    const auto laneEnd = [live, now](const Bar &bar) {
        return live && bar.open ? std::numeric_limits<qint64>::max() : bar.endAt(now);
    };
    int row = 0;
    for (std::size_t host = 0; host < members.size(); ++host) {
        std::vector<int> &bars = members[host];
        if (bars.empty())
            continue;
        Group group;
        if (grouped) {
            group.host = int(host);
            group.headerRow = row++;
            group.requests = int(bars.size());
            for (const int index : bars)
                group.failed += track.bars.isFailed(std::size_t(index)) ? 1 : 0;
            track.rowKinds.push_back(RowKind::GroupHeader);
            if (lanes)
                track.lanes.emplace_back();
            else
                track.rowBar.push_back(-1);
        }
        if (!lanes) {
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
                    intervals.push_back({bar.t[1], laneEnd(bar)});
                    issuedBars.push_back(index);
                } else {
                    queued.push_back(index);
                }
            }
            // While live, the queue lane stays even when empty, so rows do not shift as requests are issued.
            const bool liveLanes = track.live() && !grouped;
            if (!queued.empty() || liveLanes) {
                for (const int index : queued)
                    track.laneOf[std::size_t(index)] = row;
                track.lanes.push_back(std::move(queued));
                track.rowKinds.push_back(RowKind::Queue);
                ++row;
            }
            int laneCount = 0;
            const std::vector<int> packed = LanePacker::pack(intervals, &laneCount);
            const std::size_t first = track.lanes.size();
            track.lanes.resize(first + std::size_t(laneCount));
            track.rowKinds.resize(first + std::size_t(laneCount), RowKind::Bars);
            for (std::size_t k = 0; k < issuedBars.size(); ++k) {
                track.laneOf[std::size_t(issuedBars[k])] = row + packed[k];
                track.lanes[first + std::size_t(packed[k])].push_back(issuedBars[k]);
            }
            for (std::size_t lane = first; lane < track.lanes.size(); ++lane) {
                auto &laneBars = track.lanes[lane];
                std::stable_sort(laneBars.begin(), laneBars.end(), [&track](int a, int b) {
                    return track.bars.issuedNs(std::size_t(a)) < track.bars.issuedNs(std::size_t(b));
                });
            }
            row += laneCount;
            if (liveLanes) {
                std::vector<qint64> ends(std::size_t(laneCount), 0);
                for (std::size_t lane = 0; lane < ends.size(); ++lane) {
                    for (const int index : track.lanes[first + lane])
                        ends[lane] = std::max(ends[lane], laneEnd(track.bars[std::size_t(index)]));
                }
                track.liveLanes.reset(ends);
            }
        }
        if (grouped) {
            group.rows = row - group.headerRow - 1;
            track.groupOfHost[host] = int(track.groups.size());
            track.groups.push_back(group);
        }
    }
    track.rows = row;
    return true;
}

bool TimelineRows::place(Track &track, int index)
{
    const Bar &bar = track.bars[std::size_t(index)];
    const bool open = track.live() && bar.open;
    const int lane = track.liveLanes.place(bar.t[1], open ? TimelineLiveLanes::StillGoing : bar.t.back());
    if (lane < 0)
        return false;
    const std::size_t row = std::size_t(lane) + 1; // under the queue lane
    if (row >= track.lanes.size()) {
        track.lanes.resize(row + 1);
        track.rowKinds.resize(row + 1, RowKind::Bars);
        track.rows = int(track.lanes.size());
    }
    track.laneOf[std::size_t(index)] = int(row);
    auto &laneBars = track.lanes[row];
    const auto at
        = std::upper_bound(laneBars.begin(), laneBars.end(), bar.t[1], [&track](qint64 ns, int other) {
              return ns < track.bars.issuedNs(std::size_t(other));
          });
    laneBars.insert(at, index);
    return true;
}

bool TimelineRows::patchLane(Track &track, int index, const Bar &before)
{
    const Bar &after = track.bars[std::size_t(index)];
    if (!before.issued && after.issued) {
        track.queueDirty = true;
        return place(track, index);
    }
    if (!before.issued || !after.issued || before.t[1] != after.t[1])
        return false;
    // Its end moved: fine while it is its lane's last request, or still ends before the next one starts.
    const int row = track.laneOf[std::size_t(index)];
    const auto &laneBars = track.lanes[std::size_t(row)];
    // Lanes are ordered by issue time, and a request that just ended is normally its lane's last.
    auto it = laneBars.end() - (laneBars.empty() ? 0 : 1);
    if (laneBars.empty() || *it != index) {
        it = std::lower_bound(laneBars.begin(), laneBars.end(), after.t[1], [&track](int other, qint64 ns) {
            return track.bars.issuedNs(std::size_t(other)) < ns;
        });
        while (it != laneBars.end() && *it != index && track.bars.issuedNs(std::size_t(*it)) == after.t[1])
            ++it;
        if (it != laneBars.end() && *it != index)
            it = laneBars.end();
    }
    const qint64 end = track.live() && after.open ? TimelineLiveLanes::StillGoing : after.t.back();
    if (it == laneBars.end())
        return false;
    if (std::next(it) == laneBars.end()) {
        track.liveLanes.setEnd(row - 1, end);
        return true;
    }
    return end <= track.bars[std::size_t(*std::next(it))].t[1];
}
