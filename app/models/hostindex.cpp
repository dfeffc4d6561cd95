#include "hostindex.h"

#include <algorithm>

#include "core/hostkey.h"

namespace {

/// "scheme://user@host:port" of a fully encoded URL, or empty when it has no authority.
QByteArrayView schemeAndAuthority(QByteArrayView encoded)
{
    const qsizetype slashes = encoded.indexOf("://");
    if (slashes <= 0)
        return {};
    qsizetype end = slashes + 3;
    while (end < encoded.size() && encoded.at(end) != '/' && encoded.at(end) != '?' && encoded.at(end) != '#')
        ++end;
    return encoded.first(end);
}

} // namespace

bool HostIndex::sameRun(const RunResult &run) const
{
    const auto &records = run.records;
    const qsizetype seen = qsizetype(m_seenOf.size());
    if (run.runId != m_runId || records.size() < seen)
        return false;
    // The engine appends records and never changes a request's URL; a different run at the same id is told
    // apart by its first and last URLs.
    return seen == 0 || (records.first().url == m_firstUrl && records[seen - 1].url == m_lastUrl);
}

void HostIndex::update(const RunResult &run)
{
    if (!sameRun(run))
        clear();
    m_runId = run.runId;

    const auto &records = run.records;
    // Grown by doubling: a live run calls this for every batch, and reserving the exact size would move every
    // earlier entry again each time.
    if (std::size_t(records.size()) > m_seenOf.capacity())
        m_seenOf.reserve(std::max(std::size_t(records.size()), 2 * m_seenOf.capacity()));
    // Requests come in runs of one host, so a URL that starts with the last one's scheme and authority is
    // that origin again, told from its kept bytes without parsing it; anything else is parsed.
    QByteArray lastAuthority;
    int lastSeen = -1;
    for (qsizetype i = qsizetype(m_seenOf.size()); i < records.size(); ++i) {
        const QByteArrayView encoded = records[i].url.encodedView();
        const QByteArrayView authority = schemeAndAuthority(encoded);
        if (lastSeen < 0 || authority.isEmpty() || authority != lastAuthority) {
            const QString origin = HostKey::fromUrl(records[i].url).origin();
            auto it = m_seenIndex.constFind(origin);
            if (it == m_seenIndex.cend()) {
                it = m_seenIndex.insert(origin, int(m_seen.size()));
                m_seen.append(origin);
            }
            lastSeen = it.value();
            lastAuthority = authority.toByteArray();
        }
        m_seenOf.push_back(lastSeen);
    }
    if (!records.isEmpty()) {
        m_firstUrl = records.first().url;
        m_lastUrl = records.last().url;
    }

    // The crawl's own order first; the few origins of this list are cheap to redo every time.
    m_origins.clear();
    m_index.clear();
    const auto add = [this](const QString &origin) {
        if (!m_index.contains(origin)) {
            m_index.insert(origin, int(m_origins.size()));
            m_origins.append(origin);
        }
    };
    for (const CrawlHost &host : run.hosts)
        add(host.origin);
    for (const QString &origin : std::as_const(m_seen))
        add(origin);

    std::vector<int> remap(std::size_t(m_seen.size()));
    bool identity = true;
    for (qsizetype s = 0; s < m_seen.size(); ++s) {
        remap[std::size_t(s)] = m_index.value(m_seen[s]);
        identity = identity && remap[std::size_t(s)] == int(s);
    }
    m_hostOf.resize(m_seenOf.size());
    m_requests.assign(std::size_t(m_origins.size()), 0);
    for (std::size_t i = 0; i < m_seenOf.size(); ++i) {
        const int host = identity ? m_seenOf[i] : remap[std::size_t(m_seenOf[i])];
        m_hostOf[i] = host;
        ++m_requests[std::size_t(host)];
    }
}

void HostIndex::clear()
{
    m_seen.clear();
    m_seenIndex.clear();
    m_seenOf.clear();
    m_runId = -1;
    m_firstUrl.clear();
    m_lastUrl.clear();
    m_origins.clear();
    m_index.clear();
    m_hostOf.clear();
    m_requests.clear();
}
