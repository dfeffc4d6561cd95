#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QStringView>

/// Writes flat JSON objects, one a line, straight into a byte array, as QJsonDocument's compact form writes
/// them. The journal writes a line per request phase it keeps, thousands a second on the GUI thread, and a
/// QJsonObject costs a CBOR container, a key lookup and a sorted insert per field before any text exists.
/// Plain ASCII text is copied as it is; any text that needs escaping is written by Qt's own JSON writer.
class JsonLineWriter
{
public:
    explicit JsonLineWriter(QByteArray &out)
        : m_out(out)
    { }

    void begin();
    /// Closes the object and the line.
    void end();

    /// `key` is written as it is: plain ASCII without quotes or backslashes.
    void addInteger(QByteArrayView key, qint64 value);
    void addBool(QByteArrayView key, bool value);
    void addNull(QByteArrayView key);
    void addString(QByteArrayView key, QStringView value);
    /// `value` is written as it is, quoted: plain ASCII without quotes or backslashes, like a key.
    void addPlainString(QByteArrayView key, QByteArrayView value);

    /// Appends `value` as a JSON string, quotes included.
    static void appendString(QByteArray &out, QStringView value);

private:
    /// Appends the key (and the comma before it) and `extra` bytes of room; returns where the room starts.
    char *addKey(QByteArrayView key, qsizetype extra = 0);

    QByteArray &m_out;
    bool m_first = true;
};
