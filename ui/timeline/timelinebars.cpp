#include "timelinebars.h"

#include <bit>

void TimelineBars::setModel(const RunModel *model)
{
    m_model = model;
}

void TimelineBars::setHosts(std::shared_ptr<const HostIndex> hosts)
{
    m_hosts = std::move(hosts);
}

void TimelineBars::resize(std::size_t count)
{
    m_noted.resize(count);
}

const RequestRecord *TimelineBars::recordAt(std::size_t index) const
{
    // A model reset before the layout caught up has fewer records than bars: those are drawn as nothing.
    const RunModel *model = m_model.data();
    if (!model || index >= std::size_t(model->records().size()))
        return nullptr;
    return &model->records()[qsizetype(index)];
}

bool TimelineBars::delayExpected() const
{
    return m_model->isLive() && m_model->run().settings.delayMs > 0;
}

TimelineBars::Bar TimelineBars::operator[](std::size_t index) const
{
    const RequestRecord *record = recordAt(index);
    if (!record)
        return {};
    return Bar::of(*record, m_model->endNs(), delayExpected(), hostOf(index));
}

std::optional<TimelineBars::Bar> TimelineBars::noted(std::size_t index) const
{
    Bar bar = (*this)[index];
    const Noted &noted = m_noted[index];
    bar.started = noted.started;
    bar.open = noted.open;
    bar.issued = noted.flags & Issued;
    bar.robots = noted.flags & Robots;
    bar.reused = noted.flags & Reused;
    bar.tunnel = noted.flags & Tunnel;
    bar.kind = Bar::Kind(noted.flags >> KindShift);
    if (keptFingerprint(bar) != noted.fingerprint)
        return std::nullopt;
    return bar;
}

quint32 TimelineBars::keptFingerprint(const Bar &bar)
{
    const std::size_t kept = bar.open ? std::size_t(std::countr_zero(unsigned(bar.open))) + 1 : bar.t.size();
    quint64 hash = 14695981039346656037ULL; // FNV-1a over the kept boundaries
    for (std::size_t i = 0; i < kept; ++i) {
        hash ^= quint64(bar.t[i]);
        hash *= 1099511628211ULL;
    }
    return quint32(hash ^ (hash >> 32));
}

void TimelineBars::note(std::size_t index, const Bar &bar)
{
    m_noted[index] = noteOf(bar);
}

TimelineBars::Noted TimelineBars::noteOf(const Bar &bar)
{
    Noted noted;
    noted.fingerprint = keptFingerprint(bar);
    noted.started = bar.started;
    noted.open = bar.open;
    noted.flags = quint8((bar.issued ? Issued : 0) | (bar.robots ? Robots : 0) | (bar.reused ? Reused : 0)
                         | (bar.tunnel ? Tunnel : 0) | (int(bar.kind) << KindShift));
    return noted;
}

int TimelineBars::idOf(std::size_t index) const
{
    const RequestRecord *record = recordAt(index);
    return record ? record->id : -1;
}

qint64 TimelineBars::issuedNs(std::size_t index) const
{
    const RequestRecord *record = recordAt(index);
    return record ? PhaseSpans::issuedOf(*record, m_model->endNs()) : 0;
}
