#include "demorouter.h"

#include "demogensite.h"

#include <QUrlQuery>

#include <limits>
#include <optional>

namespace {

// Digits only: no sign, blanks, exponent or hex, so "/bytes/-1" or "/delay/1e3" is refused, not misread.
std::optional<quint64> parseNumber(QByteArrayView text, quint64 max)
{
    if (text.isEmpty())
        return std::nullopt;
    quint64 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        const quint64 digit = quint64(c - '0');
        if (digit > max || value > (max - digit) / 10)
            return std::nullopt;
        value = value * 10 + digit;
    }
    return value;
}

std::optional<quint64> parseQueryNumber(const QUrlQuery &query, const QString &key, quint64 max)
{
    return parseNumber(query.queryItemValue(key, QUrl::FullyDecoded).toUtf8(), max);
}

quint64 fnv1a64(QByteArrayView bytes)
{
    quint64 hash = 0xcbf29ce484222325ULL;
    for (const char c : bytes) {
        hash ^= quint8(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

quint64 splitmix64(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

DemoResponse badRequest(const QString &message)
{
    return DemoResponse::error(400, message);
}

void addDelayHeader(DemoResponse &response)
{
    response.headers.append({QByteArrayLiteral("X-Demo-Delay-Ms"), QByteArray::number(response.delayMs)});
}

// The optional ?delay=MS of /status, /bytes and /redirect; a 400 instead when it is malformed.
DemoResponse withQueryDelay(DemoResponse response, const QUrlQuery &query)
{
    const QString key = QStringLiteral("delay");
    if (!query.hasQueryItem(key))
        return response;
    const auto ms = parseQueryNumber(query, key, DemoRouter::MaxDelayMs);
    if (!ms) {
        return badRequest(QStringLiteral("bad delay \"%1\": expected a whole number of milliseconds 0..%2")
                              .arg(query.queryItemValue(key, QUrl::FullyDecoded))
                              .arg(DemoRouter::MaxDelayMs));
    }
    response.delayMs = int(*ms);
    addDelayHeader(response);
    return response;
}

} // namespace

DemoRouter::DemoRouter(quint64 seed)
    : m_seed(seed)
{ }

DemoResponse DemoRouter::route(QByteArrayView method, const QByteArray &target, const QByteArray &host) const
{
    if (method != "GET" && method != "HEAD") {
        DemoResponse response
            = DemoResponse::error(405,
                                  QStringLiteral("The demo server only answers GET and HEAD, not %1.")
                                      .arg(QString::fromLatin1(method)));
        response.headers.append({QByteArrayLiteral("Allow"), QByteArrayLiteral("GET, HEAD")});
        return response;
    }

    const qsizetype mark = target.indexOf('?');
    const QByteArray path = mark < 0 ? target : target.left(mark);
    const QByteArray rawQuery = mark < 0 ? QByteArray() : target.mid(mark + 1);
    const QUrlQuery query(QString::fromUtf8(rawQuery));

    if (path == "/")
        return index();
    if (path == "/robots.txt")
        return DemoSite::robots();
    if (DemoSite::isSitePath(path)) {
        return m_site.respond(path, rawQuery,
                              DemoSite::isValidHost(host) ? QString::fromLatin1(host)
                                                          : QStringLiteral("127.0.0.1"));
    }

    const QList<QByteArray> segments = path.mid(1).split('/');
    const QByteArray &endpoint = segments.constFirst();
    if (endpoint == "gen")
        return generated(segments);
    if (endpoint != "delay" && endpoint != "status" && endpoint != "bytes" && endpoint != "redirect") {
        return DemoResponse::html(
            404, QStringLiteral("404 Not Found"),
            QStringLiteral(
                "<p>There is no demo endpoint at <code>%1</code>. The <a href=\"/\">index</a> lists "
                "them.</p>")
                .arg(QString::fromUtf8(path).toHtmlEscaped()));
    }
    if (segments.size() != 2) {
        return badRequest(QStringLiteral("expected /%1/<number>, got %2")
                              .arg(QString::fromUtf8(endpoint), QString::fromUtf8(path)));
    }
    const QByteArray &argument = segments.at(1);
    if (endpoint == "delay")
        return delay(argument, target, query);
    if (endpoint == "status")
        return status(argument, query);
    if (endpoint == "bytes")
        return bytes(argument, query);
    return redirect(argument, rawQuery, query);
}

int DemoRouter::jitterMs(quint64 seed, QByteArrayView target, int minMs, int maxMs)
{
    Q_ASSERT(minMs <= maxMs);
    const quint64 span = quint64(maxMs - minMs) + 1;
    return minMs + int(splitmix64(seed ^ fnv1a64(target)) % span);
}

std::optional<int> DemoRouter::plannedDelayMs(const QByteArray &target, quint64 seed)
{
    const qsizetype queryAt = target.indexOf('?');
    const QByteArray path = queryAt < 0 ? target : target.left(queryAt);
    const QUrlQuery query(QString::fromUtf8(queryAt < 0 ? QByteArray() : target.mid(queryAt + 1)));
    const QList<QByteArray> segments = path.split('/');
    // "/delay/500" splits into "", "delay", "500"
    if (segments.size() != 3 || !segments.at(0).isEmpty())
        return std::nullopt;
    const QByteArray &endpoint = segments.at(1);
    const QByteArray &argument = segments.at(2);
    if (endpoint == "delay") {
        const qsizetype dash = argument.indexOf('-');
        const auto minMs = parseNumber(dash < 0 ? argument : argument.left(dash), MaxDelayMs);
        const auto maxMs = dash < 0 ? minMs : parseNumber(argument.mid(dash + 1), MaxDelayMs);
        if (!minMs || !maxMs || *minMs > *maxMs)
            return std::nullopt;
        if (dash < 0)
            return int(*minMs);
        if (query.hasQueryItem(QStringLiteral("seed"))) {
            const auto querySeed
                = parseQueryNumber(query, QStringLiteral("seed"), std::numeric_limits<quint64>::max());
            if (!querySeed)
                return std::nullopt;
            seed = *querySeed;
        }
        return jitterMs(seed, target, int(*minMs), int(*maxMs));
    }
    if (endpoint == "status" || endpoint == "bytes") {
        if (!parseNumber(argument, endpoint == "status" ? 599 : quint64(MaxBytes)))
            return std::nullopt;
        if (endpoint == "status") {
            const auto code = parseNumber(argument, 599);
            if (*code >= 300 && *code < 400)
                return std::nullopt; // a redirect: the client goes on somewhere else
        }
        if (!query.hasQueryItem(QStringLiteral("delay")))
            return 0;
        const auto ms = parseQueryNumber(query, QStringLiteral("delay"), MaxDelayMs);
        return ms ? std::optional<int>(int(*ms)) : std::nullopt;
    }
    return std::nullopt;
}

DemoResponse DemoRouter::index() const
{
    const QString items = QStringLiteral(
        "<li><a href=\"/delay/500\">/delay/MS</a>: an HTML page sent after MS milliseconds "
        "(0..%1)</li>\n"
        "<li><a href=\"/delay/100-900\">/delay/MIN-MAX</a>: the same, after a delay drawn from the seed "
        "and the URL; <code>?seed=N</code> overrides the seed</li>\n"
        "<li><a href=\"/status/503?retry-after=2\">/status/CODE</a>: that status (200..599); "
        "<code>?retry-after=S</code>, <code>?delay=MS</code></li>\n"
        "<li><a href=\"/bytes/1024\">/bytes/N</a>: N bytes of binary data (0..%2); "
        "<code>?delay=MS</code></li>\n"
        "<li><a href=\"/redirect/3\">/redirect/N</a>: a chain of N redirects (0..%3); "
        "<code>?delay=MS</code></li>\n"
        "<li><a href=\"/site/\">/site/</a>: a small website to crawl, with traps; "
        "<a href=\"/robots.txt\">/robots.txt</a> governs it</li>\n"
        "<li><a href=\"/gen/100/\">/gen/N/</a>: a generated website of N pages (1..%4), about %5 links "
        "each; <code>/gen/N/P</code> is page P</li>");
    return DemoResponse::html(200, QStringLiteral("Crawlscope demo server"),
                              QStringLiteral("<p>Every endpoint answers GET and HEAD.</p>\n<ul>\n%1\n</ul>")
                                  .arg(items.arg(MaxDelayMs)
                                           .arg(MaxBytes)
                                           .arg(MaxRedirects)
                                           .arg(DemoGenSite::MaxPages)
                                           .arg(DemoGenSite::LinksPerPage)));
}

DemoResponse DemoRouter::delay(const QByteArray &argument, const QByteArray &target,
                               const QUrlQuery &query) const
{
    const qsizetype dash = argument.indexOf('-');
    const auto minMs = parseNumber(dash < 0 ? argument : argument.left(dash), MaxDelayMs);
    const auto maxMs = dash < 0 ? minMs : parseNumber(argument.mid(dash + 1), MaxDelayMs);
    if (!minMs || !maxMs || *minMs > *maxMs) {
        return badRequest(QStringLiteral("bad delay \"%1\": expected MS or MIN-MAX, whole milliseconds "
                                         "0..%2 with MIN <= MAX")
                              .arg(QString::fromUtf8(argument))
                              .arg(MaxDelayMs));
    }

    quint64 seed = m_seed;
    if (query.hasQueryItem(QStringLiteral("seed"))) {
        const auto querySeed
            = parseQueryNumber(query, QStringLiteral("seed"), std::numeric_limits<quint64>::max());
        if (!querySeed) {
            return badRequest(QStringLiteral("bad seed \"%1\": expected a whole number 0..%2")
                                  .arg(query.queryItemValue(QStringLiteral("seed"), QUrl::FullyDecoded))
                                  .arg(std::numeric_limits<quint64>::max()));
        }
        seed = *querySeed;
    }

    const bool jittered = dash >= 0;
    const int ms = jittered ? jitterMs(seed, target, int(*minMs), int(*maxMs)) : int(*minMs);
    const QString how = jittered
        ? QStringLiteral(" (drawn from %1-%2 ms with seed %3)").arg(*minMs).arg(*maxMs).arg(seed)
        : QString();
    DemoResponse response = DemoResponse::html(
        200, QStringLiteral("Delayed %1 ms").arg(ms),
        QStringLiteral("<p>This page was sent after a delay of %1 ms%2.</p>\n<p><a href=\"/\">Index</a></p>")
            .arg(ms)
            .arg(how));
    response.delayMs = ms;
    addDelayHeader(response);
    return response;
}

DemoResponse DemoRouter::status(const QByteArray &argument, const QUrlQuery &query) const
{
    const auto code = parseNumber(argument, 599);
    if (!code || *code < 200) {
        // A 1xx is never a final response, so it cannot be the answer to a request.
        return badRequest(QStringLiteral("bad status \"%1\": expected a final status code 200..599")
                              .arg(QString::fromUtf8(argument)));
    }
    const int status = int(*code);

    QByteArray retryAfter;
    if (query.hasQueryItem(QStringLiteral("retry-after"))) {
        const auto seconds = parseQueryNumber(query, QStringLiteral("retry-after"), MaxRetryAfterS);
        if (!seconds) {
            return badRequest(
                QStringLiteral("bad retry-after \"%1\": expected whole seconds 0..%2")
                    .arg(query.queryItemValue(QStringLiteral("retry-after"), QUrl::FullyDecoded))
                    .arg(MaxRetryAfterS));
        }
        retryAfter = QByteArray::number(*seconds);
    }

    DemoResponse response = DemoResponse::html(status, DemoResponse::statusText(status),
                                               QStringLiteral("<p>This is the status you asked for.</p>"));
    // These statuses must not carry content (RFC 9110 15.3.5, 15.3.6, 15.4.5).
    if (status == 204 || status == 205 || status == 304)
        response.body.clear();
    if (!retryAfter.isEmpty())
        response.headers.append({QByteArrayLiteral("Retry-After"), retryAfter});
    return withQueryDelay(response, query);
}

DemoResponse DemoRouter::bytes(const QByteArray &argument, const QUrlQuery &query) const
{
    const auto size = parseNumber(argument, MaxBytes);
    if (!size) {
        return badRequest(QStringLiteral("bad size \"%1\": expected 0..%2 bytes")
                              .arg(QString::fromUtf8(argument))
                              .arg(MaxBytes));
    }
    DemoResponse response;
    response.contentType = QByteArrayLiteral("application/octet-stream");
    response.patternBytes = qint64(*size);
    return withQueryDelay(response, query);
}

DemoResponse DemoRouter::redirect(const QByteArray &argument, const QByteArray &rawQuery,
                                  const QUrlQuery &query) const
{
    const auto hops = parseNumber(argument, MaxRedirects);
    if (!hops) {
        return badRequest(QStringLiteral("bad redirect count \"%1\": expected 0..%2")
                              .arg(QString::fromUtf8(argument))
                              .arg(MaxRedirects));
    }
    DemoResponse response;
    if (*hops == 0) {
        response = DemoResponse::html(200, QStringLiteral("Redirects done"),
                                      QStringLiteral("<p>The end of the redirect chain.</p>"));
    } else {
        // The query travels along, so that every hop of the chain is delayed alike.
        QByteArray location = "/redirect/" + QByteArray::number(*hops - 1);
        if (!rawQuery.isEmpty())
            location += '?' + rawQuery;
        response = DemoResponse::html(302, QStringLiteral("302 Found"),
                                      QStringLiteral("<p>Redirecting to <a href=\"%1\">%1</a>.</p>")
                                          .arg(QString::fromUtf8(location).toHtmlEscaped()));
        response.headers.append({QByteArrayLiteral("Location"), location});
    }
    return withQueryDelay(response, query);
}

DemoResponse DemoRouter::generated(const QList<QByteArray> &segments) const
{
    if (segments.size() != 3)
        return badRequest(QStringLiteral("expected /gen/<pages>/ or /gen/<pages>/<page>"));
    const auto pages = parseNumber(segments.at(1), DemoGenSite::MaxPages);
    if (!pages || *pages < 1) {
        return badRequest(QStringLiteral("bad page count \"%1\": expected 1..%2")
                              .arg(QString::fromUtf8(segments.at(1)))
                              .arg(DemoGenSite::MaxPages));
    }
    const QByteArray &pageText = segments.at(2);
    const auto page
        = pageText.isEmpty() ? std::optional<quint64>(0) : parseNumber(pageText, DemoGenSite::MaxPages);
    if (!page) {
        return badRequest(QStringLiteral("bad page \"%1\": expected 1..%2")
                              .arg(QString::fromUtf8(pageText))
                              .arg(*pages - 1));
    }
    // The root is page 0; "/gen/N/0" would be a second name for it, so there is none.
    if (*page >= *pages || (!pageText.isEmpty() && *page == 0)) {
        return DemoResponse::html(404, QStringLiteral("404 Not Found"),
                                  QStringLiteral("<p>This site has pages 1 to %1 besides its root "
                                                 "<a href=\"/gen/%2/\">/gen/%2/</a>.</p>")
                                      .arg(*pages - 1)
                                      .arg(*pages));
    }
    return DemoGenSite::respond(int(*pages), int(*page));
}
