#pragma once

#include <QByteArray>
#include <QList>
#include <QUrl>

#include <optional>

/// The robots.txt rules (RFC 9309) that apply to one crawler on one host, resolved once at parse time so
/// each URL check only walks the rules of the chosen group.
class RobotsRules
{
public:
    /// Only the first 500 KiB are read, the minimum RFC 9309 asks crawlers to handle.
    static constexpr qsizetype MaxBodyBytes = 500 * 1024;

    /// `productToken` may be a whole User-Agent value such as "Crawlscope/0.1.0"; only its leading
    /// token ("Crawlscope") is compared with the user-agent lines.
    static RobotsRules parse(const QByteArray &body, const QByteArray &productToken);
    /// For a robots.txt answered with 4xx: the site has no rules for anyone.
    static RobotsRules allowAll();
    /// For a 5xx or an unreachable robots.txt, which RFC 9309 says to read as a complete disallow.
    static RobotsRules disallowAll();

    bool isAllowed(const QUrl &url) const;
    std::optional<int> crawlDelayMs() const { return m_crawlDelayMs; }
    QList<QUrl> sitemaps() const { return m_sitemaps; }

private:
    struct Rule
    {
        QByteArray pattern; // canonical percent-encoding; every '*' is a wildcard
        bool anchored = false; // the pattern ended in '$'
        bool allow = false;
        qsizetype priority = 0; // octets of the canonical pattern and its '$', for the longest match
    };

    QList<Rule> m_rules;
    std::optional<int> m_crawlDelayMs;
    QList<QUrl> m_sitemaps;
};
