#include "democonnection.h"

#include "demorequest.h"
#include "demorouter.h"
#include "demosite.h"

#include <algorithm>
#include <cerrno>
#include <utility>

#include <sys/socket.h>
#include <unistd.h>

namespace {

// Read in pieces this large; a client that sends more than MaxBuffered ahead of its answers is not read
// until the server catches up, which keeps a flood of pipelined requests from growing without bound.
constexpr qsizetype ReadBytes = 64 * 1024;
constexpr qsizetype MaxBuffered = 1024 * 1024;
// After the last response of a connection the server shuts its side and waits this long for the client to
// close, so that a request still in flight does not turn the close into a reset that loses the response.
constexpr auto LingerTime = std::chrono::seconds(2);
// The most one event reads or writes before the loop turns again, so a fast reader of a 2 GiB /bytes
// body cannot hold up the other connections' due responses.
constexpr qsizetype MaxBytesPerTurn = 1024 * 1024;

} // namespace

DemoConnection::DemoConnection(int descriptor, quint16 port, const DemoRouter &router)
    : m_descriptor(descriptor)
    , m_port(port)
    , m_router(router)
    , m_parser(DemoMaxHeadBytes, RequestParser::Upgrades::Ignore)
{ }

DemoConnection::~DemoConnection()
{
    ::close(m_descriptor);
}

bool DemoConnection::wantsRead() const
{
    return m_state == State::Closing || m_in.size() < MaxBuffered;
}

bool DemoConnection::onReadable()
{
    char chunk[ReadBytes];
    for (qsizetype read = 0; wantsRead() && read < MaxBytesPerTurn;) {
        const ssize_t got = ::recv(m_descriptor, chunk, sizeof chunk, 0);
        if (got == 0)
            return false; // the client went away; a pending response goes with it
        if (got < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                break;
            return false;
        }
        read += got;
        if (m_state != State::Closing)
            m_in.append(chunk, got);
        if (got < qsizetype(sizeof chunk))
            break;
    }
    return serve();
}

// NOLINTNEXTLINE(readability-make-member-function-const): it consumes the socket's input
void DemoConnection::drain()
{
    char chunk[ReadBytes];
    for (qsizetype read = 0; read < MaxBytesPerTurn;) {
        const ssize_t got = ::recv(m_descriptor, chunk, sizeof chunk, 0);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return;
        read += got;
    }
}

bool DemoConnection::onWritable()
{
    m_blocked = false;
    return serve();
}

bool DemoConnection::onDeadline()
{
    m_deadline.reset();
    if (m_state == State::Closing)
        return false;
    if (m_state == State::Delaying)
        startWriting();
    return serve();
}

bool DemoConnection::serve()
{
    for (;;) {
        switch (m_state) {
        case State::Writing:
            if (!write())
                return false;
            if (m_state == State::Writing)
                return true; // the socket is full; onWritable goes on
            break;
        case State::Reading:
            if (!takeRequest())
                return true;
            break;
        case State::Delaying:
        case State::Closing:
            return true;
        }
    }
}

bool DemoConnection::takeRequest()
{
    if (m_skippingBody) {
        if (m_in.isEmpty())
            return false; // the body comes later, if it comes at all
        QByteArray dropped; // the demo server reads request bodies only to find where they end
        const RequestParser::Result result = m_parser.feedBody(m_in, dropped);
        if (result == RequestParser::Result::Error) {
            refuse(400, m_parser.error());
            return true;
        }
        m_in.remove(0, m_parser.consumed());
        if (result == RequestParser::Result::NeedMore)
            return false;
        m_skippingBody = false;
        m_parser.reset();
    }
    if (m_in.isEmpty())
        return false;

    const RequestParser::Result result = m_parser.feed(m_in);
    if (result == RequestParser::Result::Error) {
        refuse(m_parser.errorIsHeadTooLong() ? 431 : 400, m_parser.error());
        return true;
    }
    // Taken: the parser holds what it needs of an incomplete head, and the rest is the body's or the next
    // request's.
    m_in.remove(0, m_parser.consumed());
    if (result == RequestParser::Result::NeedMore)
        return false;

    const RequestHead &head = m_parser.head();
    const auto request = demoRequest(head);
    if (const auto *failure = std::get_if<DemoRequestError>(&request)) {
        refuse(failure->status, failure->message);
        return true;
    }
    if (head.hasBody && head.upgrade) {
        // After an Upgrade head libhttp-parser reads no body, so where this one ends cannot be found.
        refuse(400, QStringLiteral("An Upgrade request with a body is not supported."));
        return true;
    }
    const auto &[method, target, sentHost, close] = std::get<DemoRequest>(request);
    // An HTTP/1.0 client may send no Host; the address it reached is the next best authority for links.
    const QByteArray host
        = DemoSite::isValidHost(sentHost) ? sentHost : "127.0.0.1:" + QByteArray::number(m_port);
    DemoResponse response = m_router.route(method, target, host);
    if (head.hasBody)
        m_skippingBody = true; // read (and dropped) before the next request
    else
        m_parser.reset();
    respond(std::move(response), method == "HEAD", close);
    return true;
}

void DemoConnection::refuse(int status, const QString &message)
{
    m_in.clear();
    m_skippingBody = false;
    respond(DemoResponse::error(status, message), false, true);
}

void DemoConnection::respond(DemoResponse response, bool headOnly, bool close)
{
    m_response = std::move(response);
    m_headOnly = headOnly;
    m_close = close;
    if (m_response.delayMs > 0) {
        m_state = State::Delaying;
        m_deadline = Clock::now() + std::chrono::milliseconds(m_response.delayMs);
    } else {
        startWriting();
    }
}

void DemoConnection::startWriting()
{
    m_state = State::Writing;
    m_out = m_headOnly ? m_response.head(m_close) : m_response.head(m_close) + m_response.body;
    m_outSent = 0;
    m_patternQueued = 0;
}

bool DemoConnection::write()
{
    const qint64 pattern = m_headOnly ? 0 : m_response.patternBytes;
    for (qsizetype written = 0;;) {
        if (written >= MaxBytesPerTurn) {
            m_blocked = true; // the socket is writable, so the loop calls back on its next turn
            return true;
        }
        if (m_outSent == m_out.size()) {
            if (m_patternQueued == pattern) {
                finishResponse();
                return true;
            }
            // A large body is generated as the socket drains, so 2 GiB never sit in memory.
            const qint64 size = std::min(DemoResponse::ChunkBytes, pattern - m_patternQueued);
            m_out = DemoResponse::pattern(m_patternQueued, size);
            m_outSent = 0;
            m_patternQueued += size;
        }
        const ssize_t sent
            = ::send(m_descriptor, m_out.constData() + m_outSent, m_out.size() - m_outSent, MSG_NOSIGNAL);
        if (sent < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                m_blocked = true;
                return true;
            }
            return false;
        }
        m_outSent += sent;
        written += sent;
    }
}

void DemoConnection::finishResponse()
{
    m_response = {};
    m_out = {};
    m_outSent = 0;
    if (m_close) {
        // The client reads the response to its end and then sees the end of the stream.
        ::shutdown(m_descriptor, SHUT_WR);
        m_in.clear();
        m_state = State::Closing;
        m_deadline = Clock::now() + LingerTime;
        return;
    }
    m_state = State::Reading;
}
