#include "proxyserver.h"

#include "loopbackpeer.h"
#include "net/managerpool.h"
#include "proxyconnection.h"

#include <QTcpServer>
#include <QTcpSocket>

ProxyServer::ProxyServer(Recorder *recorder, QObject *parent)
    : QObject(parent)
    , m_recorder(recorder)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &ProxyServer::acceptConnections);
}

ProxyServer::~ProxyServer()
{
    close();
}

bool ProxyServer::listen(const CaptureSettings &settings, QString *error)
{
    m_settings = settings;
    // The proxy's own requests must never go to a proxy: the shell that started us may point http_proxy at
    // us, and that would loop.
    m_pool = std::make_unique<ManagerPool>(ManagerPool::Proxy::None);
    if (!m_server->listen(QHostAddress::LocalHost, settings.port)) {
        if (error)
            *error = m_server->errorString();
        return false;
    }
    return true;
}

void ProxyServer::close()
{
    m_server->close();
    // Children first: each connection's exchanges record their cancellation and let go of their managers
    // before the pool deletes them.
    const auto connections = findChildren<ProxyConnection *>(Qt::FindDirectChildrenOnly);
    for (ProxyConnection *connection : connections)
        delete connection;
    m_pool.reset();
}

bool ProxyServer::isListening() const
{
    return m_server->isListening();
}

quint16 ProxyServer::port() const
{
    return m_server->serverPort();
}

QUrl ProxyServer::address() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    return url;
}

int ProxyServer::openConnections() const
{
    return int(findChildren<ProxyConnection *>(Qt::FindDirectChildrenOnly).size());
}

void ProxyServer::acceptConnections()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (!isLoopbackPeer(socket->peerAddress())) {
            Q_EMIT peerRefused(socket->peerAddress());
            socket->abort();
            socket->deleteLater();
            continue;
        }
        new ProxyConnection(socket, m_nextConnectionId++, m_pool.get(), m_recorder, m_settings, &m_stats,
                            this);
    }
}
