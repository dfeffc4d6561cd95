#pragma once

#include <QSortFilterProxyModel>

/// The request table's sorting and text filter, over a RunsTableModel (or one RunModel). The Id column's
/// order is the source's own row order (run by run, then by id), so rows are compared there by row: a live
/// run inserts hundreds of rows a tick into a table sorted by id, and the default comparison reads two
/// QVariants through two models for every step of every sorted insertion.
class RequestSortProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit RequestSortProxy(QObject *parent = nullptr);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};
