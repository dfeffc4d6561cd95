#pragma once

#include <QConcatenateTablesProxyModel>
#include <QList>
#include <QPointer>

class RunModel;

/// Every run of the session in one request table, run after run, without copying a record: a concatenation
/// of the runs' models. Which run a row belongs to is said in its Id cell ("Gather #4") once there is more
/// than one, and the Id column sorts run by run. showOnly() narrows it to one run (the table's run filter).
class RunsTableModel : public QConcatenateTablesProxyModel
{
    Q_OBJECT

public:
    explicit RunsTableModel(QObject *parent = nullptr);

    /// The session's runs, in order. Runs already shown stay (with their rows) when runs are appended.
    void setRuns(const QList<RunModel *> &runs);
    const QList<RunModel *> &runs() const { return m_runs; }
    /// Shows one run (an index into runs()), or all of them with -1.
    void showOnly(int run);
    int shownRun() const { return m_only; }

    /// The run a row of this model comes from, and the row's record id there.
    RunModel *runAt(const QModelIndex &index) const;
    /// The row of a run's record, or an invalid index when that run is not shown.
    QModelIndex indexOf(RunModel *run, int recordId) const;
    /// How the table names a run: "Limited(3)", numbered when two runs would read alike.
    QString caption(int run) const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// runs() or shownRun() changed.
    void runsChanged();

private:
    void showSources(const QList<RunModel *> &wanted);

    QList<RunModel *> m_runs;
    QList<QPointer<RunModel>> m_shown; // the sources, in order
    int m_only = -1;
};
