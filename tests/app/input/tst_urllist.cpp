#include "input/urllist.h"

#include <QTest>

using namespace Qt::StringLiterals;

using Substitutions = QHash<QString, QString>;

class TestUrlList : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsWebUrls_data();
    void acceptsWebUrls();
    void rejectsWithReason_data();
    void rejectsWithReason();
    void keepsLineNumbers_data();
    void keepsLineNumbers();
    void substitutesPlaceholders_data();
    void substitutesPlaceholders();
    void errorMessageNamesLineReasonAndText();
    void repeatsWholeListInOrder_data();
    void repeatsWholeListInOrder();
};

void TestUrlList::acceptsWebUrls_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("expected");

    QTest::newRow("http") << u"http://example.com/"_s << u"http://example.com/"_s;
    QTest::newRow("https with query")
        << u"https://example.com/a?b=1&c=2"_s << u"https://example.com/a?b=1&c=2"_s;
    QTest::newRow("port and path") << u"http://127.0.0.1:8080/slow/2"_s << u"http://127.0.0.1:8080/slow/2"_s;
    QTest::newRow("ipv6") << u"http://[::1]:8080/"_s << u"http://[::1]:8080/"_s;
    QTest::newRow("upper-case scheme") << u"HTTPS://Example.COM/Path"_s << u"https://example.com/Path"_s;
    QTest::newRow("surrounding whitespace") << u" \t http://example.com/x \t "_s << u"http://example.com/x"_s;
    QTest::newRow("unicode host") << u"http://bücher.example/"_s << u"http://bücher.example/"_s;
    QTest::newRow("fragment") << u"http://example.com/#top"_s << u"http://example.com/#top"_s;
}

void TestUrlList::acceptsWebUrls()
{
    QFETCH(QString, line);
    QFETCH(QString, expected);

    const UrlList list = parseUrlList(line);
    QVERIFY2(list.errors.isEmpty(), qPrintable(list.errors.value(0).message()));
    QCOMPARE(list.urls.size(), 1);
    QCOMPARE(list.urls.at(0).line, 1);
    QCOMPARE(list.urls.at(0).url, QUrl(expected));
}

void TestUrlList::rejectsWithReason_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("reason");

    QTest::newRow("ftp") << u"ftp://example.com/file"_s
                         << u"unsupported scheme \"ftp\" (only http and https)"_s;
    QTest::newRow("mailto") << u"mailto:someone@example.com"_s
                            << u"unsupported scheme \"mailto\" (only http and https)"_s;
    QTest::newRow("file") << u"file:///etc/passwd"_s
                          << u"unsupported scheme \"file\" (only http and https)"_s;
    QTest::newRow("host and path") << u"example.com/x"_s
                                   << u"no scheme (did you mean http://example.com/x?)"_s;
    QTest::newRow("bare host") << u"example.com"_s << u"no scheme (did you mean http://example.com?)"_s;
    QTest::newRow("host and port") << u"localhost:8080/x"_s
                                   << u"no scheme (did you mean http://localhost:8080/x?)"_s;
    QTest::newRow("ip and port") << u"127.0.0.1:8080"_s
                                 << u"no scheme (did you mean http://127.0.0.1:8080?)"_s;
    QTest::newRow("scheme-relative") << u"//example.com/x"_s
                                     << u"no scheme (did you mean http://example.com/x?)"_s;
    QTest::newRow("empty host") << u"http:///path"_s << u"no host"_s;
    QTest::newRow("opaque http") << u"http:foo"_s << u"no host"_s;
    QTest::newRow("just a path") << u"/index.html"_s << u"no scheme"_s;
}

void TestUrlList::rejectsWithReason()
{
    QFETCH(QString, line);
    QFETCH(QString, reason);

    const UrlList list = parseUrlList(line);
    QVERIFY(list.urls.isEmpty());
    QCOMPARE(list.errors.size(), 1);
    QCOMPARE(list.errors.at(0).line, 1);
    QCOMPARE(list.errors.at(0).text, line);
    QCOMPARE(list.errors.at(0).reason, reason);
}

void TestUrlList::keepsLineNumbers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<int>>("urlLines");
    QTest::addColumn<QList<int>>("errorLines");
    QTest::addColumn<QStringList>("errorPrefixes");

    const QString mixed = u"# my list\n"
                          "http://a.example/\n"
                          "\n"
                          "ftp://b.example/\n"
                          "   # indented comment\n"
                          "https://c.example/\n"
                          "http://exa mple.com/\n"
                          "   \t  \n"
                          "http://d.example/"_s;
    QTest::newRow("LF") << mixed << QList<int> {2, 6, 9} << QList<int> {4, 7}
                        << QStringList {u"unsupported scheme"_s,
                                        u"not a valid URL: the host name is not valid"_s};
    QString crlf = mixed;
    crlf.replace(u"\n"_s, u"\r\n"_s);
    QTest::newRow("CRLF") << crlf << QList<int> {2, 6, 9} << QList<int> {4, 7}
                          << QStringList {u"unsupported scheme"_s,
                                          u"not a valid URL: the host name is not valid"_s};
    QString cr = mixed;
    cr.replace(u"\n"_s, u"\r"_s);
    QTest::newRow("CR") << cr << QList<int> {2, 6, 9} << QList<int> {4, 7}
                        << QStringList {u"unsupported scheme"_s,
                                        u"not a valid URL: the host name is not valid"_s};
    QTest::newRow("trailing newline")
        << u"http://a.example/\r\n"_s << QList<int> {1} << QList<int> {} << QStringList {};
    QTest::newRow("empty") << QString() << QList<int> {} << QList<int> {} << QStringList {};
    QTest::newRow("only comments") << u"#a\n  #b\n\n"_s << QList<int> {} << QList<int> {} << QStringList {};
    QTest::newRow("hash inside URL is kept")
        << u"http://a.example/#x\n#http://b.example/"_s << QList<int> {1} << QList<int> {} << QStringList {};
    QTest::newRow("space inside URL") << u"http://a.example/ b"_s << QList<int> {} << QList<int> {1}
                                      << QStringList {u"not a valid URL: a URL cannot contain a space"_s};
    // Said as a person would, not in the parser's words ("Invalid path (character ' ' not permitted)").
    QTest::newRow("prose") << u"not a url"_s << QList<int> {} << QList<int> {1}
                           << QStringList {u"not a URL: it needs http:// or https:// and a host"_s};
}

void TestUrlList::keepsLineNumbers()
{
    QFETCH(QString, text);
    QFETCH(QList<int>, urlLines);
    QFETCH(QList<int>, errorLines);
    QFETCH(QStringList, errorPrefixes);

    const UrlList list = parseUrlList(text);
    QList<int> gotUrlLines;
    for (const auto &url : list.urls)
        gotUrlLines.append(url.line);
    QList<int> gotErrorLines;
    for (const auto &error : list.errors)
        gotErrorLines.append(error.line);
    QCOMPARE(gotUrlLines, urlLines);
    QCOMPARE(gotErrorLines, errorLines);
    for (int i = 0; i < errorPrefixes.size(); ++i)
        QVERIFY2(list.errors.at(i).reason.startsWith(errorPrefixes.at(i)),
                 qPrintable(list.errors.at(i).reason));
    for (const auto &error : list.errors) {
        QVERIFY(!error.text.contains(u'\r'));
        QVERIFY(!error.reason.contains(u"Invalid"));
    }
}

void TestUrlList::substitutesPlaceholders_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Substitutions>("substitutions");
    QTest::addColumn<QStringList>("urls");
    QTest::addColumn<QStringList>("errorTexts");

    const Substitutions demo {{u"{demo}"_s, u"http://127.0.0.1:8123"_s}};
    QTest::newRow("prefix") << u"{demo}/slow/1\n{demo}/fast"_s << demo
                            << QStringList {u"http://127.0.0.1:8123/slow/1"_s,
                                            u"http://127.0.0.1:8123/fast"_s}
                            << QStringList {};
    QTest::newRow("whole line") << u"  {demo}  "_s << demo << QStringList {u"http://127.0.0.1:8123"_s}
                                << QStringList {};
    QTest::newRow("two placeholders sharing a prefix")
        << u"{demo}/a\n{demo_slow}/b"_s
        << Substitutions {{u"{demo}"_s, u"http://a.example"_s}, {u"{demo_slow}"_s, u"http://b.example"_s}}
        << QStringList {u"http://a.example/a"_s, u"http://b.example/b"_s} << QStringList {};
    QTest::newRow("unknown placeholder is an error with the user's text")
        << u"{other}/x"_s << demo << QStringList {} << QStringList {u"{other}/x"_s};
    QTest::newRow("comment is not substituted")
        << u"# {demo}\n{demo}/"_s << Substitutions {{u"{demo}"_s, u"http://a.example"_s}}
        << QStringList {u"http://a.example/"_s} << QStringList {};
    QTest::newRow("error keeps the unexpanded text")
        << u"{ftp}/x"_s << Substitutions {{u"{ftp}"_s, u"ftp://a.example"_s}} << QStringList {}
        << QStringList {u"{ftp}/x"_s};
}

void TestUrlList::substitutesPlaceholders()
{
    QFETCH(QString, text);
    QFETCH(Substitutions, substitutions);
    QFETCH(QStringList, urls);
    QFETCH(QStringList, errorTexts);

    const UrlList list = parseUrlList(text, substitutions);
    QStringList gotUrls;
    for (const auto &line : list.urls)
        gotUrls.append(line.url.toString());
    QStringList gotErrorTexts;
    for (const auto &error : list.errors)
        gotErrorTexts.append(error.text);
    QCOMPARE(gotUrls, urls);
    QCOMPARE(gotErrorTexts, errorTexts);
}

void TestUrlList::errorMessageNamesLineReasonAndText()
{
    const UrlList list = parseUrlList(u"http://a.example/\n\n  ftp://b.example/x  \n");
    QCOMPARE(list.errors.size(), 1);
    QCOMPARE(list.errors.at(0).message(),
             u"line 3: unsupported scheme \"ftp\" (only http and https): ftp://b.example/x"_s);
}

void TestUrlList::repeatsWholeListInOrder_data()
{
    QTest::addColumn<int>("times");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("zero") << 0 << QStringList {};
    QTest::newRow("negative") << -2 << QStringList {};
    QTest::newRow("once") << 1 << QStringList {u"http://a.example/"_s, u"http://b.example/"_s};
    QTest::newRow("three times") << 3 << QStringList {u"http://a.example/"_s, u"http://b.example/"_s,
                                                      u"http://a.example/"_s, u"http://b.example/"_s,
                                                      u"http://a.example/"_s, u"http://b.example/"_s};
}

void TestUrlList::repeatsWholeListInOrder()
{
    QFETCH(int, times);
    QFETCH(QStringList, expected);

    const UrlList list = parseUrlList(u"http://a.example/\nnot a url\nhttp://b.example/");
    QList<QUrl> expectedUrls;
    for (const auto &url : expected)
        expectedUrls.append(QUrl(url));
    QCOMPARE(list.repeated(times), expectedUrls);
}

QTEST_GUILESS_MAIN(TestUrlList)
#include "tst_urllist.moc"
