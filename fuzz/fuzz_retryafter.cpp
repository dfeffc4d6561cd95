#include "crawler/retryafter.h"

#include <cstddef>
#include <cstdint>

// Any header value gives a wait that is never negative, or none.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray value(reinterpret_cast<const char *>(data), qsizetype(size));
    static const QDateTime now = QDateTime::fromString(QStringLiteral("2024-05-01T12:00:00Z"), Qt::ISODate);
    if (const auto ms = retryAfterMs(value, now); ms && *ms < 0)
        __builtin_trap();
    return 0;
}
