#include "input/urllist.h"

#include <cstddef>
#include <cstdint>

// Every line ends up accepted or refused with its line number; none is lost, and no refusal quotes a raw
// control character.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const UrlList list
        = parseUrlList(text, {{QStringLiteral("{demo}"), QStringLiteral("http://127.0.0.1:8080")}});
    for (const UrlLine &line : list.urls) {
        if (line.line < 1 || !line.url.isValid())
            __builtin_trap();
    }
    for (const UrlError &error : list.errors) {
        if (error.line < 1)
            __builtin_trap();
        (void)error.message();
    }
    return 0;
}
