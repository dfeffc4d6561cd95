#pragma once

#include <QString>
#include <QtGlobal>

/// The one home of how durations and moments read, for people and for tables, so that the timeline, the
/// tables, the status bar and the CLI say the same thing the same way.
namespace DurationFormat {

/// For people, with the unit that fits: "0.9 ms", "850 ms", "5.01 s", "12.3 s", "2 min 5 s", "27 h 47 min";
/// "—" for a negative (unknown) duration.
QString text(qint64 ns);
/// Milliseconds with a unit and two decimals below 10 ms: tooltips' phase tables.
QString milliseconds(qint64 ns);
/// A table cell: milliseconds with one decimal and no unit, empty for -1 (did not happen).
QString cell(qint64 ns);
/// Seconds with a fixed number of decimals, as the CLI's table prints them: "5.010 s".
QString seconds(qint64 ns, int decimals = 3);

} // namespace DurationFormat
