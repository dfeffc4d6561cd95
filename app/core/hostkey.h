#pragma once

#include <QHashFunctions>
#include <QString>
#include <QUrl>

/// Who a request goes to: scheme, host and port, the unit that connection limits, politeness, colours and
/// the site tree's top level apply to. Built from a URL in one place, so that the pool, the crawler and the
/// views agree on what "the same host" means (lower-case host in its ACE form, the scheme's default port
/// made explicit).
class HostKey
{
public:
    HostKey() = default;
    static HostKey fromUrl(const QUrl &url);
    /// Reads origin(); an IPv6 host may come bracketed or not (older files wrote it bare).
    static HostKey fromOrigin(const QString &origin);

    bool isValid() const { return !m_scheme.isEmpty(); }
    const QString &scheme() const { return m_scheme; }
    const QString &host() const { return m_host; }
    int port() const { return m_port; }

    /// "http://127.0.0.1:8080", "https://[::1]:443": always with the port, an IPv6 host in brackets.
    QString origin() const;
    /// For people: without "http://" and without the scheme's default port.
    QString displayName() const;
    /// displayName() of an origin() string; what is not an origin is returned as it is.
    static QString displayNameOf(const QString &origin);

    friend bool operator==(const HostKey &, const HostKey &) = default;
    friend size_t qHash(const HostKey &key, size_t seed = 0) noexcept
    {
        return qHashMulti(seed, key.m_scheme, key.m_host, key.m_port);
    }

private:
    QString m_scheme;
    QString m_host;
    int m_port = -1;
};
