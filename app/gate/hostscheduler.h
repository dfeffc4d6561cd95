#pragma once

#include "gate.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <deque>
#include <functional>
#include <vector>

/// The per-host gates that sit inside a run's gate. A request is admitted when its host has a free slot
/// (at most perHost in use, 0 = no cap), the host's pacing allows another start (a minimum interval between
/// starts, from robots.txt's Crawl-delay) and the host is not paused (backing off after 429 or 503) - and
/// only then does it take one of the run's permits. So a host that must wait never holds a permit another
/// host could use, and among the hosts that may go, the request queued first goes first: with one host and
/// no per-host rules this is exactly the run's FIFO gate.
class HostScheduler : public QObject
{
    Q_OBJECT

public:
    /// Called with the moment of admission on Clock::nowNs(), the time the host's pacing counts from.
    using Admitted = std::function<void(qint64 admittedNs)>;

    HostScheduler(Gate *gate, int perHost, QObject *parent = nullptr);

    /// Queues request id for host; admitted() is called once it holds a host slot and a permit of the gate,
    /// synchronously when both are free.
    void submit(int id, const QString &host, Admitted admitted);
    /// Drops every request that is still queued, and returns their ids in submission order.
    QList<int> withdrawAll();
    /// Gives back a host slot. The gate permit is the caller's to release, when it is done with it.
    void release(const QString &host);

    /// At least intervalMs between two admissions to host (0 = none).
    void setInterval(const QString &host, int intervalMs);
    /// Admits nothing to host before the monotonic time untilNs (Clock::nowNs()); never shortens a pause.
    void pauseUntil(const QString &host, qint64 untilNs);

    int waiting() const { return m_waiting; }
    int waiting(const QString &host) const;
    int active(const QString &host) const;

private:
    struct Item
    {
        quint64 order;
        int id;
        Admitted admitted;
    };
    struct Host
    {
        std::deque<Item> queue;
        int active = 0;
        qint64 intervalNs = 0;
        qint64 lastAdmittedNs = 0;
        bool admittedBefore = false;
        qint64 pausedUntilNs = 0;
    };

    /// The host named so, added if new. A run's requests mostly go to the host of the one before: that one
    /// is found without hashing its name.
    Host &hostFor(const QString &name);
    const Host *findHost(const QString &name) const;
    qint64 readyAtNs(const Host &host) const;
    Host *nextReady(qint64 nowNs);
    void pump();
    void onPermit();
    void armTimer(qint64 nowNs);

    QPointer<Gate> m_gate;
    int m_perHost;
    // In a vector, not a QHash: every pump walks them all, and walking a QHash scans all its buckets.
    std::vector<Host> m_hosts;
    QHash<QString, qsizetype> m_hostIndex; // name -> position in m_hosts
    QString m_lastName; // the host hostFor() found last
    qsizetype m_lastIndex = -1;
    quint64 m_nextOrder = 0;
    int m_waiting = 0;
    bool m_acquiring = false; // asked the gate for a permit, not granted yet
    Gate::Ticket m_ticket = 0;
    bool m_pumping = false;
    bool m_pumpAgain = false;
    // Some host has had an interval or a pause: until then no host is ever held back by time, and a pump
    // needs neither the clock nor the timer, which was most of what the scheduler cost a request.
    bool m_timed = false;
    QTimer m_timer;
};
