#include "capture/headerredaction.h"
#include "capture/loopbackpeer.h"

#include <QHostAddress>
#include <QTest>

/// The peer check that keeps the capture proxy from being a relay, and the redaction of credentials.
class TestProxyGuards : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsOnlyLoopbackPeers_data();
    void acceptsOnlyLoopbackPeers();
    void redactsCredentials();
};

void TestProxyGuards::acceptsOnlyLoopbackPeers_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("127.0.0.1") << "127.0.0.1" << true;
    QTest::newRow("127.1.2.3") << "127.1.2.3" << true;
    QTest::newRow("::1") << "::1" << true;
    QTest::newRow("mapped 127.0.0.1") << "::ffff:127.0.0.1" << true;
    QTest::newRow("LAN") << "192.168.1.20" << false;
    QTest::newRow("public") << "93.184.216.34" << false;
    QTest::newRow("mapped LAN") << "::ffff:10.0.0.1" << false;
    QTest::newRow("IPv6 global") << "2001:db8::1" << false;
    QTest::newRow("any") << "0.0.0.0" << false;
}

void TestProxyGuards::acceptsOnlyLoopbackPeers()
{
    QFETCH(QString, address);
    QFETCH(bool, accepted);
    QCOMPARE(isLoopbackPeer(QHostAddress(address)), accepted);
}

void TestProxyGuards::redactsCredentials()
{
    const HeaderList headers {{"Authorization", "Bearer s3cret"},
                              {"proxy-authorization", "Basic eDp5"},
                              {"Cookie", "session=abc"},
                              {"Accept", "*/*"}};
    const QString redacted = HeaderRedaction::headerLines(headers, false);
    QVERIFY(!redacted.contains(QLatin1String("s3cret")));
    QVERIFY(!redacted.contains(QLatin1String("eDp5")));
    QVERIFY(!redacted.contains(QLatin1String("abc")));
    QCOMPARE(redacted.count(QLatin1String("[redacted]")), 3);
    QVERIFY(redacted.contains(QLatin1String("Accept: */*")));
    QVERIFY(HeaderRedaction::headerLines(headers, true).contains(QLatin1String("Bearer s3cret")));

    const QUrl url(QStringLiteral("http://user:pw@h/"));
    QCOMPARE(HeaderRedaction::url(url, false).password(), QStringLiteral("[redacted]"));
    QCOMPARE(HeaderRedaction::url(url, true).password(), QStringLiteral("pw"));
}

QTEST_GUILESS_MAIN(TestProxyGuards)
#include "tst_proxyguards.moc"
