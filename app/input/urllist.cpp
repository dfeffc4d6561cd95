#include "urllist.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

class UrlListText
{
    Q_DECLARE_TR_FUNCTIONS(UrlList)
};

// Longest placeholder first, so "{demo}" cannot eat the start of "{demo_slow}".
QStringList placeholdersInOrder(const QHash<QString, QString> &substitutions)
{
    QStringList placeholders = substitutions.keys();
    placeholders.removeAll(QString());
    std::sort(placeholders.begin(), placeholders.end(), [](const QString &a, const QString &b) {
        return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    return placeholders;
}

bool isWebUrl(const QUrl &url)
{
    return url.isValid() && (url.scheme() == u"http" || url.scheme() == u"https") && !url.host().isEmpty();
}

// "example.com/x" parses as a relative path and "localhost:8080" as scheme "localhost"; both name a host
// the user meant to fetch, so suggest the URL they most likely meant.
bool looksSchemeless(const QUrl &url, const QString &text)
{
    if (url.scheme().isEmpty())
        return true;
    if (url.scheme() == u"http" || url.scheme() == u"https")
        return false;
    const QStringView afterColon = QStringView(text).mid(url.scheme().size() + 1);
    return !afterColon.startsWith(u"//") && !afterColon.isEmpty() && afterColon.front().isDigit();
}

// Empty when the URL is fine.
QString problemWith(const QUrl &url, const QString &text, QString *detail)
{
    if (looksSchemeless(url, text)) {
        const QString prefix = text.startsWith(u"//") ? QStringLiteral("http:") : QStringLiteral("http://");
        const QUrl guess(prefix + text, QUrl::StrictMode);
        if (isWebUrl(guess))
            return UrlListText::tr("no scheme (did you mean %1?)").arg(guess.toString());
    }
    if (!url.isValid()) {
        // QUrl goes on to repeat the whole input, which the message shows anyway.
        // Said as a person would; Qt's own words ("Invalid path (character ' ' not permitted)") stay in the
        // detail, for the tooltip.
        *detail = url.errorString().section(u"; source was "_s, 0, 0);
        if (looksSchemeless(url, text))
            return UrlListText::tr("not a URL: it needs http:// or https:// and a host");
        if (detail->startsWith(u"Invalid hostname"))
            return UrlListText::tr("not a valid URL: the host name is not valid");
        if (text.contains(u' '))
            return UrlListText::tr("not a valid URL: a URL cannot contain a space (write it as %20)");
        return UrlListText::tr("not a valid URL");
    }
    if (url.scheme().isEmpty())
        return UrlListText::tr("no scheme");
    if (url.scheme() != u"http" && url.scheme() != u"https")
        return UrlListText::tr("unsupported scheme \"%1\" (only http and https)").arg(url.scheme());
    if (url.host().isEmpty())
        return UrlListText::tr("no host");
    return {};
}

} // namespace

QString UrlError::message() const
{
    return UrlListText::tr("line %1: %2: %3").arg(line).arg(reason, text);
}

QList<QUrl> UrlList::repeated(int times) const
{
    QList<QUrl> result;
    result.reserve(qsizetype(std::max(times, 0)) * urls.size());
    for (int i = 0; i < times; ++i) {
        for (const auto &line : urls)
            result.append(line.url);
    }
    return result;
}

UrlList parseUrlList(QStringView text, const QHash<QString, QString> &substitutions)
{
    static const QRegularExpression lineBreak(QStringLiteral("\r\n|\r|\n"));
    const QStringList placeholders = placeholdersInOrder(substitutions);
    UrlList list;
    int lineNumber = 0;
    for (const auto rawLine : text.split(lineBreak)) {
        ++lineNumber;
        const QString line = rawLine.trimmed().toString();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        QString expanded = line;
        for (const auto &placeholder : placeholders)
            expanded.replace(placeholder, substitutions.value(placeholder));
        expanded = expanded.trimmed();
        const QUrl url(expanded, QUrl::StrictMode);
        QString detail;
        const QString problem = problemWith(url, expanded, &detail);
        if (problem.isEmpty())
            list.urls.append({lineNumber, url});
        else
            list.errors.append({lineNumber, line, problem, detail});
    }
    return list;
}
