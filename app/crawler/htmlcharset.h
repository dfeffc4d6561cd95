#pragma once

#include <QByteArray>
#include <QString>

/// The character encoding of an HTML page, looked for the way browsers look first: a byte order mark, then
/// the charset of the Content-Type header, then a <meta> charset in the first 1024 bytes; UTF-8 when none
/// says. A lower-case label such as "utf-8" or "windows-1252" (Latin-1 and ASCII labels mean windows-1252, as
/// in the WHATWG Encoding standard).
QByteArray htmlCharset(const QByteArray &body, const QString &contentType);

/// The page as UTF-8, which is what gumbo reads: decoded from its charset when that is another one Qt knows,
/// without a byte order mark; the bytes unchanged otherwise (an unknown charset is read as UTF-8).
QByteArray htmlToUtf8(const QByteArray &body, const QString &contentType);
