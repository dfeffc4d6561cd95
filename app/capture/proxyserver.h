#pragma once

#include "capturesettings.h"
#include "proxystats.h"

#include <QHostAddress>
#include <QObject>
#include <QUrl>

#include <memory>

class ManagerPool;
class ProxyConnection;
class QTcpServer;
class Recorder;

/// The recording forward proxy: listens on 127.0.0.1 only, refuses any peer that is not this machine, and
/// records every request it forwards (and every one it refuses) into the recorder's current run. Plain HTTP
/// goes upstream through the engine's manager pool; CONNECT is tunnelled and never looked into.
class ProxyServer : public QObject
{
    Q_OBJECT

public:
    explicit ProxyServer(Recorder *recorder, QObject *parent = nullptr);
    ~ProxyServer() override;

    /// The recorder's run must have begun. False, with the reason, when the port cannot be had.
    bool listen(const CaptureSettings &settings, QString *error = nullptr);
    /// Stops listening and closes every client connection; requests still going are recorded as cancelled.
    void close();

    bool isListening() const;
    quint16 port() const;
    /// http://127.0.0.1:PORT, the value for http_proxy.
    QUrl address() const;
    int connectionCount() const { return m_nextConnectionId; }
    int openConnections() const;
    const ProxyStats &stats() const { return m_stats; }
    const CaptureSettings &settings() const { return m_settings; }

Q_SIGNALS:
    void peerRefused(const QHostAddress &peer);

private:
    void acceptConnections();

    Recorder *m_recorder;
    QTcpServer *m_server;
    std::unique_ptr<ManagerPool> m_pool;
    CaptureSettings m_settings;
    int m_nextConnectionId = 0;
    ProxyStats m_stats;
};
