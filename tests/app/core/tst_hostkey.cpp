#include "core/hostkey.h"

#include <QTest>

class TestHostKey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromUrl_data();
    void fromUrl();
    void originRoundTrips_data();
    void originRoundTrips();
    void displayName_data();
    void displayName();
    void equalKeysHashAlike();
};

void TestHostKey::fromUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("origin");
    QTest::newRow("default port made explicit")
        << QStringLiteral("http://Example.COM/a") << QStringLiteral("http://example.com:80");
    QTest::newRow("https") << QStringLiteral("https://example.com/")
                           << QStringLiteral("https://example.com:443");
    QTest::newRow("other port") << QStringLiteral("http://127.0.0.1:8080/x?y")
                                << QStringLiteral("http://127.0.0.1:8080");
    QTest::newRow("ipv6 in brackets")
        << QStringLiteral("http://[::1]:9000/") << QStringLiteral("http://[::1]:9000");
    QTest::newRow("unicode host in ACE form")
        << QStringLiteral("http://bücher.example/") << QStringLiteral("http://xn--bcher-kva.example:80");
    QTest::newRow("no scheme") << QStringLiteral("example.com") << QStringLiteral("");
}

void TestHostKey::fromUrl()
{
    QFETCH(QString, url);
    QFETCH(QString, origin);
    QCOMPARE(HostKey::fromUrl(QUrl(url)).origin(), origin);
}

void TestHostKey::originRoundTrips_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("plain") << QStringLiteral("http://a.test/");
    QTest::newRow("port") << QStringLiteral("https://a.test:8443/");
    QTest::newRow("ipv6") << QStringLiteral("http://[2001:db8::1]:8080/");
}

void TestHostKey::originRoundTrips()
{
    QFETCH(QString, url);
    const HostKey key = HostKey::fromUrl(QUrl(url));
    QVERIFY(key.isValid());
    QCOMPARE(HostKey::fromOrigin(key.origin()), key);
}

void TestHostKey::displayName_data()
{
    QTest::addColumn<QString>("origin");
    QTest::addColumn<QString>("name");
    QTest::newRow("http default port")
        << QStringLiteral("http://example.com:80") << QStringLiteral("example.com");
    QTest::newRow("http other port") << QStringLiteral("http://127.0.0.1:8080")
                                     << QStringLiteral("127.0.0.1:8080");
    QTest::newRow("https default port")
        << QStringLiteral("https://example.com:443") << QStringLiteral("https://example.com");
    QTest::newRow("https port 80") << QStringLiteral("https://example.com:80")
                                   << QStringLiteral("https://example.com:80");
    QTest::newRow("ipv6") << QStringLiteral("http://[::1]:8080") << QStringLiteral("[::1]:8080");
    // Files written before origins bracketed IPv6 hosts still read right.
    QTest::newRow("old unbracketed ipv6")
        << QStringLiteral("http://::1:8080") << QStringLiteral("[::1]:8080");
    QTest::newRow("not an origin") << QStringLiteral("whatever") << QStringLiteral("whatever");
}

void TestHostKey::displayName()
{
    QFETCH(QString, origin);
    QFETCH(QString, name);
    QCOMPARE(HostKey::displayNameOf(origin), name);
}

void TestHostKey::equalKeysHashAlike()
{
    const HostKey a = HostKey::fromUrl(QUrl(QStringLiteral("http://A.test/x")));
    const HostKey b = HostKey::fromUrl(QUrl(QStringLiteral("http://a.test:80/y")));
    const HostKey c = HostKey::fromUrl(QUrl(QStringLiteral("https://a.test/")));
    QCOMPARE(a, b);
    QCOMPARE(qHash(a), qHash(b));
    QVERIFY(a != c);
}

QTEST_GUILESS_MAIN(TestHostKey)
#include "tst_hostkey.moc"
