#pragma once

#include <QByteArray>
#include <QObject>

class QTcpSocket;
class Recorder;

/// A CONNECT tunnel: bytes copied both ways between the client and host:port, never looked into. One record
/// from the CONNECT to the close, with the bytes each way; the requests inside are encrypted, so the record
/// says that and no more.
class ProxyTunnel : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 HighWaterBytes = 256 * 1024;

    /// early: bytes the client sent after its CONNECT head, to go to the server once connected.
    ProxyTunnel(QTcpSocket *client, Recorder *recorder, int recordId, const QString &host, quint16 port,
                QByteArray early, int timeoutMs, QObject *parent = nullptr);
    ~ProxyTunnel() override;

    void start();

Q_SIGNALS:
    void closed();

private:
    void onConnected();
    void copy(QTcpSocket *from, QTcpSocket *to, qint64 &counter);
    void fail(const QString &reason);
    void close(const QString &error = {});

    QTcpSocket *m_client;
    QTcpSocket *m_server;
    Recorder *m_recorder;
    int m_id;
    QString m_host;
    quint16 m_port;
    QByteArray m_early;
    int m_timeoutMs;
    bool m_established = false;
    bool m_firstByte = false;
    bool m_done = false;
    qint64 m_up = 0;
    qint64 m_down = 0;
};
