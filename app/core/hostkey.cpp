#include "hostkey.h"

namespace {

int defaultPort(const QString &scheme)
{
    return scheme == QLatin1String("https") ? 443 : 80;
}

} // namespace

HostKey HostKey::fromUrl(const QUrl &url)
{
    HostKey key;
    if (!url.isValid() || url.scheme().isEmpty())
        return key;
    key.m_scheme = url.scheme().toLower();
    key.m_host = url.host(QUrl::FullyEncoded).toLower();
    key.m_port = url.port(defaultPort(key.m_scheme));
    return key;
}

HostKey HostKey::fromOrigin(const QString &origin)
{
    HostKey key;
    const qsizetype separator = origin.indexOf(QLatin1String("://"));
    if (separator <= 0)
        return key;
    key.m_scheme = origin.left(separator).toLower();
    QString rest = origin.mid(separator + 3);
    key.m_port = defaultPort(key.m_scheme);
    if (rest.startsWith(QLatin1Char('['))) {
        const qsizetype close = rest.indexOf(QLatin1Char(']'));
        if (close < 0)
            return {};
        key.m_host = rest.mid(1, close - 1).toLower();
        rest = rest.mid(close + 1);
        if (rest.startsWith(QLatin1Char(':')))
            key.m_port = rest.mid(1).toInt();
        return key;
    }
    // A bare host, or an unbracketed IPv6 address from an older file: the port follows the last colon.
    const qsizetype colon = rest.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const int port = colon >= 0 ? rest.mid(colon + 1).toInt(&ok) : 0;
    if (ok) {
        key.m_host = rest.left(colon).toLower();
        key.m_port = port;
    } else {
        key.m_host = rest.toLower();
    }
    return key;
}

QString HostKey::origin() const
{
    if (!isValid())
        return QString();
    const QString host
        = m_host.contains(QLatin1Char(':')) ? QLatin1Char('[') + m_host + QLatin1Char(']') : m_host;
    return m_scheme + QLatin1String("://") + host + QLatin1Char(':') + QString::number(m_port);
}

QString HostKey::displayName() const
{
    if (!isValid())
        return QString();
    const QString host
        = m_host.contains(QLatin1Char(':')) ? QLatin1Char('[') + m_host + QLatin1Char(']') : m_host;
    const QString name
        = m_port == defaultPort(m_scheme) ? host : host + QLatin1Char(':') + QString::number(m_port);
    return m_scheme == QLatin1String("http") ? name : m_scheme + QLatin1String("://") + name;
}

QString HostKey::displayNameOf(const QString &origin)
{
    const HostKey key = fromOrigin(origin);
    return key.isValid() ? key.displayName() : origin;
}
