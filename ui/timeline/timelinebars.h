#pragma once

#include <QPointer>

#include <memory>
#include <optional>
#include <vector>

#include "models/hostindex.h"
#include "models/runmodel.h"
#include "timelinebar.h"

/// A track's bars, one per record of its model in record order, worked out from the record when asked for:
/// the model is the only store of a run's records on the GUI side, so a million requests cost the timeline
/// a few bytes each (what a bar was when last noted) instead of a copy of their marks.
///
/// The bars a caller is told of (appended or updated records) are noted, and noted() gives a bar as it was
/// then: the phases it had started and had going, how it ended and its flags, over its record's marks now.
/// A record mostly only gains marks, and then that is the bar as it was drawn, up to the phase that was
/// going, which is what an update needs to know where its picture changed. A mark that moved (a redirect's
/// first byte moves on to the final response's) is caught by a fingerprint of those boundaries.
class TimelineBars
{
public:
    using Bar = TimelineBar;

    void setModel(const RunModel *model);
    /// Each record's host, while bars are coloured or grouped by host; null: every bar's host is 0.
    void setHosts(std::shared_ptr<const HostIndex> hosts);

    std::size_t size() const { return m_noted.size(); }
    bool empty() const { return m_noted.empty(); }
    void clear() { m_noted.clear(); }
    /// Grows with the records appended; the caller notes the new bars.
    void resize(std::size_t count);

    /// Bar index, from its record now: phases still going end at the model's end (its live clock).
    Bar operator[](std::size_t index) const;
    /// Bar index as it was when last noted; nothing when one of the marks it was drawn with has moved since.
    std::optional<Bar> noted(std::size_t index) const;
    void note(std::size_t index, const Bar &bar);

    /// Cheap reads of what was noted, for loops over every bar.
    bool isIssued(std::size_t index) const { return m_noted[index].flags & Issued; }
    bool isOpen(std::size_t index) const { return m_noted[index].open != 0; }
    Bar::Kind kindOf(std::size_t index) const { return Bar::Kind(m_noted[index].flags >> KindShift); }
    bool isFailed(std::size_t index) const
    {
        return kindOf(index) == Bar::Kind::HttpError || kindOf(index) == Bar::Kind::Failed;
    }
    int hostOf(std::size_t index) const
    {
        return m_hosts && index < m_hosts->hostsOfRecords().size() ? m_hosts->hostsOfRecords()[index] : 0;
    }
    /// The record's id, without working out its bar.
    int idOf(std::size_t index) const;
    /// t[1] of the bar: when it was issued (or stopped waiting), without working out the rest.
    qint64 issuedNs(std::size_t index) const;

private:
    enum Flag : quint8 { Issued = 1, Robots = 2, Reused = 4, Tunnel = 8 };
    static constexpr int KindShift = 4;
    struct Noted
    {
        quint32 fingerprint = 0; // of the boundaries the bar kept when noted (see keptFingerprint)
        quint8 started = 0;
        quint8 open = 0;
        quint8 flags = 0; // Flag bits, and the kind above KindShift
    };
    static Noted noteOf(const Bar &bar);
    /// The boundaries a bar keeps at any later "now": up to its open phase's start, or all when it ended.
    static quint32 keptFingerprint(const Bar &bar);
    const RequestRecord *recordAt(std::size_t index) const;
    bool delayExpected() const;

    QPointer<const RunModel> m_model;
    std::shared_ptr<const HostIndex> m_hosts;
    std::vector<Noted> m_noted;
};
