#include "storedurl.h"

#include <QDebug>
#include <QHashFunctions>

#include <array>

namespace {

/// The URLs this thread parsed or stored last, by the address of their bytes: a request's URL is read when it
/// is queued, issued, sent and finished, and a table repaints the same rows, so most reads find their parse
/// here. An entry holds a reference to its bytes, so the address cannot be reused by other bytes while it is
/// here. 256 entries: more than the requests a run keeps in flight, about 100 KB a thread.
class ParsedUrls
{
public:
    static ParsedUrls &ofThisThread()
    {
        thread_local ParsedUrls parsed;
        return parsed;
    }

    QUrl parse(const QByteArray &encoded)
    {
        Entry &entry = entryOf(encoded);
        if (entry.bytes.constData() != encoded.constData() || entry.bytes.size() != encoded.size()) {
            entry.bytes = encoded;
            entry.url = QUrl::fromEncoded(encoded);
        }
        return entry.url;
    }

    void keep(const QByteArray &encoded, const QUrl &url)
    {
        Entry &entry = entryOf(encoded);
        entry.bytes = encoded;
        entry.url = url;
    }

private:
    struct Entry
    {
        QByteArray bytes;
        QUrl url;
    };

    Entry &entryOf(const QByteArray &encoded)
    {
        const auto address = quintptr(encoded.constData());
        return m_entries[(address >> 4) % m_entries.size()];
    }

    std::array<Entry, 256> m_entries;
};

} // namespace

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
        // The URL is read again soon after it is stored (queued, then issued): no need to parse it back.
        ParsedUrls::ofThisThread().keep(m_encoded, url);
        m_url = QUrl();
    } else {
        m_encoded.clear();
        m_url = url;
    }
    return *this;
}

StoredUrl StoredUrl::fromEncoded(const QByteArray &encoded, const QUrl &url)
{
    StoredUrl stored;
    stored.m_encoded = encoded;
    ParsedUrls::ofThisThread().keep(stored.m_encoded, url);
    return stored;
}

QUrl StoredUrl::toUrl() const
{
    if (m_encoded.isEmpty())
        return m_url;
    return ParsedUrls::ofThisThread().parse(m_encoded);
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
    // The tables show the rows they paint: without a percent escape, a user part or an IDN label the bytes
    // are already what QUrl would display, so the common URL is shown without parsing it back.
    if (options == QUrl::PrettyDecoded && !m_encoded.isEmpty() && !m_encoded.contains('%')
        && !m_encoded.contains('@') && !m_encoded.contains("xn--"))
        return QString::fromLatin1(m_encoded);
    return toUrl().toDisplayString(options);
}

size_t qHash(const StoredUrl &url, size_t seed)
{
    return url.encoded().isEmpty() ? qHash(url.toUrl(), seed) : qHash(url.encoded(), seed);
}

QDebug operator<<(QDebug debug, const StoredUrl &url)
{
    debug << url.toUrl();
    return debug;
}
