#pragma once

#include "capturesettings.h"
#include "http/requestparser.h"
#include "proxystats.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>

class ManagerPool;
class ProxyExchange;
class ProxyTunnel;
class QTcpSocket;
class Recorder;
class RequestBodyDevice;

/// One client's connection to the capture proxy: reads its requests one after another (keep-alive and
/// pipelining keep their order), hands each to an exchange, or the whole connection to a tunnel after
/// CONNECT, and answers a request it cannot forward with 400 or 501 and a record that says why. A request
/// body is read from the client only as fast as it goes upstream: at most BodyWindowBytes wait in the
/// proxy, and the client socket is not read while they do.
///
/// A chunked body is gathered whole before it goes upstream, so the proxy, not the server, is the one
/// waiting for it: it gets the run's idle timeout (no body bytes for timeoutMs) and overall deadline (from
/// the head to the body's end), and the client a 408 when either runs out. A streamed body needs no clock
/// of its own here: the upstream request's transfer timeout covers a client that stops sending it.
class ProxyConnection : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 BodyWindowBytes = 256 * 1024;

    ProxyConnection(QTcpSocket *socket, int connectionId, ManagerPool *pool, Recorder *recorder,
                    const CaptureSettings &settings, ProxyStats *stats, QObject *parent);
    ~ProxyConnection() override;

    int id() const { return m_id; }

private:
    void readClient();
    void parse();
    void handle(const RequestHead &head, qint64 ownNs);
    int addRecord(const QUrl &url, const RequestHead &head);
    void refuse(int status, const QString &reason, const QUrl &url, const RequestHead &head);
    void startTunnel(const RequestHead &head, int recordId);
    void startBody(const RequestHead &head, qint64 ownNs);
    void readBody();
    void bodyFailed(int status, const QString &reason);
    void checkBodyTimeout();
    void onExchangeFinished(bool keepAlive);
    void onClientGone();

    QTcpSocket *m_socket;
    int m_id;
    ManagerPool *m_pool;
    Recorder *m_recorder;
    CaptureSettings m_settings;
    ProxyStats *m_stats;
    RequestParser m_parser;
    QByteArray m_buffer; // received, not yet parsed: a request pipelined behind the one in progress
    QPointer<ProxyExchange> m_exchange;
    QPointer<ProxyTunnel> m_tunnel;
    qint64 m_parseNs = 0; // the proxy's own time on the head being read
    // The request body being read: streamed through m_body, or gathered whole when the client chunked it.
    bool m_readingBody = false;
    bool m_streamingBody = false; // else gathered
    QPointer<RequestBodyDevice> m_body;
    QByteArray m_gathered;
    qint64 m_bodyOwnNs = 0;
    QTimer m_bodyTimer; // the gathered body's idle timeout and deadline, whichever comes first
    qint64 m_bodyStartNs = 0; // when its head was complete (on Clock::nowNs())
    qint64 m_bodyLastNs = 0; // when its last bytes came
    qint64 m_bodyWireBytes = 0; // as the client sent them, chunk framing included
    int m_requests = 0;
    bool m_closing = false;
};
