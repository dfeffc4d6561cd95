#include "requesttableview.h"

#include <QAccessible>
#include <QHeaderView>
#include <QPaintEvent>

void RequestTableView::setModel(QAbstractItemModel *model)
{
    if (QAbstractItemModel *old = this->model())
        disconnect(old, nullptr, this, nullptr);
    needFullLayout();
    QTableView::setModel(model);
    if (!model)
        return;
    // Whatever else moves or replaces rows or columns needs the full layout the view posts for it.
    for (auto signal : {&QAbstractItemModel::rowsRemoved, &QAbstractItemModel::columnsInserted,
                        &QAbstractItemModel::columnsRemoved})
        connect(model, signal, this, &RequestTableView::needFullLayout);
    connect(model, &QAbstractItemModel::rowsMoved, this, &RequestTableView::needFullLayout);
    connect(model, &QAbstractItemModel::columnsMoved, this, &RequestTableView::needFullLayout);
    connect(model, &QAbstractItemModel::layoutChanged, this, &RequestTableView::needFullLayout);
    connect(model, &QAbstractItemModel::modelReset, this, &RequestTableView::needFullLayout);
}

QSize RequestTableView::minimumSizeHint() const
{
    // A QTableView asks for its scroll bars' length. Under the timeline on a 1280×720 projector at 200 %,
    // in Korean, that made the window taller than the screen.
    const int header = horizontalHeader()->isHidden() ? 0 : horizontalHeader()->sizeHint().height();
    return {QTableView::minimumSizeHint().width(),
            2 * frameWidth() + header + verticalHeader()->defaultSectionSize()};
}

void RequestTableView::setRootIndex(const QModelIndex &index)
{
    needFullLayout();
    QTableView::setRootIndex(index);
}

void RequestTableView::reset()
{
    needFullLayout();
    QTableView::reset();
}

void RequestTableView::doItemsLayout()
{
    const bool quiet = m_appendedBelow && !m_fullLayout && isVisible();
    const bool changedInSight = m_changedInSight;
    m_appendedBelow = false;
    m_fullLayout = false;
    m_changedInSight = false;
    if (!quiet) {
        QTableView::doItemsLayout();
        return;
    }
    // The scroll bars and headers learn of the new rows; the rows in sight are the same, and so are their
    // pixels, so the viewport is not repainted.
    ++m_quietLayouts;
    updateGeometries();
    if (changedInSight)
        viewport()->update();
}

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

void RequestTableView::rowsInserted(const QModelIndex &parent, int start, int end)
{
    // Rows appended after every row, while the rows filled the view at its last paint, are all out of sight.
    // Where the shown rows end is not asked again here: the header recomputes its rows' positions, every one
    // of them, for the first question after an insert.
    const bool appended = model() && end == model()->rowCount(parent) - 1;
    if (parent == rootIndex() && isVisible() && appended && m_filledAtPaint)
        m_appendedBelow = true;
    else
        needFullLayout();
    QTableView::rowsInserted(parent, start, end);
}

void RequestTableView::paintEvent(QPaintEvent *event)
{
    if (event->rect().contains(viewport()->rect()))
        m_changedInSight = false; // whatever changed is painted
    QTableView::paintEvent(event);
    m_filledAtPaint = rowAt(viewport()->height() - 1) >= 0;
}

void RequestTableView::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    Q_EMIT viewportResized();
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
    m_changedInSight = true;
    QTableView::dataChanged(topLeft, bottomRight, roles);
}
