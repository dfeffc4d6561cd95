#include "frontiermodel.h"

#include "core/durationformat.h"
#include "core/hostkey.h"

#include "runmodel.h"

#include <algorithm>

namespace {

bool isNumeric(FrontierModel::Column column)
{
    switch (column) {
    case FrontierModel::Column::Id:
    case FrontierModel::Column::Status:
    case FrontierModel::Column::Depth:
    case FrontierModel::Column::Seen:
    case FrontierModel::Column::Found:
        return true;
    default:
        return false;
    }
}

} // namespace

FrontierModel::FrontierModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    connect(&m_follower, &RunModelFollower::aboutToReset, this, [this] { beginResetModel(); });
    connect(&m_follower, &RunModelFollower::reset, this, [this] {
        rebuild();
        endResetModel();
        Q_EMIT countsChanged();
    });
    connect(&m_follower, &RunModelFollower::recordsInserted, this, &FrontierModel::onRecordsInserted);
    connect(&m_follower, &RunModelFollower::recordsChanged, this, &FrontierModel::onRecordsChanged);
    connect(&m_follower, &RunModelFollower::crawlChanged, this, &FrontierModel::onCrawlChanged);
}

RunModel *FrontierModel::source() const
{
    return m_follower.source();
}

void FrontierModel::setSource(RunModel *source)
{
    m_follower.setSource(source);
}

int FrontierModel::rowOfRecord(int recordId) const
{
    return recordId >= 0 && recordId < m_recordRows ? recordId : -1;
}

std::optional<qint64> FrontierModel::sortKey(int row, Column column) const
{
    if (row < 0 || row >= rowCount())
        return std::nullopt;
    const bool skipped = isSkippedRow(row);
    switch (column) {
    case Column::Id:
        return skipped ? -1 : source()->records().at(row).id;
    case Column::State:
        return int(skipped ? State::Skipped : m_info[row].state);
    case Column::Found:
        return skipped ? m_skipped.at(row - m_recordRows).atNs : source()->records().at(row).at(Mark::Queued);
    default:
        return std::nullopt;
    }
}

FrontierModel::State FrontierModel::stateOf(const RequestRecord &record)
{
    switch (record.outcome) {
    case Outcome::Ok:
        return State::Fetched;
    case Outcome::HttpError:
    case Outcome::Failed:
        return State::Failed;
    case Outcome::Cancelled:
        return State::Cancelled;
    case Outcome::Pending:
        break;
    }
    if (record.reached(Mark::Issued))
        return State::InFlight;
    return record.reached(Mark::GateAcquired) ? State::Waiting : State::Queued;
}

QString FrontierModel::stateLabel(State state)
{
    switch (state) {
    case State::Queued:
        return tr("queued");
    case State::Waiting:
        return tr("waiting");
    case State::InFlight:
        return tr("in flight");
    case State::Fetched:
        return tr("fetched");
    case State::Failed:
        return tr("failed");
    case State::Cancelled:
        return tr("cancelled");
    case State::Skipped:
        return tr("skipped");
    }
    Q_UNREACHABLE();
}

void FrontierModel::rebuild()
{
    m_recordRows = 0;
    m_info.clear();
    m_lastAttempt.clear();
    m_attemptsIndexed = false;
    m_skipped.clear();
    m_hosts.clear();
    m_orphanSkips = 0;
    m_counts = Counts {};
    if (!source())
        return;

    const auto &records = source()->records();
    m_info.reserve(records.size());
    for (const auto &record : records)
        addRecord(record, nullptr);
    m_recordRows = int(records.size());
    m_skipped = source()->run().skipped;
    m_hosts = source()->run().hosts;
    for (const auto &skip : std::as_const(m_skipped)) {
        if (skip.parentId >= m_recordRows)
            ++m_orphanSkips;
    }
    m_counts.hosts = int(m_hosts.size());
    recountSkipped();
}

void FrontierModel::onRecordsInserted(int first, int last)
{
    if (first != m_recordRows) { // never from RunModel, which only appends
        beginResetModel();
        rebuild();
        endResetModel();
        Q_EMIT countsChanged();
        return;
    }
    const Counts before = m_counts;
    QList<int> touched;
    const auto &records = source()->records();
    beginInsertRows({}, first, last);
    for (int id = first; id <= last; ++id)
        addRecord(records.at(id), &touched);
    m_recordRows = last + 1;
    endInsertRows();

    // A skip can only name a request the model has, but a hand-fed model may see the skip first.
    if (m_orphanSkips > 0) {
        for (int i = 0; i < m_skipped.size(); ++i) {
            const int parentId = m_skipped.at(i).parentId;
            if (parentId >= first && parentId <= last) {
                touched.append(rowOfSkipped(i));
                --m_orphanSkips;
            }
        }
    }
    emitRowsChanged(touched);
    if (m_counts != before)
        Q_EMIT countsChanged();
}

void FrontierModel::onRecordsChanged(int first, int last)
{
    last = std::min(last, m_recordRows - 1);
    if (first < 0 || first > last)
        return;
    const Counts before = m_counts;
    const auto &records = source()->records();
    for (int id = first; id <= last; ++id) {
        const State state = stateOf(records.at(id));
        if (state == m_info[id].state)
            continue;
        countRecord(id, -1);
        m_info[id].state = state;
        countRecord(id, +1);
    }
    // What a request's update can change: its state, note and status. Its id, URL, depth, parent, host and
    // queued time are the recorder's from the start, and leaving them out spares a table sorted by one of
    // them (by the time found, the default) from re-sorting the rows of every batch.
    Q_EMIT dataChanged(index(first, int(Column::State)), index(last, int(Column::Status)));
    if (m_counts != before)
        Q_EMIT countsChanged();
}

void FrontierModel::onCrawlChanged()
{
    const QList<SkippedUrl> &skipped = source()->run().skipped;
    const QList<CrawlHost> &hosts = source()->run().hosts;

    // Skipped URLs only grow or are counted again (all the recorder ever changes); anything else is a new
    // list, and a reset.
    bool grows = skipped.size() >= m_skipped.size();
    QList<int> touched;
    for (qsizetype i = 0; grows && i < m_skipped.size(); ++i) {
        const SkippedUrl &now = skipped.at(i);
        SkippedUrl &known = m_skipped[i];
        grows = now.reason == known.reason && now.url == known.url;
        if (grows && now.count != known.count) {
            known.count = now.count;
            touched.append(rowOfSkipped(int(i)));
        }
    }
    if (!grows) {
        beginResetModel();
        rebuild();
        endResetModel();
        Q_EMIT countsChanged();
        return;
    }

    const Counts before = m_counts;
    if (skipped.size() > m_skipped.size()) {
        const int oldCount = int(m_skipped.size());
        beginInsertRows({}, rowOfSkipped(oldCount), rowOfSkipped(int(skipped.size()) - 1));
        for (qsizetype i = oldCount; i < skipped.size(); ++i) {
            m_skipped.append(skipped.at(i));
            if (skipped.at(i).parentId >= m_recordRows)
                ++m_orphanSkips;
        }
        endInsertRows();
    }

    // A host's robots.txt verdict is shown on its request's row.
    for (const auto &host : hosts) {
        const auto known = std::find_if(m_hosts.cbegin(), m_hosts.cend(),
                                        [&](const CrawlHost &old) { return old.origin == host.origin; });
        const bool changed = known == m_hosts.cend() || known->robotsRecordId != host.robotsRecordId
            || known->robots != host.robots || known->robotsDetail != host.robotsDetail;
        if (changed && rowOfRecord(host.robotsRecordId) >= 0)
            touched.append(host.robotsRecordId);
    }
    m_hosts = hosts;
    m_counts.hosts = int(hosts.size());
    recountSkipped();

    emitRowsChanged(touched);
    if (m_counts != before)
        Q_EMIT countsChanged();
}

void FrontierModel::addRecord(const RequestRecord &record, QList<int> *touched)
{
    const int id = int(m_info.size());
    m_info.push_back({stateOf(record)});
    if (record.role == RequestRole::Page) {
        if (record.attempt > 1) {
            if (!m_attemptsIndexed)
                indexAttempts(id);
            const int previous = m_lastAttempt.value(record.url, -1);
            if (previous >= 0 && m_info[previous].retriedBy < 0) {
                countRecord(previous, -1);
                m_info[previous].retriedBy = id;
                countRecord(previous, +1);
                if (touched)
                    touched->append(previous);
            }
        } else if (record.parentId >= 0 && record.parentId < id) {
            RecordInfo &parent = m_info[record.parentId];
            if (parent.firstChild < 0)
                parent.firstChild = id;
            ++parent.children;
            if (touched)
                touched->append(record.parentId);
        }
        if (m_attemptsIndexed)
            m_lastAttempt.insert(record.url, id);
    }
    countRecord(id, +1);
}

void FrontierModel::indexAttempts(int end)
{
    // Most runs never retry: the URL index is built at the first retry, not kept for every request of every
    // run.
    m_attemptsIndexed = true;
    const auto &records = source()->records();
    for (int id = 0; id < end; ++id) {
        if (records.at(id).role == RequestRole::Page)
            m_lastAttempt.insert(records.at(id).url, id);
    }
}

void FrontierModel::countRecord(int id, int delta)
{
    const RequestRecord &record = source()->records().at(id);
    const RecordInfo &info = m_info[id];
    if (record.role == RequestRole::Robots) {
        m_counts.robots += delta;
        return;
    }
    if (record.attempt > 1)
        m_counts.retries += delta;
    if (info.retriedBy >= 0)
        return; // its retry speaks for the page
    switch (info.state) {
    case State::Queued:
    case State::Waiting:
        m_counts.queued += delta;
        break;
    case State::InFlight:
        m_counts.inFlight += delta;
        break;
    case State::Fetched:
        m_counts.fetched += delta;
        break;
    case State::Failed:
        m_counts.failed += delta;
        break;
    case State::Cancelled:
        m_counts.cancelled += delta;
        break;
    case State::Skipped:
        break;
    }
}

void FrontierModel::recountSkipped()
{
    m_counts.skipped = int(m_skipped.size());
    m_counts.skippedBy.fill(0);
    for (const auto &skip : std::as_const(m_skipped))
        ++m_counts.skippedBy[std::size_t(skip.reason)];
}

void FrontierModel::emitRowsChanged(QList<int> rows)
{
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    const int lastColumn = int(Column::Count) - 1;
    qsizetype start = 0;
    for (qsizetype i = 1; i <= rows.size(); ++i) {
        if (i < rows.size() && rows.at(i) == rows.at(i - 1) + 1)
            continue;
        Q_EMIT dataChanged(index(rows.at(start), 0), index(rows.at(i - 1), lastColumn));
        start = i;
    }
}

int FrontierModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_recordRows + int(m_skipped.size());
}

int FrontierModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count);
}

QVariant FrontierModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto column = Column(index.column());
    if (role == Qt::TextAlignmentRole)
        return isNumeric(column) ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                 : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (isSkippedRow(index.row()))
        return skippedData(index.row() - m_recordRows, column, role);
    return recordData(index.row(), column, role);
}

QVariant FrontierModel::recordData(int row, Column column, int role) const
{
    const RequestRecord &record = source()->records().at(row);
    const RecordInfo &info = m_info[row];
    switch (role) {
    case IdRole:
        return record.id;
    case StateRole:
        return int(info.state);
    case KindRole:
        if (record.role == RequestRole::Robots)
            return int(Kind::Robots);
        return int(record.attempt > 1 ? Kind::Retry : Kind::Page);
    case ReasonRole:
        return -1;
    case Qt::ToolTipRole:
        switch (column) {
        case Column::Url:
            return record.url.toDisplayString();
        case Column::Note:
            return recordNote(record);
        case Column::Parent:
            return parentUrl(record.parentId);
        default:
            return {};
        }
    case Qt::DisplayRole:
    case SortRole:
        break;
    default:
        return {};
    }

    const bool sorting = role == SortRole;
    switch (column) {
    case Column::Id:
        return record.id;
    case Column::Url:
        return record.url.toDisplayString();
    case Column::State:
        return sorting ? QVariant(int(info.state)) : QVariant(stateLabel(info.state));
    case Column::Note:
        return recordNote(record);
    case Column::Status:
        return sorting || record.status != 0 ? QVariant(record.status) : QVariant(QString());
    case Column::Depth:
        return record.depth;
    case Column::Parent:
        return parentUrl(record.parentId);
    case Column::Host:
        return HostKey::fromUrl(record.url).displayName();
    case Column::Seen:
        return 1;
    case Column::Found:
        return sorting ? QVariant(record.at(Mark::Queued))
                       : QVariant(DurationFormat::cell(record.at(Mark::Queued)));
    case Column::Count:
        break;
    }
    return {};
}

QVariant FrontierModel::skippedData(int index, Column column, int role) const
{
    const SkippedUrl &skip = m_skipped.at(index);
    const QString note = skip.detail.isEmpty() ? skipReasonLabel(skip.reason)
                                               : tr("%1: %2").arg(skipReasonLabel(skip.reason), skip.detail);
    switch (role) {
    case IdRole:
        return -1;
    case StateRole:
        return int(State::Skipped);
    case KindRole:
        return int(Kind::Skipped);
    case ReasonRole:
        return int(skip.reason);
    case Qt::ToolTipRole:
        switch (column) {
        case Column::Url:
            return skip.url.toDisplayString();
        case Column::Note:
            return note;
        case Column::Parent:
            return parentUrl(skip.parentId);
        default:
            return {};
        }
    case Qt::DisplayRole:
    case SortRole:
        break;
    default:
        return {};
    }

    const bool sorting = role == SortRole;
    switch (column) {
    case Column::Id:
        return sorting ? QVariant(-1) : QVariant(QString());
    case Column::Url:
        return skip.url.toDisplayString();
    case Column::State:
        return sorting ? QVariant(int(State::Skipped)) : QVariant(stateLabel(State::Skipped));
    case Column::Note:
        return note;
    case Column::Status:
        return sorting ? QVariant(0) : QVariant(QString());
    case Column::Depth:
        return skip.depth;
    case Column::Parent:
        return parentUrl(skip.parentId);
    case Column::Host:
        return HostKey::fromUrl(skip.url).displayName();
    case Column::Seen:
        return skip.count;
    case Column::Found:
        return sorting ? QVariant(skip.atNs) : QVariant(DurationFormat::cell(skip.atNs));
    case Column::Count:
        break;
    }
    return {};
}

QString FrontierModel::recordNote(const RequestRecord &record) const
{
    const RecordInfo &info = m_info[record.id];
    QStringList parts;
    if (record.attempt > 1)
        parts.append(tr("attempt %1").arg(record.attempt));

    if (record.role == RequestRole::Robots) {
        const auto host = std::find_if(m_hosts.cbegin(), m_hosts.cend(),
                                       [&](const CrawlHost &h) { return h.robotsRecordId == record.id; });
        if (host != m_hosts.cend() && !host->robotsDetail.isEmpty())
            parts.append(host->robotsDetail);
        else
            parts.append(tr("robots.txt of %1").arg(HostKey::fromUrl(record.url).displayName()));
    } else {
        switch (info.state) {
        case State::Fetched:
            if (record.status >= 300 && record.status < 400) {
                parts.append(info.firstChild >= 0
                                 ? tr("redirect to %1")
                                       .arg(source()->records().at(info.firstChild).url.toDisplayString())
                                 : tr("redirect"));
            } else if (isHtmlContentType(record.contentType)) {
                parts.append(tr("HTML, %n link(s) followed", nullptr, info.children));
            } else {
                const QString type = record.contentType.toString().section(u';', 0, 0).trimmed();
                parts.append(
                    tr("not HTML: %1, links not read").arg(type.isEmpty() ? tr("no content type") : type));
            }
            break;
        case State::Failed:
            if (!record.error.isEmpty())
                parts.append(record.error);
            else if (record.status != 0)
                parts.append(tr("HTTP %1").arg(record.status));
            else
                parts.append(stateLabel(info.state));
            break;
        case State::Cancelled:
            parts.append(record.error.isEmpty() ? stateLabel(info.state) : record.error.toString());
            break;
        case State::Queued:
        case State::Waiting:
        case State::InFlight:
        case State::Skipped:
            break;
        }
    }
    if (info.retriedBy >= 0)
        parts.append(tr("retried as #%1").arg(info.retriedBy));
    return parts.join(QStringLiteral("; "));
}

QString FrontierModel::parentUrl(int parentId) const
{
    if (parentId < 0 || parentId >= m_recordRows)
        return QString();
    return source()->records().at(parentId).url.toDisplayString();
}

QVariant FrontierModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Column::Id:
        return tr("#");
    case Column::Url:
        return tr("URL");
    case Column::State:
        return tr("State");
    case Column::Note:
        return tr("Note");
    case Column::Status:
        return tr("Status");
    case Column::Depth:
        return tr("Depth");
    case Column::Parent:
        return tr("Found on");
    case Column::Host:
        return tr("Host");
    case Column::Seen:
        return tr("Seen");
    case Column::Found:
        return tr("Found (ms)");
    case Column::Count:
        break;
    }
    return {};
}
