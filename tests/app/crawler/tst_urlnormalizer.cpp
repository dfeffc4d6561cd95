#include "crawler/urlnormalizer.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestUrlNormalizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalizes_data();
    void normalizes();
    void isIdempotent_data();
    void isIdempotent();
    void sortsQueryOnlyWhenAsked_data();
    void sortsQueryOnlyWhenAsked();
    void keysAgreeForEquivalentUrls_data();
    void keysAgreeForEquivalentUrls();
    void keysDifferForDifferentUrls_data();
    void keysDifferForDifferentUrls();
};

// Each row is parsed tolerantly, as a link from a page would be, and compared as the fully encoded key.
void TestUrlNormalizer::normalizes_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("already normal") << u"http://example.com/a/b?c=d"_s << u"http://example.com/a/b?c=d"_s;
    QTest::newRow("upper-case scheme") << u"HTTP://example.com/"_s << u"http://example.com/"_s;
    QTest::newRow("upper-case host") << u"http://EXAMPLE.Com/"_s << u"http://example.com/"_s;
    QTest::newRow("path case kept") << u"http://example.com/Path/File.HTML"_s
                                    << u"http://example.com/Path/File.HTML"_s;
    QTest::newRow("http default port") << u"http://example.com:80/a"_s << u"http://example.com/a"_s;
    QTest::newRow("https default port") << u"https://example.com:443/a"_s << u"https://example.com/a"_s;
    QTest::newRow("http on 443 kept") << u"http://example.com:443/"_s << u"http://example.com:443/"_s;
    QTest::newRow("https on 80 kept") << u"https://example.com:80/"_s << u"https://example.com:80/"_s;
    QTest::newRow("other port kept") << u"http://example.com:8080/"_s << u"http://example.com:8080/"_s;
    QTest::newRow("fragment") << u"http://example.com/a#top"_s << u"http://example.com/a"_s;
    QTest::newRow("empty fragment") << u"http://example.com/a#"_s << u"http://example.com/a"_s;
    QTest::newRow("empty path") << u"http://example.com"_s << u"http://example.com/"_s;
    QTest::newRow("empty path with query") << u"http://example.com?q=1"_s << u"http://example.com/?q=1"_s;
    QTest::newRow("unreserved tilde") << u"http://example.com/%7Euser"_s << u"http://example.com/~user"_s;
    QTest::newRow("unreserved lower hex") << u"http://example.com/%7euser"_s << u"http://example.com/~user"_s;
    QTest::newRow("unreserved letters and digits")
        << u"http://example.com/%41%62%30%2D%2E%5F"_s << u"http://example.com/Ab0-._"_s;
    QTest::newRow("reserved slash kept") << u"http://example.com/a%2fb"_s << u"http://example.com/a%2Fb"_s;
    QTest::newRow("reserved in query kept")
        << u"http://example.com/?a=%26%3d"_s << u"http://example.com/?a=%26%3D"_s;
    QTest::newRow("space") << u"http://example.com/a%20b"_s << u"http://example.com/a%20b"_s;
    QTest::newRow("non-ascii lower hex") << u"http://example.com/%c3%a9"_s << u"http://example.com/%C3%A9"_s;
    QTest::newRow("non-ascii raw") << u"http://example.com/é"_s << u"http://example.com/%C3%A9"_s;
    QTest::newRow("sub-delims keep their escapes")
        << u"http://example.com/%21%27%2a%5b"_s << u"http://example.com/%21%27%2A%5B"_s;
    QTest::newRow("brace raw and escaped agree")
        << u"http://example.com/{%7b"_s << u"http://example.com/%7B%7B"_s;
    QTest::newRow("stray percent") << u"http://example.com/a%zz%"_s << u"http://example.com/a%25zz%25"_s;
    QTest::newRow("escaped percent not decoded twice")
        << u"http://example.com/%2541"_s << u"http://example.com/%2541"_s;
    QTest::newRow("plus and space in query kept apart")
        << u"http://example.com/?x=a+b%2b&y=%20"_s << u"http://example.com/?x=a+b%2B&y=%20"_s;
    QTest::newRow("unreserved in query") << u"http://example.com/?%61=%7e"_s << u"http://example.com/?a=~"_s;
    QTest::newRow("query order kept by default")
        << u"http://example.com/?b=2&a=1"_s << u"http://example.com/?b=2&a=1"_s;
    QTest::newRow("empty query kept") << u"http://example.com/?"_s << u"http://example.com/?"_s;
    QTest::newRow("idn host") << u"http://BÜCHER.example/"_s << u"http://xn--bcher-kva.example/"_s;
    QTest::newRow("ipv6") << u"http://[::1]:80/"_s << u"http://[::1]/"_s;
    QTest::newRow("userinfo kept") << u"http://user@example.com/"_s << u"http://user@example.com/"_s;
    QTest::newRow("everything at once")
        << u"HTTPS://WWW.Example.COM:443?x=%7e%2f#frag"_s << u"https://www.example.com/?x=~%2F"_s;
}

void TestUrlNormalizer::normalizes()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);

    const QUrl url(input);
    QVERIFY2(url.isValid(), qPrintable(url.errorString()));
    QCOMPARE(urlKey(url), expected);
    QCOMPARE(normalizeUrl(url).toString(QUrl::FullyEncoded), expected);
}

void TestUrlNormalizer::isIdempotent_data()
{
    normalizes_data();
}

void TestUrlNormalizer::isIdempotent()
{
    QFETCH(QString, input);

    for (const bool sortQuery : {false, true}) {
        const QUrl once = normalizeUrl(QUrl(input), sortQuery);
        const QUrl twice = normalizeUrl(once, sortQuery);
        QCOMPARE(twice, once);
        QCOMPARE(twice.toString(QUrl::FullyEncoded), once.toString(QUrl::FullyEncoded));
    }
}

void TestUrlNormalizer::sortsQueryOnlyWhenAsked_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("sorted");

    QTest::newRow("by key") << u"http://e.com/?b=2&a=1&c=3"_s << u"http://e.com/?a=1&b=2&c=3"_s;
    QTest::newRow("same key by value") << u"http://e.com/?a=2&a=1"_s << u"http://e.com/?a=1&a=2"_s;
    QTest::newRow("key decides before value") << u"http://e.com/?ab=0&a=9"_s << u"http://e.com/?a=9&ab=0"_s;
    QTest::newRow("key without value") << u"http://e.com/?b&a=1"_s << u"http://e.com/?a=1&b"_s;
    QTest::newRow("duplicates kept") << u"http://e.com/?a=1&b&a=1"_s << u"http://e.com/?a=1&a=1&b"_s;
    QTest::newRow("after escape normalization")
        << u"http://e.com/?%62=1&a=%7e"_s << u"http://e.com/?a=~&b=1"_s;
    QTest::newRow("with fragment and port") << u"http://e.com:80/p?z&y#f"_s << u"http://e.com/p?y&z"_s;
}

void TestUrlNormalizer::sortsQueryOnlyWhenAsked()
{
    QFETCH(QString, input);
    QFETCH(QString, sorted);

    QCOMPARE(urlKey(QUrl(input), true), sorted);
    QCOMPARE(normalizeUrl(QUrl(input), true).toString(QUrl::FullyEncoded), sorted);
    QCOMPARE(urlKey(QUrl(input), false).section(u'?', 1), urlKey(QUrl(input)).section(u'?', 1));
}

void TestUrlNormalizer::keysAgreeForEquivalentUrls_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");

    QTest::newRow("case and port") << u"HTTP://Example.com:80"_s << u"http://example.com/"_s;
    QTest::newRow("escapes") << u"http://example.com/%7Ea%2f"_s << u"http://example.com/~a%2F"_s;
    QTest::newRow("fragments") << u"http://example.com/a#x"_s << u"http://example.com/a#y"_s;
    QTest::newRow("idn unicode vs punycode")
        << u"http://bücher.example/"_s << u"http://xn--bcher-kva.example/"_s;
    QTest::newRow("idn whitelisted tld") << u"http://bücher.de/"_s << u"http://XN--BCHER-KVA.de/"_s;
}

void TestUrlNormalizer::keysAgreeForEquivalentUrls()
{
    QFETCH(QString, a);
    QFETCH(QString, b);

    QCOMPARE(urlKey(QUrl(a)), urlKey(QUrl(b)));
    QCOMPARE(normalizeUrl(QUrl(a)), normalizeUrl(QUrl(b)));
}

void TestUrlNormalizer::keysDifferForDifferentUrls_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");

    QTest::newRow("scheme") << u"http://example.com/"_s << u"https://example.com/"_s;
    QTest::newRow("path case") << u"http://example.com/a"_s << u"http://example.com/A"_s;
    QTest::newRow("encoded slash") << u"http://example.com/a/b"_s << u"http://example.com/a%2Fb"_s;
    QTest::newRow("query order without sorting")
        << u"http://example.com/?a&b"_s << u"http://example.com/?b&a"_s;
    QTest::newRow("port") << u"http://example.com/"_s << u"http://example.com:8080/"_s;
}

void TestUrlNormalizer::keysDifferForDifferentUrls()
{
    QFETCH(QString, a);
    QFETCH(QString, b);

    QVERIFY(urlKey(QUrl(a)) != urlKey(QUrl(b)));
}

QTEST_GUILESS_MAIN(TestUrlNormalizer)
#include "tst_urlnormalizer.moc"
