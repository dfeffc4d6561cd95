#include "crawler/htmlcharset.h"
#include "crawler/parsetask.h"

#include <QTest>

// The pure functions that worker threads run for the crawler: charset detection and decoding, link
// extraction with normalization, and robots.txt rules.
class TestParseTask : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void charset_data();
    void charset();
    void decodesToUtf8_data();
    void decodesToUtf8();
    void pageLinksAreDecodedAndNormalized();
    void largePageIsReadUpToItsCap();
    void sparseLinksAreReadWholeAndCountedExactly();
    void runsRobotsAndNothing();
};

void TestParseTask::charset_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("nothing says") << QByteArray("<p>hi</p>") << QStringLiteral("text/html")
                                  << QByteArray("utf-8");
    QTest::newRow("header") << QByteArray("<p>hi</p>") << QStringLiteral("text/html; charset=Shift_JIS")
                            << QByteArray("shift_jis");
    QTest::newRow("header quoted") << QByteArray() << QStringLiteral("text/html; charset=\"koi8-r\"")
                                   << QByteArray("koi8-r");
    QTest::newRow("latin-1 means windows-1252")
        << QByteArray() << QStringLiteral("text/html; charset=ISO-8859-1") << QByteArray("windows-1252");
    QTest::newRow("meta charset") << QByteArray("<html><head><meta charset='windows-1251'>")
                                  << QStringLiteral("text/html") << QByteArray("windows-1251");
    QTest::newRow("meta http-equiv") << QByteArray(
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">")
                                     << QStringLiteral("text/html") << QByteArray("koi8-r");
    QTest::newRow("header beats meta") << QByteArray("<meta charset=koi8-r>")
                                       << QStringLiteral("text/html;charset=utf-8") << QByteArray("utf-8");
    QTest::newRow("bom beats header")
        << QByteArray("\xFF\xFE<\0", 4) << QStringLiteral("text/html; charset=koi8-r")
        << QByteArray("utf-16le");
    QTest::newRow("meta utf-16 is utf-8")
        << QByteArray("<meta charset=utf-16>") << QStringLiteral("text/html") << QByteArray("utf-8");
    QTest::newRow("meta past 1024 bytes") << QByteArray(1100, ' ') + "<meta charset=koi8-r>"
                                          << QStringLiteral("text/html") << QByteArray("utf-8");
}

void TestParseTask::charset()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, contentType);
    QFETCH(QByteArray, expected);
    QCOMPARE(htmlCharset(body, contentType), expected);
}

void TestParseTask::decodesToUtf8_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QString>("expected");

    QTest::newRow("utf-8") << QByteArray("caf\xC3\xA9") << QStringLiteral("text/html")
                           << QStringLiteral(u"café");
    QTest::newRow("utf-8 bom") << QByteArray("\xEF\xBB\xBF"
                                             "caf\xC3\xA9")
                               << QStringLiteral("text/html") << QStringLiteral(u"café");
    QTest::newRow("latin-1") << QByteArray("caf\xE9") << QStringLiteral("text/html; charset=iso-8859-1")
                             << QStringLiteral(u"café");
    QTest::newRow("windows-1252 quotes")
        << QByteArray("\x93hi\x94") << QStringLiteral("text/html; charset=latin1")
        << QStringLiteral(u"\u201Chi\u201D");
    QTest::newRow("koi8-r from meta")
        << QByteArray("<meta charset=koi8-r>\xF0\xD2\xC9") << QStringLiteral("text/html")
        << QStringLiteral(u"<meta charset=koi8-r>При");
    QTest::newRow("utf-16le") << QByteArray("\xFF\xFE"
                                            "a\0b\0",
                                            6)
                              << QStringLiteral("text/html") << QStringLiteral("ab");
    QTest::newRow("unknown charset is read as utf-8")
        << QByteArray("caf\xC3\xA9") << QStringLiteral("text/html; charset=x-no-such")
        << QStringLiteral(u"café");
}

void TestParseTask::decodesToUtf8()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, contentType);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromUtf8(htmlToUtf8(body, contentType)), expected);
}

void TestParseTask::pageLinksAreDecodedAndNormalized()
{
    // A Latin-1 page: read as UTF-8, its é would be a broken byte and the link a different URL.
    const QByteArray page
        = "<a href='/caf\xE9'>x</a> <a href='HTTP://Example.com:80/a/./b#top' rel=nofollow>y</a>"
          "<link rel=next href=/next>";
    const QList<ParsedLink> links = parsePageLinks(page, QUrl(QStringLiteral("http://example.com/dir/page")),
                                                   QStringLiteral("text/html; charset=iso-8859-1"), false)
                                        .links;
    QCOMPARE(links.size(), 3);
    QCOMPARE(links[0].url, QUrl(QStringLiteral("http://example.com/caf%C3%A9")));
    QCOMPARE(links[0].key, QStringLiteral("http://example.com/caf%C3%A9"));
    QCOMPARE(links[0].source, QStringLiteral("a"));
    QVERIFY(!links[0].nofollow);
    QCOMPARE(links[1].key, QStringLiteral("http://example.com/a/b"));
    QVERIFY(links[1].nofollow);
    QCOMPARE(links[2].source, QStringLiteral("link"));

    ParseTask task;
    task.kind = ParseTask::Kind::Page;
    task.body = page;
    task.pageUrl = QUrl(QStringLiteral("http://example.com/dir/page"));
    task.contentType = QStringLiteral("text/html; charset=iso-8859-1");
    QCOMPARE(task.run().links(), links);
    QVERIFY(!task.run().rules);

    // Many links come in chunks, all of them in order.
    QByteArray many;
    for (int i = 0; i < 2500; ++i)
        many += "<a href=/p" + QByteArray::number(i) + ">x</a>";
    task.body = many;
    const ParseResult result = task.run();
    QCOMPARE(result.linkChunks.size(), 3);
    QCOMPARE(result.linkChunks.first().size(), ParseResult::LinksPerChunk);
    const QList<ParsedLink> all = result.links();
    QCOMPARE(all.size(), 2500);
    for (int i = 0; i < 2500; ++i)
        QCOMPARE(all[i].key, QStringLiteral("http://example.com/p%1").arg(i));
}

namespace {

QByteArray linkPage(int first, int count)
{
    QByteArray page;
    for (int i = first; i < first + count; ++i)
        page += "<a href=\"/x/" + QByteArray::number(i) + "\">x</a>";
    return page;
}

QStringList keys(const QList<ParsedLink> &links)
{
    QStringList keys;
    for (const ParsedLink &link : links)
        keys.append(link.key);
    return keys;
}

const QUrl PageUrl(QStringLiteral("http://example.com/"));

} // namespace

void TestParseTask::largePageIsReadUpToItsCap()
{
    // 60 000 links, about 1.4 MB: the first prefix already holds the 1 000 kept, so the rest is not parsed.
    const QByteArray page = "<html><body>" + linkPage(0, 60'000) + "</body></html>";
    QVERIFY(page.size() > 4 * FirstPrefixBytes);
    const PageLinks capped = parsePageLinks(page, PageUrl, QStringLiteral("text/html"), false, 1000);
    QVERIFY(capped.cutShort);
    QCOMPARE(capped.bytesParsed, FirstPrefixBytes);
    QCOMPARE(capped.links.size(), 1000);
    // What the prefix held past the cap is counted; what lies beyond it is not, and is not claimed to be.
    QVERIFY2(capped.dropped > 0 && capped.dropped < 60'000 - 1000,
             qPrintable(QString::number(capped.dropped)));

    // The links kept are the page's first ones, exactly as a parse of the whole page finds them.
    const PageLinks whole = parsePageLinks(page, PageUrl, QStringLiteral("text/html"), false);
    QVERIFY(!whole.cutShort);
    QCOMPARE(whole.bytesParsed, page.size());
    QCOMPARE(whole.links.size(), 60'000);
    QCOMPARE(keys(capped.links), keys(whole.links.first(1000)));

    // Through the task, the cut is reported with the result.
    ParseTask task;
    task.kind = ParseTask::Kind::Page;
    task.body = page;
    task.pageUrl = PageUrl;
    task.contentType = QStringLiteral("text/html");
    task.maxLinks = 1000;
    const ParseResult result = task.run();
    QVERIFY(result.cutShort);
    QCOMPARE(result.linksDropped, capped.dropped);
    QCOMPARE(result.links().size(), 1000);
}

void TestParseTask::sparseLinksAreReadWholeAndCountedExactly()
{
    // 1 000 links, a megabyte of text, 1 000 more: no prefix short of the whole page holds 1 500 links, so
    // the whole page is parsed, and what lies past the cap is counted exactly.
    const QByteArray page
        = linkPage(0, 1000) + "<p>" + QByteArray(1024 * 1024, 'w') + "</p>" + linkPage(1000, 1000);
    const PageLinks links = parsePageLinks(page, PageUrl, QStringLiteral("text/html"), false, 1500);
    QVERIFY(!links.cutShort);
    QCOMPARE(links.bytesParsed, page.size());
    QCOMPARE(links.links.size(), 1500);
    QCOMPARE(links.dropped, 500);
    QCOMPARE(links.links.last().key, QStringLiteral("http://example.com/x/1499"));

    // A Latin-1 page past the first prefix is decoded prefix by prefix, as it would be whole.
    const QByteArray latin = QByteArray(FirstPrefixBytes, ' ') + "<a href='/caf\xE9'>x</a>";
    const PageLinks decoded
        = parsePageLinks(latin, PageUrl, QStringLiteral("text/html; charset=iso-8859-1"), false, 10);
    QCOMPARE(decoded.links.size(), 1);
    QCOMPARE(decoded.links.first().key, QStringLiteral("http://example.com/caf%C3%A9"));
}

void TestParseTask::runsRobotsAndNothing()
{
    ParseTask robots;
    robots.kind = ParseTask::Kind::Robots;
    robots.body = "User-agent: *\nDisallow: /private\nCrawl-delay: 2\n";
    robots.userAgent = "Crawlscope/0.1";
    const ParseResult result = robots.run();
    QVERIFY(result.rules);
    QVERIFY(!result.rules->isAllowed(QUrl(QStringLiteral("http://example.com/private/x"))));
    QVERIFY(result.rules->isAllowed(QUrl(QStringLiteral("http://example.com/public"))));
    QCOMPARE(result.rules->crawlDelayMs().value_or(-1), 2000);
    QVERIFY(result.linkChunks.isEmpty());

    ParseTask none;
    none.body = "<a href=/x>x</a>";
    QVERIFY(none.run().linkChunks.isEmpty());
    QVERIFY(!none.run().rules);
}

QTEST_GUILESS_MAIN(TestParseTask)
#include "tst_parsetask.moc"
