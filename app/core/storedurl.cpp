#include "storedurl.h"

#include <QDebug>
#include <QHashFunctions>

#include <array>
#include <cstring>

// An entry in a block: the distance back to the block's start in EntryAlignment units (a block is at most
// 64 KiB of entries, or one entry of its own), the size (Long past 16 bits: then the bytes end at their
// terminating zero, which a fully encoded URL never holds before its end), the bytes, and a zero, so that
// encoded() can share them as a QByteArray. The block starts with the address of its QArrayData, which holds
// the refcount every StoredUrl in it shares.
namespace {

constexpr quint16 Long = 0xFFFF;

struct EntryHeader
{
    quint16 units;
    quint16 size;
};
static_assert(sizeof(EntryHeader) == 4);

EntryHeader headerOf(const char *entry)
{
    EntryHeader header;
    std::memcpy(&header, entry, sizeof header);
    return header;
}

QArrayData *blockOf(const char *entry)
{
    const char *start = entry - qsizetype(headerOf(entry).units) * 4;
    void *block = nullptr; // written by newBlock
    std::memcpy(&block, start, sizeof block);
    return static_cast<QArrayData *>(block);
}

QByteArrayView bytesOf(const char *entry)
{
    const char *bytes = entry + sizeof(EntryHeader);
    const quint16 size = headerOf(entry).size;
    if (size != Long)
        return {bytes, size};
    return {bytes, Long + qsizetype(std::strlen(bytes + Long))};
}

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

    QUrl parse(const StoredUrl &stored)
    {
        const QByteArrayView bytes = stored.encodedView();
        Entry &entry = entryOf(bytes);
        if (entry.stored.encodedView().data() != bytes.data()) {
            entry.stored = stored;
            entry.url = QUrl::fromEncoded(bytes.toByteArray());
        }
        return entry.url;
    }

    void keep(const StoredUrl &stored, const QUrl &url)
    {
        Entry &entry = entryOf(stored.encodedView());
        entry.stored = stored;
        entry.url = url;
    }

private:
    struct Entry
    {
        StoredUrl stored;
        QUrl url;
    };

    Entry &entryOf(QByteArrayView bytes)
    {
        const auto address = quintptr(bytes.data());
        return m_entries[(address >> 4) % m_entries.size()];
    }

    std::array<Entry, 256> m_entries;
};

} // namespace

struct StoredUrl::Whole
{
    QAtomicInt ref = 1;
    QUrl url;
};

StoredUrl::StoredUrl(const QUrl &url)
{
    *this = url;
}

StoredUrl::StoredUrl(const StoredUrl &other) noexcept
    : m_bits(other.m_bits)
{
    retain();
}

StoredUrl &StoredUrl::operator=(const StoredUrl &other) noexcept
{
    const quintptr bits = other.m_bits; // read first: release() clears this, which may be other
    other.retain();
    release();
    m_bits = bits;
    return *this;
}

StoredUrl &StoredUrl::operator=(const QUrl &url)
{
    const QByteArray encoded = url.isValid() ? url.toEncoded(QUrl::FullyEncoded) : QByteArray();
    if (!encoded.isEmpty()) {
        QByteArray::DataPointer block = newBlock(BlockHeaderBytes + entryBytes(encoded.size()));
        *this = place(block, BlockHeaderBytes, encoded, url);
    } else if (url.isEmpty()) {
        clear();
    } else {
        // Invalid: it encodes to nothing, so it is kept whole; files and traced programs can bring them.
        auto *whole = new Whole;
        whole->url = url;
        release();
        m_bits = quintptr(whole) | 1;
    }
    return *this;
}

QByteArray::DataPointer StoredUrl::newBlock(qsizetype bytes)
{
    QByteArray buffer(bytes, Qt::Uninitialized);
    QByteArray::DataPointer block = std::move(buffer.data_ptr());
    void *header = block.d_ptr();
    std::memcpy(block.ptr, &header, sizeof header);
    return block;
}

StoredUrl StoredUrl::place(const QByteArray::DataPointer &block, qsizetype offset, QByteArrayView encoded,
                           const QUrl &url)
{
    Q_ASSERT(offset % EntryAlignment == 0 && offset / EntryAlignment < Long);
    // Written only here, past every URL handed out so far: the block is shared with them, so it is never
    // written through a QByteArray, which would copy it.
    char *entry = block.ptr + offset;
    const EntryHeader header {quint16(offset / EntryAlignment),
                              quint16(encoded.size() < Long ? encoded.size() : Long)};
    std::memcpy(entry, &header, sizeof header);
    std::memcpy(entry + sizeof header, encoded.data(), std::size_t(encoded.size()));
    entry[sizeof header + encoded.size()] = '\0';
    StoredUrl stored;
    stored.m_bits = quintptr(entry);
    stored.retain();
    // The URL is read again soon after it is stored (queued, then issued): no need to parse it back.
    ParsedUrls::ofThisThread().keep(stored, url);
    return stored;
}

const StoredUrl::Whole *StoredUrl::whole() const
{
    // A tagged pointer: the integer is the pointer by design.
    return (m_bits & 1)
        ? reinterpret_cast<const Whole *>(m_bits & ~quintptr(1)) // NOLINT(performance-no-int-to-ptr)
        : nullptr;
}

const char *StoredUrl::entry() const
{
    return (m_bits != 0 && !(m_bits & 1))
        ? reinterpret_cast<const char *>(m_bits) // NOLINT(performance-no-int-to-ptr)
        : nullptr;
}

void StoredUrl::retain() const noexcept
{
    if (const Whole *w = whole())
        const_cast<Whole *>(w)->ref.ref();
    else if (const char *e = entry())
        blockOf(e)->ref();
}

void StoredUrl::release() noexcept
{
    if (const Whole *w = whole()) {
        if (!const_cast<Whole *>(w)->ref.deref())
            delete w;
    } else if (const char *e = entry()) {
        // Adopts this reference: the pointer lets the block go with the last one.
        QByteArray::DataPointer(static_cast<QTypedArrayData<char> *>(blockOf(e)), nullptr, 0);
    }
    m_bits = 0;
}

bool StoredUrl::isValid() const
{
    if (const Whole *w = whole())
        return w->url.isValid();
    return m_bits != 0;
}

QByteArrayView StoredUrl::encodedView() const
{
    const char *e = entry();
    return e ? bytesOf(e) : QByteArrayView();
}

QByteArray StoredUrl::encoded() const
{
    const char *e = entry();
    if (!e)
        return {};
    const QByteArrayView bytes = bytesOf(e);
    auto *block = static_cast<QTypedArrayData<char> *>(blockOf(e));
    block->ref();
    return QByteArray(QByteArray::DataPointer(block, const_cast<char *>(bytes.data()), bytes.size()));
}

bool StoredUrl::equals(const StoredUrl &other) const
{
    if (m_bits == other.m_bits)
        return true;
    const Whole *a = whole();
    const Whole *b = other.whole();
    if (a || b)
        return a && b && a->url == b->url;
    return encodedView() == other.encodedView();
}

QUrl StoredUrl::toUrl() const
{
    if (const Whole *w = whole())
        return w->url;
    if (m_bits == 0)
        return {};
    return ParsedUrls::ofThisThread().parse(*this);
}

QByteArray StoredUrl::toEncoded(QUrl::FormattingOptions options) const
{
    if (options == QUrl::FullyEncoded && entry())
        return encoded();
    return toUrl().toEncoded(options);
}

QString StoredUrl::toString(QUrl::FormattingOptions options) const
{
    // The fully encoded form is ASCII and is what is kept: no parse for the exporters.
    if (options == QUrl::FullyEncoded && entry())
        return QString::fromLatin1(encodedView());
    return toUrl().toString(options);
}

QString StoredUrl::toDisplayString(QUrl::FormattingOptions options) const
{
    // The tables show the rows they paint: without a percent escape, a user part or an IDN label the bytes
    // are already what QUrl would display, so the common URL is shown without parsing it back.
    const QByteArrayView bytes = encodedView();
    if (options == QUrl::PrettyDecoded && !bytes.isEmpty() && !bytes.contains('%') && !bytes.contains('@')
        && !bytes.contains("xn--"))
        return QString::fromLatin1(bytes);
    return toUrl().toDisplayString(options);
}

size_t qHash(const StoredUrl &url, size_t seed)
{
    const QByteArrayView bytes = url.encodedView();
    return bytes.isEmpty() ? qHash(url.toUrl(), seed) : qHash(bytes, seed);
}

QDebug operator<<(QDebug debug, const StoredUrl &url)
{
    debug << url.toUrl();
    return debug;
}
