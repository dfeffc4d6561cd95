#pragma once

#include <QCryptographicHash>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <functional>
#include <memory>

/// Loopback fixtures shared by the proxy's tests: a raw client, an upstream that hashes request bodies, and
/// the bodies they send.
namespace ProxyFixtures {

/// A raw client of the proxy: what it sent is exactly what the test wrote, and what came back is kept whole.
struct Client
{
    std::unique_ptr<QTcpSocket> socket = std::make_unique<QTcpSocket>();
    QByteArray received;

    explicit Client(quint16 port)
    {
        QObject::connect(socket.get(), &QTcpSocket::readyRead, socket.get(),
                         [this] { received += socket->readAll(); });
        socket->connectToHost(QHostAddress::LocalHost, port);
    }
    void send(const QByteArray &bytes) { socket->write(bytes); }
    bool closed() const { return socket->state() == QAbstractSocket::UnconnectedState; }
    /// Responses complete by Content-Length so far.
    int responses() const
    {
        int count = 0;
        qsizetype at = 0;
        while (true) {
            const qsizetype end = received.indexOf("\r\n\r\n", at);
            if (end < 0)
                return count;
            const QByteArray head = received.mid(at, end - at).toLower();
            const qsizetype lengthAt = head.indexOf("content-length: ");
            const qsizetype length = lengthAt < 0
                ? 0
                : head.mid(lengthAt + 16, head.indexOf('\r', lengthAt) - lengthAt - 16).toLongLong();
            if (received.size() < end + 4 + length)
                return count;
            ++count;
            at = end + 4 + length;
        }
    }
};

/// An upstream HTTP server on loopback that reads each request's body as it arrives, keeps only its SHA-256,
/// and answers with it once the body is whole. Bodies must come with a Content-Length. With
/// dropsReusedConnections, it reads a connection's second request whole and closes without answering: what a
/// client sees when the server closed a kept-alive connection while the request was on its way.
struct Upstream
{
    QTcpServer server;
    QByteArray head; // the last request head, as it arrived
    qint64 bodyBytes = 0;
    QByteArray sha256; // hex, of the last whole body
    std::function<void()> firstBodyBytes; // called when the first body bytes of a request arrive
    bool dropsReusedConnections = false;
    int connections = 0;
    int dropped = 0; // requests read whole and never answered

    Upstream()
    {
        server.listen(QHostAddress::LocalHost);
        QObject::connect(&server, &QTcpServer::newConnection, &server, [this] {
            QTcpSocket *socket = server.nextPendingConnection();
            ++connections;
            auto answered = std::make_shared<int>(0);
            auto buffer = std::make_shared<QByteArray>();
            auto hash = std::make_shared<QCryptographicHash>(QCryptographicHash::Sha256);
            auto length = std::make_shared<qint64>(-1);
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [=, this] {
                *buffer += socket->readAll();
                if (*length < 0) {
                    const qsizetype end = buffer->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    head = buffer->left(end + 4);
                    buffer->remove(0, end + 4);
                    const QByteArray lower = head.toLower();
                    const qsizetype at = lower.indexOf("content-length: ");
                    *length = at < 0 ? 0 : lower.mid(at + 16, lower.indexOf('\r', at) - at - 16).toLongLong();
                    bodyBytes = 0;
                    hash->reset();
                }
                if (!buffer->isEmpty() && bodyBytes == 0 && firstBodyBytes)
                    firstBodyBytes();
                const qint64 take = std::min<qint64>(buffer->size(), *length - bodyBytes);
                hash->addData(QByteArrayView(*buffer).first(take));
                bodyBytes += take;
                buffer->remove(0, take);
                if (bodyBytes == *length) {
                    *length = -1;
                    if (dropsReusedConnections && *answered > 0) {
                        ++dropped;
                        socket->disconnectFromHost();
                        return;
                    }
                    ++*answered;
                    sha256 = hash->result().toHex();
                    socket->write("HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(sha256.size())
                                  + "\r\n\r\n" + sha256);
                }
            });
        });
    }
    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(server.serverPort()).arg(path));
    }
};

/// Bytes that differ along the body, so that a lost, repeated or reordered piece changes the hash.
inline QByteArray pattern(qint64 offset, qint64 size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i) {
        const quint64 at = quint64(offset + i);
        bytes[i] = char((at * 2654435761u) >> 13);
    }
    return bytes;
}

inline QByteArray chunked(const QByteArray &body, qsizetype piece)
{
    QByteArray out;
    for (qsizetype at = 0; at < body.size(); at += piece) {
        const QByteArray part = body.mid(at, piece);
        out += QByteArray::number(part.size(), 16) + "\r\n" + part + "\r\n";
    }
    return out + "0\r\n\r\n";
}

inline QByteArray get(const QUrl &url, const QByteArray &extra = {})
{
    return "GET " + url.toEncoded() + " HTTP/1.1\r\nHost: " + url.authority().toLatin1() + "\r\n" + extra
        + "\r\n";
}

} // namespace ProxyFixtures
