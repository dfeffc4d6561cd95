#include "export/jsonformat.h"
#include "importcheck.h"

#include <cstddef>
#include <cstdint>

// Our run file is lossless: whatever it accepts, it writes back and reads again as the same runs.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto runs = runsFromJson(bytes, &error);
    if (runs) {
        const auto again = runsFromJson(toJson(*runs), &error);
        if (!again || *again != *runs)
            __builtin_trap();
    } else if (error.isEmpty()) {
        __builtin_trap(); // a refusal always says why
    }
    checkImported(runs);
    return 0;
}
