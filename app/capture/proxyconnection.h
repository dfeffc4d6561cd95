#pragma once

#include "capturesettings.h"
#include "requestparser.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

class ManagerPool;
class ProxyExchange;
class ProxyTunnel;
class QTcpSocket;
class Recorder;

/// One client's connection to the capture proxy: reads its requests one after another (keep-alive and
/// pipelining keep their order), hands each to an exchange, or the whole connection to a tunnel after
/// CONNECT, and answers a request it cannot forward with 400 or 501 and a record that says why.
class ProxyConnection : public QObject
{
    Q_OBJECT

public:
    ProxyConnection(QTcpSocket *socket, int connectionId, ManagerPool *pool, Recorder *recorder,
                    const CaptureSettings &settings, QObject *parent);
    ~ProxyConnection() override;

    int id() const { return m_id; }

private:
    void readClient();
    void parse();
    void handle(RequestHead head, qint64 ownNs);
    int addRecord(const QUrl &url, const RequestHead &head);
    void refuse(int status, const QString &reason, const QUrl &url, const RequestHead &head);
    void startTunnel(const RequestHead &head, int recordId);
    void onExchangeFinished(bool keepAlive);
    void onClientGone();

    QTcpSocket *m_socket;
    int m_id;
    ManagerPool *m_pool;
    Recorder *m_recorder;
    CaptureSettings m_settings;
    RequestParser m_parser;
    QByteArray m_buffer; // received, not yet parsed: a request pipelined behind the one in progress
    QPointer<ProxyExchange> m_exchange;
    QPointer<ProxyTunnel> m_tunnel;
    qint64 m_parseNs = 0; // the proxy's own time on the head being read
    int m_requests = 0;
    bool m_closing = false;
};
