#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <vector>

#include "core/runresult.h"

/// The origins ("scheme://host:port") a run's requests went to, and each record's origin as an index into
/// them, for colouring, grouping and splitting the timeline by host. The order is the crawl's list of hosts
/// (order of first use), then any other origin in order of first appearance among the records, so a plain
/// run or an imported file without that list still gets one. Records are appended while a run goes, so
/// update() looks only at the records it has not seen: origins are worked out once per record, not per frame.
class HostIndex
{
public:
    /// Catches up with the run. A different run (or one that shrank) is indexed afresh.
    void update(const RunResult &run);
    void clear();

    int count() const { return int(m_origins.size()); }
    const QStringList &origins() const { return m_origins; }
    /// The host of records()[index].
    int hostOf(int recordIndex) const { return m_hostOf[std::size_t(recordIndex)]; }
    const std::vector<int> &hostsOfRecords() const { return m_hostOf; }
    /// Requests per host.
    const std::vector<int> &requestCounts() const { return m_requests; }
    int indexOf(const QString &origin) const { return m_index.value(origin, -1); }

private:
    bool sameRun(const RunResult &run) const;

    // Origins in order of first appearance among the records, and each record's entry in that list.
    QStringList m_seen;
    QHash<QString, int> m_seenIndex;
    std::vector<int> m_seenOf;
    int m_runId = -1;
    StoredUrl m_firstUrl;
    StoredUrl m_lastUrl;

    QStringList m_origins;
    QHash<QString, int> m_index;
    std::vector<int> m_hostOf;
    std::vector<int> m_requests;
};
