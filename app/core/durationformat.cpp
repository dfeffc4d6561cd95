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
    const double s = double(ns) / 1e9;
    return QCoreApplication::translate("DurationFormat", "%1 s")
        .arg(QLocale().toString(s, 'f', s < 10 ? 2 : 1));
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
