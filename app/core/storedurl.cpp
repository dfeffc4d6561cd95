#include "storedurl.h"

#include <QDebug>
#include <QHashFunctions>

StoredUrl::StoredUrl(const QUrl &url)
{
    *this = url;
}

StoredUrl &StoredUrl::operator=(const QUrl &url)
{
    if (url.isValid()) {
        m_encoded = url.toEncoded(QUrl::FullyEncoded);
        // toEncoded converts its QString in place, so the bytes sit in a buffer sized for twice as many
        // UTF-16 code units: kept a whole run long, that is half again the URL.
        m_encoded.squeeze();
        m_url = QUrl();
    } else {
        m_encoded.clear();
        m_url = url;
    }
    return *this;
}

QUrl StoredUrl::toUrl() const
{
    return m_encoded.isEmpty() ? m_url : QUrl::fromEncoded(m_encoded);
}

QByteArray StoredUrl::toEncoded(QUrl::FormattingOptions options) const
{
    if (options == QUrl::FullyEncoded)
        return m_encoded;
    return toUrl().toEncoded(options);
}

QString StoredUrl::toString(QUrl::FormattingOptions options) const
{
    // The fully encoded form is ASCII and is what is kept: no parse for the exporters.
    if (options == QUrl::FullyEncoded && !m_encoded.isEmpty())
        return QString::fromLatin1(m_encoded);
    return toUrl().toString(options);
}

QString StoredUrl::toDisplayString(QUrl::FormattingOptions options) const
{
    return toUrl().toDisplayString(options);
}

size_t qHash(const StoredUrl &url, size_t seed)
{
    return url.encoded().isEmpty() ? qHash(url.toUrl(), seed) : qHash(url.encoded(), seed);
}

QDebug operator<<(QDebug debug, const StoredUrl &url)
{
    return debug << url.toUrl();
}
