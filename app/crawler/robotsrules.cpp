#include "robotsrules.h"

#include <QByteArrayView>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>

namespace {

enum class Side {
    Pattern,
    Url,
};

constexpr char HexDigits[] = "0123456789ABCDEF";

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isUnreserved(char c)
{
    return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
}

bool isReserved(char c)
{
    return c != '\0' && std::string_view(":/?#[]@!$&'()*+,;=").find(c) != std::string_view::npos;
}

void appendEscaped(QByteArray &out, unsigned char c)
{
    out.append('%');
    out.append(HexDigits[c >> 4]);
    out.append(HexDigits[c & 0xF]);
}

// RFC 9309 2.2.2 compares rules and URLs in one percent-encoding: escaped unreserved characters are
// decoded, raw octets outside the URI alphabet (non-ASCII, controls, space) are escaped, and hex is
// upper-case, so "/ツ", "/%e3%83%84" and "/%E3%83%84" are the same path. Escaped reserved characters
// stay escaped because "%2F" and "/" mean different things to the server.
QByteArray canonical(QByteArrayView in, Side side)
{
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c == '%' && i + 2 < in.size() && hexValue(in[i + 1]) >= 0 && hexValue(in[i + 2]) >= 0) {
            const auto decoded = static_cast<unsigned char>(hexValue(in[i + 1]) * 16 + hexValue(in[i + 2]));
            if (isUnreserved(char(decoded)))
                out.append(char(decoded));
            else
                appendEscaped(out, decoded);
            i += 2;
        } else if ((c == '*' && side == Side::Url) || c == '$') {
            // A URL's own '*' and '$' are plain octets, and so is a '$' inside a rule (the anchor is
            // stripped before this). Escaping them lets "%2A" and "%24" in a rule match them literally,
            // as RFC 9309 2.2.3 asks, and keeps them apart from the rule's wildcard.
            appendEscaped(out, static_cast<unsigned char>(c));
        } else if (isUnreserved(c) || isReserved(c)) {
            out.append(c);
        } else {
            appendEscaped(out, static_cast<unsigned char>(c));
        }
    }
    return out;
}

// Without the '$' anchor a rule only has to match the start of the path, as if it ended in '*'.
// Backtracking to the last '*' is enough for patterns whose only metacharacter is '*'.
bool matches(QByteArrayView pattern, bool anchored, QByteArrayView path)
{
    qsizetype p = 0;
    qsizetype s = 0;
    qsizetype starP = -1;
    qsizetype starS = 0;
    while (s < path.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            starP = p++;
            starS = s;
        } else if (p < pattern.size() && pattern[p] == path[s]) {
            ++p;
            ++s;
        } else if (p == pattern.size() && !anchored) {
            return true;
        } else if (starP >= 0) {
            p = starP + 1;
            s = ++starS;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*')
        ++p;
    return p == pattern.size();
}

// Product tokens are [A-Za-z_-] (RFC 9309 2.2.1). Stopping at the first other character lets callers
// pass a whole User-Agent ("Crawlscope/0.1.0") and tolerates lines such as "User-agent: FooBot Images".
QByteArray leadingToken(QByteArrayView value)
{
    qsizetype n = 0;
    while (n < value.size() && (isAsciiLetter(value[n]) || value[n] == '-' || value[n] == '_'))
        ++n;
    return value.first(n).toByteArray().toLower();
}

std::optional<int> parseCrawlDelayMs(QByteArrayView value)
{
    bool ok = false;
    const double seconds = value.toDouble(&ok);
    if (!ok || !std::isfinite(seconds) || seconds < 0)
        return std::nullopt;
    const double ms = std::round(seconds * 1000);
    if (ms > std::numeric_limits<int>::max())
        return std::nullopt;
    return int(ms);
}

bool isLineBreak(char c)
{
    return c == '\n' || c == '\r';
}

// A line cut in half could turn "Disallow: /private/" into "Disallow: /", so the partial last line
// goes with the rest.
QByteArrayView limited(QByteArrayView body)
{
    if (body.size() <= RobotsRules::MaxBodyBytes)
        return body;
    const QByteArrayView head = body.first(RobotsRules::MaxBodyBytes);
    if (isLineBreak(body[RobotsRules::MaxBodyBytes]))
        return head;
    return head.first(std::max(head.lastIndexOf('\n'), head.lastIndexOf('\r')) + 1);
}

} // namespace

RobotsRules RobotsRules::parse(const QByteArray &body, const QByteArray &productToken)
{
    struct Group
    {
        QList<QByteArray> agents; // lower-case tokens, or "*"
        QList<Rule> rules;
        std::optional<int> crawlDelayMs;
    };

    RobotsRules result;
    QList<Group> groups;
    bool inAgentLines = false; // consecutive user-agent lines share one group

    const auto handleLine = [&](QByteArrayView line) {
        const qsizetype hash = line.indexOf('#');
        if (hash >= 0)
            line = line.first(hash);
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            return;
        const QByteArray key = line.first(colon).trimmed().toByteArray().toLower();
        const QByteArrayView value = line.sliced(colon + 1).trimmed();

        if (key == "user-agent") {
            if (!inAgentLines)
                groups.emplaceBack();
            inAgentLines = true;
            groups.last().agents.append(value.startsWith('*') ? QByteArray("*") : leadingToken(value));
        } else if (key == "allow" || key == "disallow") {
            inAgentLines = false;
            // Rules before the first user-agent line belong to no group; an empty value matches nothing.
            if (groups.isEmpty() || value.isEmpty())
                return;
            Rule rule;
            rule.allow = key == "allow";
            rule.anchored = value.endsWith('$');
            rule.pattern = canonical(rule.anchored ? value.chopped(1) : value, Side::Pattern);
            rule.priority = rule.pattern.size() + (rule.anchored ? 1 : 0);
            groups.last().rules.append(rule);
        } else if (key == "crawl-delay") {
            inAgentLines = false;
            if (!groups.isEmpty() && !groups.last().crawlDelayMs)
                groups.last().crawlDelayMs = parseCrawlDelayMs(value);
        } else if (key == "sitemap") {
            // Sitemaps belong to the file, not to a group, so they neither open nor close one.
            const QUrl url(QString::fromUtf8(value));
            if (url.isValid() && (url.scheme() == u"http" || url.scheme() == u"https")
                && !url.host().isEmpty() && !result.m_sitemaps.contains(url))
                result.m_sitemaps.append(url);
        }
    };

    QByteArrayView text = limited(body);
    if (text.startsWith("\xEF\xBB\xBF"))
        text = text.sliced(3);
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = start;
        while (end < text.size() && !isLineBreak(text[end]))
            ++end;
        handleLine(text.sliced(start, end - start));
        if (end + 1 < text.size() && text[end] == '\r' && text[end + 1] == '\n')
            ++end;
        start = end + 1;
    }

    // A group naming us beats "*", even when it has no rules; groups for the same agent are merged.
    const QByteArray token = leadingToken(productToken);
    const auto collect = [&](const QByteArray &agent) {
        bool found = false;
        for (const auto &group : std::as_const(groups)) {
            if (!group.agents.contains(agent))
                continue;
            found = true;
            result.m_rules.append(group.rules);
            if (!result.m_crawlDelayMs)
                result.m_crawlDelayMs = group.crawlDelayMs;
        }
        return found;
    };
    if (token.isEmpty() || !collect(token))
        collect(QByteArray("*"));
    return result;
}

RobotsRules RobotsRules::allowAll()
{
    return {};
}

RobotsRules RobotsRules::disallowAll()
{
    RobotsRules result;
    result.m_rules.append({QByteArray("/"), false, false, 1});
    return result;
}

bool RobotsRules::isAllowed(const QUrl &url) const
{
    QByteArray target = canonical(url.path(QUrl::FullyEncoded).toUtf8(), Side::Url);
    if (target.isEmpty())
        target = "/";
    // RFC 9309 2.2.2: the file that says what is allowed must itself stay fetchable.
    if (target == "/robots.txt")
        return true;
    if (url.hasQuery()) {
        target.append('?');
        target.append(canonical(url.query(QUrl::FullyEncoded).toUtf8(), Side::Url));
    }

    const Rule *best = nullptr;
    for (const auto &rule : m_rules) {
        if (!matches(rule.pattern, rule.anchored, target))
            continue;
        // The longest rule is the most specific; on a tie the less strict one wins.
        if (!best || rule.priority > best->priority || (rule.priority == best->priority && rule.allow))
            best = &rule;
    }
    return !best || best->allow;
}
