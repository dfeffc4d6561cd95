#pragma once

#include "core/requestrecord.h"
#include "runmodelfollower.h"

#include <QAbstractItemModel>

#include <vector>

class RunModel;

/// A crawl's pages as the tree the crawl walked: each page under the page that linked or redirected to it,
/// seeds at the top, children in the order they were requested. It grows live, one insert per parent per
/// batch. Retries are folded into their first attempt's node, which shows the latest attempt; robots.txt
/// requests are not pages of the site and are left out (the frontier table lists them).
class SiteTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum class Column {
        Url, // the path for a page on its parent's origin, the whole URL otherwise
        Status,
        Depth,
        Count
    };
    Q_ENUM(Column)

    enum Role {
        IdRole = Qt::UserRole, // the latest attempt's record id
        AttemptIdsRole, // QList<int>: every attempt's record id, the first first
        SortRole,
    };

    explicit SiteTreeModel(QObject *parent = nullptr);

    /// Follows this run model (nullptr for none). The model is not owned.
    void setSource(RunModel *source);
    RunModel *source() const;

    /// The node showing this request (any of its attempts), or an invalid index for one not shown.
    QModelIndex indexOfRecord(int recordId, int column = 0) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    static constexpr int NoNode = -1;

    struct Node
    {
        int parent = NoNode; // node index, NoNode for a top-level node
        int row = 0; // among its parent's children
        QList<int> attempts; // record ids, the first attempt first
        QList<int> children; // node indices
    };

    void rebuild();
    void onRecordsInserted(int first, int last);
    /// Makes nodes for the source's records first..last, signalling the inserts when notify is set.
    void takeRecords(int first, int last, bool notify);
    void onRecordsChanged(int first, int last);
    QList<int> &childrenOf(int node) { return node == NoNode ? m_topLevel : m_nodes[node].children; }
    const QList<int> &childrenOf(int node) const
    {
        return node == NoNode ? m_topLevel : m_nodes[node].children;
    }
    int earlierAttempt(const RequestRecord &record, int parentNode) const;
    void emitNodesChanged(QList<int> nodes);
    QModelIndex indexOfNode(int node, int column = 0) const;

    const RequestRecord &latest(const Node &node) const;
    QString urlText(const Node &node) const;
    QString statusText(const Node &node) const;
    QString attemptsToolTip(const Node &node) const;

    RunModelFollower m_follower;
    int m_records = 0; // records taken in from the source
    std::vector<Node> m_nodes;
    std::vector<int> m_nodeOfRecord; // by record id; NoNode for robots.txt requests
    QList<int> m_topLevel;
};
