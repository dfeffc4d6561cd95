#include "crawler/robotsrules.h"

#include <cstddef>
#include <cstdint>

// Any robots.txt parses, and asking about any path answers.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    const RobotsRules rules = RobotsRules::parse(body, "Crawlscope/0.1.0");
    // Paths taken from the input itself reach the wildcard matcher with what it was given.
    static const QUrl base(QStringLiteral("http://example.test/"));
    for (const QByteArray &line : body.left(4096).split('\n')) {
        const QByteArray path = line.mid(line.indexOf(':') + 1).trimmed();
        (void)rules.isAllowed(base.resolved(QUrl::fromEncoded(path)));
    }
    (void)rules.isAllowed(base);
    if (const auto delay = rules.crawlDelayMs(); delay && *delay < 0)
        __builtin_trap();
    return 0;
}
