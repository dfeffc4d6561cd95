#include "sitetreeview.h"

#include <QHeaderView>

#include <algorithm>

#include "models/runmodel.h"
#include "models/sitetreemodel.h"

SiteTreeView::SiteTreeView(QWidget *parent)
    : QTreeView(parent)
    , m_siteTree(new SiteTreeModel(this))
{
    setModel(m_siteTree);
    setUniformRowHeights(true); // lets a tree of thousands of pages lay out without measuring each row
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAlternatingRowColors(true);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(int(SiteTreeModel::Column::Url), QHeaderView::Stretch);
    setColumnWidth(int(SiteTreeModel::Column::Status), 150);
    setColumnWidth(int(SiteTreeModel::Column::Depth), 50);

    connect(m_siteTree, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &parent, int first) { onRowsInserted(parent, first); });
    connect(m_siteTree, &QAbstractItemModel::modelReset, this, [this] {
        if (m_autoExpandLevels > 0)
            expandToDepth(m_autoExpandLevels - 1);
    });
    connect(this, &QAbstractItemView::clicked, this, &SiteTreeView::activate);
    connect(this, &QAbstractItemView::activated, this, &SiteTreeView::activate);
}

void SiteTreeView::setSource(RunModel *model)
{
    m_siteTree->setSource(model);
}

RunModel *SiteTreeView::source() const
{
    return m_siteTree->source();
}

void SiteTreeView::setAutoExpandLevels(int levels)
{
    m_autoExpandLevels = std::max(0, levels);
}

void SiteTreeView::selectRecord(int recordId)
{
    const QModelIndex index = m_siteTree->indexOfRecord(recordId);
    if (!index.isValid())
        return;
    for (QModelIndex ancestor = index.parent(); ancestor.isValid(); ancestor = ancestor.parent())
        expand(ancestor);
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    scrollTo(index);
}

void SiteTreeView::activate(const QModelIndex &index)
{
    if (index.isValid() && m_siteTree->source())
        Q_EMIT requestActivated(m_siteTree->source(), index.data(SiteTreeModel::IdRole).toInt());
}

void SiteTreeView::onRowsInserted(const QModelIndex &parent, int first)
{
    // Only a node's first children open it: later ones must not undo the user closing it.
    if (!parent.isValid() || first != 0)
        return;
    int level = 0;
    for (QModelIndex ancestor = parent.parent(); ancestor.isValid(); ancestor = ancestor.parent())
        ++level;
    if (level < m_autoExpandLevels)
        expand(parent);
}
