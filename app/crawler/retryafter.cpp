#include "retryafter.h"

#include <QLocale>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <limits>

namespace {

// RFC 850's "Sunday, 06-Nov-94 08:49:37 GMT". Its two-digit year is read as RFC 9110 5.6.7 says: the one
// in the century that puts the date no more than 50 years after now. (QLocale's "yy" always means 19yy.)
std::optional<QDateTime> parseRfc850(const QString &text, const QDateTime &nowUtc)
{
    static const QRegularExpression pattern(
        QStringLiteral("^([A-Za-z]+), (\\d{2})-([A-Za-z]{3})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2}) GMT$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const QLocale c = QLocale::c();
    int month = 0;
    for (int m = 1; m <= 12; ++m) {
        if (c.monthName(m, QLocale::ShortFormat) == match.captured(3))
            month = m;
    }
    int weekday = 0;
    for (int d = 1; d <= 7; ++d) {
        if (c.dayName(d, QLocale::LongFormat) == match.captured(1))
            weekday = d;
    }
    if (month == 0 || weekday == 0)
        return std::nullopt;
    const int twoDigits = match.captured(4).toInt();
    const int latest = nowUtc.date().year() + 50;
    int year = nowUtc.date().year() / 100 * 100 + twoDigits;
    if (year > latest)
        year -= 100;
    else if (year + 100 <= latest)
        year += 100;
    const QDate date(year, month, match.captured(2).toInt());
    const QTime time(match.captured(5).toInt(), match.captured(6).toInt(), match.captured(7).toInt());
    if (!date.isValid() || !time.isValid() || date.dayOfWeek() != weekday)
        return std::nullopt;
    return QDateTime(date, time, Qt::UTC);
}

std::optional<QDateTime> parseHttpDate(const QString &text, const QDateTime &nowUtc)
{
    // RFC 9110 5.6.7: senders use IMF-fixdate, recipients also accept the two obsolete forms. Month and day
    // names are English whatever the locale; QLocale checks the weekday against the date.
    const QLocale c = QLocale::c();
    const QString simplified = text.simplified(); // asctime pads single-digit days with a space
    static const QStringList formats {
        QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"), // IMF-fixdate
        QStringLiteral("ddd MMM d HH:mm:ss yyyy"), // asctime
    };
    for (const QString &format : formats) {
        QDateTime parsed = c.toDateTime(simplified, format);
        if (parsed.isValid()) {
            parsed.setTimeSpec(Qt::UTC);
            return parsed;
        }
    }
    return parseRfc850(simplified, nowUtc);
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
    const auto date = parseHttpDate(QString::fromLatin1(trimmed), nowUtc);
    if (!date)
        return std::nullopt;
    return std::max<qint64>(0, nowUtc.msecsTo(*date));
}
