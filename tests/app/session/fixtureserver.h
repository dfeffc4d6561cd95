#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

/// A loopback HTTP/1.1 server that answers from a table, for what the demo server cannot do on purpose:
/// a failing robots.txt, links to other hosts, a Retry-After date. One request per connection.
class FixtureServer : public QTcpServer
{
public:
    struct Response
    {
        int status = 200;
        QByteArray contentType = "text/html; charset=utf-8";
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
    };

    FixtureServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection())
                serve(socket);
        });
        listen(QHostAddress::LocalHost);
    }

    /// path (and query) -> answer; anything else gets 404.
    void set(const QByteArray &target, Response response) { m_responses.insert(target, std::move(response)); }
    static Response html(const QByteArray &body)
    {
        return Response {200, "text/html; charset=utf-8", body, {}};
    }

    QUrl url(const QString &target) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(serverPort()).arg(target));
    }
    /// Request targets in the order they arrived.
    const QList<QByteArray> &requests() const { return m_requests; }

private:
    void serve(QTcpSocket *socket)
    {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            m_buffers[socket] += socket->readAll();
            const QByteArray &buffer = m_buffers[socket];
            if (!buffer.contains("\r\n\r\n"))
                return;
            const QByteArray target = buffer.left(buffer.indexOf("\r\n")).split(' ').value(1);
            m_buffers.remove(socket);
            m_requests.append(target);
            const Response response
                = m_responses.value(target, Response {404, "text/html", "<p>none</p>", {}});
            QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + " X\r\nContent-Type: "
                + response.contentType + "\r\nContent-Length: " + QByteArray::number(response.body.size())
                + "\r\nConnection: close\r\n";
            for (const auto &[name, value] : response.headers)
                head += name + ": " + value + "\r\n";
            socket->write(head + "\r\n" + response.body);
            socket->disconnectFromHost();
        });
    }

    QHash<QByteArray, Response> m_responses;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<QByteArray> m_requests;
};
