#pragma once

#include <QTreeView>

#include "models/runmodel.h" // complete, so that requestActivated's RunModel * is a known meta type

class SiteTreeModel;

/// The crawl as a tree of pages, each under the page that led to it. While the crawl grows, the first few
/// levels open as their first children arrive; a branch the user closes stays closed. Clicking a page names
/// its request, so the window can select it everywhere.
class SiteTreeView : public QTreeView
{
    Q_OBJECT

public:
    static constexpr int DefaultAutoExpandLevels = 2;

    explicit SiteTreeView(QWidget *parent = nullptr);

    /// Shows this run (nullptr for none), live while it goes. The model is not owned.
    void setSource(RunModel *model);
    RunModel *source() const;
    SiteTreeModel *siteTree() const { return m_siteTree; }

    /// Nodes at a level below this (seeds are level 0) open when their first children arrive.
    int autoExpandLevels() const { return m_autoExpandLevels; }
    void setAutoExpandLevels(int levels);

public Q_SLOTS:
    /// Makes the request's page current, opening its ancestors and scrolling to it. Emits nothing.
    void selectRecord(int recordId);

Q_SIGNALS:
    /// The user clicked or activated a page: its latest attempt's request.
    void requestActivated(RunModel *model, int recordId);

private:
    void activate(const QModelIndex &index);
    void onRowsInserted(const QModelIndex &parent, int first);

    SiteTreeModel *m_siteTree;
    int m_autoExpandLevels = DefaultAutoExpandLevels;
};
