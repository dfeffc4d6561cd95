#pragma once

#include <QByteArray>
#include <QDateTime>

#include <optional>

/// How long a Retry-After header (RFC 9110 10.2.3) asks to wait, in milliseconds: a number of seconds, or an
/// HTTP date (IMF-fixdate, or the obsolete RFC 850 and asctime forms) compared with nowUtc. A date in the
/// past means no wait. std::nullopt when the value is neither.
std::optional<qint64> retryAfterMs(const QByteArray &value, const QDateTime &nowUtc);
