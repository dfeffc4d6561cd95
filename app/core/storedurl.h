#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QMetaType>
#include <QString>
#include <QUrl>

#include <utility>

class QDebug;

/// A request's URL as a record keeps it: one pointer to its fully encoded bytes, where a QUrl holds a private
/// part and a string per component (about 370 bytes for a short http URL against about 50). A run keeps a
/// million of them; code that needs the parts gets a QUrl back (toUrl, or the conversion), parsed on the
/// spot, so hot loops read what they need once rather than per paint.
///
/// The bytes sit in a shared, refcounted block (UrlArena packs many URLs into one; a URL stored on its own
/// gets a block of its own), which a copy keeps alive. Only StoredUrl and UrlArena know that layout.
class StoredUrl
{
public:
    StoredUrl() = default;
    StoredUrl(const QUrl &url); // NOLINT(google-explicit-constructor): records are filled from QUrls
    StoredUrl(const StoredUrl &other) noexcept;
    StoredUrl(StoredUrl &&other) noexcept
        : m_bits(std::exchange(other.m_bits, 0))
    { }
    StoredUrl &operator=(const StoredUrl &other) noexcept;
    StoredUrl &operator=(StoredUrl &&other) noexcept
    {
        std::swap(m_bits, other.m_bits);
        return *this;
    }
    StoredUrl &operator=(const QUrl &url);
    ~StoredUrl() { release(); }

    QUrl toUrl() const;
    operator QUrl() const { return toUrl(); } // NOLINT(google-explicit-constructor)

    bool isEmpty() const { return m_bits == 0; }
    bool isValid() const;
    /// The encoded bytes, sharing the block they are kept in; empty for an invalid URL.
    QByteArray encoded() const;
    /// The same bytes without a reference to their block: valid while this StoredUrl is.
    QByteArrayView encodedView() const;
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

    friend bool operator==(const StoredUrl &a, const StoredUrl &b) { return a.equals(b); }
    friend bool operator==(const StoredUrl &a, const QUrl &b) { return a.toUrl() == b; }

private:
    friend class UrlArena;
    struct Whole;

    // Bytes a block starts with, before its first entry: the block's own header, so an entry can find it.
    static constexpr qsizetype BlockHeaderBytes = sizeof(void *);
    static constexpr qsizetype EntryAlignment = 4;
    /// Bytes an entry of `size` URL bytes takes in a block, from one aligned offset to the next.
    static constexpr qsizetype entryBytes(qsizetype size)
    {
        return (4 + size + 1 + EntryAlignment - 1) / EntryAlignment * EntryAlignment;
    }
    static QByteArray::DataPointer newBlock(qsizetype bytes);
    /// Writes `encoded` as an entry at `offset` of `block` (aligned, with room for entryBytes) and refers to
    /// it.
    static StoredUrl place(const QByteArray::DataPointer &block, qsizetype offset, QByteArrayView encoded,
                           const QUrl &url);

    bool equals(const StoredUrl &other) const;
    void release() noexcept;
    void retain() const noexcept;
    const Whole *whole() const;
    const char *entry() const;

    // 0: empty; low bit set: a Whole (an invalid URL, kept as it came); otherwise an entry in a block.
    quintptr m_bits = 0;
};

size_t qHash(const StoredUrl &url, size_t seed = 0);
QDebug operator<<(QDebug debug, const StoredUrl &url);

Q_DECLARE_METATYPE(StoredUrl)
