#include "durationformat.h"

#include <QCoreApplication>
#include <QLocale>

namespace DurationFormat {

QString text(qint64 ns)
{
    if (ns < 0)
        return QStringLiteral("—");
    if (ns < 1'000'000'000)
        return QCoreApplication::translate("DurationFormat", "%1 ms")
            .arg(QLocale().toString(double(ns) / 1e6, 'f', ns < 10'000'000 ? 1 : 0));
    if (ns < 59'950'000'000) { // what would round to "60.0 s" reads as a minute
        const double s = double(ns) / 1e9;
        return QCoreApplication::translate("DurationFormat", "%1 s")
            .arg(QLocale().toString(s, 'f', s < 10 ? 2 : 1));
    }
    // A long run, or the prediction for a repeat of thousands, in the units people count it in.
    constexpr qint64 Second = 1'000'000'000;
    const qint64 seconds = (ns + Second / 2) / Second;
    if (seconds < 3600)
        return QCoreApplication::translate("DurationFormat", "%1 min %2 s")
            .arg(seconds / 60)
            .arg(seconds % 60);
    const qint64 minutes = (ns + 30 * Second) / (60 * Second);
    return QCoreApplication::translate("DurationFormat", "%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

QString milliseconds(qint64 ns)
{
    const double ms = double(ns) / 1e6;
    return QCoreApplication::translate("DurationFormat", "%1 ms")
        .arg(QLocale().toString(ms, 'f', ms < 10 ? 2 : 1));
}

QString cell(qint64 ns)
{
    if (ns < 0)
        return QString();
    return QString::number(double(ns) / 1e6, 'f', 1);
}

QString seconds(qint64 ns, int decimals)
{
    return QString::number(double(ns) / 1e9, 'f', decimals) + QLatin1String(" s");
}

} // namespace DurationFormat
