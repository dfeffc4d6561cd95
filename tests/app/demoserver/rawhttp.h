#pragma once

#include "replywait.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

// Shared by the demo server's tests: HTTP/1.1 on a raw socket, to see what a client library would hide (a
// body after a HEAD, two responses in one read, a connection the server closes), and the bytes /bytes/N
// sends.
namespace RawHttp {

using ReplyWait::WaitMs;

inline QByteArray expectedBytes(qint64 size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < bytes.size(); ++i)
        bytes[i] = char(i % 251);
    return bytes;
}

struct RawResponse
{
    int status = 0;
    QByteArray head;
    QByteArray body;

    QByteArray header(const QByteArray &name) const
    {
        for (const QByteArray &line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().toLower() == name.toLower())
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
};

// Splits what a raw socket received into responses; headOnly marks the ones that answer a HEAD.
// Whatever does not form a whole response is left in data.
inline QList<RawResponse> splitResponses(QByteArray &data, const QList<bool> &headOnly = {})
{
    QList<RawResponse> responses;
    for (;;) {
        const qsizetype end = data.indexOf("\r\n\r\n");
        if (end < 0)
            break;
        RawResponse response;
        response.head = data.left(end + 4);
        response.status = response.head.mid(9, 3).toInt();
        const qint64 length
            = headOnly.value(responses.size()) ? 0 : response.header("Content-Length").toLongLong();
        if (data.size() < end + 4 + length)
            break;
        response.body = data.mid(end + 4, length);
        data.remove(0, end + 4 + length);
        responses.append(response);
    }
    return responses;
}

inline QByteArray request(const QByteArray &target, const QByteArray &extra = {})
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
}

// Sends raw bytes on one connection and collects everything received until the server closes it.
inline bool exchange(quint16 port, const QByteArray &requests, QByteArray *received)
{
    QTcpSocket socket;
    QSignalSpy connected(&socket, &QTcpSocket::connected);
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!connected.wait(WaitMs))
        return false;
    socket.write(requests);
    const bool closed
        = QTest::qWaitFor([&socket] { return socket.state() == QAbstractSocket::UnconnectedState; }, WaitMs);
    *received = socket.readAll();
    return closed;
}

} // namespace RawHttp
