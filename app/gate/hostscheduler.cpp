#include "hostscheduler.h"

#include "core/clock.h"

#include <algorithm>
#include <limits>
#include <utility>

HostScheduler::HostScheduler(Gate *gate, int perHost, QObject *parent)
    : QObject(parent)
    , m_gate(gate)
    , m_perHost(std::max(0, perHost))
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &HostScheduler::pump);
}

void HostScheduler::submit(int id, const QString &host, Admitted admitted)
{
    hostFor(host).queue.push_back({m_nextOrder++, id, std::move(admitted)});
    ++m_waiting;
    pump();
}

QList<int> HostScheduler::withdrawAll()
{
    std::vector<std::pair<quint64, int>> items;
    for (Host &host : m_hosts) {
        for (const Item &item : host.queue)
            items.emplace_back(item.order, item.id);
        host.queue.clear();
    }
    m_waiting = 0;
    m_timer.stop();
    if (m_acquiring && m_gate && m_gate->withdraw(m_ticket))
        m_acquiring = false;
    std::sort(items.begin(), items.end());
    QList<int> ids;
    ids.reserve(qsizetype(items.size()));
    for (const auto &[order, id] : items)
        ids.append(id);
    return ids;
}

void HostScheduler::release(const QString &host)
{
    Host &state = hostFor(host);
    if (state.active == 0)
        return;
    --state.active;
    pump();
}

void HostScheduler::setInterval(const QString &host, int intervalMs)
{
    hostFor(host).intervalNs = qint64(std::max(0, intervalMs)) * 1'000'000;
    m_timed = m_timed || intervalMs > 0;
    pump();
}

void HostScheduler::pauseUntil(const QString &host, qint64 untilNs)
{
    Host &state = hostFor(host);
    state.pausedUntilNs = std::max(state.pausedUntilNs, untilNs);
    m_timed = true;
    pump();
}

int HostScheduler::waiting(const QString &host) const
{
    const Host *state = findHost(host);
    return state ? int(state->queue.size()) : 0;
}

int HostScheduler::active(const QString &host) const
{
    const Host *state = findHost(host);
    return state ? state->active : 0;
}

HostScheduler::Host &HostScheduler::hostFor(const QString &name)
{
    if (m_lastIndex >= 0 && name == m_lastName)
        return m_hosts[std::size_t(m_lastIndex)];
    auto it = m_hostIndex.constFind(name);
    if (it == m_hostIndex.cend()) {
        it = m_hostIndex.insert(name, qsizetype(m_hosts.size()));
        m_hosts.emplace_back();
    }
    m_lastName = name;
    m_lastIndex = it.value();
    return m_hosts[std::size_t(m_lastIndex)];
}

const HostScheduler::Host *HostScheduler::findHost(const QString &name) const
{
    const auto it = m_hostIndex.constFind(name);
    return it == m_hostIndex.cend() ? nullptr : &m_hosts[std::size_t(it.value())];
}

qint64 HostScheduler::readyAtNs(const Host &host) const
{
    const qint64 paced = host.admittedBefore ? host.lastAdmittedNs + host.intervalNs : 0;
    return std::max(paced, host.pausedUntilNs);
}

HostScheduler::Host *HostScheduler::nextReady(qint64 nowNs)
{
    Host *best = nullptr;
    for (Host &host : m_hosts) {
        if (host.queue.empty() || (m_perHost > 0 && host.active >= m_perHost)
            || (m_timed && readyAtNs(host) > nowNs))
            continue;
        if (!best || host.queue.front().order < best->queue.front().order)
            best = &host;
    }
    return best;
}

void HostScheduler::pump()
{
    // Admitted callbacks submit and release again; the outer call picks that up, so they never nest.
    if (m_pumping) {
        m_pumpAgain = true;
        return;
    }
    m_pumping = true;
    do {
        m_pumpAgain = false;
        // One permit is asked for at a time, and only while some host could use it.
        while (!m_acquiring && m_gate && nextReady(m_timed ? Clock::nowNs() : 0)) {
            m_acquiring = true;
            const Gate::Ticket ticket = m_gate->acquire([this] { onPermit(); });
            if (m_acquiring)
                m_ticket = ticket; // not granted yet; the gate calls back when a permit is free
        }
    } while (m_pumpAgain);
    m_pumping = false;
    if (m_timed)
        armTimer(Clock::nowNs());
}

void HostScheduler::onPermit()
{
    m_acquiring = false;
    const qint64 nowNs = Clock::nowNs();
    Host *host = nextReady(nowNs);
    if (!host) {
        // Whoever could go when the permit was asked for was withdrawn or paused meanwhile.
        m_gate->release();
        pump();
        return;
    }
    Item item = std::move(host->queue.front());
    host->queue.pop_front();
    --m_waiting;
    ++host->active;
    host->lastAdmittedNs = nowNs;
    host->admittedBefore = true;
    item.admitted(nowNs);
    pump();
}

void HostScheduler::armTimer(qint64 nowNs)
{
    // Wakes up when the first host held back only by time may go again.
    qint64 earliest = std::numeric_limits<qint64>::max();
    for (const Host &host : std::as_const(m_hosts)) {
        if (host.queue.empty() || (m_perHost > 0 && host.active >= m_perHost))
            continue;
        const qint64 readyAt = readyAtNs(host);
        if (readyAt > nowNs)
            earliest = std::min(earliest, readyAt);
    }
    if (earliest == std::numeric_limits<qint64>::max()) {
        m_timer.stop();
        return;
    }
    // Rounded up, so the timer never fires just before the host is ready.
    const qint64 waitMs = (earliest - nowNs + 999'999) / 1'000'000;
    if (!m_timer.isActive() || m_timer.remainingTime() > waitMs)
        m_timer.start(int(std::min<qint64>(waitMs, std::numeric_limits<int>::max())));
}
