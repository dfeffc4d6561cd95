#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

/// One response of the demo server before it goes on the wire. The body is either held in full or, for
/// /bytes, generated chunk by chunk while it is written, so that a 2 GiB body never sits in memory.
struct DemoResponse
{
    static constexpr qint64 ChunkBytes = 64 * 1024;

    int status = 200;
    QByteArray contentType;
    QList<std::pair<QByteArray, QByteArray>> headers; // beyond the ones every response carries
    QByteArray body;
    qint64 patternBytes = 0; // length of a generated body; body stays empty then
    int delayMs = 0; // nothing is sent before this has passed

    qint64 contentLength() const { return body.size() + patternBytes; }
    QByteArray head(bool close) const;

    static DemoResponse html(int status, const QString &title, const QString &content);
    static DemoResponse error(int status, const QString &message);
    /// Empty for a code without a registered phrase.
    static QByteArray reasonPhrase(int status);
    /// The code and its phrase, such as "503 Service Unavailable".
    static QString statusText(int status);
    /// Bytes [offset, offset + size) of the /bytes body, where byte i is i % 251; size <= ChunkBytes.
    static QByteArray pattern(qint64 offset, qint64 size);
};
