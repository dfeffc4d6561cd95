#include "proxyconnection.h"

#include "core/clock.h"
#include "headerredaction.h"
#include "proxyexchange.h"
#include "proxytunnel.h"
#include "recorder/recorder.h"
#include "requestbodydevice.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QTcpSocket>

#include <array>
#include <limits>

namespace {

bool isForwardedMethod(QByteArrayView method)
{
    static constexpr std::array<QByteArrayView, 7> Methods {"GET",    "HEAD",    "POST", "PUT",
                                                            "DELETE", "OPTIONS", "PATCH"};
    return std::find(Methods.begin(), Methods.end(), method) != Methods.end();
}

QByteArray reasonPhrase(int status)
{
    return status == 501 ? "Not Implemented" : "Bad Request";
}

bool expectsContinue(const RequestHead &head)
{
    return head.versionMajor == 1 && head.versionMinor >= 1
        && head.header("Expect").trimmed().compare("100-continue", Qt::CaseInsensitive) == 0;
}

} // namespace

ProxyConnection::ProxyConnection(QTcpSocket *socket, int connectionId, ManagerPool *pool, Recorder *recorder,
                                 const CaptureSettings &settings, ProxyStats *stats, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_id(connectionId)
    , m_pool(pool)
    , m_recorder(recorder)
    , m_settings(settings)
    , m_stats(stats)
    , m_parser(settings.maxHeadBytes)
{
    m_socket->setParent(this);
    // Qt's socket buffer is otherwise unbounded: a body the proxy is not ready for stays in the kernel, and
    // TCP makes the client wait.
    m_socket->setReadBufferSize(BodyWindowBytes);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_bodyTimer.setSingleShot(true);
    m_bodyTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_bodyTimer, &QTimer::timeout, this, &ProxyConnection::checkBodyTimeout);
    connect(m_socket, &QTcpSocket::readyRead, this, &ProxyConnection::readClient);
    connect(m_socket, &QTcpSocket::disconnected, this, &ProxyConnection::onClientGone);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this] {
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            onClientGone();
    });
    readClient();
}

ProxyConnection::~ProxyConnection()
{
    // Explicitly, while the recorder and the pool are certainly alive: each records how it ended.
    delete m_exchange.data();
    delete m_tunnel.data();
}

void ProxyConnection::readClient()
{
    if (m_tunnel || m_closing)
        return;
    if (m_readingBody) {
        readBody();
        return;
    }
    // A request pipelined behind one still going waits in the socket, whose buffer is bounded, so that a
    // large body behind a slow response holds the client back instead of filling memory; the exchange's end
    // reads it.
    if (m_exchange)
        return;
    m_buffer += m_socket->readAll();
    m_stats->noteBodyHeld(m_buffer.size());
    parse();
}

void ProxyConnection::parse()
{
    while (!m_exchange && !m_tunnel && !m_closing && !m_buffer.isEmpty()) {
        const qint64 start = Clock::nowNs();
        const RequestParser::Result result = m_parser.feed(m_buffer);
        m_parseNs += Clock::nowNs() - start;
        switch (result) {
        case RequestParser::Result::NeedMore:
            m_buffer.clear(); // the parser has taken what it needs of them
            return;
        case RequestParser::Result::Error: {
            // The stream cannot be followed past a bad head, so the connection closes after the answer.
            RequestHead head = m_parser.head();
            refuse(m_parser.errorIsUnsupportedMethod() ? 501 : 400, m_parser.error(), {}, head);
            return;
        }
        case RequestParser::Result::Complete: {
            m_buffer.remove(0, m_parser.consumed());
            RequestHead head = m_parser.head();
            const qint64 ownNs = m_parseNs;
            if (!head.hasBody)
                m_parser.reset(); // else it reads the body next
            m_parseNs = 0;
            handle(head, ownNs);
            break;
        }
        }
    }
}

int ProxyConnection::addRecord(const QUrl &url, const RequestHead &head)
{
    const int id = m_recorder->add(HeaderRedaction::url(url, m_settings.keepSecrets));
    RequestRecord &record = m_recorder->edit(id);
    record.setMethod(QString::fromLatin1(head.method));
    record.setConnection(m_id);
    record.setReusedConnection(m_requests > 0);
    record.setRequestHeaders(HeaderRedaction::headerLines(head.headers, m_settings.keepSecrets));
    ++m_requests;
    return id;
}

void ProxyConnection::handle(const RequestHead &head, qint64 ownNs)
{
    if (head.method == "CONNECT") {
        QUrl url;
        url.setScheme(QStringLiteral("https"));
        url.setAuthority(QString::fromLatin1(head.target));
        if (!url.isValid() || url.host().isEmpty() || url.port() <= 0 || !url.path().isEmpty()) {
            refuse(400, tr("CONNECT needs host:port, not \"%1\"").arg(QString::fromLatin1(head.target)), {},
                   head);
            return;
        }
        const quint16 port = quint16(url.port());
        if (port == 443)
            url.setPort(-1);
        const int id = addRecord(url, head);
        RequestRecord &record = m_recorder->edit(id);
        record.role = RequestRole::Tunnel;
        record.setProxyNs(ownNs);
        disconnect(m_socket, nullptr, this, nullptr);
        connect(m_socket, &QTcpSocket::disconnected, this, [this] {
            if (!m_tunnel)
                deleteLater();
        });
        m_tunnel = new ProxyTunnel(m_socket, m_recorder, id, url.host(), port, std::exchange(m_buffer, {}),
                                   m_settings.run.timeoutMs, this);
        connect(m_tunnel, &ProxyTunnel::closed, this, &QObject::deleteLater);
        m_tunnel->start();
        return;
    }
    if (!isForwardedMethod(head.method)) {
        refuse(501, tr("method %1 is not forwarded").arg(QString::fromLatin1(head.method)), {}, head);
        return;
    }
    if (head.target.startsWith('/') || head.target == "*") {
        refuse(400,
               tr("origin-form request \"%1\": this is a proxy, so the request line needs the whole URL "
                  "(GET http://host/path)")
                   .arg(QString::fromLatin1(head.target)),
               {}, head);
        return;
    }
    const QUrl url = QUrl::fromEncoded(head.target, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        refuse(400, tr("bad request-target \"%1\"").arg(QString::fromLatin1(head.target)), {}, head);
        return;
    }
    if (url.scheme() != QLatin1String("http")) {
        refuse(501,
               tr("scheme %1 is not forwarded: HTTPS goes through CONNECT, and is never looked into")
                   .arg(url.scheme()),
               url, head);
        return;
    }
    // A request to the proxy itself would loop back in until every descriptor was spent.
    const QHostAddress address(url.host());
    if ((address.isLoopback() || url.host() == QLatin1String("localhost"))
        && url.port(80) == m_socket->localPort()) {
        refuse(400, tr("the request is for the proxy itself"), url, head);
        return;
    }

    const int id = addRecord(url, head);
    const bool hasBody = head.hasBody;
    m_exchange = new ProxyExchange(m_socket, m_pool, m_recorder, m_settings, id, head, this);
    connect(m_exchange, &ProxyExchange::finished, this, &ProxyConnection::onExchangeFinished);
    if (hasBody)
        startBody(head, ownNs);
    else
        m_exchange->start(ownNs);
}

void ProxyConnection::startBody(const RequestHead &head, qint64 ownNs)
{
    m_readingBody = true;
    m_streamingBody = false;
    m_gathered.clear();
    m_bodyOwnNs = ownNs;
    // The client waits for this before it sends the body. The proxy answers it itself and does not forward
    // it: the body is streamed upstream in any case, whatever the server would have said to it.
    if (expectsContinue(head))
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    if (head.contentLength >= 0) {
        // Nothing is sized from the length the client claims: the device grows only with what arrives.
        m_streamingBody = true;
        m_body = new RequestBodyDevice(m_exchange);
        connect(m_body, &RequestBodyDevice::bytesTaken, this, &ProxyConnection::readBody);
        m_exchange->setBody(m_body, head.contentLength);
        m_exchange->start(ownNs);
    } else {
        m_bodyStartNs = m_bodyLastNs = Clock::nowNs();
        m_bodyWireBytes = 0;
        checkBodyTimeout();
    }
    readBody();
}

void ProxyConnection::readBody()
{
    while (m_readingBody && !m_closing) {
        const qint64 start = Clock::nowNs();
        if (m_streamingBody && !m_body)
            return; // the exchange ended and took the device with it
        // Streamed: only what the window has room for. Gathered: the cap, and one byte more to see it passed.
        const qint64 room = m_streamingBody ? BodyWindowBytes - m_body->held()
                                            : m_settings.maxGatheredBodyBytes + 1 - m_gathered.size();
        if (room <= 0)
            return; // bytesTaken() calls again
        QByteArray bytes;
        if (!m_buffer.isEmpty()) {
            bytes = m_buffer.left(room);
            m_buffer.remove(0, bytes.size());
        } else {
            bytes = m_socket->read(room);
        }
        if (bytes.isEmpty())
            return; // readyRead calls again
        if (!m_streamingBody) {
            // Only noted: the timer, when it comes due, waits out what is left since then.
            m_bodyLastNs = start;
            m_bodyWireBytes += bytes.size();
        }
        QByteArray decoded;
        const RequestParser::Result result = m_parser.feedBody(bytes, m_streamingBody ? decoded : m_gathered);
        if (m_streamingBody) {
            m_body->append(decoded);
            m_stats->noteBodyHeld(m_body->held() + m_socket->bytesAvailable() + m_buffer.size());
        }
        if (m_streamingBody && m_exchange)
            m_exchange->addOwnTime(Clock::nowNs() - start);
        else
            m_bodyOwnNs += Clock::nowNs() - start;
        if (result == RequestParser::Result::Error) {
            bodyFailed(400, m_parser.error());
            return;
        }
        if (!m_streamingBody && m_gathered.size() > m_settings.maxGatheredBodyBytes) {
            bodyFailed(413,
                       tr("a chunked request body over %1 bytes: the proxy holds a chunked body whole before "
                          "sending it; a longer one is streamed when sent with a Content-Length")
                           .arg(m_settings.maxGatheredBodyBytes));
            return;
        }
        if (result == RequestParser::Result::Complete) {
            // What follows the body is the next request's.
            m_buffer.prepend(bytes.mid(m_parser.consumed()));
            m_parser.reset();
            m_readingBody = false;
            m_bodyTimer.stop();
            if (m_streamingBody) {
                m_body->finish();
                m_body = nullptr;
            } else if (m_exchange) {
                m_exchange->setBody(std::exchange(m_gathered, {}));
                m_exchange->start(m_bodyOwnNs);
            }
            return;
        }
    }
}

void ProxyConnection::checkBodyTimeout()
{
    if (!m_readingBody || m_streamingBody || m_closing || !m_exchange)
        return;
    constexpr qint64 Max = std::numeric_limits<qint64>::max();
    const int timeoutMs = m_settings.run.timeoutMs;
    const int deadlineMs = m_settings.run.effectiveDeadlineMs();
    const qint64 idleDueNs = timeoutMs > 0 ? m_bodyLastNs + qint64(timeoutMs) * 1'000'000 : Max;
    const qint64 deadlineDueNs = deadlineMs > 0 ? m_bodyStartNs + qint64(deadlineMs) * 1'000'000 : Max;
    const qint64 dueNs = std::min(idleDueNs, deadlineDueNs);
    if (dueNs == Max)
        return;
    const qint64 nowNs = Clock::nowNs();
    if (dueNs > nowNs) {
        // Rounded up: a timeout never fires before its stated time.
        m_bodyTimer.start(int((dueNs - nowNs + 999'999) / 1'000'000));
        return;
    }
    if (deadlineDueNs <= idleDueNs) {
        bodyFailed(408,
                   tr("the chunked request body was not complete %1 ms after its head (%2 bytes of it "
                      "came)")
                       .arg(deadlineMs)
                       .arg(m_bodyWireBytes));
    } else {
        bodyFailed(408,
                   tr("the client sent no more of its chunked request body for %1 ms (%2 bytes of it "
                      "came)")
                       .arg(timeoutMs)
                       .arg(m_bodyWireBytes));
    }
}

void ProxyConnection::bodyFailed(int status, const QString &reason)
{
    m_readingBody = false;
    m_bodyTimer.stop();
    m_buffer.clear();
    if (m_streamingBody) {
        // The exchange was streaming it upstream: that request cannot be completed.
        if (m_exchange)
            m_exchange->cancel(tr("the request body could not be read: %1").arg(reason));
        m_closing = true;
        m_socket->disconnectFromHost();
        return;
    }
    m_gathered.clear();
    if (m_exchange)
        m_exchange->refuse(status, tr("refused with %1: %2").arg(status).arg(reason), reason);
}

void ProxyConnection::refuse(int status, const QString &reason, const QUrl &url, const RequestHead &head)
{
    QUrl recorded = url;
    if (!recorded.isValid() || recorded.isEmpty()) {
        // Something to show the row by: the proxy's own address, with the target as it came.
        recorded.setScheme(QStringLiteral("http"));
        recorded.setHost(QStringLiteral("127.0.0.1"));
        recorded.setPort(m_socket->localPort());
    }
    const int id = addRecord(recorded, head);
    m_recorder->mark(id, Mark::Issued);
    m_recorder->mark(id, Mark::Finished);
    RequestRecord &record = m_recorder->edit(id);
    if (record.method().isEmpty())
        record.setMethod(QStringLiteral("?"));
    record.status = RequestRecord::statusFrom(status);
    record.outcome = Outcome::Failed;
    record.error = tr("refused with %1: %2").arg(status).arg(reason);
    record.setProxyNs(m_parseNs);

    const QByteArray body = reason.toUtf8() + '\n';
    m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
                    + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
                    + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    m_closing = true;
    m_buffer.clear();
    m_socket->disconnectFromHost();
}

void ProxyConnection::onExchangeFinished(bool keepAlive)
{
    if (m_exchange)
        m_exchange->deleteLater();
    m_exchange = nullptr;
    // A response that came before the whole request body leaves the rest of it unread: the stream can only
    // be followed again by closing it.
    if (m_readingBody) {
        keepAlive = false;
        m_readingBody = false;
    }
    if (!keepAlive) {
        m_closing = true;
        m_socket->disconnectFromHost();
        return;
    }
    m_buffer += m_socket->readAll();
    parse();
}

void ProxyConnection::onClientGone()
{
    if (m_exchange && m_readingBody)
        m_exchange->cancel(tr("the client closed its connection before the whole request body"));
    else if (m_exchange)
        m_exchange->cancel(tr("the client closed its connection"));
    deleteLater();
}
