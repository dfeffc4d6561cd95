#include "inflater.h"

#include <QCoreApplication>

#include <zlib.h>

struct Inflater::Stream
{
    z_stream z {};
    bool ended = false;
};

Inflater::Inflater() = default;

Inflater::~Inflater()
{
    reset();
}

void Inflater::reset()
{
    if (m_stream)
        inflateEnd(&m_stream->z);
    m_stream.reset();
}

bool Inflater::begin(const QByteArray &contentEncoding)
{
    reset();
    const QByteArray encoding = contentEncoding.trimmed().toLower();
    if (encoding != "gzip" && encoding != "x-gzip" && encoding != "deflate")
        return false;
    auto stream = std::make_unique<Stream>();
    // 15 + 32: zlib detects a gzip or a zlib wrapper, which is what servers send for both names.
    if (inflateInit2(&stream->z, 15 + 32) != Z_OK)
        return false;
    m_stream = std::move(stream);
    return true;
}

QByteArray Inflater::feed(const QByteArray &chunk, QString *error, qint64 maxOut)
{
    QByteArray out;
    if (!m_stream || m_stream->ended || chunk.isEmpty())
        return out;
    z_stream &z = m_stream->z;
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(chunk.constData()));
    z.avail_in = uInt(chunk.size());
    char buffer[64 * 1024];
    while (z.avail_in > 0) {
        z.next_out = reinterpret_cast<Bytef *>(buffer);
        z.avail_out = sizeof buffer;
        const int result = inflate(&z, Z_NO_FLUSH);
        out.append(buffer, qsizetype(sizeof buffer - z.avail_out));
        if (result == Z_STREAM_END) {
            m_stream->ended = true; // bytes after the end are ignored, as browsers do
            break;
        }
        if (result != Z_OK && result != Z_BUF_ERROR) {
            *error = QCoreApplication::translate("Fetch", "corrupt compressed body: %1")
                         .arg(QString::fromLatin1(z.msg ? z.msg : "inflate failed"));
            return {};
        }
        if (result == Z_BUF_ERROR && z.avail_out != 0)
            break; // needs more input
        if (maxOut >= 0 && out.size() > maxOut)
            break;
    }
    return out;
}
