#pragma once

#include "democonnection.h"
#include "demorouter.h"

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <unordered_map>

/// The demo server's event loop, on a thread of its own: Linux's epoll over the listening socket and every
/// connection, with deadlines not rounded to milliseconds. A Qt event loop polls every socket on each turn,
/// which made the server the slowest part of a thousand-request gather; this one costs the same per
/// event whatever the number of connections.
class DemoLoop
{
public:
    using Clock = DemoConnection::Clock;

    /// Takes ownership of listener, a bound, listening, non-blocking socket.
    DemoLoop(int listener, quint16 port, quint64 seed, std::atomic<int> &openConnections);
    ~DemoLoop();
    DemoLoop(const DemoLoop &) = delete;
    DemoLoop &operator=(const DemoLoop &) = delete;

    /// False if the loop's own descriptors could not be made; error() then says why.
    bool isValid() const { return m_epoll >= 0 && m_wake >= 0; }
    int error() const { return m_error; }
    /// Serves until stop(); then closes every connection.
    void run();
    /// Any thread: makes run() return.
    void stop();

private:
    struct Watched
    {
        std::unique_ptr<DemoConnection> connection;
        unsigned events = 0;
        std::multimap<Clock::time_point, DemoConnection *>::iterator timer;
        bool hasTimer = false;
    };

    void accept();
    /// Brings the epoll registration and the timer of a connection in line with what it now waits for,
    /// or destroys it when the handler said it is over.
    void settle(DemoConnection *connection, bool keep);
    void destroy(DemoConnection *connection);
    void runDueTimers();
    /// epoll_wait's timeout: until the first deadline, or forever.
    std::optional<Clock::duration> timeout() const;
    void setListening(bool on);

    int m_listener;
    quint16 m_port;
    int m_epoll = -1;
    int m_wake = -1;
    int m_error = 0; // errno of a failed constructor
    DemoRouter m_router;
    std::atomic<int> &m_openConnections;
    std::unordered_map<DemoConnection *, Watched> m_connections;
    std::multimap<Clock::time_point, DemoConnection *> m_timers;
    std::optional<Clock::time_point> m_acceptAgainAt; // set while accept() is paused for lack of descriptors
    bool m_stopping = false;
};
