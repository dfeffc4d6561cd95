#include "crawler/linkextractor.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// "source url" per link, with "!" after the source for nofollow, so a row's expectation reads on one line.
QStringList describe(const QList<ExtractedLink> &links)
{
    QStringList result;
    for (const ExtractedLink &link : links)
        result.append(link.source + (link.nofollow ? u"! "_s : u" "_s)
                      + link.url.toString(QUrl::FullyEncoded));
    return result;
}

const QUrl documentUrl(u"http://example.com/dir/page.html?q=1"_s);

} // namespace

class TestLinkExtractor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void extracts_data();
    void extracts();
    void nofollow_data();
    void nofollow();
    void emptyInputGivesNoLinks();
};

void TestLinkExtractor::extracts_data()
{
    QTest::addColumn<QByteArray>("html");
    QTest::addColumn<QStringList>("links");

    QTest::newRow("absolute") << "<a href='http://other.example/x'>x</a>"_ba
                              << QStringList {u"a http://other.example/x"_s};
    QTest::newRow("relative path") << "<a href='next.html'>"_ba
                                   << QStringList {u"a http://example.com/dir/next.html"_s};
    QTest::newRow("root relative") << "<a href='/top'>"_ba << QStringList {u"a http://example.com/top"_s};
    QTest::newRow("dot segments") << "<a href='../up/./x'>"_ba
                                  << QStringList {u"a http://example.com/up/x"_s};
    QTest::newRow("scheme relative") << "<a href='//cdn.example/x'>"_ba
                                     << QStringList {u"a http://cdn.example/x"_s};
    QTest::newRow("query only") << "<a href='?q=2'>"_ba
                                << QStringList {u"a http://example.com/dir/page.html?q=2"_s};
    QTest::newRow("fragment kept on other page")
        << "<a href='other.html#s'>"_ba << QStringList {u"a http://example.com/dir/other.html#s"_s};
    QTest::newRow("entity in href") << "<a href='/a?x=1&amp;y=2'>"_ba
                                    << QStringList {u"a http://example.com/a?x=1&y=2"_s};
    QTest::newRow("whitespace around and inside href")
        << "<a href='  /a\n/b  '>"_ba << QStringList {u"a http://example.com/a/b"_s};
    QTest::newRow("space in path") << "<a href='/a b'>"_ba << QStringList {u"a http://example.com/a%20b"_s};
    QTest::newRow("https kept") << "<a href='https://example.com/s'>"_ba
                                << QStringList {u"a https://example.com/s"_s};

    QTest::newRow("every source in document order")
        << "<html><head><link rel=next href=/n><link rel=prev href=/p><link rel=alternate href=/alt>"
           "<meta http-equiv=refresh content='5; url=/r'></head><body>"
           "<a href=/a><img usemap=#m><map name=m><area href=/area></map>"
           "<iframe src=/if></iframe></body></html>"_ba
        << QStringList {u"link http://example.com/n"_s,   u"link http://example.com/p"_s,
                        u"link http://example.com/alt"_s, u"meta-refresh http://example.com/r"_s,
                        u"a http://example.com/a"_s,      u"area http://example.com/area"_s,
                        u"iframe http://example.com/if"_s};
    QTest::newRow("frameset") << "<frameset><frame src=left.html><frame src=right.html></frameset>"_ba
                              << QStringList {u"frame http://example.com/dir/left.html"_s,
                                              u"frame http://example.com/dir/right.html"_s};
    QTest::newRow("other link rels skipped")
        << "<link rel=stylesheet href=/s.css><link rel=icon href=/i.ico><link rel='alternate stylesheet' "
           "href=/alt.css><link rel=canonical href=/c><link href=/none><link rel='Next' href=/n>"_ba
        << QStringList {u"link http://example.com/n"_s};
    QTest::newRow("elements without the attribute")
        << "<a name=x>x</a><iframe></iframe><link rel=next>"_ba << QStringList {};
    QTest::newRow("img and script are not links")
        << "<img src=/i.png><script src=/s.js></script>"_ba << QStringList {};
    QTest::newRow("template contents are inert")
        << "<template><a href=/t></a></template><a href=/x>"_ba << QStringList {u"a http://example.com/x"_s};

    QTest::newRow("duplicates kept in order")
        << "<a href=/b></a><a href=/a></a><a href=/b></a><a href='http://example.com/a'></a>"_ba
        << QStringList {u"a http://example.com/b"_s, u"a http://example.com/a"_s, u"a http://example.com/b"_s,
                        u"a http://example.com/a"_s};

    QTest::newRow("unclosed tags") << "<div><p><a href=/one>one<a href=/two>two<p><a href=/three"_ba
                                   << QStringList {u"a http://example.com/one"_s,
                                                   u"a http://example.com/two"_s};
    QTest::newRow("unquoted attributes")
        << "<a href=/x?a=1 class=b>x</a>"_ba << QStringList {u"a http://example.com/x?a=1"_s};
    QTest::newRow("mixed case") << "<A HREF='/Up'>x</A><IfRaMe SrC=/f></IFRAME><LINK REL=NEXT HREF=/n>"_ba
                                << QStringList {u"a http://example.com/Up"_s,
                                                u"iframe http://example.com/f"_s,
                                                u"link http://example.com/n"_s};
    QTest::newRow("no html or body") << "text <a href=/x>x"_ba << QStringList {u"a http://example.com/x"_s};
    QTest::newRow("comment is not a link")
        << "<!-- <a href=/hidden> --><a href=/shown>"_ba << QStringList {u"a http://example.com/shown"_s};
    QTest::newRow("stray quotes and angle brackets")
        << "<a href=\"/q\" \"junk>x</a><a href=/<weird>>y</a>"_ba
        << QStringList {u"a http://example.com/q"_s, u"a http://example.com/%3Cweird"_s};

    QTest::newRow("base absolute") << "<head><base href='http://base.example/sub/'></head><a href=x>"_ba
                                   << QStringList {u"a http://base.example/sub/x"_s};
    QTest::newRow("base relative to document")
        << "<base href='/other/'><a href=x>"_ba << QStringList {u"a http://example.com/other/x"_s};
    QTest::newRow("base applies to earlier links")
        << "<a href=x></a><base href='/b/'>"_ba << QStringList {u"a http://example.com/b/x"_s};
    QTest::newRow("first base with href wins")
        << "<base target=_blank><base href='/first/'><base href='/second/'><a href=x>"_ba
        << QStringList {u"a http://example.com/first/x"_s};
    QTest::newRow("non-web base ignored")
        << "<base href='javascript:void(0)'><a href=x>"_ba << QStringList {u"a http://example.com/dir/x"_s};
    QTest::newRow("fragment against other base kept") << "<base href='http://base.example/p'><a href=#s>"_ba
                                                      << QStringList {u"a http://base.example/p#s"_s};

    QTest::newRow("refresh url=") << "<meta http-equiv=refresh content='0; url=/r'>"_ba
                                  << QStringList {u"meta-refresh http://example.com/r"_s};
    QTest::newRow("refresh upper case") << "<META HTTP-EQUIV=Refresh CONTENT='3;URL=/r'>"_ba
                                        << QStringList {u"meta-refresh http://example.com/r"_s};
    QTest::newRow("refresh comma and spaces") << "<meta http-equiv=refresh content='5 , url = /r'>"_ba
                                              << QStringList {u"meta-refresh http://example.com/r"_s};
    QTest::newRow("refresh quoted url") << "<meta http-equiv=refresh content=\"1; url='/r?a=1'junk\">"_ba
                                        << QStringList {u"meta-refresh http://example.com/r?a=1"_s};
    QTest::newRow("refresh without url=") << "<meta http-equiv=refresh content='2; /r'>"_ba
                                          << QStringList {u"meta-refresh http://example.com/r"_s};
    QTest::newRow("refresh fractional time")
        << "<meta http-equiv=refresh content='1.5; url=http://o.example/'>"_ba
        << QStringList {u"meta-refresh http://o.example/"_s};
    QTest::newRow("refresh only reloads") << "<meta http-equiv=refresh content='30'>"_ba << QStringList {};
    QTest::newRow("refresh without time")
        << "<meta http-equiv=refresh content='url=/r'>"_ba << QStringList {};
    QTest::newRow("refresh to javascript")
        << "<meta http-equiv=refresh content='0; url=javascript:x()'>"_ba << QStringList {};
    QTest::newRow("meta without http-equiv")
        << "<meta name=refresh content='0; url=/r'>"_ba << QStringList {};

    QTest::newRow("skipped schemes")
        << "<a href='javascript:go()'></a><a href='JavaScript:go()'></a><a href='mailto:a@example.com'></a>"
           "<a href='tel:+441234'></a><a href='data:text/html,hi'></a><a href='ftp://example.com/f'></a>"
           "<a href='file:///etc/passwd'></a><a href='about:blank'></a><iframe src='about:blank'></iframe>"
           "<a href='/kept'></a>"_ba
        << QStringList {u"a http://example.com/kept"_s};
    QTest::newRow("self links skipped")
        << "<a href=''></a><a href='#'></a><a href='#top'></a><a href></a>"_ba << QStringList {};
    QTest::newRow("explicit self link kept")
        << "<a href='page.html?q=1'></a>"_ba << QStringList {u"a http://example.com/dir/page.html?q=1"_s};
    QTest::newRow("no host") << "<a href='http:///x'></a>"_ba << QStringList {};
}

void TestLinkExtractor::extracts()
{
    QFETCH(QByteArray, html);
    QFETCH(QStringList, links);

    QCOMPARE(describe(extractLinks(html, documentUrl)), links);
    // Without nofollow in the page, not honouring it must make no difference.
    QCOMPARE(describe(extractLinks(html, documentUrl, false)), links);
}

void TestLinkExtractor::nofollow_data()
{
    QTest::addColumn<QByteArray>("html");
    QTest::addColumn<QStringList>("honoured");
    QTest::addColumn<QStringList>("ignored");

    QTest::newRow("rel on a") << "<a href=/f></a><a rel=nofollow href=/n></a>"_ba
                              << QStringList {u"a http://example.com/f"_s}
                              << QStringList {u"a http://example.com/f"_s, u"a! http://example.com/n"_s};
    QTest::newRow("rel among other tokens, mixed case")
        << "<a rel='external NoFollow noopener' href=/n></a>"_ba << QStringList {}
        << QStringList {u"a! http://example.com/n"_s};
    QTest::newRow("nofollow substring is not the token")
        << "<a rel=nofollowing href=/n></a>"_ba << QStringList {u"a http://example.com/n"_s}
        << QStringList {u"a http://example.com/n"_s};
    QTest::newRow("rel on area") << "<map><area rel=nofollow href=/n></map>"_ba << QStringList {}
                                 << QStringList {u"area! http://example.com/n"_s};
    QTest::newRow("rel on link") << "<link rel='next nofollow' href=/n>"_ba << QStringList {}
                                 << QStringList {u"link! http://example.com/n"_s};
    QTest::newRow("meta robots nofollow covers every link")
        << "<meta name=robots content='noindex, nofollow'><a href=/a></a><iframe src=/f></iframe>"
           "<meta http-equiv=refresh content='0;url=/r'>"_ba
        << QStringList {}
        << QStringList {u"a! http://example.com/a"_s, u"iframe! http://example.com/f"_s,
                        u"meta-refresh! http://example.com/r"_s};
    QTest::newRow("meta robots none") << "<META NAME=Robots CONTENT=NONE><a href=/a>"_ba << QStringList {}
                                      << QStringList {u"a! http://example.com/a"_s};
    QTest::newRow("meta robots after the links")
        << "<a href=/a></a><meta name=robots content=nofollow>"_ba << QStringList {}
        << QStringList {u"a! http://example.com/a"_s};
    QTest::newRow("meta robots follow")
        << "<meta name=robots content='index,follow'><a href=/a>"_ba
        << QStringList {u"a http://example.com/a"_s} << QStringList {u"a http://example.com/a"_s};
    QTest::newRow("other crawler's meta")
        << "<meta name=googlebot content=nofollow><a href=/a>"_ba << QStringList {u"a http://example.com/a"_s}
        << QStringList {u"a http://example.com/a"_s};
}

void TestLinkExtractor::nofollow()
{
    QFETCH(QByteArray, html);
    QFETCH(QStringList, honoured);
    QFETCH(QStringList, ignored);

    QCOMPARE(describe(extractLinks(html, documentUrl, true)), honoured);
    QCOMPARE(describe(extractLinks(html, documentUrl, false)), ignored);
}

void TestLinkExtractor::emptyInputGivesNoLinks()
{
    QVERIFY(extractLinks(QByteArray(), documentUrl).isEmpty());
    QVERIFY(extractLinks("\0\0<a"_ba, documentUrl).isEmpty());
}

QTEST_GUILESS_MAIN(TestLinkExtractor)
#include "tst_linkextractor.moc"
