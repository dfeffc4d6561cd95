#include "htmlcharset.h"

#include <QStringDecoder>

#include <algorithm>

namespace {

constexpr qsizetype PrescanBytes = 1024;

QByteArray canonicalLabel(QByteArray label)
{
    label = label.trimmed().toLower();
    // Pages labelled Latin-1 or ASCII are windows-1252 in practice; browsers have decoded them so for
    // decades.
    static const QByteArray latin[]
        = {"ascii", "us-ascii", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1",
           "l1",    "cp1252",   "x-cp1252",   "cp819",     "iso-ir-100", "ibm819"};
    if (std::find(std::begin(latin), std::end(latin), label) != std::end(latin))
        return QByteArrayLiteral("windows-1252");
    if (label == "utf8" || label == "unicode-1-1-utf-8")
        return QByteArrayLiteral("utf-8");
    return label;
}

// The value after "charset=" in a header or attribute value, quotes and all stripped; empty when absent.
QByteArray charsetParameter(QByteArrayView value)
{
    const QByteArray lower = value.toByteArray().toLower();
    const qsizetype at = lower.indexOf("charset");
    if (at < 0)
        return {};
    qsizetype pos = at + 7;
    while (pos < lower.size() && (lower.at(pos) == ' ' || lower.at(pos) == '\t'))
        ++pos;
    if (pos >= lower.size() || lower.at(pos) != '=')
        return {};
    ++pos;
    while (pos < lower.size() && (lower.at(pos) == ' ' || lower.at(pos) == '\t'))
        ++pos;
    char quote = 0;
    if (pos < lower.size() && (lower.at(pos) == '"' || lower.at(pos) == '\''))
        quote = lower.at(pos++);
    qsizetype end = pos;
    while (end < lower.size()) {
        const char c = lower.at(end);
        if (quote ? c == quote : (c == ';' || c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '>'))
            break;
        ++end;
    }
    return lower.mid(pos, end - pos);
}

// A simplified form of the HTML prescan: the charset named inside the first <meta ...> tag that names one.
QByteArray metaCharset(const QByteArray &body)
{
    const QByteArray head = body.left(PrescanBytes).toLower();
    qsizetype pos = 0;
    while ((pos = head.indexOf("<meta", pos)) >= 0) {
        const qsizetype end = head.indexOf('>', pos);
        const QByteArray tag = head.mid(pos, end < 0 ? -1 : end - pos + 1);
        if (QByteArray charset = charsetParameter(tag); !charset.isEmpty())
            return charset;
        if (end < 0)
            break;
        pos = end;
    }
    return {};
}

bool isAscii(const QByteArray &bytes)
{
    return std::all_of(bytes.cbegin(), bytes.cend(), [](char c) { return (uchar(c) & 0x80) == 0; });
}

} // namespace

QByteArray htmlCharset(const QByteArray &body, const QString &contentType)
{
    if (body.startsWith("\xEF\xBB\xBF"))
        return QByteArrayLiteral("utf-8");
    if (body.startsWith("\xFF\xFE"))
        return QByteArrayLiteral("utf-16le");
    if (body.startsWith("\xFE\xFF"))
        return QByteArrayLiteral("utf-16be");
    if (QByteArray label = charsetParameter(contentType.toLatin1()); !label.isEmpty())
        return canonicalLabel(label);
    if (QByteArray label = canonicalLabel(metaCharset(body)); !label.isEmpty()) {
        // A page that could be read far enough to find the tag is not UTF-16, whatever the tag says.
        return label.startsWith("utf-16") ? QByteArrayLiteral("utf-8") : label;
    }
    return QByteArrayLiteral("utf-8");
}

QByteArray htmlToUtf8(const QByteArray &body, const QString &contentType)
{
    const QByteArray charset = htmlCharset(body, contentType);
    if (charset == "utf-8")
        return body.startsWith("\xEF\xBB\xBF") ? body.mid(3) : body;
    // Most pages are ASCII, which every charset but UTF-16 and UTF-32 spells the same as UTF-8.
    if (!charset.startsWith("utf-16") && !charset.startsWith("utf-32") && isAscii(body))
        return body;
    QStringDecoder decoder(charset.constData());
    if (!decoder.isValid())
        return body;
    const QString text = decoder.decode(body);
    return text.toUtf8();
}
