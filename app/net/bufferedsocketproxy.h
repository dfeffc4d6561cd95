#pragma once

#include <QHash>
#include <QNetworkProxyFactory>
#include <QString>

#include <utility>

/// The proxies a network manager's requests go through, chosen so that Qt reads plain-http responses
/// through a buffer.
///
/// Qt 6.4 opens a plain-http connection that has no proxy at all Unbuffered
/// (QHttpNetworkConnectionChannel::ensureConnection), and then reads each response's status line and header
/// fields one byte per read() call: about 170 system calls a response, most of a small request's CPU. A
/// connection whose proxy is QNetworkProxy::DefaultProxy is opened buffered instead, and its socket then
/// asks the application's proxy settings for its own host and port (QAbstractSocket::connectToHost). Where
/// those come out as no proxy, the connection is exactly as direct as before: the same bytes go on the wire
/// to the same address, and Qt reads them up to 64 KiB a call.
///
/// So this factory answers DefaultProxy for a plain-http request that would go direct, and only where the
/// socket's own query will come out direct too. Everything else (a request through a proxy, https, whose
/// sockets Qt buffers anyway) it answers as the base would. With System, the socket's answer is asked once
/// per host and port, as the engine's pools live for one run; with None, at every request, so that a change
/// of the system's settings (to the capture proxy itself, say) never sends a request through a proxy.
///
/// It depends on Qt alone, so the bare-QNAM benchmark floor (bench/net) uses it as the engine does.
class BufferedSocketProxy : public QNetworkProxyFactory
{
public:
    /// System: the application's proxy settings (QNetworkProxyFactory::proxyForQuery), which are the
    /// system's (Qt's default, through libproxy on Debian) unless the application set others. None: always
    /// direct.
    enum class Base { System, None };

    explicit BufferedSocketProxy(Base base);

    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override;

    /// Whether a plain TCP socket to host:port, told to use DefaultProxy, connects directly: the first proxy
    /// the application's settings give it that can tunnel, as QAbstractSocket picks it, is NoProxy.
    static bool socketConnectsDirectly(const QString &host, int port);

private:
    bool connectsDirectly(const QString &host, int port);

    Base m_base;
    QHash<std::pair<QString, int>, bool> m_direct;
};
