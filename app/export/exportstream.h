#pragma once

#include <QByteArray>
#include <QByteArrayView>

class QIODevice;

/// The bytes of an export on their way to its file, through one buffer of fixed size: a writer appends a
/// record's text at a time, and the buffer goes to the device whenever it is full. So an export of a million
/// records holds one record's text and this buffer, never the file. highWater() is what a test holds it to.
class ExportStream
{
public:
    static constexpr qsizetype BufferBytes = 64 * 1024;

    explicit ExportStream(QIODevice &out);

    /// False once a write to the device failed; everything after is dropped.
    bool write(QByteArrayView bytes);
    /// Writes out what the buffer holds; false when a write failed, now or before.
    bool flush();
    bool ok() const { return m_ok; }
    /// The most bytes the buffer ever held at once.
    qsizetype highWater() const { return m_highWater; }

private:
    QIODevice &m_out;
    QByteArray m_buffer;
    qsizetype m_highWater = 0;
    bool m_ok = true;
};
