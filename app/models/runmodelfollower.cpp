#include "runmodelfollower.h"

#include "runmodel.h"

RunModelFollower::RunModelFollower(QObject *parent)
    : QObject(parent)
{ }

RunModel *RunModelFollower::source() const
{
    return m_source;
}

void RunModelFollower::setSource(RunModel *source)
{
    if (source == m_source)
        return;
    Q_EMIT aboutToReset();
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = source;
    if (source) {
        connect(source, &QAbstractItemModel::rowsInserted, this,
                [this](const QModelIndex &, int first, int last) { Q_EMIT recordsInserted(first, last); });
        connect(source, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                    Q_EMIT recordsChanged(topLeft.row(), bottomRight.row());
                });
        connect(source, &QAbstractItemModel::modelAboutToBeReset, this, &RunModelFollower::aboutToReset);
        connect(source, &QAbstractItemModel::modelReset, this, &RunModelFollower::reset);
        connect(source, &RunModel::crawlChanged, this, &RunModelFollower::crawlChanged);
        connect(source, &QObject::destroyed, this, [this] {
            Q_EMIT aboutToReset();
            m_source = nullptr;
            Q_EMIT reset();
        });
    }
    Q_EMIT reset();
}
