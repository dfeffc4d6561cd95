#include "net/bufferedsocketproxy.h"
#include "net/managerpool.h"

#include "demoserver/demoserver.h"
#include "replywait.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTest>

#include <memory>

// Qt 6.4 reads a direct plain-http response's head one byte per system call; a manager whose proxy is
// DefaultProxy reads it through a buffer. These check that the pool's managers get that where, and only
// where, the socket then still connects directly. Whether a socket is buffered is not visible to a test:
// bench/ measures it (W3, and the floor with and without --unbuffered).
class TestBufferedSocketProxy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void aDirectPlainHttpRequestGetsABufferedSocket_data();
    void aDirectPlainHttpRequestGetsABufferedSocket();
    void httpsKeepsItsAnswer();
    void anApplicationProxyIsFollowedOrBypassed();
    void thePoolsManagersUseIt();
    void noneAsksEveryTime();
    void requestsGoWhereTheyWentBefore_data();
    void requestsGoWhereTheyWentBefore();

private:
    using Base = BufferedSocketProxy::Base;
    static QList<QNetworkProxy> ask(Base base, const QUrl &url)
    {
        BufferedSocketProxy factory(base);
        return factory.queryProxy(QNetworkProxyQuery(url));
    }
    /// An HTTP proxy at the counting server.
    QNetworkProxy countingProxy() const
    {
        return QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), m_proxy.serverPort());
    }

    QTcpServer m_proxy; // a proxy that answers nothing: it only counts who connects to it
    int m_proxyConnections = 0;
};

void TestBufferedSocketProxy::init()
{
    // Whatever the machine's environment says, the tests start with no application proxy.
    QNetworkProxyFactory::setUseSystemConfiguration(false);
    QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
    m_proxyConnections = 0;
    QVERIFY(m_proxy.listen(QHostAddress::LocalHost));
    connect(&m_proxy, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_proxy.nextPendingConnection()) {
            ++m_proxyConnections;
            socket->close();
            socket->deleteLater();
        }
    });
}

void TestBufferedSocketProxy::cleanup()
{
    m_proxy.close();
    m_proxy.disconnect(this);
    QNetworkProxy::setApplicationProxy(QNetworkProxy::NoProxy);
}

void TestBufferedSocketProxy::aDirectPlainHttpRequestGetsABufferedSocket_data()
{
    QTest::addColumn<Base>("base");
    QTest::newRow("system") << Base::System;
    QTest::newRow("none") << Base::None;
}

void TestBufferedSocketProxy::aDirectPlainHttpRequestGetsABufferedSocket()
{
    QFETCH(Base, base);
    QVERIFY(BufferedSocketProxy::socketConnectsDirectly(QStringLiteral("example.test"), 8080));
    const QList<QNetworkProxy> proxies = ask(base, QUrl(QStringLiteral("http://example.test:8080/x")));
    QCOMPARE(proxies.size(), 1);
    QCOMPARE(proxies.first().type(), QNetworkProxy::DefaultProxy);
}

void TestBufferedSocketProxy::httpsKeepsItsAnswer()
{
    // Qt buffers https sockets anyway, and a TLS socket resolves its proxy apart from its plain one.
    for (const Base base : {Base::System, Base::None}) {
        const QList<QNetworkProxy> proxies = ask(base, QUrl(QStringLiteral("https://example.test:8443/x")));
        QVERIFY(!proxies.isEmpty());
        QCOMPARE(proxies.first().type(), QNetworkProxy::NoProxy);
    }
}

void TestBufferedSocketProxy::anApplicationProxyIsFollowedOrBypassed()
{
    const QNetworkProxy http = countingProxy();
    QNetworkProxy::setApplicationProxy(http);
    // Qt never sends a loopback address through a proxy, so the host is a name (no lookup is made).
    const QUrl url(QStringLiteral("http://example.test:8080/x"));
    QVERIFY(!BufferedSocketProxy::socketConnectsDirectly(url.host(), url.port()));

    // System follows the proxy, as a manager without the factory does.
    const QList<QNetworkProxy> system = ask(Base::System, url);
    QVERIFY(!system.isEmpty());
    QCOMPARE(system.first(), http);

    // None stays direct: a socket told DefaultProxy would now go through the proxy, so it keeps NoProxy.
    const QList<QNetworkProxy> none = ask(Base::None, url);
    QCOMPARE(none.size(), 1);
    QCOMPARE(none.first().type(), QNetworkProxy::NoProxy);
}

void TestBufferedSocketProxy::thePoolsManagersUseIt()
{
    // A name, not a loopback address, which Qt never sends through a proxy whatever it is told.
    const QUrl url(QStringLiteral("http://example.test:8080/x"));
    ManagerPool system(ManagerPool::Proxy::System);
    ManagerPool none(ManagerPool::Proxy::None);
    QNetworkProxyFactory *systemFactory = system.acquire(url).manager->proxyFactory();
    QNetworkProxyFactory *noneFactory = none.acquire(url).manager->proxyFactory();
    QVERIFY(dynamic_cast<BufferedSocketProxy *>(systemFactory));
    QVERIFY(dynamic_cast<BufferedSocketProxy *>(noneFactory));
    QCOMPARE(systemFactory->queryProxy(QNetworkProxyQuery(url)).first().type(), QNetworkProxy::DefaultProxy);
    QCOMPARE(noneFactory->queryProxy(QNetworkProxyQuery(url)).first().type(), QNetworkProxy::DefaultProxy);

    // Each pool gives its own mode: with an application proxy, one follows it and the other stays direct.
    const QNetworkProxy http = countingProxy();
    QNetworkProxy::setApplicationProxy(http);
    const QUrl other(QStringLiteral("http://other.test:8080/x"));
    QCOMPARE(system.acquire(other).manager->proxyFactory()->queryProxy(QNetworkProxyQuery(other)).first(),
             http);
    QCOMPARE(
        none.acquire(other).manager->proxyFactory()->queryProxy(QNetworkProxyQuery(other)).first().type(),
        QNetworkProxy::NoProxy);
}

void TestBufferedSocketProxy::noneAsksEveryTime()
{
    // The capture proxy's pool lives as long as the capture: a proxy set meanwhile must not be reached
    // through an answer remembered from before it.
    BufferedSocketProxy none(Base::None);
    const QNetworkProxyQuery query(QUrl(QStringLiteral("http://example.test:8080/x")));
    QCOMPARE(none.queryProxy(query).first().type(), QNetworkProxy::DefaultProxy);
    QNetworkProxy::setApplicationProxy(countingProxy());
    QCOMPARE(none.queryProxy(query).first().type(), QNetworkProxy::NoProxy);
}

void TestBufferedSocketProxy::requestsGoWhereTheyWentBefore_data()
{
    // Qt sends nothing for a loopback address through a proxy, so "through it" asks for a name under
    // .invalid, which the proxy is given and the resolver never is.
    QTest::addColumn<ManagerPool::Proxy>("pool");
    QTest::addColumn<bool>("applicationProxy");
    QTest::addColumn<bool>("viaProxy");
    QTest::newRow("system, no proxy: direct") << ManagerPool::Proxy::System << false << false;
    QTest::newRow("system, a proxy: through it") << ManagerPool::Proxy::System << true << true;
    QTest::newRow("none, no proxy: direct") << ManagerPool::Proxy::None << false << false;
}

void TestBufferedSocketProxy::requestsGoWhereTheyWentBefore()
{
    QFETCH(ManagerPool::Proxy, pool);
    QFETCH(bool, applicationProxy);
    QFETCH(bool, viaProxy);
    DemoServer server;
    QString error;
    QVERIFY2(server.start(0, &error), qPrintable(error));
    if (applicationProxy)
        QNetworkProxy::setApplicationProxy(countingProxy());

    ManagerPool managers(pool);
    QUrl url = server.baseUrl().resolved(QUrl(QStringLiteral("/bytes/5000")));
    if (viaProxy) {
        url.setHost(QStringLiteral("crawlscope.invalid"));
        QNetworkAccessManager *manager = managers.acquire(url).manager;
        std::unique_ptr<QNetworkReply> reply(manager->get(QNetworkRequest(url)));
        QVERIFY(ReplyWait::finished(reply.get()));
        QVERIFY(reply->error() != QNetworkReply::NoError); // the counting proxy answers nothing
        QVERIFY(m_proxyConnections > 0); // Qt tries a connection that closes at once more than once
        return;
    }
    // Two requests, one after the other, through the pool.
    for (int i = 0; i < 2; ++i) {
        const ManagerPool::Lease lease = managers.acquire(url);
        std::unique_ptr<QNetworkReply> reply(lease.manager->get(QNetworkRequest(url)));
        QVERIFY(ReplyWait::finished(reply.get()));
        managers.release(lease, url);
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QCOMPARE(ReplyWait::statusOf(reply.get()), 200);
        QCOMPARE(reply->readAll().size(), 5000);
    }
    QCOMPARE(m_proxyConnections, 0);
}

QTEST_GUILESS_MAIN(TestBufferedSocketProxy)
#include "tst_bufferedsocketproxy.moc"
