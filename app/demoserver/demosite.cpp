#include "demosite.h"

#include <QDate>
#include <QHash>
#include <QLocale>
#include <QUrl>
#include <QUrlQuery>

#include <limits>
#include <utility>

namespace {

const QByteArray HtmlType = QByteArrayLiteral("text/html; charset=utf-8");

// Years of four digits keep every month path the same shape; the trap still has ~96000 months each way.
constexpr int MinYear = 1000;
constexpr int MaxYear = 9999;
constexpr int CalendarDays[] = {1, 15};

DemoSite::Page htmlPage(const QString &title, const QString &text, QList<DemoSite::Link> links = {})
{
    DemoSite::Page page;
    page.contentType = HtmlType;
    page.title = title;
    page.text = text;
    page.links = std::move(links);
    return page;
}

DemoSite::Page redirectPage(const QString &location)
{
    DemoSite::Page page
        = htmlPage(QStringLiteral("301 Moved Permanently"), QStringLiteral("<p>This page has moved.</p>"));
    page.status = 301;
    page.location = location;
    return page;
}

DemoSite::Page missingPage(const QString &path)
{
    // No links here: a crawler should not need to parse error pages, and none can lead out of /site/.
    DemoSite::Page page = htmlPage(
        QStringLiteral("404 Not Found"),
        QStringLiteral("<p>There is no page at <code>%1</code> on this site.</p>").arg(path.toHtmlEscaped()));
    page.status = 404;
    return page;
}

// The static part of the site. Absolute links need the Host of the request, so they are added per request.
const QHash<QString, DemoSite::Page> &staticPages()
{
    static const QHash<QString, DemoSite::Page> pages = [] {
        using Link = DemoSite::Link;
        QHash<QString, DemoSite::Page> table;
        const auto home = Link {QStringLiteral("/site/"), QStringLiteral("Home")};

        table.insert(
            QStringLiteral("/site/"),
            htmlPage(QStringLiteral("Crawlscope demo site"),
                     QStringLiteral("<p>A small website for trying crawl mode. ENDPOINTS.md describes what "
                                    "each link tests.</p>"),
                     {
                         {QStringLiteral("/site/about.html"), QStringLiteral("About us")},
                         {QStringLiteral("/site/blog/"), QStringLiteral("Blog")},
                         {QStringLiteral("/site/docs/"), QStringLiteral("Documentation")},
                         {QStringLiteral("/site/private/secret.html"), QStringLiteral("Private: secret")},
                         {QStringLiteral("/site/private/open.html"), QStringLiteral("Private: open")},
                         {QStringLiteral("/site/report.pdf"), QStringLiteral("Annual report (PDF)")},
                         {QStringLiteral("/site/data.csv"), QStringLiteral("Visits (CSV)")},
                         {QStringLiteral("/site/redirect-me"), QStringLiteral("Old about page")},
                         {QStringLiteral("/site/missing.html"), QStringLiteral("A broken link")},
                         {QStringLiteral("./about.html"), QStringLiteral("About us, relative")},
                         {QStringLiteral("/site/./about.html"), QStringLiteral("About us, dot segment")},
                         {QStringLiteral("/site/about.html#team"), QStringLiteral("Our team")},
                         {QStringLiteral("HTTP://%1/site/about.html"), QStringLiteral("About us, absolute")},
                         {QStringLiteral("/site/calendar/2026-01"), QStringLiteral("Calendar")},
                         {QStringLiteral("/site/session?sid=1"), QStringLiteral("Your session")},
                         {QStringLiteral("/site/busy.html"), QStringLiteral("A busy page")},
                         {QStringLiteral("/site/nofollow.html"), QStringLiteral("Sponsored links")},
                         {QStringLiteral("/site/base.html"), QStringLiteral("A page with a base URL")},
                         {QStringLiteral("/site/refresh.html"), QStringLiteral("A page that refreshes")},
                         {QStringLiteral("/site/slow.html"), QStringLiteral("A slow page")},
                     }));

        table.insert(QStringLiteral("/site/about.html"),
                     htmlPage(QStringLiteral("About us"),
                              QStringLiteral("<p>We make crawlers visible.</p>\n<h2 id=\"team\">Team</h2>\n"
                                             "<p>A few people and many threads.</p>"),
                              {home, {QStringLiteral("blog/"), QStringLiteral("Blog")}}));

        QList<Link> posts;
        for (int n = 1; n <= 5; ++n)
            posts.append({QStringLiteral("post-%1.html").arg(n), QStringLiteral("Post %1").arg(n)});
        posts.append(home);
        table.insert(
            QStringLiteral("/site/blog/"),
            htmlPage(QStringLiteral("Blog"), QStringLiteral("<p>Five posts, oldest first.</p>"), posts));
        for (int n = 1; n <= 5; ++n) {
            QList<Link> links {{QStringLiteral("/site/blog/"), QStringLiteral("All posts")}};
            if (n < 5)
                links.append({QStringLiteral("post-%1.html").arg(n + 1), QStringLiteral("Next post")});
            table.insert(QStringLiteral("/site/blog/post-%1.html").arg(n),
                         htmlPage(QStringLiteral("Post %1").arg(n),
                                  QStringLiteral("<p>This is post number %1.</p>").arg(n), links));
        }

        table.insert(QStringLiteral("/site/docs/"),
                     htmlPage(QStringLiteral("Documentation"), QStringLiteral("<p>Three levels deep.</p>"),
                              {{QStringLiteral("a/"), QStringLiteral("Part A")}, home}));
        table.insert(QStringLiteral("/site/docs/a/"),
                     htmlPage(QStringLiteral("Part A"), QStringLiteral("<p>The first level.</p>"),
                              {{QStringLiteral("b/"), QStringLiteral("Part B")},
                               {QStringLiteral("../"), QStringLiteral("Up")}}));
        table.insert(QStringLiteral("/site/docs/a/b/"),
                     htmlPage(QStringLiteral("Part B"), QStringLiteral("<p>The second level.</p>"),
                              {{QStringLiteral("c.html"), QStringLiteral("Chapter C")},
                               {QStringLiteral("../"), QStringLiteral("Up")}}));
        table.insert(QStringLiteral("/site/docs/a/b/c.html"),
                     htmlPage(QStringLiteral("Chapter C"), QStringLiteral("<p>The bottom of the tree.</p>"),
                              {{QStringLiteral("../../../"), QStringLiteral("Documentation")}, home}));
        table.insert(QStringLiteral("/site/docs/guide.html"),
                     htmlPage(QStringLiteral("Guide"),
                              QStringLiteral("<p>Only reachable through the base URL of base.html.</p>"),
                              {{QStringLiteral("./"), QStringLiteral("Documentation")}}));

        table.insert(QStringLiteral("/site/private/secret.html"),
                     htmlPage(QStringLiteral("Secret"),
                              QStringLiteral("<p>robots.txt disallows this page.</p>"), {home}));
        table.insert(QStringLiteral("/site/private/open.html"),
                     htmlPage(QStringLiteral("Open"),
                              QStringLiteral("<p>robots.txt allows this page, although its folder is "
                                             "disallowed.</p>"),
                              {home}));

        DemoSite::Page pdf;
        pdf.contentType = QByteArrayLiteral("application/pdf");
        pdf.body = QByteArrayLiteral("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                                     "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
                                     "trailer << /Root 1 0 R >>\n%%EOF\n");
        table.insert(QStringLiteral("/site/report.pdf"), pdf);
        DemoSite::Page csv;
        csv.contentType = QByteArrayLiteral("text/csv; charset=utf-8");
        csv.body = QByteArrayLiteral("month,visits\r\n2026-01,120\r\n2026-02,135\r\n2026-03,150\r\n");
        table.insert(QStringLiteral("/site/data.csv"), csv);

        table.insert(QStringLiteral("/site/redirect-me"), redirectPage(QStringLiteral("/site/redirect-hop")));
        table.insert(QStringLiteral("/site/redirect-hop"), redirectPage(QStringLiteral("/site/about.html")));
        table.insert(QStringLiteral("/site"), redirectPage(QStringLiteral("/site/")));

        table.insert(
            QStringLiteral("/site/busy.html"),
            htmlPage(QStringLiteral("Busy"),
                     QStringLiteral("<p>The first request for this page since the server started "
                                    "got 429 Too Many Requests.</p>"),
                     {{QStringLiteral("/site/patience.html"), QStringLiteral("Patience pays")}, home}));
        table.insert(QStringLiteral("/site/patience.html"),
                     htmlPage(QStringLiteral("Patience"),
                              QStringLiteral("<p>Only linked from busy.html, so only a crawler that retried "
                                             "it finds this page.</p>"),
                              {home}));

        table.insert(QStringLiteral("/site/nofollow.html"),
                     htmlPage(QStringLiteral("Sponsored links"),
                              QStringLiteral("<p>A polite crawler does not follow rel=nofollow.</p>"),
                              {{QStringLiteral("/site/hidden.html"), QStringLiteral("Sponsored"), true},
                               {QStringLiteral("/site/about.html"), QStringLiteral("About us")}}));
        table.insert(QStringLiteral("/site/hidden.html"),
                     htmlPage(QStringLiteral("Hidden"),
                              QStringLiteral("<p>Only linked with rel=nofollow.</p>"), {home}));

        DemoSite::Page base = htmlPage(QStringLiteral("Base URL"),
                                       QStringLiteral("<p>Relative links here resolve against "
                                                      "<code>/site/docs/</code>.</p>"),
                                       {{QStringLiteral("guide.html"), QStringLiteral("Guide")}});
        base.baseHref = QStringLiteral("/site/docs/");
        table.insert(QStringLiteral("/site/base.html"), base);

        DemoSite::Page refresh = htmlPage(QStringLiteral("Refreshing"),
                                          QStringLiteral("<p>This page sends you to the about page.</p>"));
        refresh.refreshUrl = QStringLiteral("/site/about.html");
        table.insert(QStringLiteral("/site/refresh.html"), refresh);

        DemoSite::Page slow = htmlPage(
            QStringLiteral("Slow"),
            QStringLiteral("<p>This page was sent after %1 ms.</p>").arg(DemoSite::SlowDelayMs), {home});
        slow.delayMs = DemoSite::SlowDelayMs;
        table.insert(QStringLiteral("/site/slow.html"), slow);
        return table;
    }();
    return pages;
}

// Stands for "no such resource" until page() turns it into the site's 404.
DemoSite::Page noPage()
{
    DemoSite::Page page;
    page.status = 0;
    return page;
}

QString monthPath(QDate month)
{
    return QStringLiteral("/site/calendar/") + month.toString(QStringLiteral("yyyy-MM"));
}

bool digitsOnly(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

// /site/calendar/YYYY-MM and /site/calendar/YYYY-MM/DD; an empty page (status 0) for anything else.
DemoSite::Page calendarPage(const QString &path)
{
    const QStringList parts = path.mid(QStringLiteral("/site/calendar/").size()).split(u'/');
    const QString &month = parts.constFirst();
    if (parts.size() > 2 || month.size() != 7 || month.at(4) != u'-'
        || !digitsOnly(QStringView(month).left(4)) || !digitsOnly(QStringView(month).mid(5)))
        return noPage();
    const QDate first(month.left(4).toInt(), month.mid(5).toInt(), 1);
    if (!first.isValid() || first.year() < MinYear || first.year() > MaxYear)
        return noPage();
    const QString monthName = QLocale::c().monthName(first.month()) + u' ' + QString::number(first.year());

    if (parts.size() == 2) {
        const QString &day = parts.at(1);
        const QDate date
            = day.size() == 2 && digitsOnly(day) ? QDate(first.year(), first.month(), day.toInt()) : QDate();
        if (!date.isValid())
            return noPage();
        return htmlPage(QLocale::c().toString(date, QStringLiteral("d MMMM yyyy")),
                        QStringLiteral("<p>Nothing happens on this day.</p>"),
                        {{monthPath(first), monthName}});
    }

    QList<DemoSite::Link> links;
    if (first.year() > MinYear || first.month() > 1)
        links.append({monthPath(first.addMonths(-1)), QStringLiteral("Previous month")});
    if (first.year() < MaxYear || first.month() < 12)
        links.append({monthPath(first.addMonths(1)), QStringLiteral("Next month")});
    for (const int day : CalendarDays) {
        const QDate date(first.year(), first.month(), day);
        links.append({monthPath(first) + u'/' + date.toString(QStringLiteral("dd")),
                      QLocale::c().toString(date, QStringLiteral("d MMMM"))});
    }
    return htmlPage(QStringLiteral("Calendar: ") + monthName,
                    QStringLiteral("<p>Every month links to the next and the previous one.</p>"), links);
}

DemoSite::Page sessionPage(const QString &query)
{
    const QString sid = QUrlQuery(query).queryItemValue(QStringLiteral("sid"), QUrl::FullyDecoded);
    bool ok = false;
    const uint n = sid.toUInt(&ok);
    if (!digitsOnly(sid) || !ok)
        return noPage();
    QList<DemoSite::Link> links {{QStringLiteral("/site/"), QStringLiteral("Home")}};
    if (n < std::numeric_limits<uint>::max())
        links.prepend({QStringLiteral("/site/session?sid=%1").arg(n + 1), QStringLiteral("Continue")});
    return htmlPage(QStringLiteral("Session %1").arg(n),
                    QStringLiteral("<p>Every visit starts a new session with a new URL.</p>"), links);
}

QString render(const DemoSite::Page &page)
{
    QString head;
    if (!page.baseHref.isEmpty())
        head += QStringLiteral("<base href=\"%1\">").arg(page.baseHref.toHtmlEscaped());
    if (!page.refreshUrl.isEmpty()) {
        head += QStringLiteral("<meta http-equiv=\"refresh\" content=\"0; url=%1\">")
                    .arg(page.refreshUrl.toHtmlEscaped());
    }
    QString body = page.text;
    if (!page.location.isEmpty()) {
        body += QStringLiteral("\n<p>It is now at <a href=\"%1\">%1</a>.</p>")
                    .arg(page.location.toHtmlEscaped());
    }
    if (!page.links.isEmpty()) {
        body += QStringLiteral("\n<ul>");
        for (const DemoSite::Link &link : page.links) {
            body += QStringLiteral("\n<li><a href=\"%1\"%2>%3</a></li>")
                        .arg(link.href.toHtmlEscaped(),
                             link.nofollow ? QStringLiteral(" rel=\"nofollow\"") : QString(),
                             link.text.toHtmlEscaped());
        }
        body += QStringLiteral("\n</ul>");
    }
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">"
                          "<title>%1</title>%2</head>\n<body>\n<h1>%1</h1>\n%3\n</body>\n</html>\n")
        .arg(page.title.toHtmlEscaped(), head, body);
}

// RFC 3986 5.2.4, so that /site/./about.html is served like /site/about.html, as a real server would.
QString removeDotSegments(const QString &path)
{
    QStringList output;
    const QStringList segments = path.split(u'/');
    for (qsizetype i = 1; i < segments.size(); ++i) {
        const QString &segment = segments.at(i);
        const bool last = i == segments.size() - 1;
        if (segment == u'.' || segment == QStringLiteral("..")) {
            if (segment != u'.' && !output.isEmpty())
                output.removeLast();
            if (last)
                output.append(QString());
        } else {
            output.append(segment);
        }
    }
    return u'/' + output.join(u'/');
}

} // namespace

DemoSite::DemoSite()
    : m_busyRequests(std::make_shared<std::atomic<int>>(0))
{ }

bool DemoSite::isValidHost(QByteArrayView host)
{
    // Host is echoed into pages, so anything beyond a plain name or address and a port is refused.
    if (host.isEmpty())
        return false;
    for (const char c : host) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum && c != '.' && c != ':' && c != '-' && c != '[' && c != ']')
            return false;
    }
    return true;
}

bool DemoSite::isSitePath(QByteArrayView path)
{
    return path == "/site" || path.startsWith("/site/");
}

DemoResponse DemoSite::respond(const QByteArray &path, const QByteArray &rawQuery, const QString &host) const
{
    const QString sitePath = removeDotSegments(QString::fromUtf8(path));
    const Page source = page(sitePath, QString::fromUtf8(rawQuery), host);

    DemoResponse response;
    if (sitePath == QStringLiteral("/site/busy.html") && m_busyRequests->fetch_add(1) == 0) {
        response = DemoResponse::html(
            429, DemoResponse::statusText(429),
            QStringLiteral("<p>Too many requests; come back in %1 s.</p>").arg(BusyRetryAfterS));
        response.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(BusyRetryAfterS)});
        return response;
    }

    response.status = source.status;
    response.contentType = source.contentType;
    response.body = source.contentType == HtmlType ? render(source).toUtf8() : source.body;
    response.delayMs = source.delayMs;
    if (!source.location.isEmpty())
        response.headers.append({QByteArrayLiteral("Location"), source.location.toUtf8()});
    return response;
}

DemoResponse DemoSite::robots()
{
    DemoResponse response;
    response.contentType = QByteArrayLiteral("text/plain; charset=utf-8");
    response.body = robotsTxt();
    return response;
}

DemoSite::Page DemoSite::page(const QString &path, const QString &query, const QString &host)
{
    Page result;
    const auto &pages = staticPages();
    const auto it = pages.constFind(path);
    if (it != pages.cend()) {
        result = *it;
        // The upper-case scheme of the home page's absolute link makes it a duplicate only a crawler that
        // normalises recognises.
        for (Link &link : result.links) {
            if (link.href.startsWith(QStringLiteral("HTTP://%1")))
                link.href = link.href.arg(host);
        }
    } else if (path.startsWith(QStringLiteral("/site/calendar/"))) {
        result = calendarPage(path);
    } else if (path == QStringLiteral("/site/session")) {
        result = sessionPage(query);
    } else {
        result.status = 0;
    }
    return result.status == 0 ? missingPage(path) : result;
}

QByteArray DemoSite::robotsTxt()
{
    QByteArray text = "# Crawlscope demo server; see ENDPOINTS.md.\nUser-agent: *\n";
    for (const RobotsRule &rule : robotsRules())
        text += (rule.allow ? "Allow: " : "Disallow: ") + rule.pattern.toUtf8() + '\n';
    text += "Crawl-delay: 0.2\n\nUser-agent: BadBot\nDisallow: /\n";
    return text;
}

QList<DemoSite::RobotsRule> DemoSite::robotsRules()
{
    return {
        {false, QStringLiteral("/site/private/")},
        {false, QStringLiteral("/site/*.pdf$")},
        {true, QStringLiteral("/site/private/open.html")},
    };
}
