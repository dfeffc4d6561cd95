#pragma once

#include "core/crawltypes.h"
#include "models/frontiermodel.h"

#include <QPointer>
#include <QSortFilterProxyModel>

#include <optional>

/// The frontier table as the user narrows it: by state, by skip reason and by text in any column, sorted by
/// FrontierModel::SortRole.
class FrontierFilter : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class StateFilter {
        All,
        Queued, // queued or waiting: not yet issued
        InFlight,
        Fetched,
        Failed,
        Cancelled,
        Skipped,
    };
    Q_ENUM(StateFilter)

    explicit FrontierFilter(QObject *parent = nullptr);

    StateFilter stateFilter() const { return m_state; }
    void setStateFilter(StateFilter filter);
    /// Only the URLs skipped for this reason; std::nullopt for every row the state filter lets through.
    std::optional<SkipReason> reasonFilter() const { return m_reason; }
    void setReasonFilter(std::optional<SkipReason> reason);

    static bool matches(StateFilter filter, FrontierModel::State state);

    void setSourceModel(QAbstractItemModel *model) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QPointer<FrontierModel> m_frontier; // the source, when it is one
    StateFilter m_state = StateFilter::All;
    std::optional<SkipReason> m_reason;
};
