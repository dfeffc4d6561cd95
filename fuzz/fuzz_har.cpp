#include "export/harformat.h"
#include "importcheck.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto runs = runsFromHar(bytes, &error);
    if (!runs && error.isEmpty())
        __builtin_trap(); // a refusal always says why
    if (runs)
        (void)toHar(*runs); // what was read can be written
    checkImported(runs);
    return 0;
}
