#include "urlnormalizer.h"

#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

bool isUnreserved(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-'
        || c == u'.' || c == u'_' || c == u'~';
}

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

// Works on the fully encoded text, where every byte that is not plain ASCII is already an escape, so
// decoding an unreserved character can never change what a delimiter means.
QString normalizePercentEncoding(const QString &encoded)
{
    QString result;
    result.reserve(encoded.size());
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        const QChar c = encoded.at(i);
        if (c == u'%' && i + 2 < encoded.size() && hexValue(encoded.at(i + 1)) >= 0
            && hexValue(encoded.at(i + 2)) >= 0) {
            const auto decoded = char16_t(hexValue(encoded.at(i + 1)) * 16 + hexValue(encoded.at(i + 2)));
            if (isUnreserved(decoded))
                result += QChar(decoded);
            else
                result += u'%' + encoded.mid(i + 1, 2).toUpper();
            i += 2;
        } else {
            result += c;
        }
    }
    return result;
}

QString sortedQuery(const QString &query)
{
    QStringList pairs = query.split(u'&');
    // Stable, so that equal keys with equal values keep their order, and the key alone decides before the
    // value does ("a=2&a=1&b" -> "a=1&a=2&b").
    std::stable_sort(pairs.begin(), pairs.end(), [](const QString &a, const QString &b) {
        const QStringView keyA = QStringView(a).left(a.indexOf(u'=') < 0 ? a.size() : a.indexOf(u'='));
        const QStringView keyB = QStringView(b).left(b.indexOf(u'=') < 0 ? b.size() : b.indexOf(u'='));
        if (keyA != keyB)
            return keyA < keyB;
        return QStringView(a).mid(keyA.size()) < QStringView(b).mid(keyB.size());
    });
    return pairs.join(u'&');
}

} // namespace

QUrl normalizeUrl(const QUrl &url, bool sortQuery)
{
    if (!url.isValid() || url.isEmpty())
        return url;

    QUrl result = url.adjusted(QUrl::RemoveFragment);
    result.setScheme(result.scheme().toLower());
    // QUrl already lower-cases and nameprep-folds registered names; this covers what it leaves alone.
    result.setHost(result.host(QUrl::FullyEncoded).toLower(), QUrl::StrictMode);

    if ((result.scheme() == u"http" && result.port() == 80)
        || (result.scheme() == u"https" && result.port() == 443))
        result.setPort(-1);

    QString path = normalizePercentEncoding(result.path(QUrl::FullyEncoded));
    if (path.isEmpty() && !result.host().isEmpty())
        path = u"/"_s;
    result.setPath(path, QUrl::TolerantMode);

    if (result.hasQuery()) {
        QString query = normalizePercentEncoding(result.query(QUrl::FullyEncoded));
        if (sortQuery)
            query = sortedQuery(query);
        result.setQuery(query, QUrl::TolerantMode);
    }
    return result;
}

QString urlKey(const QUrl &url, bool sortQuery)
{
    return normalizeUrl(url, sortQuery).toString(QUrl::FullyEncoded);
}
