#pragma once

#include <QComboBox>

class RunsTableModel;

/// The request table's run filter: "All runs", or one run by its caption. It follows the session's runs
/// as they come (Compare adds one after another) and says which run the table shows.
class RunFilterBox : public QComboBox
{
    Q_OBJECT

public:
    RunFilterBox(RunsTableModel *model, QWidget *parent = nullptr);

private:
    void refill();

    RunsTableModel *m_model;
};
