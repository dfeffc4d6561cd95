#include "sitetreemodel.h"

#include "core/hostkey.h"
#include "frontiermodel.h"
#include "runmodel.h"

#include <algorithm>

SiteTreeModel::SiteTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    connect(&m_follower, &RunModelFollower::aboutToReset, this, [this] { beginResetModel(); });
    connect(&m_follower, &RunModelFollower::reset, this, [this] {
        rebuild();
        endResetModel();
    });
    connect(&m_follower, &RunModelFollower::recordsInserted, this, &SiteTreeModel::onRecordsInserted);
    connect(&m_follower, &RunModelFollower::recordsChanged, this, &SiteTreeModel::onRecordsChanged);
}

RunModel *SiteTreeModel::source() const
{
    return m_follower.source();
}

void SiteTreeModel::setSource(RunModel *source)
{
    m_follower.setSource(source);
}

QModelIndex SiteTreeModel::indexOfRecord(int recordId, int column) const
{
    if (recordId < 0 || recordId >= m_records)
        return {};
    return indexOfNode(m_nodeOfRecord[recordId], column);
}

void SiteTreeModel::rebuild()
{
    m_records = 0;
    m_nodes.clear();
    m_nodeOfRecord.clear();
    m_topLevel.clear();
    if (source() && !source()->records().isEmpty())
        takeRecords(0, int(source()->records().size()) - 1, false);
}

void SiteTreeModel::onRecordsInserted(int first, int last)
{
    if (first != m_records) { // never from RunModel, which only appends
        beginResetModel();
        rebuild();
        endResetModel();
        return;
    }
    takeRecords(first, last, true);
}

void SiteTreeModel::takeRecords(int first, int last, bool notify)
{
    const auto &records = source()->records();
    // Sized once for a whole run; a live batch leaves the growth to push_back, which doubles, instead of
    // moving every earlier entry again for each batch.
    if (!notify)
        m_nodeOfRecord.reserve(std::size_t(last) + 1);

    // New nodes wait in a group with one parent, inserted with one beginInsertRows. The crawl adds a page's
    // links together, so a batch makes few groups.
    int groupParent = NoNode;
    QList<int> group;
    const auto flush = [&] {
        if (group.isEmpty())
            return;
        const int firstRow = int(childrenOf(groupParent).size());
        if (notify)
            beginInsertRows(indexOfNode(groupParent), firstRow, firstRow + int(group.size()) - 1);
        QList<int> &siblings = childrenOf(groupParent);
        for (const int node : std::as_const(group)) {
            m_nodes[node].row = int(siblings.size());
            siblings.append(node);
        }
        if (notify)
            endInsertRows();
        group.clear();
    };

    QList<int> changed;
    for (int id = first; id <= last; ++id) {
        const RequestRecord &record = records.at(id);
        if (record.role == RequestRole::Robots) {
            m_nodeOfRecord.push_back(NoNode);
            continue;
        }
        const int parentNode
            = record.parentId >= 0 && record.parentId < id ? m_nodeOfRecord[record.parentId] : NoNode;
        if (record.attempt > 1) {
            flush(); // so that the earlier attempt is among its siblings
            if (const int node = earlierAttempt(record, parentNode); node != NoNode) {
                m_nodes[node].attempts.append(id);
                m_nodeOfRecord.push_back(node);
                changed.append(node);
                continue;
            }
        }
        if (!group.isEmpty() && parentNode != groupParent)
            flush();
        groupParent = parentNode;
        const int node = int(m_nodes.size());
        m_nodes.push_back({parentNode, 0, {id}, {}});
        m_nodeOfRecord.push_back(node);
        group.append(node);
    }
    flush();
    m_records = last + 1;
    if (notify)
        emitNodesChanged(changed);
}

void SiteTreeModel::onRecordsChanged(int first, int last)
{
    last = std::min(last, m_records - 1);
    QList<int> changed;
    for (int id = std::max(first, 0); id <= last; ++id) {
        if (const int node = m_nodeOfRecord[id]; node != NoNode)
            changed.append(node);
    }
    emitNodesChanged(changed);
}

int SiteTreeModel::earlierAttempt(const RequestRecord &record, int parentNode) const
{
    // A retry may name its earlier attempt as its parent, or share that attempt's parent.
    if (parentNode != NoNode && latest(m_nodes[parentNode]).url == record.url)
        return parentNode;
    const QList<int> &siblings = childrenOf(parentNode);
    const auto &records = source()->records();
    for (auto it = siblings.crbegin(); it != siblings.crend(); ++it) {
        if (records.at(m_nodes[*it].attempts.constFirst()).url == record.url)
            return *it;
    }
    return NoNode;
}

void SiteTreeModel::emitNodesChanged(QList<int> nodes)
{
    if (nodes.isEmpty())
        return;
    const auto byPosition = [this](int a, int b) {
        const Node &x = m_nodes[a];
        const Node &y = m_nodes[b];
        return x.parent != y.parent ? x.parent < y.parent : x.row < y.row;
    };
    std::sort(nodes.begin(), nodes.end(), byPosition);
    nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
    const int lastColumn = int(Column::Count) - 1;
    qsizetype start = 0;
    for (qsizetype i = 1; i <= nodes.size(); ++i) {
        if (i < nodes.size() && m_nodes[nodes.at(i)].parent == m_nodes[nodes.at(i - 1)].parent
            && m_nodes[nodes.at(i)].row == m_nodes[nodes.at(i - 1)].row + 1)
            continue;
        Q_EMIT dataChanged(indexOfNode(nodes.at(start), 0), indexOfNode(nodes.at(i - 1), lastColumn));
        start = i;
    }
}

QModelIndex SiteTreeModel::indexOfNode(int node, int column) const
{
    if (node == NoNode)
        return {};
    return createIndex(m_nodes[node].row, column, quintptr(node));
}

const RequestRecord &SiteTreeModel::latest(const Node &node) const
{
    return source()->records().at(node.attempts.constLast());
}

QModelIndex SiteTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const int parentNode = parent.isValid() ? int(parent.internalId()) : NoNode;
    return createIndex(row, column, quintptr(childrenOf(parentNode).at(row)));
}

QModelIndex SiteTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOfNode(m_nodes[child.internalId()].parent);
}

int SiteTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(childrenOf(parent.isValid() ? int(parent.internalId()) : NoNode).size());
}

int SiteTreeModel::columnCount(const QModelIndex &) const
{
    return int(Column::Count);
}

QVariant SiteTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node &node = m_nodes[index.internalId()];
    const RequestRecord &record = latest(node);
    const auto column = Column(index.column());

    switch (role) {
    case IdRole:
        return record.id;
    case AttemptIdsRole:
        return QVariant::fromValue(node.attempts);
    case Qt::TextAlignmentRole:
        return column == Column::Depth ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                       : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (column == Column::Url)
            return record.url.toDisplayString();
        if (column == Column::Status)
            return attemptsToolTip(node);
        return {};
    case Qt::DisplayRole:
    case SortRole:
        break;
    default:
        return {};
    }

    const bool sorting = role == SortRole;
    switch (column) {
    case Column::Url:
        return sorting ? record.url.toDisplayString() : urlText(node);
    case Column::Status:
        return sorting ? QVariant(record.status) : QVariant(statusText(node));
    case Column::Depth:
        return record.depth;
    case Column::Count:
        break;
    }
    return {};
}

QString SiteTreeModel::urlText(const Node &node) const
{
    const QUrl &url = latest(node).url;
    if (node.parent != NoNode
        && HostKey::fromUrl(latest(m_nodes[node.parent]).url) == HostKey::fromUrl(url)) {
        const QString path = url.toDisplayString(QUrl::RemoveScheme | QUrl::RemoveAuthority);
        return path.isEmpty() ? QStringLiteral("/") : path;
    }
    return url.toDisplayString();
}

QString SiteTreeModel::statusText(const Node &node) const
{
    const RequestRecord &record = latest(node);
    const QString status = record.status != 0 ? QString::number(record.status)
                                              : FrontierModel::stateLabel(FrontierModel::stateOf(record));
    return node.attempts.size() > 1 ? tr("%1 (attempt %2)").arg(status).arg(record.attempt) : status;
}

QString SiteTreeModel::attemptsToolTip(const Node &node) const
{
    const auto describe = [](const RequestRecord &record) {
        if (!record.error.isEmpty())
            return record.error.toString();
        if (record.status != 0)
            return QString::number(record.status);
        return FrontierModel::stateLabel(FrontierModel::stateOf(record));
    };
    if (node.attempts.size() == 1)
        return describe(latest(node));
    QStringList lines;
    for (const int id : node.attempts) {
        const RequestRecord &record = source()->records().at(id);
        lines.append(tr("attempt %1: %2").arg(record.attempt).arg(describe(record)));
    }
    return lines.join(u'\n');
}

QVariant SiteTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Column::Url:
        return tr("URL");
    case Column::Status:
        return tr("Status");
    case Column::Depth:
        return tr("Depth");
    case Column::Count:
        break;
    }
    return {};
}
