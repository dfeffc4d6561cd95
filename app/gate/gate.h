#pragma once

#include <QObject>

#include <deque>
#include <functional>

/// A counting semaphore with a FIFO queue of waiters, driven by the event loop: acquire() never blocks,
/// it calls back when a permit is granted. The size can change at any time: growing admits waiters at
/// once, shrinking lets holders finish and admits no one until fewer than the new size hold a permit.
/// This is asyncio.Semaphore for Qt, and the gate every limited run goes through.
class Gate : public QObject
{
    Q_OBJECT

public:
    using Ticket = quint64;
    using Admitted = std::function<void()>;

    /// capacity 0 means unbounded: every acquire is admitted at once.
    explicit Gate(int capacity, QObject *parent = nullptr);

    /// Calls admitted() when a permit is granted: synchronously if one is free and nobody is queued.
    Ticket acquire(Admitted admitted);
    /// Removes a waiter that was not admitted yet; returns false if the ticket holds or held a permit.
    bool withdraw(Ticket ticket);
    void release();

    void setCapacity(int capacity);
    int capacity() const { return m_capacity; }
    int inUse() const { return m_inUse; }
    int waiting() const { return int(m_waiters.size()); }

Q_SIGNALS:
    void capacityChanged(int capacity);

private:
    bool hasFreePermit() const { return m_capacity == 0 || m_inUse < m_capacity; }
    void admitWaiters();

    struct Waiter
    {
        Ticket ticket;
        Admitted admitted;
    };

    int m_capacity = 0;
    int m_inUse = 0;
    Ticket m_nextTicket = 1;
    std::deque<Waiter> m_waiters;
    bool m_admitting = false;
};
