#include "urlarena.h"

namespace {

// 64 KiB holds about 1 400 URLs of a usual length; a run wastes at most the end of one. Longer URLs than an
// eighth of it are stored on their own.
constexpr qsizetype BlockBytes = 64 * 1024;
constexpr qsizetype LongestPacked = BlockBytes / 8;

} // namespace

StoredUrl UrlArena::store(const QUrl &url)
{
    if (!url.isValid())
        return StoredUrl(url);
    if (!m_last.isEmpty() && url == m_lastUrl)
        return m_last;
    const QByteArray encoded = url.toEncoded(QUrl::FullyEncoded);
    const qsizetype size = encoded.size();
    if (size == 0 || size >= LongestPacked)
        return StoredUrl(url);
    const qsizetype bytes = StoredUrl::entryBytes(size);
    if (!m_block.d_ptr() || m_used + bytes > BlockBytes) {
        m_block = StoredUrl::newBlock(BlockBytes);
        m_used = StoredUrl::BlockHeaderBytes;
    }
    StoredUrl stored = StoredUrl::place(m_block, m_used, encoded, url);
    m_used += bytes;
    m_lastUrl = url;
    m_last = stored;
    return stored;
}

void UrlArena::clear()
{
    m_block = {};
    m_used = 0;
    m_lastUrl.clear();
    m_last.clear();
}
