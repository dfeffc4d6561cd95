#include "crawler/linkextractor.h"

#include <cstddef>
#include <cstdint>

// Whatever the page, every link is an absolute http(s) URL, as the crawler's frontier assumes.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const bool honourNofollow = data[0] & 1;
    const QByteArray html(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    static const QUrl page(QStringLiteral("http://example.test/dir/page.html?q=1"));
    for (const ExtractedLink &link : extractLinks(html, page, honourNofollow)) {
        const QString scheme = link.url.scheme();
        if (!link.url.isValid() || link.url.isRelative()
            || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
            __builtin_trap();
        if (honourNofollow && link.nofollow)
            __builtin_trap();
    }
    return 0;
}
