#include "printable.h"

namespace {

bool isSafe(char32_t c)
{
    if (c == U'\t')
        return false; // a tab would hide itself in a message
    const QChar::Category category = QChar::category(c);
    switch (category) {
    case QChar::Other_Control:
    case QChar::Other_Format: // bidi overrides and zero-width characters
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return false;
    default:
        return true;
    }
}

void appendEscaped(QString &out, char32_t c)
{
    if (c < 0x100)
        out += QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
    else
        out += QStringLiteral("\\u%1").arg(uint(c), 4, 16, QLatin1Char('0'));
}

void appendChecked(QString &out, char32_t c)
{
    if (c == U'\\')
        out += QLatin1String("\\\\");
    else if (isSafe(c))
        out += QString::fromUcs4(&c, 1);
    else
        appendEscaped(out, c);
}

QString cut(QString text, qsizetype maxChars)
{
    if (maxChars > 0 && text.size() > maxChars) {
        text.truncate(maxChars);
        text += QChar(0x2026);
    }
    return text;
}

} // namespace

QString printableText(QStringView text, qsizetype maxChars)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (maxChars > 0 && out.size() > maxChars)
            break;
        const QChar ch = text[i];
        if (ch.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            appendChecked(out, QChar::surrogateToUcs4(ch, text[i + 1]));
            ++i;
        } else {
            appendChecked(out, ch.unicode());
        }
    }
    return cut(std::move(out), maxChars);
}

QString printableText(QByteArrayView bytes, qsizetype maxChars)
{
    QString out;
    qsizetype i = 0;
    while (i < bytes.size() && (maxChars <= 0 || out.size() <= maxChars)) {
        const auto byte = uchar(bytes[i]);
        // The length of the UTF-8 sequence this byte starts, checked in full before it is decoded.
        int length = byte < 0x80  ? 1
            : (byte >> 5) == 0x6  ? 2
            : (byte >> 4) == 0xe  ? 3
            : (byte >> 3) == 0x1e ? 4
                                  : 0;
        if (length > 1 && i + length <= bytes.size()) {
            for (int k = 1; k < length; ++k) {
                if ((uchar(bytes[i + k]) & 0xc0) != 0x80)
                    length = 0;
            }
        } else if (length > 1) {
            length = 0;
        }
        if (length == 0) {
            appendEscaped(out, byte);
            ++i;
            continue;
        }
        const QString decoded = QString::fromUtf8(bytes.data() + i, length);
        const bool pair = decoded.size() == 2 && decoded[0].isHighSurrogate() && decoded[1].isLowSurrogate();
        const char32_t c
            = pair ? QChar::surrogateToUcs4(decoded[0], decoded[1]) : char32_t(decoded.at(0).unicode());
        if (c == QChar::ReplacementCharacter || (decoded.size() == 2 && !pair)) {
            // Overlong or otherwise invalid: each byte as it is.
            for (int k = 0; k < length; ++k)
                appendEscaped(out, uchar(bytes[i + k]));
        } else {
            appendChecked(out, c);
        }
        i += length;
    }
    return cut(std::move(out), maxChars);
}
