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

void JsonLineWriter::addKey(QByteArrayView key)
{
    if (!m_first)
        m_out += ',';
    m_first = false;
    m_out += '"';
    m_out += key;
    m_out += "\":";
}

void JsonLineWriter::addInteger(QByteArrayView key, qint64 value)
{
    addKey(key);
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
    m_out.append(p, end - p);
}

void JsonLineWriter::addBool(QByteArrayView key, bool value)
{
    addKey(key);
    m_out += value ? QByteArrayView("true") : QByteArrayView("false");
}

void JsonLineWriter::addNull(QByteArrayView key)
{
    addKey(key);
    m_out += "null";
}

void JsonLineWriter::addString(QByteArrayView key, QStringView value)
{
    addKey(key);
    appendString(m_out, value);
}

void JsonLineWriter::addPlainString(QByteArrayView key, QByteArrayView value)
{
    addKey(key);
    m_out += '"';
    m_out += value;
    m_out += '"';
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
