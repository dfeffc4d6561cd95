#pragma once

#include "storedurl.h"

#include <QByteArray>
#include <QUrl>

/// Where a run's recorder keeps its requests' URLs: their encoded bytes packed one after another in large
/// shared blocks, where a StoredUrl of its own costs an allocation each (about 80 bytes for a 40-byte URL
/// with the array's header and malloc's rounding). A StoredUrl it hands out holds its block, so the URLs
/// stay valid after the arena is cleared or gone. A URL equal to the one stored just before it shares its
/// bytes.
class UrlArena
{
public:
    StoredUrl store(const QUrl &url);
    /// Lets go of the block being filled; what was handed out keeps its bytes.
    void clear();

private:
    QByteArray::DataPointer m_block;
    qsizetype m_used = 0;
    // The URL stored last, and what it became: a run of --repeat N stores one URL N times in a row, and
    // hands out the same bytes each time instead of encoding and packing them again.
    QUrl m_lastUrl;
    StoredUrl m_last;
};
