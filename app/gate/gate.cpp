#include "gate.h"

#include <algorithm>
#include <utility>

Gate::Gate(int capacity, QObject *parent)
    : QObject(parent)
    , m_capacity(std::max(0, capacity))
{ }

Gate::Ticket Gate::acquire(Admitted admitted)
{
    const Ticket ticket = m_nextTicket++;
    m_waiters.push_back({ticket, std::move(admitted)});
    admitWaiters();
    return ticket;
}

bool Gate::withdraw(Ticket ticket)
{
    const auto it = std::find_if(m_waiters.begin(), m_waiters.end(),
                                 [ticket](const Waiter &waiter) { return waiter.ticket == ticket; });
    if (it == m_waiters.end())
        return false;
    m_waiters.erase(it);
    return true;
}

void Gate::release()
{
    Q_ASSERT(m_inUse > 0);
    m_inUse = std::max(0, m_inUse - 1);
    admitWaiters();
}

void Gate::setCapacity(int capacity)
{
    capacity = std::max(0, capacity);
    if (capacity == m_capacity)
        return;
    m_capacity = capacity;
    Q_EMIT capacityChanged(capacity);
    admitWaiters();
}

void Gate::admitWaiters()
{
    // An admitted callback may release or acquire again; the outer loop picks that up, so callbacks
    // never nest and waiters stay in FIFO order.
    if (m_admitting)
        return;
    m_admitting = true;
    while (!m_waiters.empty() && hasFreePermit()) {
        Waiter waiter = std::move(m_waiters.front());
        m_waiters.pop_front();
        ++m_inUse;
        waiter.admitted();
    }
    m_admitting = false;
}
