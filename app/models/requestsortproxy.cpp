#include "requestsortproxy.h"

#include "runmodel.h"

RequestSortProxy::RequestSortProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(RunModel::SortRole);
    setFilterKeyColumn(-1);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

bool RequestSortProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // RunModel's row is its record's id, and RunsTableModel's Id sort key is (run, id) in the order it
    // concatenates the runs: the row order is the key's order.
    if (sortRole() == RunModel::SortRole && left.column() == int(RunModel::Column::Id)
        && right.column() == left.column() && left.parent() == right.parent())
        return left.row() < right.row();
    return QSortFilterProxyModel::lessThan(left, right);
}
