#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

/// Decompresses a gzip or deflate body as it arrives, so that a fetch sees every decompressed byte and can
/// stop a compression bomb itself, saying what happened. Qt 6.4's own decompression stalled on a 200 MB bomb
/// until the idle timeout, without a word.
class Inflater
{
public:
    Inflater();
    ~Inflater();
    Inflater(const Inflater &) = delete;
    Inflater &operator=(const Inflater &) = delete;

    /// Starts over for a Content-Encoding; false (and nothing to inflate) for one it does not decode.
    bool begin(const QByteArray &contentEncoding);
    bool isActive() const { return bool(m_stream); }
    /// The decompressed bytes of chunk; empty with *error set when the data is corrupt. Inflating stops once
    /// the output passes maxOut bytes (the rest of chunk is dropped; the caller gives up on the body), so a
    /// bomb's one small chunk costs the caller's bound, not the hundreds of megabytes it would inflate to.
    QByteArray feed(const QByteArray &chunk, QString *error, qint64 maxOut = -1);
    void reset();

private:
    struct Stream;
    std::unique_ptr<Stream> m_stream;
};
