#pragma once

#include "demorouter.h"

#include <QTcpServer>

#include <atomic>

/// The demo server's listening socket, living on the server's worker thread. Every accepted socket
/// becomes a DemoConnection child, so deleting the listener drops every connection with it.
class DemoListener : public QTcpServer
{
    Q_OBJECT

public:
    DemoListener(const DemoRouter &router, std::atomic<int> &openConnections, QObject *parent = nullptr);

    /// Listens on 127.0.0.1 only; port 0 picks a free port.
    bool listenOnLoopback(quint16 port);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    DemoRouter m_router;
    std::atomic<int> &m_openConnections;
};
