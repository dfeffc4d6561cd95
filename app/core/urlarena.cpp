#include "urlarena.h"

#include <cstring>

namespace {

// 64 KiB holds about 1 600 URLs of a usual length; a run wastes at most the end of one. Longer URLs than an
// eighth of it are stored on their own.
constexpr qsizetype BufferBytes = 64 * 1024;
constexpr qsizetype LongestPacked = BufferBytes / 8;

} // namespace

StoredUrl UrlArena::store(const QUrl &url)
{
    if (!url.isValid())
        return StoredUrl(url);
    const QByteArray encoded = url.toEncoded(QUrl::FullyEncoded);
    const qsizetype size = encoded.size();
    if (size == 0 || size >= LongestPacked)
        return StoredUrl(url);
    if (!m_buffer.d_ptr() || m_used + size + 1 > BufferBytes) {
        QByteArray buffer(BufferBytes, Qt::Uninitialized);
        m_buffer = std::move(buffer.data_ptr());
        m_used = 0;
    }
    // Written only here, past every URL handed out so far: the buffer is shared with them, so it must not be
    // written through a QByteArray, which would copy it.
    char *bytes = m_buffer.ptr + m_used;
    std::memcpy(bytes, encoded.constData(), std::size_t(size));
    bytes[size] = '\0'; // constData() stays a C string, as QByteArray promises
    m_used += size + 1;
    QByteArray::DataPointer part(m_buffer); // a reference to the buffer
    part.ptr = bytes;
    part.size = size;
    return StoredUrl::fromEncoded(QByteArray(std::move(part)), url);
}

void UrlArena::clear()
{
    m_buffer = {};
    m_used = 0;
}
