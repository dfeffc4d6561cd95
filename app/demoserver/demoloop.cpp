#include "demoloop.h"

#include <array>
#include <cerrno>
#include <climits>
#include <cstring>

#include <QtGlobal>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

// After accept() ran out of descriptors, it is tried again this much later rather than on every turn.
constexpr auto AcceptPause = std::chrono::milliseconds(100);
constexpr int EventsPerTurn = 256;

// epoll_pwait2 (Linux 5.11) takes a timeout to the nanosecond, so a 100 ms delay is 100 ms and not up to a
// millisecond more; an older kernel falls back to epoll_wait, rounding up to whole milliseconds.
int waitForEvents(int epoll, epoll_event *events, int capacity, std::optional<DemoLoop::Clock::duration> wait)
{
    static std::atomic<bool> precise {true};
    if (precise.load(std::memory_order_relaxed)) {
        timespec timeout {};
        if (wait) {
            const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(*wait).count();
            timeout.tv_sec = time_t(ns / 1'000'000'000);
            timeout.tv_nsec = long(ns % 1'000'000'000);
        }
        const int ready = ::epoll_pwait2(epoll, events, capacity, wait ? &timeout : nullptr, nullptr);
        // A sandbox that predates the call may refuse it with EPERM rather than ENOSYS.
        if (ready >= 0 || (errno != ENOSYS && errno != EPERM))
            return ready;
        precise.store(false, std::memory_order_relaxed);
    }
    int ms = -1;
    if (wait) {
        const auto ceil = std::chrono::ceil<std::chrono::milliseconds>(*wait).count();
        ms = int(std::min<decltype(ceil)>(ceil, INT_MAX));
    }
    return ::epoll_wait(epoll, events, capacity, ms);
}

} // namespace

DemoLoop::DemoLoop(int listener, quint16 port, quint64 seed, std::atomic<int> &openConnections)
    : m_listener(listener)
    , m_port(port)
    , m_epoll(::epoll_create1(EPOLL_CLOEXEC))
    , m_wake(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK))
    , m_router(seed)
    , m_openConnections(openConnections)
{
    if (!isValid()) {
        m_error = errno;
        return;
    }
    epoll_event wake {};
    wake.events = EPOLLIN;
    wake.data.ptr = &m_wake;
    epoll_event listening {};
    listening.events = EPOLLIN;
    listening.data.ptr = &m_listener;
    if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wake, &wake) != 0
        || ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_listener, &listening) != 0) {
        m_error = errno;
        ::close(m_epoll);
        m_epoll = -1;
    }
}

DemoLoop::~DemoLoop()
{
    while (!m_connections.empty())
        destroy(m_connections.begin()->first);
    if (m_listener >= 0)
        ::close(m_listener);
    if (m_wake >= 0)
        ::close(m_wake);
    if (m_epoll >= 0)
        ::close(m_epoll);
}

// NOLINTNEXTLINE(readability-make-member-function-const): it ends run(), through the eventfd
void DemoLoop::stop()
{
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t written = ::write(m_wake, &one, sizeof one);
}

void DemoLoop::run()
{
    std::array<epoll_event, EventsPerTurn> events {};
    while (!m_stopping) {
        const int ready = waitForEvents(m_epoll, events.data(), int(events.size()), timeout());
        if (ready < 0 && errno != EINTR) {
            // Nothing will be served any more: clients are refused rather than left waiting in the backlog.
            qWarning("demo server: epoll failed (%s); no longer serving", std::strerror(errno));
            setListening(false);
            ::close(m_listener);
            m_listener = -1;
            m_stopping = true;
            break;
        }
        for (int i = 0; i < ready; ++i) {
            const epoll_event &event = events[size_t(i)];
            if (event.data.ptr == &m_wake) {
                m_stopping = true;
            } else if (event.data.ptr == &m_listener) {
                accept();
            } else {
                auto *connection = static_cast<DemoConnection *>(event.data.ptr);
                bool keep = true;
                if (event.events & (EPOLLHUP | EPOLLERR)) {
                    // The client went away or reset. What it sent is read first, so that closing does not
                    // reset a connection whose last response is still on its way.
                    connection->drain();
                    keep = false;
                } else if (event.events & EPOLLIN) {
                    keep = connection->onReadable();
                }
                if (keep && (event.events & EPOLLOUT))
                    keep = connection->onWritable();
                settle(connection, keep);
            }
        }
        runDueTimers();
    }
    while (!m_connections.empty())
        destroy(m_connections.begin()->first);
}

void DemoLoop::accept()
{
    for (;;) {
        const int descriptor = ::accept4(m_listener, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (descriptor < 0) {
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
                // The pending client waits in the backlog until a descriptor is free again.
                setListening(false);
                m_acceptAgainAt = Clock::now() + AcceptPause;
            }
            return;
        }
        // A response goes out the moment it is due, not when Nagle's algorithm lets it.
        const int on = 1;
        ::setsockopt(descriptor, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
        auto connection = std::make_unique<DemoConnection>(descriptor, m_port, m_router);
        DemoConnection *key = connection.get();
        epoll_event event {};
        event.events = EPOLLIN;
        event.data.ptr = key;
        if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, descriptor, &event) != 0)
            continue; // the connection closes as it goes out of scope
        m_connections.emplace(key, Watched {std::move(connection), EPOLLIN, m_timers.end(), false});
        ++m_openConnections;
    }
}

void DemoLoop::settle(DemoConnection *connection, bool keep)
{
    if (!keep) {
        destroy(connection);
        return;
    }
    Watched &watched = m_connections.at(connection);
    const unsigned events = (connection->wantsRead() ? unsigned(EPOLLIN) : 0u)
        | (connection->wantsWrite() ? unsigned(EPOLLOUT) : 0u);
    if (events != watched.events) {
        epoll_event event {};
        event.events = events;
        event.data.ptr = connection;
        ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, connection->descriptor(), &event);
        watched.events = events;
    }
    const std::optional<Clock::time_point> deadline = connection->deadline();
    if (watched.hasTimer && (!deadline || watched.timer->first != *deadline)) {
        m_timers.erase(watched.timer);
        watched.hasTimer = false;
    }
    if (deadline && !watched.hasTimer) {
        watched.timer = m_timers.emplace(*deadline, connection);
        watched.hasTimer = true;
    }
}

void DemoLoop::destroy(DemoConnection *connection)
{
    const auto found = m_connections.find(connection);
    if (found == m_connections.end())
        return;
    if (found->second.hasTimer)
        m_timers.erase(found->second.timer);
    // Not left to close(): a child process between fork and exec holds a copy of the descriptor, and the
    // registration, with its pointer to this connection, would outlive it.
    ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, connection->descriptor(), nullptr);
    m_connections.erase(found);
    --m_openConnections;
}

void DemoLoop::runDueTimers()
{
    const Clock::time_point now = Clock::now();
    if (m_acceptAgainAt && *m_acceptAgainAt <= now) {
        m_acceptAgainAt.reset();
        setListening(true);
    }
    while (!m_timers.empty() && m_timers.begin()->first <= now) {
        DemoConnection *connection = m_timers.begin()->second;
        m_timers.erase(m_timers.begin());
        m_connections.at(connection).hasTimer = false;
        settle(connection, connection->onDeadline());
    }
}

std::optional<DemoLoop::Clock::duration> DemoLoop::timeout() const
{
    std::optional<Clock::time_point> first = m_acceptAgainAt;
    if (!m_timers.empty() && (!first || m_timers.begin()->first < *first))
        first = m_timers.begin()->first;
    if (!first)
        return std::nullopt;
    return std::max(Clock::duration::zero(), *first - Clock::now());
}

void DemoLoop::setListening(bool on)
{
    epoll_event event {};
    event.events = on ? unsigned(EPOLLIN) : 0U;
    event.data.ptr = &m_listener;
    ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, m_listener, &event);
}
