#include "democonnection.h"

#include <QTcpSocket>
#include <QUrl>

#include <algorithm>
#include <utility>

namespace {

// Enough in flight to keep a loopback socket busy, little enough that /bytes stays cheap.
constexpr qint64 MaxQueuedBytes = 4 * DemoResponse::ChunkBytes;

// Bare LF line ends are tolerated (RFC 9112 2.2), so the head ends at the first empty line of either kind.
qsizetype headLength(const QByteArray &buffer)
{
    for (qsizetype i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n', i + 1)) {
        const QByteArrayView rest = QByteArrayView(buffer).sliced(i + 1);
        if (rest.startsWith('\n'))
            return i + 2;
        if (rest.startsWith("\r\n"))
            return i + 3;
    }
    return -1;
}

} // namespace

DemoConnection::DemoConnection(qintptr descriptor, const DemoRouter &router,
                               std::atomic<int> &openConnections, QObject *parent)
    : QObject(parent)
    , m_socket(new QTcpSocket(this))
    , m_router(router)
    , m_openConnections(openConnections)
{
    ++m_openConnections;
    m_delay.setSingleShot(true);
    m_delay.setTimerType(Qt::PreciseTimer);
    connect(&m_delay, &QTimer::timeout, this, &DemoConnection::sendResponse);

    connect(m_socket, &QTcpSocket::readyRead, this, &DemoConnection::readRequests);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &DemoConnection::writeBody);
    connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    // An accepted socket has no error it recovers from; disconnected may not follow every one of them.
    connect(m_socket, &QTcpSocket::errorOccurred, this, &QObject::deleteLater);
    if (!m_socket->setSocketDescriptor(descriptor)) {
        deleteLater();
        return;
    }
    // A response is sent the moment it is due, not when Nagle's algorithm lets it go.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
}

DemoConnection::~DemoConnection()
{
    --m_openConnections;
}

void DemoConnection::readRequests()
{
    // Runs on readyRead and after every response. A response that completes at once ends inside
    // takeRequest(), which must not start another loop, so pipelined requests are answered in order here.
    if (m_inReadLoop)
        return;
    m_inReadLoop = true;
    while (m_state == State::Reading && m_socket->state() == QAbstractSocket::ConnectedState) {
        m_buffer += m_socket->readAll();
        if (!takeRequest())
            break;
    }
    m_inReadLoop = false;
}

bool DemoConnection::takeRequest()
{
    const qint64 skipped = std::min<qint64>(m_bodyToSkip, m_buffer.size());
    m_buffer.remove(0, skipped);
    m_bodyToSkip -= skipped;
    if (m_bodyToSkip > 0)
        return false;
    // RFC 9112 2.2: empty lines before a request line are ignored.
    while (m_buffer.startsWith('\n') || m_buffer.startsWith("\r\n"))
        m_buffer.remove(0, m_buffer.indexOf('\n') + 1);

    const qsizetype length = headLength(m_buffer);
    if (length < 0 && m_buffer.size() <= MaxHeadBytes)
        return false;
    if (length < 0 || length > MaxHeadBytes) {
        fail(431, QStringLiteral("The request head is larger than %1 bytes.").arg(MaxHeadBytes));
        return true;
    }
    QList<QByteArray> lines = m_buffer.left(length).split('\n');
    m_buffer.remove(0, length);
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }

    const QList<QByteArray> requestLine = lines.constFirst().split(' ');
    if (requestLine.size() != 3 || requestLine.at(0).isEmpty() || requestLine.at(1).isEmpty()) {
        fail(400, QStringLiteral("The request line is malformed."));
        return true;
    }
    const QByteArray &method = requestLine.at(0);
    QByteArray target = requestLine.at(1);
    const QByteArray &version = requestLine.at(2);
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        fail(version.startsWith("HTTP/") ? 505 : 400,
             QStringLiteral("Only HTTP/1.0 and HTTP/1.1 are spoken here."));
        return true;
    }
    // The absolute form (RFC 9112 3.2.2), as sent to proxies, names the same resource as the origin form.
    if (!target.startsWith('/')) {
        const QUrl url = QUrl::fromEncoded(target, QUrl::StrictMode);
        if (!url.isValid() || url.scheme() != QLatin1String("http")) {
            fail(400, QStringLiteral("The request target is malformed."));
            return true;
        }
        target = url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
        if (!target.startsWith('/'))
            target.prepend('/');
    }

    bool close = version == "HTTP/1.0";
    qint64 contentLength = 0;
    QByteArray host;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            fail(400, QStringLiteral("A header line is malformed."));
            return true;
        }
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "connection") {
            for (const QByteArray &option : value.split(','))
                close = close || option.trimmed().toLower() == "close";
        } else if (name == "content-length") {
            bool ok = false;
            contentLength = value.toLongLong(&ok);
            if (!ok || contentLength < 0) {
                fail(400, QStringLiteral("The Content-Length header is malformed."));
                return true;
            }
        } else if (name == "host") {
            host = value;
        } else if (name == "transfer-encoding") {
            // Without a length the end of an ignored body cannot be found, so the connection cannot go on.
            fail(400, QStringLiteral("Request bodies with a Transfer-Encoding are not supported."));
            return true;
        }
    }
    // An HTTP/1.0 client may send no Host; the address it reached is the next best authority for links.
    if (!DemoSite::isValidHost(host))
        host = "127.0.0.1:" + QByteArray::number(m_socket->localPort());
    m_bodyToSkip = contentLength;
    respond(m_router.route(method, target, host), method == "HEAD", close);
    return true;
}

void DemoConnection::respond(DemoResponse response, bool headOnly, bool close)
{
    m_response = std::move(response);
    m_headOnly = headOnly;
    m_close = close;
    if (m_response.delayMs > 0) {
        m_state = State::Delaying;
        m_delay.start(m_response.delayMs);
    } else {
        sendResponse();
    }
}

void DemoConnection::fail(int status, const QString &message)
{
    // After a malformed request the framing of what follows is unknown, so nothing more is read.
    m_buffer.clear();
    respond(DemoResponse::error(status, message), false, true);
}

void DemoConnection::sendResponse()
{
    m_state = State::Writing;
    m_bodyWritten = 0;
    m_socket->write(m_headOnly ? m_response.head(m_close) : m_response.head(m_close) + m_response.body);
    writeBody();
}

void DemoConnection::writeBody()
{
    // Also runs on every bytesWritten, topping the socket up so a large body is generated as it drains.
    if (m_state != State::Writing)
        return;
    const qint64 total = m_headOnly ? 0 : m_response.patternBytes;
    while (m_bodyWritten < total && m_socket->bytesToWrite() < MaxQueuedBytes) {
        const qint64 size = std::min(DemoResponse::ChunkBytes, total - m_bodyWritten);
        m_socket->write(DemoResponse::pattern(m_bodyWritten, size));
        m_bodyWritten += size;
    }
    if (m_bodyWritten == total)
        finishResponse();
}

void DemoConnection::finishResponse()
{
    m_state = State::Reading;
    m_response = {};
    if (m_close) {
        // Sends what is still queued before closing; disconnected then deletes this connection.
        m_socket->disconnectFromHost();
        return;
    }
    readRequests();
}
