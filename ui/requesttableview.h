#pragma once

#include <QTableView>

/// A table of requests that repaints for changed rows only when some of them are in sight. A live run updates
/// hundreds of rows a tick, nearly all scrolled out of view, and a plain QTableView repaints every cell it
/// shows for any change of more than one cell.
class RequestTableView : public QTableView
{
    Q_OBJECT

public:
    using QTableView::QTableView;

    /// Whether any of rows [first, last] of the root is on screen now.
    bool showsRows(int first, int last) const;
    /// Repaints of the shown rows that changes out of sight did not cause, for tests.
    int skippedChanges() const { return m_skipped; }

protected:
    void dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                     const QList<int> &roles = QList<int>()) override;

private:
    int m_skipped = 0;
};
