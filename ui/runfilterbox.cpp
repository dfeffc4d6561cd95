#include "runfilterbox.h"

#include "models/runstablemodel.h"

#include <QSignalBlocker>

RunFilterBox::RunFilterBox(RunsTableModel *model, QWidget *parent)
    : QComboBox(parent)
    , m_model(model)
{
    setToolTip(tr("Which run's requests the table lists"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(model, &RunsTableModel::runsChanged, this, &RunFilterBox::refill);
    connect(this, &QComboBox::activated, this,
            [this](int index) { m_model->showOnly(itemData(index).toInt()); });
    refill();
}

void RunFilterBox::refill()
{
    const QSignalBlocker blocker(this);
    clear();
    addItem(tr("All runs"), -1);
    for (int run = 0; run < m_model->runs().size(); ++run)
        addItem(m_model->caption(run), run);
    setCurrentIndex(findData(m_model->shownRun()));
}
