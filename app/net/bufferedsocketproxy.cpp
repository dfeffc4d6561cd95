#include "bufferedsocketproxy.h"

#include <QUrl>

using namespace Qt::StringLiterals;

BufferedSocketProxy::BufferedSocketProxy(Base base)
    : m_base(base)
{ }

QList<QNetworkProxy> BufferedSocketProxy::queryProxy(const QNetworkProxyQuery &query)
{
    QList<QNetworkProxy> proxies = m_base == Base::None ? QList<QNetworkProxy> {QNetworkProxy::NoProxy}
                                                        : QNetworkProxyFactory::proxyForQuery(query);
    // QNetworkAccessManager takes the first proxy it can use; a plain-http request goes direct only when that
    // is NoProxy, which has every capability.
    const QUrl url = query.url();
    if (query.queryType() == QNetworkProxyQuery::UrlRequest && url.scheme() == "http"_L1 && !proxies.isEmpty()
        && proxies.constFirst().type() == QNetworkProxy::NoProxy
        && connectsDirectly(url.host(), url.port(80)))
        return {QNetworkProxy(QNetworkProxy::DefaultProxy)};
    return proxies;
}

bool BufferedSocketProxy::socketConnectsDirectly(const QString &host, int port)
{
    const QList<QNetworkProxy> proxies = QNetworkProxyFactory::proxyForQuery(
        QNetworkProxyQuery(host, port, QString(), QNetworkProxyQuery::TcpSocket));
    for (const QNetworkProxy &proxy : proxies) {
        if (proxy.capabilities() & QNetworkProxy::TunnelingCapability)
            return proxy.type() == QNetworkProxy::NoProxy;
    }
    return false; // the socket would find no proxy it can use, and fail
}

bool BufferedSocketProxy::connectsDirectly(const QString &host, int port)
{
    // None must never reach a proxy, so it asks every time: the capture proxy's pool lives as long as the
    // capture, and the system's settings may point at the capture proxy itself by then.
    if (m_base == Base::None)
        return socketConnectsDirectly(host, port);
    const std::pair<QString, int> key {host, port};
    auto it = m_direct.constFind(key);
    if (it == m_direct.cend())
        it = m_direct.insert(key, socketConnectsDirectly(host, port));
    return *it;
}
