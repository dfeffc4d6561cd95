#pragma once

#include <QWidget>

#include "models/frontiermodel.h"
#include "models/runmodel.h" // complete, so that requestActivated's RunModel * is a known meta type

class FrontierFilter;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

/// A crawl's frontier for people: every request and every skipped URL in one sortable table, narrowed by
/// state, skip reason and text, under a line that sums the crawl up ("52 fetched · 0 queued · 31 skipped
/// (duplicate 20, …) · 1 host"). Clicking a request names it, so the window can select it everywhere.
class FrontierView : public QWidget
{
    Q_OBJECT

public:
    explicit FrontierView(QWidget *parent = nullptr);

    /// Shows this run (nullptr for none), live while it goes. The model is not owned.
    void setSource(RunModel *model);
    RunModel *source() const;

    FrontierModel *frontier() const { return m_frontier; }
    FrontierFilter *filter() const { return m_filter; }
    QTableView *table() const { return m_table; }
    QComboBox *stateBox() const { return m_stateBox; }
    QComboBox *reasonBox() const { return m_reasonBox; }
    QLineEdit *textFilter() const { return m_textFilter; }
    QLabel *summaryLabel() const { return m_summary; }

    static QString summaryText(const FrontierModel::Counts &counts);

public Q_SLOTS:
    /// Makes the request's row current and scrolls to it, when the filters show it. Emits nothing.
    void selectRecord(int recordId);

Q_SIGNALS:
    /// The user clicked or activated a request's row (skipped URLs have no request).
    void requestActivated(RunModel *model, int recordId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void activate(const QModelIndex &index);
    void applyFilters();
    void updateSummary();

    FrontierModel *m_frontier;
    FrontierFilter *m_filter;
    QComboBox *m_stateBox;
    QComboBox *m_reasonBox;
    QLineEdit *m_textFilter;
    QTableView *m_table;
    QLabel *m_summary;
    bool m_summaryStale = false; // the counts changed while the view was hidden
};
