#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <atomic>
#include <functional>

/// How far a long export or import has come, and whether to stop. The formats call step() once per record;
/// the report goes out at most about 200 times over the total (and once at the end), so a listener on another
/// thread is not flooded. A default Progress reports nowhere and is never cancelled. A read also collects its
/// warnings here: what it took in spite of a problem (a negative timing, a duplicate id), for the user to
/// see.
class Progress
{
public:
    static QString cancelledText(); // what a cancelled read gives as its error
    using Report = std::function<void(qint64 done, qint64 total)>;

    Progress() = default;
    Progress(Report report, const std::atomic_bool *cancelled);

    void setTotal(qint64 total);
    qint64 total() const { return m_total; }
    qint64 done() const { return m_done; }
    /// Counts count more records done; false once cancelled, and the caller then stops.
    bool step(qint64 count = 1);
    /// Reports done == total, whatever the formats counted on the way.
    void finish();
    bool isCancelled() const { return m_cancelled && m_cancelled->load(std::memory_order_relaxed); }
    /// Notes something read in spite of a problem; the message says where, as errors do.
    void warn(const QString &message) { m_warnings.append(message); }
    const QStringList &warnings() const { return m_warnings; }

private:
    void report();

    Report m_report;
    const std::atomic_bool *m_cancelled = nullptr;
    qint64 m_total = 0;
    qint64 m_done = 0;
    qint64 m_nextReport = 0;
    QStringList m_warnings;
};

struct RunResult;
/// How many records the runs hold: the total of an export.
qint64 recordCount(const QList<RunResult> &runs);
