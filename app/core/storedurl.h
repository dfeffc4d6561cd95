#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QUrl>

class QDebug;

/// A request's URL as a record keeps it: the fully encoded bytes in one allocation, where a QUrl holds a
/// private part and a string per component (about 370 bytes for a short http URL against about 90). A run
/// keeps a million of them; code that needs the parts gets a QUrl back (toUrl, or the conversion), parsed on
/// the spot, so hot loops read what they need once rather than per paint.
class StoredUrl
{
public:
    StoredUrl() = default;
    StoredUrl(const QUrl &url); // NOLINT(google-explicit-constructor): records are filled from QUrls
    StoredUrl &operator=(const QUrl &url);
    /// A valid URL whose fully encoded bytes are known: `encoded` may be a part of a buffer it shares with
    /// other URLs (UrlArena), which is never written through it.
    static StoredUrl fromEncoded(const QByteArray &encoded, const QUrl &url);

    QUrl toUrl() const;
    operator QUrl() const { return toUrl(); } // NOLINT(google-explicit-constructor)

    bool isEmpty() const { return m_encoded.isEmpty() && m_url.isEmpty(); }
    bool isValid() const { return !m_encoded.isEmpty() || m_url.isValid(); }
    /// The encoded bytes without parsing; empty for an invalid URL.
    const QByteArray &encoded() const { return m_encoded; }
    QByteArray toEncoded(QUrl::FormattingOptions options = QUrl::FullyEncoded) const;
    QString toString(QUrl::FormattingOptions options = QUrl::PrettyDecoded) const;
    QString toDisplayString(QUrl::FormattingOptions options = QUrl::PrettyDecoded) const;
    QString scheme() const { return toUrl().scheme(); }
    QString host(QUrl::ComponentFormattingOptions options = QUrl::FullyDecoded) const
    {
        return toUrl().host(options);
    }
    int port(int defaultPort = -1) const { return toUrl().port(defaultPort); }
    QString path(QUrl::ComponentFormattingOptions options = QUrl::FullyDecoded) const
    {
        return toUrl().path(options);
    }
    QUrl resolved(const QUrl &relative) const { return toUrl().resolved(relative); }
    QUrl adjusted(QUrl::FormattingOptions options) const { return toUrl().adjusted(options); }
    void clear() { *this = StoredUrl(); }

    friend bool operator==(const StoredUrl &a, const StoredUrl &b)
    {
        return a.m_encoded == b.m_encoded && a.m_url == b.m_url;
    }
    friend bool operator==(const StoredUrl &a, const QUrl &b) { return a.toUrl() == b; }

private:
    // Valid URLs only: QUrl::fromEncoded(url.toEncoded()) gives the same URL back. An invalid one encodes to
    // nothing, so it is kept whole; files and traced programs can bring them.
    QByteArray m_encoded;
    QUrl m_url;
};

size_t qHash(const StoredUrl &url, size_t seed = 0);
QDebug operator<<(QDebug debug, const StoredUrl &url);

Q_DECLARE_METATYPE(StoredUrl)
