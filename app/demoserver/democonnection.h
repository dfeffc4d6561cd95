#pragma once

#include "demoresponse.h"

#include "http/requestparser.h"

#include <QByteArray>

#include <chrono>
#include <optional>

class DemoRouter;

/// One client connection of the demo server: a state machine over a non-blocking socket that DemoLoop
/// drives. It answers requests one at a time and in order, each after its delay. Every handler returns
/// false when the connection is over; the loop then destroys it, which closes the socket and drops a
/// pending response with it.
class DemoConnection
{
public:
    using Clock = std::chrono::steady_clock;

    /// Takes ownership of descriptor; port is the server's, the authority of last resort for links.
    DemoConnection(int descriptor, quint16 port, const DemoRouter &router);
    ~DemoConnection();
    DemoConnection(const DemoConnection &) = delete;
    DemoConnection &operator=(const DemoConnection &) = delete;

    int descriptor() const { return m_descriptor; }

    bool onReadable();
    /// Reads and drops what the client sent, before the loop closes a connection the client left.
    void drain();
    bool onWritable();
    /// The deadline() has come: a delayed response is due, or a closing client took too long to go.
    bool onDeadline();

    /// What the loop should wait for on this connection's behalf.
    bool wantsRead() const;
    bool wantsWrite() const { return m_state == State::Writing && m_blocked; }
    std::optional<Clock::time_point> deadline() const { return m_deadline; }

private:
    enum class State {
        Reading, // waiting for (the rest of) a request head
        Delaying, // a response waits for its delay
        Writing, // a response is being written
        Closing, // the last response is out and the write side shut; waiting for the client to go
    };

    /// Answers what the buffer holds until a response has to wait; false if the socket failed.
    bool serve();
    bool takeRequest();
    /// Answers a request that cannot be served with an error page, and closes after it: the framing of what
    /// follows is unknown, so nothing more is read.
    void refuse(int status, const QString &message);
    void respond(DemoResponse response, bool headOnly, bool close);
    void startWriting();
    /// Writes until the response is out or the socket is full; false if the socket failed.
    bool write();
    void finishResponse();

    int m_descriptor;
    quint16 m_port;
    const DemoRouter &m_router;
    State m_state = State::Reading;
    QByteArray m_in; // bytes received and not yet given to the parser
    RequestParser m_parser;
    bool m_skippingBody = false; // the last request's body is still being read (and dropped)
    std::optional<Clock::time_point> m_deadline;

    DemoResponse m_response;
    bool m_headOnly = false;
    bool m_close = false;
    QByteArray m_out; // what is queued for the socket, from m_outSent on
    qsizetype m_outSent = 0;
    qint64 m_patternQueued = 0; // how much of a generated body went into m_out so far
    bool m_blocked = false; // the socket took less than offered; wait for it to drain
};
