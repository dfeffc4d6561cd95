#include "safeterminal.h"

#include <QByteArray>
#include <QTextStream>

SafeTerminal::SafeTerminal(FILE *file)
    : m_file(file)
{
    open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

QTextStream &SafeTerminal::errors()
{
    static SafeTerminal device(stderr);
    static QTextStream stream(&device);
    return stream;
}

qint64 SafeTerminal::writeData(const char *data, qint64 size)
{
    QByteArray out;
    out.reserve(size);
    const auto escape = [&out](const char *prefix, uint value, int digits) {
        out += prefix + QByteArray::number(value, 16).rightJustified(digits, '0');
    };
    for (qint64 i = 0; i < size; ++i) {
        const auto byte = uchar(data[i]);
        if (m_pendingC2) {
            m_pendingC2 = false;
            if (byte >= 0x80 && byte <= 0x9f) // U+0080..U+009F, the C1 controls (0x9b is CSI)
                escape("\\u", byte, 4);
            else
                out += "\xc2" + QByteArray(1, char(byte));
            continue;
        }
        if (byte == 0xc2) {
            m_pendingC2 = true;
        } else if ((byte < 0x20 && byte != '\n') || byte == 0x7f) {
            escape("\\x", byte, 2);
        } else {
            out += char(byte);
        }
    }
    std::fwrite(out.constData(), 1, size_t(out.size()), m_file);
    std::fflush(m_file);
    return size;
}
