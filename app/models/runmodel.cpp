#include "runmodel.h"

#include <QLocale>

#include <algorithm>

#include "core/durationformat.h"

namespace {

qint64 phaseSpan(const RequestRecord &record, Mark from, Mark to)
{
    if (!record.reached(from) || !record.reached(to))
        return -1;
    return record.at(to) - record.at(from);
}

} // namespace

RunModel::RunModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

RunModel::~RunModel()
{
    // A model is deleted when the next run starts: freeing its records here would stall that run's start.
    releaseInBackground(m_run);
}

void RunModel::announceReset()
{
    Q_EMIT runReset();
    Q_EMIT crawlChanged();
}

qint64 RunModel::lastReleaseNs(const RunResult &run)
{
    qint64 end = run.endNs;
    for (const auto &record : run.records)
        end = std::max(end, record.releasedAt());
    return end;
}

void RunModel::beginRun(int runId, const RunSettings &settings, const QDateTime &startedAt)
{
    beginResetModel();
    m_run = RunResult {};
    m_run.runId = runId;
    m_run.settings = settings;
    m_run.startedAt = startedAt;
    m_live = true;
    m_liveNowNs = 0;
    m_finishedEndNs = 0;
    m_run.records.reserve(m_plannedCount); // a big run's batches then never move the records already in
    endResetModel();
    announceReset();
}

void RunModel::applyRecords(int runId, const QList<RequestRecord> &changed)
{
    if (runId != m_run.runId || changed.isEmpty())
        return;

    // A batch holds new records (ids past the end, in order) and updates to existing ones.
    int maxId = -1;
    for (const auto &record : changed)
        maxId = std::max(maxId, record.id);
    const int oldCount = int(m_run.records.size());
    if (maxId >= oldCount) {
        beginInsertRows({}, oldCount, maxId);
        // Grown by half again at least, so a crawl (no planned count) does not copy its records at every
        // batch.
        const qsizetype capacity = m_run.records.capacity();
        if (maxId >= capacity)
            m_run.records.reserve(std::max<qsizetype>(maxId + 1, capacity + capacity / 2));
        for (const auto &record : changed) {
            if (record.id < oldCount)
                continue;
            if (record.id == m_run.records.size())
                m_run.records.append(record); // the usual batch: new records in order
            else {
                if (record.id > m_run.records.size())
                    m_run.records.resize(record.id + 1);
                m_run.records[record.id] = record;
            }
        }
        m_run.records.resize(maxId + 1);
        endInsertRows();
    }

    QList<int> updated;
    for (const auto &record : changed) {
        if (record.id < 0 || record.id >= oldCount)
            continue;
        m_run.records[record.id] = record;
        updated.append(record.id);
    }
    if (!updated.isEmpty()) {
        std::sort(updated.begin(), updated.end());
        updated.erase(std::unique(updated.begin(), updated.end()), updated.end());
        // From the outcome on: a row's id and URL never change, and leaving them out spares a table sorted
        // by id (the default) from re-sorting the rows of every batch.
        Q_EMIT dataChanged(index(updated.constFirst(), int(Column::Outcome)),
                           index(updated.constLast(), int(Column::Count) - 1));
    }
    if (maxId >= oldCount)
        Q_EMIT recordsAppended(oldCount, maxId);
    if (!updated.isEmpty())
        Q_EMIT recordsUpdated(updated);
}

void RunModel::applyCapacity(int runId, const CapacityChange &change)
{
    if (runId != m_run.runId)
        return;
    m_run.capacityChanges.append(change);
    Q_EMIT capacityChanged();
}

void RunModel::applyCrawl(int runId, const QList<SkippedUrl> &skipped, const QList<CrawlHost> &hosts)
{
    if (runId != m_run.runId)
        return;
    m_run.skipped = skipped;
    m_run.hosts = hosts;
    Q_EMIT crawlChanged();
}

void RunModel::setLiveNow(int runId, qint64 nowNs)
{
    if (runId != m_run.runId || !m_live || nowNs == m_liveNowNs)
        return;
    m_liveNowNs = nowNs;
    Q_EMIT liveNowChanged(nowNs);
}

void RunModel::finishRun(const RunResult &result)
{
    if (result.runId != m_run.runId)
        return;
    // The recorder flushes its last batch before the run ends, so this normally finds nothing; whatever a
    // batch did not carry goes out as an append or an update, as during the run. Compared by what changes as
    // a request goes, not field by field: a million URLs are not compared at the end of every run.
    const auto sameProgress = [](const RequestRecord &a, const RequestRecord &b) {
        return a.marks == b.marks && a.outcome == b.outcome && a.status == b.status && a.bytes == b.bytes
            && a.redirects == b.redirects && a.error.toString().size() == b.error.toString().size();
    };
    QList<RequestRecord> missing;
    for (qsizetype i = 0; i < result.records.size(); ++i) {
        const RequestRecord &record = result.records.at(i);
        if (i >= m_run.records.size() || !sameProgress(m_run.records.at(i), record))
            missing.append(record);
    }
    applyRecords(result.runId, missing);
    const bool capacityDiffers = result.capacityChanges != m_run.capacityChanges;
    const bool crawlDiffers = result.skipped != m_run.skipped || result.hosts != m_run.hosts;
    // The final result shares its lists with the engine's (implicitly shared), so the finished run is held
    // once, not once per side. The model's own copy goes on a worker: freeing it here would stall the end of
    // a long run.
    releaseInBackground(m_run);
    m_run = result;
    m_live = false;
    m_finishedEndNs = lastReleaseNs(m_run);
    if (capacityDiffers)
        Q_EMIT capacityChanged();
    if (crawlDiffers)
        Q_EMIT crawlChanged();
    Q_EMIT runFinished();
}

void RunModel::setRun(const RunResult &run)
{
    beginResetModel();
    m_run = run;
    m_live = false;
    m_finishedEndNs = lastReleaseNs(m_run);
    endResetModel();
    announceReset();
}

void RunModel::clear()
{
    setRun(RunResult {});
}

int RunModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_run.records.size());
}

int RunModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

qint64 RunModel::phaseNs(const RequestRecord &record, Column column)
{
    switch (column) {
    case Column::Waiting:
        return phaseSpan(record, Mark::Queued, Mark::Issued);
    case Column::Connecting:
        return phaseSpan(record, Mark::Issued, Mark::RequestSent);
    case Column::FirstByte:
        return phaseSpan(record, Mark::RequestSent, Mark::FirstByte);
    case Column::Download:
        return phaseSpan(record, Mark::FirstByte, Mark::Finished);
    case Column::Delay:
        return phaseSpan(record, Mark::Finished, Mark::DelayReleased);
    case Column::Total:
        return phaseSpan(record, Mark::Issued, Mark::Finished);
    default:
        return -1;
    }
}

QVariant RunModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RequestRecord &record = m_run.records.at(index.row());
    const auto column = Column(index.column());

    if (role == RecordRole)
        return QVariant::fromValue(record);
    if (role == IdRole)
        return record.id;
    if (role == Qt::TextAlignmentRole) {
        switch (column) {
        case Column::Url:
        case Column::Outcome:
        case Column::ContentType:
        case Column::Error:
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        default:
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        }
    }
    if (role == Qt::ToolTipRole && (column == Column::Url || column == Column::Error))
        return column == Column::Url ? record.url.toDisplayString() : record.error.toString();
    if (role != Qt::DisplayRole && role != SortRole)
        return {};

    const bool sorting = role == SortRole;
    switch (column) {
    case Column::Id:
        return record.id;
    case Column::Url:
        return record.url.toDisplayString();
    case Column::Outcome:
        return sorting ? QVariant(int(record.outcome)) : QVariant(outcomeLabel(record.outcome));
    case Column::Status:
        return sorting || record.status != 0 ? QVariant(record.status) : QVariant(QString());
    case Column::Waiting:
    case Column::Connecting:
    case Column::FirstByte:
    case Column::Download:
    case Column::Delay:
    case Column::Total: {
        const qint64 ns = phaseNs(record, column);
        return sorting ? QVariant(ns) : QVariant(DurationFormat::cell(ns));
    }
    case Column::Bytes:
        return sorting ? QVariant(record.bytes) : QVariant(QLocale().toString(record.bytes));
    case Column::ContentType:
        return record.contentType.toString();
    case Column::Redirects:
        return record.redirects;
    case Column::Error:
        return record.error.toString();
    case Column::Connection:
        if (sorting)
            return record.connection();
        if (record.connection() < 0)
            return QString();
        return record.reusedConnection() ? tr("%1 (reused)").arg(record.connection())
                                         : QString::number(record.connection());
    case Column::Count:
        break;
    }
    return {};
}

QVariant RunModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Column::Id:
        return tr("#");
    case Column::Url:
        return tr("URL");
    case Column::Outcome:
        return tr("Outcome");
    case Column::Status:
        return tr("Status");
    case Column::Waiting:
        return tr("Waiting (ms)");
    case Column::Connecting:
        return tr("Connect+send (ms)");
    case Column::FirstByte:
        return tr("First byte (ms)");
    case Column::Download:
        return tr("Download (ms)");
    case Column::Delay:
        return tr("Delay (ms)");
    case Column::Total:
        return tr("In flight (ms)");
    case Column::Bytes:
        return tr("Bytes");
    case Column::ContentType:
        return tr("Content type");
    case Column::Redirects:
        return tr("Redirects");
    case Column::Error:
        return tr("Error");
    case Column::Connection:
        return tr("Connection");
    case Column::Count:
        break;
    }
    return {};
}
