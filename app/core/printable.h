#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringView>

/// Text from outside (a URL list, a header, a server's message) made safe to print: every character that is
/// not printable (ESC, other controls, invalid UTF-8, bidi overrides) is written as an escape such as \x1b
/// or \u202e, so that a crafted file cannot drive the terminal or reorder what the user reads. Beyond
/// maxChars it is cut, with an ellipsis.
QString printableText(QStringView text, qsizetype maxChars = 300);
/// The bytes read as UTF-8; bytes that are not valid UTF-8 are escaped one by one (\xe9).
QString printableText(QByteArrayView bytes, qsizetype maxChars = 300);
