#include "crawler/linkextractor.h"
#include "demoserver/demoserver.h"
#include "demoserver/demosite.h"
#include "demositeoracle.h"
#include "replywait.h"

#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <deque>
#include <memory>

namespace {

using ReplyWait::WaitMs;
const QByteArray HtmlType = QByteArrayLiteral("text/html; charset=utf-8");

using ReplyWait::finished;
using ReplyWait::statusOf;

// The hrefs exactly as DemoSite writes them, to check the markup itself (duplicate forms, nofollow, base,
// refresh). Following links, as a crawler does, goes through the real HTML5 link extractor instead.
struct Links
{
    QStringList follow;
    QStringList nofollow;
    QString base;
    QString refresh;
};

Links linksOf(const QByteArray &html)
{
    Links links;
    const QString text = QString::fromUtf8(html);
    static const QRegularExpression anchor(QStringLiteral("<a href=\"([^\"]*)\"( rel=\"nofollow\")?>"));
    for (auto it = anchor.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        (match.capturedLength(2) > 0 ? links.nofollow : links.follow).append(match.captured(1));
    }
    static const QRegularExpression base(QStringLiteral("<base href=\"([^\"]*)\">"));
    links.base = base.match(text).captured(1);
    static const QRegularExpression refresh(
        QStringLiteral("<meta http-equiv=\"refresh\" content=\"0; url=([^\"]*)\">"));
    links.refresh = refresh.match(text).captured(1);
    return links;
}

// The list between the markers of ENDPOINTS.md, one `path` per bullet.
QStringList documentedPoliteSet()
{
    QFile file(QStringLiteral(CRAWLSCOPE_ENDPOINTS_MD));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(file.readAll());
    const qsizetype begin = text.indexOf(QStringLiteral("<!-- polite-set-begin -->"));
    const qsizetype end = text.indexOf(QStringLiteral("<!-- polite-set-end -->"));
    if (begin < 0 || end < begin)
        return {};
    QStringList paths;
    static const QRegularExpression item(QStringLiteral("^- `([^`]+)`"), QRegularExpression::MultilineOption);
    for (auto it = item.globalMatch(text.mid(begin, end - begin)); it.hasNext();)
        paths.append(it.next().captured(1));
    return paths;
}

} // namespace

class TestDemoSite : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void robotsTxt();
    void robotsRules_data();
    void robotsRules();
    void pages_data();
    void pages();
    void homeLinks();
    void specialMarkup();
    void dotSegmentsAreResolved();
    void calendarTrapIsEndless();
    void sessionTrapIsEndless();
    void busyIs429ThenOk();
    void redirectChainEndsAtAbout();
    void redirectIsFollowed();
    void slowPageIsLate();
    void head_data();
    void head();
    void expectedSet();
    void expectedSetIsDocumented();
    void liveCrawlMatchesExpectedSet();

private:
    std::unique_ptr<QNetworkReply> send(const QString &target, const QByteArray &verb = "GET",
                                        QNetworkRequest::RedirectPolicy policy
                                        = QNetworkRequest::ManualRedirectPolicy);
    QString origin() const { return m_server.baseUrl().toString(); }

    DemoServer m_server;
    QNetworkAccessManager m_manager;
};

std::unique_ptr<QNetworkReply> TestDemoSite::send(const QString &target, const QByteArray &verb,
                                                  QNetworkRequest::RedirectPolicy policy)
{
    // Appended rather than resolved, so that a target is sent as written.
    QNetworkRequest request(QUrl(origin() + target));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, policy);
    return std::unique_ptr<QNetworkReply>(verb == "HEAD" ? m_manager.head(request) : m_manager.get(request));
}

void TestDemoSite::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(0, &error), qPrintable(error));
}

void TestDemoSite::robotsTxt()
{
    const auto reply = send(QStringLiteral("/robots.txt"));
    QVERIFY(finished(reply.get()));
    QCOMPARE(statusOf(reply.get()), 200);
    QCOMPARE(reply->rawHeader("Content-Type"), QByteArray("text/plain; charset=utf-8"));
    const QByteArray body = reply->readAll();
    QCOMPARE(body, DemoSite::robotsTxt());
    QCOMPARE(body,
             QByteArray("# Crawlscope demo server; see ENDPOINTS.md.\n"
                        "User-agent: *\n"
                        "Disallow: /site/private/\n"
                        "Disallow: /site/*.pdf$\n"
                        "Allow: /site/private/open.html\n"
                        "Crawl-delay: 0.2\n"
                        "\n"
                        "User-agent: BadBot\n"
                        "Disallow: /\n"));
}

void TestDemoSite::robotsRules_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("home") << QStringLiteral("/site/") << true;
    QTest::newRow("private folder") << QStringLiteral("/site/private/") << false;
    QTest::newRow("secret") << QStringLiteral("/site/private/secret.html") << false;
    QTest::newRow("open: longer Allow wins") << QStringLiteral("/site/private/open.html") << true;
    QTest::newRow("pdf") << QStringLiteral("/site/report.pdf") << false;
    QTest::newRow("pdf in a subfolder") << QStringLiteral("/site/docs/x.pdf") << false;
    QTest::newRow("pdf with query: $ anchors") << QStringLiteral("/site/report.pdf?v=2") << true;
    QTest::newRow("csv") << QStringLiteral("/site/data.csv") << true;
    QTest::newRow("outside site") << QStringLiteral("/report.pdf") << true;
    QTest::newRow("case-sensitive") << QStringLiteral("/site/Private/secret.html") << true;
}

void TestDemoSite::robotsRules()
{
    QFETCH(QString, path);
    QFETCH(bool, allowed);
    QCOMPARE(DemoSiteOracle::isAllowedByRobots(path), allowed);
}

void TestDemoSite::pages_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QString>("title");

    const auto page = [](const char *target, const char *title, int status = 200) {
        QTest::newRow(target) << QString::fromLatin1(target) << status << HtmlType
                              << QString::fromLatin1(title);
    };
    page("/site/", "Crawlscope demo site");
    page("/site/about.html", "About us");
    page("/site/blog/", "Blog");
    for (int n = 1; n <= 5; ++n) {
        const QByteArray target = "/site/blog/post-" + QByteArray::number(n) + ".html";
        const QByteArray title = "Post " + QByteArray::number(n);
        page(target.constData(), title.constData());
    }
    page("/site/docs/", "Documentation");
    page("/site/docs/a/", "Part A");
    page("/site/docs/a/b/", "Part B");
    page("/site/docs/a/b/c.html", "Chapter C");
    page("/site/docs/guide.html", "Guide");
    page("/site/private/secret.html", "Secret");
    page("/site/private/open.html", "Open");
    page("/site/missing.html", "404 Not Found", 404);
    page("/site/About.html", "404 Not Found", 404);
    page("/site/guide.html", "404 Not Found", 404);
    page("/site/calendar/2026-01", "Calendar: January 2026");
    page("/site/calendar/2026-01/15", "15 January 2026");
    page("/site/calendar/2026-02/30", "404 Not Found", 404);
    page("/site/calendar/2026-13", "404 Not Found", 404);
    page("/site/session?sid=7", "Session 7");
    page("/site/session?sid=x", "404 Not Found", 404);
    page("/site/session", "404 Not Found", 404);
    page("/site/nofollow.html", "Sponsored links");
    page("/site/hidden.html", "Hidden");
    page("/site/base.html", "Base URL");
    page("/site/refresh.html", "Refreshing");
    page("/site/patience.html", "Patience");
    page("/site/redirect-me", "301 Moved Permanently", 301);
    page("/site/redirect-hop", "301 Moved Permanently", 301);
    page("/site", "301 Moved Permanently", 301);

    QTest::newRow("pdf") << QStringLiteral("/site/report.pdf") << 200 << QByteArray("application/pdf")
                         << QString();
    QTest::newRow("csv") << QStringLiteral("/site/data.csv") << 200 << QByteArray("text/csv; charset=utf-8")
                         << QString();
}

void TestDemoSite::pages()
{
    QFETCH(QString, target);
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QString, title);

    const auto reply = send(target);
    QVERIFY(finished(reply.get()));
    QCOMPARE(statusOf(reply.get()), status);
    QCOMPARE(reply->rawHeader("Content-Type"), contentType);
    const QByteArray body = reply->readAll();
    QCOMPARE(reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(), body.size());
    if (contentType == HtmlType) {
        QVERIFY(body.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
        QVERIFY(body.endsWith("</html>\n"));
        const QByteArray titleElement = "<title>" + title.toHtmlEscaped().toUtf8() + "</title>";
        QVERIFY2(body.contains(titleElement), body.constData());
    } else if (contentType == "application/pdf") {
        QVERIFY(body.startsWith("%PDF-"));
    } else {
        QVERIFY(body.startsWith("month,visits\r\n"));
    }
}

void TestDemoSite::homeLinks()
{
    const auto reply = send(QStringLiteral("/site/"));
    QVERIFY(finished(reply.get()));
    const Links links = linksOf(reply->readAll());
    const QStringList expected {
        QStringLiteral("/site/about.html"),
        QStringLiteral("/site/blog/"),
        QStringLiteral("/site/docs/"),
        QStringLiteral("/site/private/secret.html"),
        QStringLiteral("/site/private/open.html"),
        QStringLiteral("/site/report.pdf"),
        QStringLiteral("/site/data.csv"),
        QStringLiteral("/site/redirect-me"),
        QStringLiteral("/site/missing.html"),
        QStringLiteral("./about.html"),
        QStringLiteral("/site/./about.html"),
        QStringLiteral("/site/about.html#team"),
        // The Host the manager sent, which is the authority of the base URL.
        QStringLiteral("HTTP://127.0.0.1:%1/site/about.html").arg(m_server.port()),
        QStringLiteral("/site/calendar/2026-01"),
        QStringLiteral("/site/session?sid=1"),
        QStringLiteral("/site/busy.html"),
        QStringLiteral("/site/nofollow.html"),
        QStringLiteral("/site/base.html"),
        QStringLiteral("/site/refresh.html"),
        QStringLiteral("/site/slow.html"),
    };
    QCOMPARE(links.follow, expected);
    QVERIFY(links.nofollow.isEmpty());
}

void TestDemoSite::specialMarkup()
{
    auto reply = send(QStringLiteral("/site/nofollow.html"));
    QVERIFY(finished(reply.get()));
    Links links = linksOf(reply->readAll());
    QCOMPARE(links.nofollow, QStringList {QStringLiteral("/site/hidden.html")});
    QCOMPARE(links.follow, QStringList {QStringLiteral("/site/about.html")});

    reply = send(QStringLiteral("/site/base.html"));
    QVERIFY(finished(reply.get()));
    links = linksOf(reply->readAll());
    QCOMPARE(links.base, QStringLiteral("/site/docs/"));
    QCOMPARE(links.follow, QStringList {QStringLiteral("guide.html")});

    reply = send(QStringLiteral("/site/refresh.html"));
    QVERIFY(finished(reply.get()));
    links = linksOf(reply->readAll());
    QCOMPARE(links.refresh, QStringLiteral("/site/about.html"));
    QVERIFY(links.follow.isEmpty());
}

void TestDemoSite::dotSegmentsAreResolved()
{
    // A raw socket, because a client library may remove the dot segment itself.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server.port());
    QVERIFY(socket.waitForConnected(WaitMs));
    socket.write("GET /site/./blog/../about.html HTTP/1.0\r\n\r\n");
    QVERIFY(
        QTest::qWaitFor([&socket] { return socket.state() == QAbstractSocket::UnconnectedState; }, WaitMs));
    const QByteArray response = socket.readAll();
    QVERIFY2(response.startsWith("HTTP/1.1 200 OK\r\n"), response.constData());
    QVERIFY(response.contains("<title>About us</title>"));

    // Without a Host header, the absolute link names the address the client reached.
    QTcpSocket home;
    home.connectToHost(QHostAddress::LocalHost, m_server.port());
    QVERIFY(home.waitForConnected(WaitMs));
    home.write("GET /site/ HTTP/1.0\r\n\r\n");
    QVERIFY(QTest::qWaitFor([&home] { return home.state() == QAbstractSocket::UnconnectedState; }, WaitMs));
    QVERIFY(home.readAll().contains(
        QStringLiteral("\"HTTP://127.0.0.1:%1/site/about.html\"").arg(m_server.port()).toUtf8()));
}

void TestDemoSite::calendarTrapIsEndless()
{
    for (const auto &[direction, hops] :
         {std::pair {QStringLiteral("Next month"), 30}, std::pair {QStringLiteral("Previous month"), 30}}) {
        QString target = QStringLiteral("/site/calendar/2026-01");
        QSet<QString> visited {target};
        for (int hop = 0; hop < hops; ++hop) {
            const auto reply = send(target);
            QVERIFY(finished(reply.get()));
            QCOMPARE(statusOf(reply.get()), 200);
            const QString html = QString::fromUtf8(reply->readAll());
            const QRegularExpression next(QStringLiteral("<a href=\"([^\"]*)\">") + direction + u'<');
            const auto match = next.match(html);
            QVERIFY2(match.hasMatch(), qPrintable(target));
            target = match.captured(1);
            QVERIFY2(!visited.contains(target), qPrintable(target));
            visited.insert(target);
        }
        QCOMPARE(target,
                 direction.startsWith(u'N') ? QStringLiteral("/site/calendar/2028-07")
                                            : QStringLiteral("/site/calendar/2023-07"));
    }

    const auto reply = send(QStringLiteral("/site/calendar/2026-12"));
    QVERIFY(finished(reply.get()));
    const Links links = linksOf(reply->readAll());
    QCOMPARE(links.follow,
             QStringList({QStringLiteral("/site/calendar/2026-11"), QStringLiteral("/site/calendar/2027-01"),
                          QStringLiteral("/site/calendar/2026-12/01"),
                          QStringLiteral("/site/calendar/2026-12/15")}));
}

void TestDemoSite::sessionTrapIsEndless()
{
    QString target = QStringLiteral("/site/session?sid=1");
    for (int sid = 1; sid <= 10; ++sid) {
        QCOMPARE(target, QStringLiteral("/site/session?sid=%1").arg(sid));
        const auto reply = send(target);
        QVERIFY(finished(reply.get()));
        QCOMPARE(statusOf(reply.get()), 200);
        target = linksOf(reply->readAll()).follow.value(0);
    }
}

void TestDemoSite::busyIs429ThenOk()
{
    auto reply = send(QStringLiteral("/site/busy.html"));
    QVERIFY(finished(reply.get()));
    QCOMPARE(statusOf(reply.get()), 429);
    QCOMPARE(reply->rawHeader("Retry-After"), QByteArray("1"));
    QCOMPARE(reply->rawHeader("Content-Type"), HtmlType);

    for (int i = 0; i < 2; ++i) {
        reply = send(QStringLiteral("/site/busy.html"));
        QVERIFY(finished(reply.get()));
        QCOMPARE(statusOf(reply.get()), 200);
        QVERIFY(!reply->hasRawHeader("Retry-After"));
        QVERIFY(linksOf(reply->readAll()).follow.contains(QStringLiteral("/site/patience.html")));
    }

    // Only the first request since the server started is refused, so a new server refuses again.
    DemoServer other;
    QVERIFY(other.start());
    reply.reset(
        m_manager.get(QNetworkRequest(other.baseUrl().resolved(QUrl(QStringLiteral("/site/busy.html"))))));
    QVERIFY(finished(reply.get()));
    QCOMPARE(statusOf(reply.get()), 429);
}

void TestDemoSite::redirectChainEndsAtAbout()
{
    auto reply = send(QStringLiteral("/site/redirect-me"));
    QVERIFY(finished(reply.get()));
    QCOMPARE(statusOf(reply.get()), 301);
    QCOMPARE(reply->rawHeader("Location"), QByteArray("/site/redirect-hop"));

    reply = send(QStringLiteral("/site/redirect-hop"));
    QVERIFY(finished(reply.get()));
    QCOMPARE(statusOf(reply.get()), 301);
    QCOMPARE(reply->rawHeader("Location"), QByteArray("/site/about.html"));
}

void TestDemoSite::redirectIsFollowed()
{
    const auto reply
        = send(QStringLiteral("/site/redirect-me"), "GET", QNetworkRequest::NoLessSafeRedirectPolicy);
    QSignalSpy redirected(reply.get(), &QNetworkReply::redirected);
    QVERIFY(finished(reply.get()));
    QCOMPARE(redirected.size(), 2);
    QCOMPARE(statusOf(reply.get()), 200);
    QCOMPARE(reply->url(), QUrl(origin() + QStringLiteral("/site/about.html")));
}

void TestDemoSite::slowPageIsLate()
{
    QElapsedTimer timer;
    timer.start();
    const auto reply = send(QStringLiteral("/site/slow.html"));
    QVERIFY(finished(reply.get()));
    QVERIFY(timer.elapsed() >= DemoSite::SlowDelayMs); // a lower bound only
    QCOMPARE(statusOf(reply.get()), 200);
}

void TestDemoSite::head_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<int>("status");
    QTest::newRow("home") << QStringLiteral("/site/") << 200;
    QTest::newRow("pdf") << QStringLiteral("/site/report.pdf") << 200;
    QTest::newRow("robots") << QStringLiteral("/robots.txt") << 200;
    QTest::newRow("missing") << QStringLiteral("/site/missing.html") << 404;
    QTest::newRow("redirect") << QStringLiteral("/site/redirect-me") << 301;
    QTest::newRow("calendar") << QStringLiteral("/site/calendar/2026-01") << 200;
}

void TestDemoSite::head()
{
    QFETCH(QString, target);
    QFETCH(int, status);
    const auto get = send(target);
    const auto head = send(target, "HEAD");
    QVERIFY(finished(get.get()));
    QVERIFY(finished(head.get()));
    QCOMPARE(statusOf(head.get()), status);
    QCOMPARE(head->rawHeader("Content-Type"), get->rawHeader("Content-Type"));
    QCOMPARE(head->rawHeader("Content-Length"), QByteArray::number(get->readAll().size()));
    QVERIFY(head->readAll().isEmpty());
}

void TestDemoSite::expectedSet()
{
    const QStringList paths = DemoSiteOracle::expectedPolitePaths();
    QCOMPARE(paths.size(), 52);
    QVERIFY(paths.size() < DemoSite::PolitePageLimit);
    for (const char *included :
         {"/site/", "/site/about.html", "/site/blog/post-5.html", "/site/docs/a/b/c.html",
          "/site/docs/guide.html", "/site/private/open.html", "/site/data.csv", "/site/redirect-me",
          "/site/redirect-hop", "/site/missing.html", "/site/busy.html", "/site/patience.html",
          "/site/calendar/2025-09", "/site/calendar/2026-05", "/site/calendar/2026-04/15",
          "/site/session?sid=5", "/site/slow.html"})
        QVERIFY2(paths.contains(QString::fromLatin1(included)), included);
    for (const char *excluded :
         {"/site/private/secret.html", "/site/report.pdf", "/site/hidden.html", "/site/guide.html",
          "/site/calendar/2025-08", "/site/calendar/2026-05/01", "/site/session?sid=6", "/site/./about.html"})
        QVERIFY2(!paths.contains(QString::fromLatin1(excluded)), excluded);

    // Depth 0 is the home page alone; each further level only adds pages.
    QCOMPARE(DemoSiteOracle::expectedPolitePaths(0), QStringList {QStringLiteral("/site/")});
    for (int depth = 1; depth <= 8; ++depth) {
        const QStringList shallower = DemoSiteOracle::expectedPolitePaths(depth - 1);
        const QStringList deeper = DemoSiteOracle::expectedPolitePaths(depth);
        QVERIFY(deeper.size() > shallower.size());
        for (const QString &path : shallower)
            QVERIFY(deeper.contains(path));
    }
}

void TestDemoSite::expectedSetIsDocumented()
{
    QCOMPARE(documentedPoliteSet(), DemoSiteOracle::expectedPolitePaths(DemoSite::PoliteMaxDepth));
}

void TestDemoSite::liveCrawlMatchesExpectedSet()
{
    // A polite crawl over what the server really sends, so that the rendered pages and the table agree.
    // busyIs429ThenOk has run, so busy.html answers 200 here.
    const QUrl start(origin() + QStringLiteral("/site/"));
    const auto key = [](const QUrl &url) {
        return url.toString(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::FullyEncoded);
    };
    QStringList fetched;
    QSet<QString> seen;
    std::deque<std::pair<QUrl, int>> queue;
    const auto enqueue = [&](const QUrl &url, int depth) {
        const QUrl normal = url.adjusted(QUrl::RemoveFragment | QUrl::NormalizePathSegments);
        if (normal.scheme() != start.scheme() || normal.authority() != start.authority()
            || depth > DemoSite::PoliteMaxDepth || seen.contains(key(normal)))
            return;
        seen.insert(key(normal));
        queue.emplace_back(normal, depth);
    };
    enqueue(start, 0);
    while (!queue.empty()) {
        const auto [url, depth] = queue.front();
        queue.pop_front();
        if (!DemoSiteOracle::isAllowedByRobots(key(url)))
            continue;
        fetched.append(key(url));
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        const std::unique_ptr<QNetworkReply> reply(m_manager.get(request));
        QVERIFY(finished(reply.get()));
        const int status = statusOf(reply.get());
        if (status == 301) {
            enqueue(url.resolved(QUrl::fromEncoded(reply->rawHeader("Location"))), depth);
            continue;
        }
        if (status != 200 || reply->rawHeader("Content-Type") != HtmlType)
            continue;
        // The crawler's own HTML5 link extraction: <base>, meta refresh and rel=nofollow included.
        for (const ExtractedLink &link : extractLinks(reply->readAll(), url))
            enqueue(link.url, depth + 1);
    }
    fetched.sort();
    QCOMPARE(fetched, DemoSiteOracle::expectedPolitePaths());
}

QTEST_GUILESS_MAIN(TestDemoSite)
#include "tst_demosite.moc"
