#include "frontierfilter.h"

FrontierFilter::FrontierFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(FrontierModel::SortRole);
    setFilterKeyColumn(-1);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

void FrontierFilter::setSourceModel(QAbstractItemModel *model)
{
    m_frontier = qobject_cast<FrontierModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

bool FrontierFilter::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_frontier && sortRole() == FrontierModel::SortRole && left.column() == right.column()) {
        const auto column = FrontierModel::Column(left.column());
        const std::optional<qint64> a = m_frontier->sortKey(left.row(), column);
        const std::optional<qint64> b = m_frontier->sortKey(right.row(), column);
        if (a && b)
            return *a < *b;
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

void FrontierFilter::setStateFilter(StateFilter filter)
{
    if (filter == m_state)
        return;
    m_state = filter;
    invalidateRowsFilter();
}

void FrontierFilter::setReasonFilter(std::optional<SkipReason> reason)
{
    if (reason == m_reason)
        return;
    m_reason = reason;
    invalidateRowsFilter();
}

bool FrontierFilter::matches(StateFilter filter, FrontierModel::State state)
{
    using State = FrontierModel::State;
    switch (filter) {
    case StateFilter::All:
        return true;
    case StateFilter::Queued:
        return state == State::Queued || state == State::Waiting;
    case StateFilter::InFlight:
        return state == State::InFlight;
    case StateFilter::Fetched:
        return state == State::Fetched;
    case StateFilter::Failed:
        return state == State::Failed;
    case StateFilter::Cancelled:
        return state == State::Cancelled;
    case StateFilter::Skipped:
        return state == State::Skipped;
    }
    Q_UNREACHABLE();
}

bool FrontierFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!matches(m_state, FrontierModel::State(index.data(FrontierModel::StateRole).toInt())))
        return false;
    if (m_reason && index.data(FrontierModel::ReasonRole).toInt() != int(*m_reason))
        return false;
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}
