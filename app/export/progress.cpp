#include "progress.h"

#include "core/runresult.h"

#include <QCoreApplication>

#include <algorithm>
#include <utility>

namespace {

constexpr qint64 Reports = 200;

} // namespace

QString Progress::cancelledText()
{
    return QCoreApplication::translate("Progress", "cancelled");
}

qint64 recordCount(const QList<RunResult> &runs)
{
    qint64 count = 0;
    for (const RunResult &run : runs)
        count += run.records.size();
    return count;
}

Progress::Progress(Report report, const std::atomic_bool *cancelled)
    : m_report(std::move(report))
    , m_cancelled(cancelled)
{ }

void Progress::setTotal(qint64 total)
{
    m_total = std::max<qint64>(0, total);
    m_done = 0;
    m_nextReport = 0;
    report();
}

bool Progress::step(qint64 count)
{
    m_done += count;
    if (m_done >= m_nextReport)
        report();
    return !isCancelled();
}

void Progress::finish()
{
    m_done = std::max(m_done, m_total);
    report();
}

void Progress::report()
{
    m_nextReport = m_done + std::max<qint64>(1, m_total / Reports);
    if (m_report)
        m_report(std::min(m_done, m_total), m_total);
}
