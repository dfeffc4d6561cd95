#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringView>
#include <QUrl>

/// A URL accepted from the input, with the 1-based line it came from.
struct UrlLine
{
    int line = 0;
    QUrl url;

    friend bool operator==(const UrlLine &, const UrlLine &) = default;
};

/// A line that is not an http(s) URL, with why, so the user can find and fix it.
struct UrlError
{
    int line = 0;
    QString text; // the trimmed line as the user wrote it, before substitution
    QString reason;
    QString detail; // the parser's own explanation, for a tooltip; may be empty

    QString message() const; // "line 3: <reason>: <text>"

    friend bool operator==(const UrlError &, const UrlError &) = default;
};

/// The URLs of a pasted text or a file, one per line. Blank lines and lines starting with '#' are skipped.
struct UrlList
{
    QList<UrlLine> urls;
    QList<UrlError> errors;

    /// The whole list `times` times over, like Python's urls * times.
    QList<QUrl> repeated(int times) const;
};

/// Placeholders such as "{demo}" are replaced in each line before it is parsed, so error line numbers and
/// texts stay the user's.
UrlList parseUrlList(QStringView text, const QHash<QString, QString> &substitutions = {});
