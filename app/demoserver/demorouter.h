#pragma once

#include "demoresponse.h"
#include "demosite.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

class QUrlQuery;

/// Maps one request of the demo server to its response; ENDPOINTS.md is the reference. A small value,
/// so every connection holds its own copy; the copies share the one bit of state of the demo site.
class DemoRouter
{
public:
    static constexpr int MaxDelayMs = 600000;
    static constexpr qint64 MaxBytes = qint64(2) << 30;
    static constexpr int MaxRedirects = 100;
    static constexpr int MaxRetryAfterS = 86400;

    explicit DemoRouter(quint64 seed = 1);

    /// target is the request target exactly as sent, in origin form (path and query). host is the
    /// authority the demo site writes into absolute links; 127.0.0.1 when empty.
    DemoResponse route(QByteArrayView method, const QByteArray &target, const QByteArray &host = {}) const;

    /// The delay /delay/MIN-MAX draws for a target: MIN + splitmix64(seed ^ fnv1a64(target)) % (MAX - MIN +
    /// 1). Public so that anyone can predict the work a URL stands for.
    static int jitterMs(quint64 seed, QByteArrayView target, int minMs, int maxMs);
    /// How long the server will wait before it answers this target, worked out without routing it (so the
    /// demo site's state is not touched): /delay/MS, /delay/MIN-MAX, and the ?delay=MS of /status and
    /// /bytes. Nothing for anything else (a redirect chain's total depends on the client following it).
    static std::optional<int> plannedDelayMs(const QByteArray &target, quint64 seed);

private:
    DemoResponse index() const;
    DemoResponse delay(const QByteArray &argument, const QByteArray &target, const QUrlQuery &query) const;
    DemoResponse status(const QByteArray &argument, const QUrlQuery &query) const;
    DemoResponse bytes(const QByteArray &argument, const QUrlQuery &query) const;
    DemoResponse redirect(const QByteArray &argument, const QByteArray &rawQuery,
                          const QUrlQuery &query) const;
    DemoResponse generated(const QList<QByteArray> &segments) const;

    quint64 m_seed;
    DemoSite m_site;
};
