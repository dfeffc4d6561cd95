#include "requesttableview.h"

#include <QAccessible>

bool RequestTableView::showsRows(int first, int last) const
{
    if (!model() || !isVisible())
        return false;
    const int top = rowAt(0);
    if (top < 0)
        return false; // nothing shown
    int bottom = rowAt(viewport()->height() - 1);
    if (bottom < 0)
        bottom = model()->rowCount(rootIndex()) - 1; // the rows end above the bottom
    return first <= bottom && last >= top;
}

void RequestTableView::dataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                   const QList<int> &roles)
{
    // A screen reader hears of every change, and a hidden table repaints nothing anyway; a change out of
    // sight repaints nothing that would look different. Editors are not used here.
    if (isVisible() && !QAccessible::isActive() && topLeft.isValid() && bottomRight.isValid()
        && topLeft.parent() == rootIndex() && !showsRows(topLeft.row(), bottomRight.row())) {
        ++m_skipped;
        return;
    }
    QTableView::dataChanged(topLeft, bottomRight, roles);
}
