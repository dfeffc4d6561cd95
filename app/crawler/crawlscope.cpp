#include "crawlscope.h"

#include <QHostAddress>

#include <algorithm>

#include <libpsl.h>

#include "crawler/urlnormalizer.h"

namespace {

// Loading the list parses a file of some 200 kB, so it happens once per process; libpsl only reads the
// context afterwards, which makes sharing it between threads safe.
class PslContext
{
public:
    PslContext()
        : m_owned(psl_latest(nullptr))
        , m_ctx(m_owned ? m_owned : psl_builtin())
    { }
    ~PslContext() { psl_free(m_owned); }
    PslContext(const PslContext &) = delete;
    PslContext &operator=(const PslContext &) = delete;

    const psl_ctx_t *get() const { return m_ctx; }

private:
    psl_ctx_t *m_owned; // psl_free() leaves the builtin list alone, whichever of the two this is
    const psl_ctx_t *m_ctx;
};

const psl_ctx_t *publicSuffixList()
{
    static const PslContext context;
    return context.get();
}

bool isWebUrl(const QUrl &url)
{
    return url.isValid() && (url.scheme() == u"http" || url.scheme() == u"https") && !url.host().isEmpty();
}

// Compared in ACE form, so that a Unicode host and its punycode spelling are one host.
QString hostKey(const QUrl &normalized)
{
    return normalized.host(QUrl::FullyEncoded);
}

} // namespace

CrawlScope::CrawlScope(const QList<QUrl> &seeds, Kind kind, const QList<QRegularExpression> &includes,
                       const QList<QRegularExpression> &excludes)
    : m_kind(kind)
    , m_includes(includes)
    , m_excludes(excludes)
{
    for (const QUrl &seed : seeds) {
        if (!isWebUrl(seed))
            continue;
        const QString host = hostKey(normalizeUrl(seed));
        m_hosts.insert(host);
        m_sites.insert(registrableDomain(host));
    }
}

QString CrawlScope::reasonOutOfScope(const QUrl &url) const
{
    if (!isWebUrl(url))
        return tr("not an http(s) URL");

    const QUrl normalized = normalizeUrl(url);
    const QString host = hostKey(normalized);
    switch (m_kind) {
    case Kind::Host:
        if (!m_hosts.contains(host))
            return tr("other host");
        break;
    case Kind::Site:
        if (!m_sites.contains(registrableDomain(host)))
            return tr("other site");
        break;
    case Kind::Any:
        break;
    }

    const QString text = normalized.toString();
    if (!m_includes.isEmpty()
        && std::none_of(m_includes.cbegin(), m_includes.cend(),
                        [&](const QRegularExpression &re) { return re.match(text).hasMatch(); }))
        return tr("not matched by any include pattern");
    for (const QRegularExpression &re : m_excludes) {
        if (re.match(text).hasMatch())
            return tr("excluded by pattern %1").arg(re.pattern());
    }
    return {};
}

QString CrawlScope::registrableDomain(const QString &host)
{
    // A bare IPv6 address has no dots to find, but an IPv4 one would give "0.1" for "127.0.0.1".
    const QString bare = host.startsWith(u'[') && host.endsWith(u']') ? host.mid(1, host.size() - 2) : host;
    if (QHostAddress address; address.setAddress(bare))
        return host;

    const psl_ctx_t *psl = publicSuffixList();
    if (!psl)
        return host;
    // libpsl wants lower-case UTF-8, and the whitelist-ignoring decode gives that for every IDN TLD.
    const QString ace = QString::fromLatin1(QUrl::toAce(host));
    const QByteArray utf8 = QUrl::fromAce(ace.toLatin1(), QUrl::IgnoreIDNWhitelist).toLower().toUtf8();
    const char *domain = psl_registrable_domain(psl, utf8.constData());
    if (!domain)
        return ace.isEmpty() ? host : ace;
    return QString::fromLatin1(QUrl::toAce(QString::fromUtf8(domain)));
}
