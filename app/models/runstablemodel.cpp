#include "runstablemodel.h"

#include "runmodel.h"

#include "core/runcaption.h"

RunsTableModel::RunsTableModel(QObject *parent)
    : QConcatenateTablesProxyModel(parent)
{ }

void RunsTableModel::setRuns(const QList<RunModel *> &runs)
{
    RunModel *only = m_only >= 0 && m_only < m_runs.size() ? m_runs.at(m_only) : nullptr;
    m_runs = runs;
    m_only = only ? int(runs.indexOf(only)) : -1;
    showSources(m_only >= 0 ? QList<RunModel *> {only} : runs);
    Q_EMIT runsChanged();
}

void RunsTableModel::showOnly(int run)
{
    m_only = run >= 0 && run < m_runs.size() ? run : -1;
    showSources(m_only >= 0 ? QList<RunModel *> {m_runs.at(m_only)} : m_runs);
    Q_EMIT runsChanged();
}

void RunsTableModel::showSources(const QList<RunModel *> &wanted)
{
    // Appended runs (Compare's next run) are added without touching the rows already shown, so the
    // selection and the scroll position stay; anything else starts afresh.
    qsizetype kept = 0;
    while (kept < m_shown.size() && kept < wanted.size() && m_shown.at(kept) == wanted.at(kept))
        ++kept;
    while (m_shown.size() > kept) {
        if (RunModel *gone = m_shown.takeLast())
            removeSourceModel(gone);
    }
    for (qsizetype i = kept; i < wanted.size(); ++i) {
        addSourceModel(wanted.at(i));
        m_shown.append(wanted.at(i));
    }
}

RunModel *RunsTableModel::runAt(const QModelIndex &index) const
{
    const QModelIndex source = mapToSource(index);
    return qobject_cast<RunModel *>(const_cast<QAbstractItemModel *>(source.model()));
}

QModelIndex RunsTableModel::indexOf(RunModel *run, int recordId) const
{
    if (!run || !m_shown.contains(run) || recordId < 0 || recordId >= run->rowCount())
        return {};
    return mapFromSource(run->index(recordId, 0));
}

QString RunsTableModel::caption(int run) const
{
    const auto name = [this](int i) {
        return RunCaption::label(m_runs.at(i)->run().settings); // "Limited (3)", in the window's language
    };
    QString own = name(run); // not const: returned, so moved
    for (int i = 0; i < m_runs.size(); ++i) {
        if (i != run && name(i) == own)
            return tr("%1 (run %2)").arg(own).arg(run + 1);
    }
    return own;
}

QVariant RunsTableModel::data(const QModelIndex &index, int role) const
{
    const bool idCell = index.column() == int(RunModel::Column::Id);
    if (m_runs.size() > 1 && m_only < 0
        && (role == Qt::ToolTipRole || (idCell && (role == Qt::DisplayRole || role == RunModel::SortRole)))) {
        RunModel *run = runAt(index);
        const int runIndex = int(m_runs.indexOf(run));
        const int id = QConcatenateTablesProxyModel::data(index, RunModel::IdRole).toInt();
        if (role == RunModel::SortRole)
            return (qint64(runIndex) << 32) | qint64(id); // run by run, then by id
        if (role == Qt::DisplayRole)
            return tr("%1 #%2").arg(caption(runIndex)).arg(id);
        const QVariant own = QConcatenateTablesProxyModel::data(index, role);
        return own.toString().isEmpty() ? caption(runIndex) : caption(runIndex) + u'\n' + own.toString();
    }
    return QConcatenateTablesProxyModel::data(index, role);
}
