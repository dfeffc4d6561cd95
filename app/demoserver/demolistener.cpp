#include "demolistener.h"

#include "democonnection.h"

#include <QHostAddress>

DemoListener::DemoListener(const DemoRouter &router, std::atomic<int> &openConnections, QObject *parent)
    : QTcpServer(parent)
    , m_router(router)
    , m_openConnections(openConnections)
{ }

bool DemoListener::listenOnLoopback(quint16 port)
{
    // The default backlog of 50 drops SYNs when a thousand clients connect at once, and every dropped
    // SYN costs its client a one-second retransmit that would show up as fake latency.
    setListenBacklogSize(4096);
    return listen(QHostAddress::LocalHost, port);
}

void DemoListener::incomingConnection(qintptr descriptor)
{
    // Not queued as a pending connection: that queue holds 30 and would pause accepting beyond that.
    new DemoConnection(descriptor, m_router, m_openConnections, this);
}
