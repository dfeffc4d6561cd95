#include "crawler/robotsrules.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// The example file of RFC 9309 section 5.1, without its comments.
const QByteArray RfcExample = "User-Agent: *\n"
                              "Disallow: *.gif$\n"
                              "Disallow: /example/\n"
                              "Allow: /publications/\n"
                              "\n"
                              "User-Agent: foobot\n"
                              "Disallow:/\n"
                              "Allow:/example/page.html\n"
                              "Allow:/example/allowed.gif\n"
                              "\n"
                              "User-Agent: barbot\n"
                              "User-Agent: bazbot\n"
                              "Disallow: /example/page.html\n"
                              "\n"
                              "User-Agent: quxbot\n"_ba;

void addAllowedColumns()
{
    QTest::addColumn<QByteArray>("robots");
    QTest::addColumn<QByteArray>("agent");
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("allowed");
}

// Most tables ask one crawler about paths on one host.
void addPath(const char *tag, const QByteArray &robots, const char *path, bool allowed)
{
    QTest::addRow("%s: %s", tag, path)
        << robots << "FooBot"_ba << QString(u"http://foo.bar"_s + QLatin1StringView(path)) << allowed;
}

void checkAllowed()
{
    QFETCH(QByteArray, robots);
    QFETCH(QByteArray, agent);
    QFETCH(QString, url);
    QFETCH(bool, allowed);

    QCOMPARE(RobotsRules::parse(robots, agent).isAllowed(QUrl(url)), allowed);
}

// `prefix`, a filler comment line, then `tail`, so that the whole is `size` bytes.
QByteArray paddedTo(qsizetype size, const QByteArray &prefix, const QByteArray &tail)
{
    const qsizetype fill = size - prefix.size() - tail.size();
    return prefix + '#' + QByteArray(fill - 2, 'x') + '\n' + tail;
}

} // namespace

class TestRobotsRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfcExample_data();
    void rfcExample() { checkAllowed(); }
    void groups_data();
    void groups() { checkAllowed(); }
    void longestMatch_data();
    void longestMatch() { checkAllowed(); }
    void specialCharacters_data();
    void specialCharacters() { checkAllowed(); }
    void pathExamples_data();
    void pathExamples() { checkAllowed(); }
    void encoding_data();
    void encoding() { checkAllowed(); }
    void lineSyntax_data();
    void lineSyntax() { checkAllowed(); }
    void crawlDelay_data();
    void crawlDelay();
    void sitemaps_data();
    void sitemaps();
    void readsOnlyFirst500KiB_data();
    void readsOnlyFirst500KiB();
    void allowAllAndDisallowAll();
};

void TestRobotsRules::rfcExample_data()
{
    addAllowedColumns();

    const auto add = [](const char *agent, const char *path, bool allowed) {
        QTest::addRow("%s %s", agent, path)
            << RfcExample << QByteArray(agent)
            << QString(u"https://www.example.com"_s + QLatin1StringView(path)) << allowed;
    };
    add("foobot", "/example/page.html", true);
    add("foobot", "/example/allowed.gif", true);
    add("foobot", "/example/disallowed.gif", false);
    add("foobot", "/publications/", false);
    add("foobot", "/", false);
    add("FOOBOT", "/example/page.html", true);
    add("FooBot/2.1", "/", false);
    add("barbot", "/example/page.html", false);
    add("bazbot", "/example/page.html", false);
    add("barbot", "/example/other.html", true); // the "*" group does not add to a named one
    add("barbot", "/image.gif", true);
    add("quxbot", "/example/page.html", true); // an empty group naming us still beats "*"
    add("quxbot", "/image.gif", true);
    add("otherbot", "/image.gif", false);
    add("otherbot", "/image.gif?size=2", true);
    add("otherbot", "/example/", false);
    add("otherbot", "/example/page.html", false);
    add("otherbot", "/publications/report.html", true);
    add("otherbot", "/publications/cover.gif", true);
    add("otherbot", "/", true);
    add("Crawlscope/0.1.0", "/example/page.html", false);
    add("", "/example/page.html", false);
}

void TestRobotsRules::groups_data()
{
    addAllowedColumns();

    // RFC 9309 2.2.1: groups for the same agent are merged.
    const QByteArray merged = "user-agent: ExampleBot\n"
                              "disallow: /foo\n"
                              "disallow: /bar\n"
                              "\n"
                              "user-agent: ExampleBot\n"
                              "disallow: /baz\n"_ba;
    for (const char *path : {"/foo", "/bar", "/baz"})
        QTest::addRow("merged %s", path)
            << merged << "examplebot"_ba << QString(u"http://foo.bar"_s + QLatin1StringView(path)) << false;
    QTest::newRow("merged /qux") << merged << "examplebot"_ba << u"http://foo.bar/qux"_s << true;

    const QByteArray global = "user-agent: *\n"
                              "allow: /\n"
                              "user-agent: FooBot\n"
                              "disallow: /\n"_ba;
    const QByteArray onlySpecific = "user-agent: FooBot\n"
                                    "allow: /\n"
                                    "user-agent: BarBot\n"
                                    "disallow: /\n"_ba;
    QTest::newRow("empty file") << QByteArray() << "FooBot"_ba << u"http://foo.bar/x/y"_s << true;
    QTest::newRow("named group beats star") << global << "FooBot"_ba << u"http://foo.bar/x/y"_s << false;
    QTest::newRow("star for the others") << global << "BarBot"_ba << u"http://foo.bar/x/y"_s << true;
    QTest::newRow("no group, no star") << onlySpecific << "QuxBot"_ba << u"http://foo.bar/x/y"_s << true;

    const QByteArray starThenNamed = "User-agent: *\n"
                                     "Disallow: /x/\n"
                                     "User-agent: FooBot\n"
                                     "Disallow: /y/\n"_ba;
    addPath("named group only", starThenNamed, "/x/page", true);
    addPath("named group only", starThenNamed, "/y/page", false);

    const QByteArray twoStars = "User-agent: *\n"
                                "Disallow: /a\n"
                                "User-agent: BarBot\n"
                                "Disallow: /b\n"
                                "User-agent: *\n"
                                "Disallow: /c\n"_ba;
    addPath("star groups merged", twoStars, "/a", false);
    addPath("star groups merged", twoStars, "/b", true);
    addPath("star groups merged", twoStars, "/c", false);

    // google/robotstxt ID_UserAgentValueCaseInsensitive: the value is matched up to its first space.
    for (const auto &line : {"User-Agent: FOO BAR"_ba, "User-Agent: foo bar"_ba, "User-Agent: FoO bAr"_ba}) {
        const QByteArray robots = line + "\nAllow: /x/\nDisallow: /\n";
        for (const auto &agent : {"Foo"_ba, "foo"_ba}) {
            QTest::addRow("%s as %s: /x/y", line.constData(), agent.constData())
                << robots << agent << u"http://foo.bar/x/y"_s << true;
            QTest::addRow("%s as %s: /a/b", line.constData(), agent.constData())
                << robots << agent << u"http://foo.bar/a/b"_s << false;
        }
    }

    const QByteArray crawlscope
        = "User-agent: *\nDisallow: /\nUser-agent: crawlscope\nDisallow: /private\n"_ba;
    QTest::newRow("whole User-Agent header as token")
        << crawlscope << "Crawlscope/0.1.0 (+https://example.com)"_ba << u"http://foo.bar/public"_s << true;
    QTest::newRow("token is not a prefix match") << "User-agent: Crawl\nDisallow: /\n"_ba
                                                 << "Crawlscope"_ba << u"http://foo.bar/x"_s << true;
    QTest::newRow("longer token is another agent") << "User-agent: Crawlscope-News\nDisallow: /\n"_ba
                                                   << "Crawlscope"_ba << u"http://foo.bar/x"_s << true;
    QTest::newRow("star and a name share a group") << "User-agent: FooBot\nUser-agent: *\nDisallow: /\n"_ba
                                                   << "QuxBot"_ba << u"http://foo.bar/x"_s << false;

    // google/robotstxt ID_LineSyntax_Groups: rules before the first user-agent belong to nobody, and blank
    // lines do not end a group.
    const QByteArray stray = "Disallow: /\n"
                             "\n"
                             "User-agent: FooBot\n"
                             "Disallow: /private\n"
                             "\n"
                             "\n"
                             "Disallow: /secret\n"_ba;
    addPath("rules before a group", stray, "/public", true);
    addPath("blank lines inside a group", stray, "/secret", false);
}

void TestRobotsRules::longestMatch_data()
{
    addAllowedColumns();

    // RFC 9309 5.2.
    const QByteArray rfc = "User-Agent: FooBot\n"
                           "Allow: /example/page/\n"
                           "Disallow: /example/page/disallowed.gif\n"_ba;
    addPath("rfc", rfc, "/example/page/", true);
    addPath("rfc", rfc, "/example/page/allowed.gif", true);
    addPath("rfc", rfc, "/example/page/disallowed.gif", false);

    addPath("longer disallow", "user-agent: FooBot\ndisallow: /x/page.html\nallow: /x/\n"_ba, "/x/page.html",
            false);
    const QByteArray longerAllow = "user-agent: FooBot\nallow: /x/page.html\ndisallow: /x/\n"_ba;
    addPath("longer allow", longerAllow, "/x/page.html", true);
    addPath("longer allow", longerAllow, "/x/", false);
    addPath("tie on empty", "user-agent: FooBot\ndisallow:\nallow:\n"_ba, "/x/page.html", true);
    addPath("tie on root", "user-agent: FooBot\ndisallow: /\nallow: /\n"_ba, "/x/page.html", true);
    addPath("tie on a page", "user-agent: FooBot\ndisallow: /x/page.html\nallow: /x/page.html\n"_ba,
            "/x/page.html", true);
    addPath("tie, allow first", "user-agent: FooBot\nallow: /folder\ndisallow: /folder\n"_ba, "/folder/page",
            true);
    const QByteArray slash = "user-agent: FooBot\ndisallow: /x\nallow: /x/\n"_ba;
    addPath("trailing slash", slash, "/x", false);
    addPath("trailing slash", slash, "/x/", true);
    const QByteArray wildcardLonger = "user-agent: FooBot\nallow: /page\ndisallow: /*.html\n"_ba;
    addPath("wildcard rule longer", wildcardLonger, "/page.html", false);
    addPath("wildcard rule longer", wildcardLonger, "/page", true);
    const QByteArray prefixLonger = "user-agent: FooBot\nallow: /x/page.\ndisallow: /*.html\n"_ba;
    addPath("prefix rule longer", prefixLonger, "/x/page.html", true);
    addPath("prefix rule longer", prefixLonger, "/x/y.html", false);
    const QByteArray rootOnly = "user-agent: FooBot\nallow: /$\ndisallow: /\n"_ba;
    addPath("anchor counts", rootOnly, "/", true);
    addPath("anchor counts", rootOnly, "/page.html", false);
    addPath("short allow", "user-agent: FooBot\nallow: /p\ndisallow: /\n"_ba, "/page", true);
}

void TestRobotsRules::specialCharacters_data()
{
    addAllowedColumns();

    // RFC 9309 2.2.3's table.
    const QByteArray exactly = "User-agent: FooBot\n"
                               "Disallow: /\n"
                               "Allow: /this/path/exactly$\n"
                               "Allow: /that/*/exactly\n"_ba;
    addPath("rfc dollar", exactly, "/this/path/exactly", true);
    addPath("rfc dollar", exactly, "/this/path/exactly/", false);
    addPath("rfc dollar", exactly, "/this/path/exactly?x", false);
    addPath("rfc star", exactly, "/that/path/exactly", true);
    addPath("rfc star", exactly, "/that/a/b/exactly.html", true);
    addPath("rfc star", exactly, "/that/exactly", false);

    // google/robotstxt ID_SpecialCharacters.
    const QByteArray star = "User-agent: FooBot\nDisallow: /shop/cart/pay\nAllow: /shop/*/pay\n"_ba;
    addPath("star", star, "/shop/cart/pay", false);
    addPath("star", star, "/shop/pay", true);
    addPath("star", star, "/shop//pay", true);
    addPath("star", star, "/shop/list/pay", true);
    const QByteArray dollar = "User-agent: FooBot\nDisallow: /shop/cart$\nAllow: /shop/cart/view\n"_ba;
    addPath("dollar", dollar, "/shop/cart", false);
    addPath("dollar", dollar, "/shop/cart/view", true);
    addPath("dollar", dollar, "/shop/cart/", true);
    addPath("dollar", dollar, "/shop/cart/other", true);
    const QByteArray hash = "User-agent: FooBot\n# Disallow: /\nDisallow: /shop/cart#pay\nAllow: /\n"_ba;
    addPath("hash", hash, "/shop/list", true);
    addPath("hash", hash, "/shop/cart", false);

    const QByteArray several = "User-agent: FooBot\nDisallow: /*a*b*c\n"_ba;
    addPath("several stars", several, "/xaybzc", false);
    addPath("several stars", several, "/abcabc", false);
    addPath("several stars", several, "/xacb", true);
    addPath("only a star", "User-agent: FooBot\nDisallow: *\n"_ba, "/anything", false);
    addPath("star then dollar", "User-agent: FooBot\nDisallow: /*$\n"_ba, "/anything?q", false);

    // RFC 9309 2.2.3: a rule spells a literal '*' or '$' percent-encoded.
    const QByteArray literal
        = "User-agent: FooBot\nDisallow: /path/file-with-a-%2A.html\nDisallow: /path/foo-%24\n"_ba;
    addPath("literal star", literal, "/path/file-with-a-*.html", false);
    addPath("literal star", literal, "/path/file-with-a-x.html", true);
    addPath("literal dollar", literal, "/path/foo-$", false);
    addPath("literal dollar", literal, "/path/foo-", true);
    const QByteArray innerDollar = "User-agent: FooBot\nDisallow: /a$b\n"_ba;
    addPath("dollar inside a rule is literal", innerDollar, "/a$b", false);
    addPath("dollar inside a rule is literal", innerDollar, "/a", true);
}

// The path table of Google's robots.txt documentation, which google/robotstxt also checks.
void TestRobotsRules::pathExamples_data()
{
    addAllowedColumns();

    const auto add = [](const char *rule, const char *path, bool allowed) {
        const QByteArray robots = "User-agent: FooBot\nDisallow: /\nAllow: "_ba + rule + '\n';
        QTest::addRow("%s: %s", rule, path)
            << robots << "FooBot"_ba << QString(u"http://foo.bar"_s + QLatin1StringView(path)) << allowed;
    };
    for (const char *rule : {"/fish", "/fish*"}) {
        add(rule, "/fish", true);
        add(rule, "/fish.html", true);
        add(rule, "/fish/salmon.html", true);
        add(rule, "/fishheads", true);
        add(rule, "/fishheads/yummy.html", true);
        add(rule, "/fish.php?id=anything", true);
        add(rule, "/Fish.asp", false);
        add(rule, "/catfish", false);
        add(rule, "/?id=fish", false);
        add(rule, "/desert/fish", false);
    }
    add("/fish/", "/fish/", true);
    add("/fish/", "/fish/?id=anything", true);
    add("/fish/", "/fish/salmon.htm", true);
    add("/fish/", "/fish", false);
    add("/fish/", "/fish.html", false);
    add("/fish/", "/animals/fish/", false);
    add("/fish/", "/Fish/Salmon.asp", false);
    add("/*.php", "/index.php", true);
    add("/*.php", "/filename.php", true);
    add("/*.php", "/folder/filename.php", true);
    add("/*.php", "/folder/filename.php?parameters", true);
    add("/*.php", "/folder/any.php.file.html", true);
    add("/*.php", "/filename.php/", true);
    add("/*.php", "/index?f=filename.php/", true);
    add("/*.php", "/", false);
    add("/*.php", "/windows.PHP", false);
    add("/*.php$", "/filename.php", true);
    add("/*.php$", "/folder/filename.php", true);
    add("/*.php$", "/filename.php?parameters", false);
    add("/*.php$", "/filename.php/", false);
    add("/*.php$", "/filename.php5", false);
    add("/*.php$", "/windows.PHP", false);
    add("/fish*.php", "/fish.php", true);
    add("/fish*.php", "/fishheads/catfish.php?parameters", true);
    add("/fish*.php", "/Fish.PHP", false);

    // google/robotstxt treats a trailing "index.html" as the directory; RFC 9309 has no such rule.
    add("/allowed-slash/index.html", "/allowed-slash/index.html", true);
    add("/allowed-slash/index.html", "/allowed-slash/", false);
    add("/allowed-slash/index.html", "/allowed-slash/index.htm", false);
    add("/allowed-slash/index.html", "/anyother-url", false);
}

void TestRobotsRules::encoding_data()
{
    addAllowedColumns();

    const auto add = [](const char *tag, const char *rule, const QString &url, bool allowed) {
        const QByteArray robots = "User-agent: FooBot\nDisallow: /\nAllow: "_ba + rule + '\n';
        QTest::newRow(tag) << robots << "FooBot"_ba << url << allowed;
    };
    add("query kept as written", "/foo/bar?qux=taz&baz=http://foo.bar?tar&par",
        u"http://foo.bar/foo/bar?qux=taz&baz=http://foo.bar?tar&par"_s, true);
    add("raw UTF-8 rule, encoded URL", "/foo/bar/\xE3\x83\x84", u"http://foo.bar/foo/bar/%E3%83%84"_s, true);
    add("raw UTF-8 rule, raw URL", "/foo/bar/\xE3\x83\x84", u"http://foo.bar/foo/bar/ツ"_s, true);
    add("encoded rule, raw URL", "/foo/bar/%E3%83%84", u"http://foo.bar/foo/bar/ツ"_s, true);
    add("encoded rule, encoded URL", "/foo/bar/%E3%83%84", u"http://foo.bar/foo/bar/%E3%83%84"_s, true);
    add("lower-case hex in the rule", "/foo/bar/%e3%83%84", u"http://foo.bar/foo/bar/%E3%83%84"_s, true);
    add("lower-case hex in the URL", "/foo/bar/%E3%83%84", u"http://foo.bar/foo/bar/%e3%83%84"_s, true);
    add("other character", "/foo/bar/%E3%83%84", u"http://foo.bar/foo/bar/%E3%83%85"_s, false);
    // RFC 9309 2.2.2's table, where google/robotstxt differs: escaped unreserved octets are decoded.
    add("unreserved escapes in the rule", "/foo/bar/%62%61%7A", u"http://foo.bar/foo/bar/baz"_s, true);
    add("unreserved escapes in the URL", "/foo/bar/baz", u"http://foo.bar/foo/bar/%62%61%7A"_s, true);
    add("escaped slash is not a slash", "/a%2Fb", u"http://foo.bar/a/b"_s, false);
    add("escaped slash matches itself", "/a%2Fb", u"http://foo.bar/a%2fb"_s, true);
    add("space in the rule", "/a b", u"http://foo.bar/a%20b"_s, true);
    add("stray percent", "/100%", u"http://foo.bar/100%25"_s, true);
    add("query is case-sensitive", "/search?q=Fish", u"http://foo.bar/search?q=fish"_s, false);
}

void TestRobotsRules::lineSyntax_data()
{
    addAllowedColumns();

    // google/robotstxt ID_REPLineNamesCaseInsensitive and ID_AllowDisallow_Value_CaseSensitive.
    for (const auto &robots : {"USER-AGENT: FooBot\nALLOW: /x/\nDISALLOW: /\n"_ba,
                               "user-agent: FooBot\nallow: /x/\ndisallow: /\n"_ba,
                               "uSeR-aGeNt: FooBot\nAlLoW: /x/\ndIsAlLoW: /\n"_ba}) {
        addPath(robots.left(10).constData(), robots, "/x/y", true);
        addPath(robots.left(10).constData(), robots, "/a/b", false);
    }
    addPath("lower-case rule", "user-agent: FooBot\ndisallow: /x/\n"_ba, "/x/y", false);
    addPath("upper-case rule", "user-agent: FooBot\ndisallow: /X/\n"_ba, "/x/y", true);

    addPath("missing colon ignored", "user-agent FooBot\ndisallow /\n"_ba, "/x/y", true);
    addPath("unknown fields ignored", "foo: FooBot\nbar: /\n"_ba, "/x/y", true);
    const QByteArray unknownInGroup = "User-agent: FooBot\n"
                                      "Noindex: /x/\n"
                                      "Sitemap: http://foo.bar/sitemap.xml\n"
                                      "Disallow: /y/\n"_ba;
    addPath("unknown lines keep the group", unknownInGroup, "/x/", true);
    addPath("unknown lines keep the group", unknownInGroup, "/y/", false);
    const QByteArray spaced = "  User-agent  :  FooBot  \n\tDisallow\t:\t/x/ \t\n"_ba;
    addPath("whitespace around", spaced, "/x/y", false);
    addPath("whitespace around", spaced, "/y", true);
    addPath("no space after the colon", "User-agent:FooBot\nDisallow:/x/\n"_ba, "/x/y", false);

    // Only "bar" is disallowed; were a line break missed, "bar" would name no group at all.
    const QByteArray lines[]
        = {"User-Agent: foo\n"_ba, "Allow: /some/path\n"_ba, "User-Agent: bar\n"_ba, "\n"_ba, "\n"_ba,
           "Disallow: /\n"_ba};
    const auto join = [&](const QByteArray &eol, bool finalEol) {
        QByteArray text;
        for (const auto &line : lines)
            text += line.chopped(1) + eol;
        return finalEol ? text : text.chopped(eol.size());
    };
    const QList<std::pair<const char *, QByteArray>> endings = {
        {"LF", join("\n"_ba, true)},
        {"CRLF", join("\r\n"_ba, true)},
        {"CR", join("\r"_ba, true)},
        {"no final line break", join("\n"_ba, false)},
        {"mixed", "User-Agent: foo\nAllow: /some/path\r\nUser-Agent: bar\n\r\n\rDisallow: /\r\n"_ba},
    };
    for (const auto &[name, robots] : endings) {
        QTest::addRow("%s: bar /x", name) << robots << "bar"_ba << u"http://foo.bar/x"_s << false;
        QTest::addRow("%s: foo /x", name) << robots << "foo"_ba << u"http://foo.bar/x"_s << true;
    }

    const QByteArray comments = "# robots.txt for foo.bar\n"
                                "User-agent: FooBot # the only one\n"
                                "#Disallow: /\n"
                                "Disallow: /x#y\n"
                                "   # indented comment\n"_ba;
    addPath("comments", comments, "/x/z", false);
    addPath("comments", comments, "/y", true);
    addPath("BOM", "\xEF\xBB\xBFUser-agent: FooBot\nDisallow: /\n"_ba, "/x", false);
    addPath("BOM before a comment", "\xEF\xBB\xBF# hi\nUser-agent: FooBot\nDisallow: /\n"_ba, "/x", false);

    addPath("empty disallow", "User-agent: *\nDisallow:\n"_ba, "/x", true);
    addPath("empty disallow in our group", "User-agent: FooBot\nDisallow:\n\nUser-agent: *\nDisallow: /\n"_ba,
            "/x", true);

    const QByteArray everything = "User-agent: *\nDisallow: /\n"_ba;
    addPath("robots.txt always allowed", everything, "/robots.txt", true);
    addPath("robots.txt always allowed", everything, "/robots.txt?v=2", true);
    addPath("robots.txt always allowed", everything, "/robots.txt.bak", false);
    addPath("robots.txt always allowed", everything, "/sub/robots.txt", false);
    QTest::newRow("empty path is /") << "User-agent: *\nAllow: /$\nDisallow: /\n"_ba
                                     << "FooBot"_ba << u"http://foo.bar"_s << true;
    QTest::newRow("fragment ignored") << "User-agent: *\nAllow: /$\nDisallow: /\n"_ba
                                      << "FooBot"_ba << u"http://foo.bar/#top"_s << true;
}

void TestRobotsRules::crawlDelay_data()
{
    QTest::addColumn<QByteArray>("robots");
    QTest::addColumn<QByteArray>("agent");
    QTest::addColumn<int>("expectedMs"); // -1 for none

    QTest::newRow("integer") << "User-agent: *\nCrawl-delay: 10\n"_ba
                             << "FooBot"_ba << 10'000;
    QTest::newRow("fraction") << "User-agent: *\nCrawl-delay: 0.5\n"_ba
                              << "FooBot"_ba << 500;
    QTest::newRow("fraction rounded") << "User-agent: *\nCrawl-delay: 1.2345\n"_ba
                                      << "FooBot"_ba << 1235;
    QTest::newRow("zero") << "User-agent: *\nCrawl-delay: 0\n"_ba
                          << "FooBot"_ba << 0;
    QTest::newRow("field name any case") << "User-agent: *\nCRAWL-DELAY: 3\n"_ba
                                         << "FooBot"_ba << 3000;
    QTest::newRow("comment after") << "User-agent: *\nCrawl-delay: 2 # seconds\n"_ba
                                   << "FooBot"_ba << 2000;
    QTest::newRow("words") << "User-agent: *\nCrawl-delay: soon\n"_ba
                           << "FooBot"_ba << -1;
    QTest::newRow("unit") << "User-agent: *\nCrawl-delay: 10s\n"_ba
                          << "FooBot"_ba << -1;
    QTest::newRow("negative") << "User-agent: *\nCrawl-delay: -1\n"_ba
                              << "FooBot"_ba << -1;
    QTest::newRow("empty") << "User-agent: *\nCrawl-delay:\n"_ba
                           << "FooBot"_ba << -1;
    QTest::newRow("infinite") << "User-agent: *\nCrawl-delay: inf\n"_ba
                              << "FooBot"_ba << -1;
    QTest::newRow("not a number") << "User-agent: *\nCrawl-delay: nan\n"_ba
                                  << "FooBot"_ba << -1;
    QTest::newRow("too large") << "User-agent: *\nCrawl-delay: 1e12\n"_ba
                               << "FooBot"_ba << -1;
    QTest::newRow("invalid then valid") << "User-agent: *\nCrawl-delay: x\nCrawl-delay: 4\n"_ba
                                        << "FooBot"_ba << 4000;
    QTest::newRow("first valid wins") << "User-agent: *\nCrawl-delay: 1\nCrawl-delay: 2\n"_ba
                                      << "FooBot"_ba << 1000;
    QTest::newRow("none") << "User-agent: *\nDisallow: /x\n"_ba
                          << "FooBot"_ba << -1;
    QTest::newRow("outside any group") << "Crawl-delay: 3\nUser-agent: *\nDisallow:\n"_ba
                                       << "FooBot"_ba << -1;

    const QByteArray perGroup = "User-agent: *\nCrawl-delay: 5\n"
                                "User-agent: FooBot\nCrawl-delay: 1.5\n"
                                "User-agent: BarBot\nDisallow: /x\n"_ba;
    QTest::newRow("our group") << perGroup << "FooBot"_ba << 1500;
    QTest::newRow("star group") << perGroup << "QuxBot"_ba << 5000;
    QTest::newRow("our group has none") << perGroup << "BarBot"_ba << -1;
    QTest::newRow("merged groups")
        << "User-agent: FooBot\nDisallow: /x\n\nUser-agent: FooBot\nCrawl-delay: 7\n"_ba
        << "FooBot"_ba << 7000;
}

void TestRobotsRules::crawlDelay()
{
    QFETCH(QByteArray, robots);
    QFETCH(QByteArray, agent);
    QFETCH(int, expectedMs);

    const std::optional<int> delay = RobotsRules::parse(robots, agent).crawlDelayMs();
    QCOMPARE(delay.value_or(-1), expectedMs);
}

void TestRobotsRules::sitemaps_data()
{
    QTest::addColumn<QByteArray>("robots");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("none") << "User-agent: *\nDisallow:\n"_ba << QStringList();
    QTest::newRow("one") << "Sitemap: https://example.com/sitemap.xml\n"_ba
                         << QStringList {u"https://example.com/sitemap.xml"_s};
    QTest::newRow("in and out of groups, any case")
        << "SITEMAP: http://example.com/a.xml\n"
           "User-agent: FooBot\n"
           "sitemap: http://example.com/b.xml # news\n"
           "Disallow: /\n"
           "Sitemap:https://cdn.example.net/c.xml.gz\n"_ba
        << QStringList {u"http://example.com/a.xml"_s, u"http://example.com/b.xml"_s,
                        u"https://cdn.example.net/c.xml.gz"_s};
    QTest::newRow("duplicates once")
        << "Sitemap: https://example.com/s.xml\nSitemap: https://example.com/s.xml\n"_ba
        << QStringList {u"https://example.com/s.xml"_s};
    QTest::newRow("relative, other scheme and empty ignored")
        << "Sitemap: /sitemap.xml\nSitemap: ftp://example.com/s.xml\nSitemap:\nSitemap: https://example.com/ok.xml\n"_ba
        << QStringList {u"https://example.com/ok.xml"_s};
}

void TestRobotsRules::sitemaps()
{
    QFETCH(QByteArray, robots);
    QFETCH(QStringList, expected);

    QStringList actual;
    for (const auto &url : RobotsRules::parse(robots, "FooBot"_ba).sitemaps())
        actual.append(url.toString());
    QCOMPARE(actual, expected);
}

void TestRobotsRules::readsOnlyFirst500KiB_data()
{
    QTest::addColumn<QByteArray>("robots");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("allowed");

    const qsizetype limit = RobotsRules::MaxBodyBytes;
    const QByteArray head = "User-agent: *\nDisallow: /early\n"_ba;

    const QByteArray late = paddedTo(limit, head, QByteArray()) + "Disallow: /late\n";
    QTest::newRow("rule inside the limit") << late << u"/early"_s << false;
    QTest::newRow("rule after the limit") << late << u"/late"_s << true;

    // Cut at the limit, this line would read "Disallow: /" and block everything.
    const QByteArray straddling = paddedTo(limit, head, "Disallow: /"_ba) + "private/\n";
    QTest::newRow("line across the limit is dropped") << straddling << u"/public"_s << true;
    QTest::newRow("line across the limit is not half-read") << straddling << u"/private/x"_s << true;

    const QByteArray lastFits = paddedTo(limit, head, "Disallow: /private/"_ba) + "\nDisallow: /other\n";
    QTest::newRow("line ending at the limit is kept") << lastFits << u"/private/x"_s << false;
    QTest::newRow("line after it is not") << lastFits << u"/other"_s << true;
}

void TestRobotsRules::readsOnlyFirst500KiB()
{
    QFETCH(QByteArray, robots);
    QFETCH(QString, path);
    QFETCH(bool, allowed);

    QVERIFY(robots.size() > RobotsRules::MaxBodyBytes);
    QCOMPARE(RobotsRules::parse(robots, "FooBot"_ba).isAllowed(QUrl(u"http://foo.bar"_s + path)), allowed);
}

void TestRobotsRules::allowAllAndDisallowAll()
{
    const RobotsRules open = RobotsRules::allowAll();
    QVERIFY(open.isAllowed(QUrl(u"http://foo.bar/"_s)));
    QVERIFY(open.isAllowed(QUrl(u"http://foo.bar/private/x?y=1"_s)));
    QVERIFY(!open.crawlDelayMs());
    QVERIFY(open.sitemaps().isEmpty());

    const RobotsRules closed = RobotsRules::disallowAll();
    QVERIFY(!closed.isAllowed(QUrl(u"http://foo.bar/"_s)));
    QVERIFY(!closed.isAllowed(QUrl(u"http://foo.bar"_s)));
    QVERIFY(!closed.isAllowed(QUrl(u"http://foo.bar/private/x?y=1"_s)));
    QVERIFY(closed.isAllowed(QUrl(u"http://foo.bar/robots.txt"_s)));
    QVERIFY(!closed.crawlDelayMs());
    QVERIFY(closed.sitemaps().isEmpty());
}

QTEST_GUILESS_MAIN(TestRobotsRules)
#include "tst_robotsrules.moc"
