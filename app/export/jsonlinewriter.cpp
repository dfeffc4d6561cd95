#include "jsonlinewriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QString>

#include <algorithm>

void JsonLineWriter::begin()
{
    m_out += '{';
    m_first = true;
}

void JsonLineWriter::end()
{
    m_out += "}\n";
}

char *JsonLineWriter::addKey(QByteArrayView key, qsizetype extra)
{
    // One resize per value instead of an append per piece: a record's line has about thirty of them.
    const qsizetype comma = m_first ? 0 : 1;
    m_first = false;
    const qsizetype at = m_out.size();
    m_out.resize(at + comma + key.size() + 3 + extra);
    char *p = m_out.data() + at;
    if (comma)
        *p++ = ',';
    *p++ = '"';
    p = std::copy(key.cbegin(), key.cend(), p);
    *p++ = '"';
    *p++ = ':';
    return p;
}

void JsonLineWriter::addInteger(QByteArrayView key, qint64 value)
{
    // Into the line itself: QByteArray::number would allocate a byte array per number.
    char digits[24];
    char *end = digits + sizeof digits;
    char *p = end;
    quint64 magnitude = value < 0 ? 0 - quint64(value) : quint64(value);
    do {
        *--p = char('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude != 0);
    if (value < 0)
        *--p = '-';
    std::copy(p, end, addKey(key, end - p));
}

void JsonLineWriter::addBool(QByteArrayView key, bool value)
{
    const QByteArrayView text = value ? QByteArrayView("true") : QByteArrayView("false");
    std::copy(text.cbegin(), text.cend(), addKey(key, text.size()));
}

void JsonLineWriter::addNull(QByteArrayView key)
{
    const QByteArrayView null("null");
    std::copy(null.cbegin(), null.cend(), addKey(key, null.size()));
}

void JsonLineWriter::addString(QByteArrayView key, QStringView value)
{
    addKey(key);
    appendString(m_out, value);
}

void JsonLineWriter::addPlainString(QByteArrayView key, QByteArrayView value)
{
    char *p = addKey(key, value.size() + 2);
    *p++ = '"';
    p = std::copy(value.cbegin(), value.cend(), p);
    *p = '"';
}

void JsonLineWriter::appendString(QByteArray &out, QStringView value)
{
    const bool plain = std::all_of(value.cbegin(), value.cend(), [](QChar c) {
        const char16_t u = c.unicode();
        return u >= 0x20 && u < 0x7f && u != u'"' && u != u'\\';
    });
    if (!plain) {
        // Escapes, control characters and UTF-8 exactly as Qt writes them: `["…"]` less its brackets.
        const QByteArray array = QJsonDocument(QJsonArray {value.toString()}).toJson(QJsonDocument::Compact);
        out += QByteArrayView(array).sliced(1, array.size() - 2);
        return;
    }
    const qsizetype start = out.size();
    out.resize(start + value.size() + 2);
    char *p = out.data() + start;
    *p++ = '"';
    for (const QChar c : value)
        *p++ = char(c.unicode());
    *p = '"';
}
