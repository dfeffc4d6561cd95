#include "crawler/crawlscope.h"

#include <QTest>

using namespace Qt::StringLiterals;

using Patterns = QList<QRegularExpression>;

class TestCrawlScope : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void registrableDomain_data();
    void registrableDomain();
    void decides_data();
    void decides();
    void nonWebSeedsAreIgnored();
};

void TestCrawlScope::registrableDomain_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("domain");

    QTest::newRow("plain") << u"example.com"_s << u"example.com"_s;
    QTest::newRow("subdomain") << u"www.example.com"_s << u"example.com"_s;
    QTest::newRow("two-label suffix") << u"a.b.example.co.uk"_s << u"example.co.uk"_s;
    QTest::newRow("private suffix") << u"x.github.io"_s << u"x.github.io"_s;
    QTest::newRow("public suffix itself") << u"github.io"_s << u"github.io"_s;
    QTest::newRow("localhost") << u"localhost"_s << u"localhost"_s;
    QTest::newRow("ipv4") << u"127.0.0.1"_s << u"127.0.0.1"_s;
    QTest::newRow("ipv6") << u"::1"_s << u"::1"_s;
    QTest::newRow("idn in ace") << u"www.xn--bcher-kva.de"_s << u"xn--bcher-kva.de"_s;
    QTest::newRow("idn in unicode") << u"www.bücher.de"_s << u"xn--bcher-kva.de"_s;
}

void TestCrawlScope::registrableDomain()
{
    QFETCH(QString, host);
    QFETCH(QString, domain);

    QCOMPARE(CrawlScope::registrableDomain(host), domain);
}

void TestCrawlScope::decides_data()
{
    QTest::addColumn<QStringList>("seeds");
    QTest::addColumn<CrawlScope::Kind>("kind");
    QTest::addColumn<Patterns>("includes");
    QTest::addColumn<Patterns>("excludes");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("reason"); // empty: in scope

    const auto host = CrawlScope::Kind::Host;
    const auto site = CrawlScope::Kind::Site;
    const auto any = CrawlScope::Kind::Any;
    const QStringList example {u"http://example.com/"_s};

    QTest::newRow("host: same host") << example << host << Patterns {} << Patterns {}
                                     << u"https://example.com/x"_s << QString();
    QTest::newRow("host: after normalization")
        << example << host << Patterns {} << Patterns {} << u"HTTP://EXAMPLE.com:80/x#f"_s << QString();
    QTest::newRow("host: www is another host")
        << example << host << Patterns {} << Patterns {} << u"http://www.example.com/"_s << u"other host"_s;
    QTest::newRow("site: www is the same site")
        << example << site << Patterns {} << Patterns {} << u"http://www.example.com/"_s << QString();
    QTest::newRow("site: from www to bare")
        << QStringList {u"http://www.example.com/"_s} << site << Patterns {} << Patterns {}
        << u"http://example.com/"_s << QString();
    QTest::newRow("site: other domain")
        << example << site << Patterns {} << Patterns {} << u"http://example.org/"_s << u"other site"_s;
    QTest::newRow("site: suffix look-alike")
        << example << site << Patterns {} << Patterns {} << u"http://notexample.com/"_s << u"other site"_s;
    QTest::newRow("site: co.uk siblings") << QStringList {u"http://a.example.co.uk/"_s} << site << Patterns {}
                                          << Patterns {} << u"http://b.example.co.uk/"_s << QString();
    QTest::newRow("site: co.uk neighbours")
        << QStringList {u"http://a.example.co.uk/"_s} << site << Patterns {} << Patterns {}
        << u"http://other.co.uk/"_s << u"other site"_s;
    QTest::newRow("site: github.io users") << QStringList {u"https://x.github.io/"_s} << site << Patterns {}
                                           << Patterns {} << u"https://y.github.io/"_s << u"other site"_s;
    QTest::newRow("site: github.io same user")
        << QStringList {u"https://x.github.io/"_s} << site << Patterns {} << Patterns {}
        << u"https://x.github.io/repo/"_s << QString();
    QTest::newRow("site: localhost") << QStringList {u"http://localhost:8080/"_s} << site << Patterns {}
                                     << Patterns {} << u"http://localhost:9090/x"_s << QString();
    QTest::newRow("site: localhost vs other single label")
        << QStringList {u"http://localhost/"_s} << site << Patterns {} << Patterns {} << u"http://intranet/"_s
        << u"other site"_s;
    QTest::newRow("site: ip is its own site")
        << QStringList {u"http://127.0.0.1:8080/"_s} << site << Patterns {} << Patterns {}
        << u"http://127.0.0.1/x"_s << QString();
    QTest::newRow("site: neighbouring ip") << QStringList {u"http://127.0.0.1/"_s} << site << Patterns {}
                                           << Patterns {} << u"http://127.0.0.2/"_s << u"other site"_s;
    QTest::newRow("site: ipv6") << QStringList {u"http://[::1]/"_s} << site << Patterns {} << Patterns {}
                                << u"http://[0:0::1]:8080/"_s << QString();
    QTest::newRow("site: idn spellings") << QStringList {u"http://bücher.de/"_s} << site << Patterns {}
                                         << Patterns {} << u"http://www.xn--bcher-kva.de/"_s << QString();
    QTest::newRow("several seeds") << QStringList {u"http://a.example/"_s, u"http://b.example/"_s} << host
                                   << Patterns {} << Patterns {} << u"http://b.example/x"_s << QString();
    QTest::newRow("any: other site") << example << any << Patterns {} << Patterns {}
                                     << u"https://example.org/"_s << QString();
    QTest::newRow("any: not web") << example << any << Patterns {} << Patterns {} << u"ftp://example.com/"_s
                                  << u"not an http(s) URL"_s;
    QTest::newRow("host: mailto") << example << host << Patterns {} << Patterns {}
                                  << u"mailto:a@example.com"_s << u"not an http(s) URL"_s;

    const Patterns blog {QRegularExpression(u"/blog/"_s), QRegularExpression(u"/news/"_s)};
    const Patterns noPdf {QRegularExpression(u"\\.pdf$"_s), QRegularExpression(u"[?&]session="_s)};
    QTest::newRow("include matched") << example << host << blog << Patterns {}
                                     << u"http://example.com/news/1"_s << QString();
    QTest::newRow("include not matched")
        << example << host << blog << Patterns {} << u"http://example.com/shop"_s
        << u"not matched by any include pattern"_s;
    QTest::newRow("exclude matched") << example << host << Patterns {} << noPdf
                                     << u"http://example.com/a.pdf"_s << u"excluded by pattern \\.pdf$"_s;
    QTest::newRow("second exclude matched")
        << example << host << Patterns {} << noPdf << u"http://example.com/?session=1"_s
        << u"excluded by pattern [?&]session="_s;
    QTest::newRow("exclude not matched")
        << example << host << Patterns {} << noPdf << u"http://example.com/a.html"_s << QString();
    QTest::newRow("exclude beats include")
        << example << host << blog << noPdf << u"http://example.com/blog/a.pdf"_s
        << u"excluded by pattern \\.pdf$"_s;
    QTest::newRow("patterns see the normalized url")
        << example << host << Patterns {QRegularExpression(u"^http://example\\.com/~me$"_s)} << Patterns {}
        << u"HTTP://Example.com:80/%7eme#top"_s << QString();
    QTest::newRow("scope is checked before patterns")
        << example << host << blog << Patterns {} << u"http://other.example/blog/"_s << u"other host"_s;
}

void TestCrawlScope::decides()
{
    QFETCH(QStringList, seeds);
    QFETCH(CrawlScope::Kind, kind);
    QFETCH(Patterns, includes);
    QFETCH(Patterns, excludes);
    QFETCH(QString, url);
    QFETCH(QString, reason);

    QList<QUrl> seedUrls;
    for (const QString &seed : seeds)
        seedUrls.append(QUrl(seed));
    const CrawlScope scope(seedUrls, kind, includes, excludes);
    QCOMPARE(scope.kind(), kind);
    QCOMPARE(scope.reasonOutOfScope(QUrl(url)), reason);
    QCOMPARE(scope.inScope(QUrl(url)), reason.isEmpty());
}

void TestCrawlScope::nonWebSeedsAreIgnored()
{
    const CrawlScope scope({QUrl(u"ftp://example.com/"_s), QUrl()}, CrawlScope::Kind::Host);
    QVERIFY(!scope.inScope(QUrl(u"http://example.com/"_s)));
}

QTEST_GUILESS_MAIN(TestCrawlScope)
#include "tst_crawlscope.moc"
