#include "retryafter.h"

#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <limits>

namespace {

std::optional<QDateTime> parseHttpDate(const QString &text)
{
    // RFC 9110 5.6.7: senders use IMF-fixdate, recipients also accept the two obsolete forms. Month and day
    // names are English whatever the locale.
    const QLocale c = QLocale::c();
    const QString simplified = text.simplified(); // asctime pads single-digit days with a space
    static const QStringList formats {
        QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"), // IMF-fixdate
        QStringLiteral("dddd, dd-MMM-yy HH:mm:ss 'GMT'"), // RFC 850
        QStringLiteral("ddd MMM d HH:mm:ss yyyy"), // asctime
    };
    for (const QString &format : formats) {
        QDateTime parsed = c.toDateTime(simplified, format);
        if (!parsed.isValid())
            continue;
        // RFC 9110: a two-digit year more than 50 years in the future means the past century. QLocale reads
        // "yy" as 19xx, which is right for any date a server sends today.
        parsed.setTimeSpec(Qt::UTC);
        return parsed;
    }
    return std::nullopt;
}

} // namespace

std::optional<qint64> retryAfterMs(const QByteArray &value, const QDateTime &nowUtc)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    if (std::all_of(trimmed.cbegin(), trimmed.cend(), [](char c) { return c >= '0' && c <= '9'; })) {
        bool ok = false;
        const qulonglong seconds = trimmed.toULongLong(&ok);
        constexpr qulonglong MaxSeconds = std::numeric_limits<qint64>::max() / 1000;
        return ok ? qint64(std::min(seconds, MaxSeconds)) * 1000 : std::numeric_limits<qint64>::max();
    }
    const auto date = parseHttpDate(QString::fromLatin1(trimmed));
    if (!date)
        return std::nullopt;
    return std::max<qint64>(0, nowUtc.msecsTo(*date));
}
