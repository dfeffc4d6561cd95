#include "frontierview.h"

#include "requesttable.h"
#include "requesttableview.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

#include <utility>

#include "frontierfilter.h"
#include "models/runmodel.h"

namespace {

constexpr int AnyReason = -1;

} // namespace

FrontierView::FrontierView(QWidget *parent)
    : QWidget(parent)
    , m_frontier(new FrontierModel(this))
    , m_filter(new FrontierFilter(this))
    , m_stateBox(new QComboBox(this))
    , m_reasonBox(new QComboBox(this))
    , m_textFilter(new QLineEdit(this))
    , m_table(new RequestTableView(this))
    , m_summary(new QLabel(this))
{
    using StateFilter = FrontierFilter::StateFilter;
    const std::pair<StateFilter, QString> states[] = {
        {StateFilter::All, tr("All")},
        {StateFilter::Queued, tr("Queued")},
        {StateFilter::InFlight, tr("In flight")},
        {StateFilter::Fetched, tr("Fetched")},
        {StateFilter::Failed, tr("Failed")},
        {StateFilter::Cancelled, tr("Cancelled")},
        {StateFilter::Skipped, tr("Skipped")},
    };
    for (const auto &[filter, label] : states)
        m_stateBox->addItem(label, int(filter));
    m_stateBox->setToolTip(tr("Show requests in this state, or the skipped URLs"));
    m_reasonBox->addItem(tr("Any reason"), AnyReason);
    for (int reason = 0; reason < SkipReasonCount; ++reason)
        m_reasonBox->addItem(skipReasonLabel(SkipReason(reason)), reason);
    m_reasonBox->setToolTip(tr("Show only the URLs skipped for this reason"));
    m_textFilter->setPlaceholderText(tr("Filter by URL, note or host…"));
    m_textFilter->setClearButtonEnabled(true);

    m_filter->setSourceModel(m_frontier);
    m_table->setModel(m_filter);
    setUpRequestTable(m_table, int(FrontierModel::Column::Found));
    m_table->setColumnWidth(int(FrontierModel::Column::Id), 50);
    m_table->setColumnWidth(int(FrontierModel::Column::Url), 260);
    m_table->setColumnWidth(int(FrontierModel::Column::State), 80);
    m_table->setColumnWidth(int(FrontierModel::Column::Note), 240);
    m_table->setColumnWidth(int(FrontierModel::Column::Status), 60);
    m_table->setColumnWidth(int(FrontierModel::Column::Depth), 50);
    m_table->setColumnWidth(int(FrontierModel::Column::Parent), 200);
    m_table->setColumnWidth(int(FrontierModel::Column::Seen), 50);

    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_stateBox);
    filters->addWidget(m_reasonBox);
    filters->addWidget(m_textFilter, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);

    connect(m_stateBox, &QComboBox::currentIndexChanged, this, &FrontierView::applyFilters);
    connect(m_reasonBox, &QComboBox::currentIndexChanged, this, &FrontierView::applyFilters);
    connect(m_textFilter, &QLineEdit::textChanged, m_filter, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_table, &QAbstractItemView::clicked, this, &FrontierView::activate);
    connect(m_table, &QAbstractItemView::activated, this, &FrontierView::activate);
    connect(m_frontier, &FrontierModel::countsChanged, this, &FrontierView::updateSummary);
    updateSummary();
}

void FrontierView::setSource(RunModel *model)
{
    m_frontier->setSource(model);
}

RunModel *FrontierView::source() const
{
    return m_frontier->source();
}

QString FrontierView::summaryText(const FrontierModel::Counts &counts)
{
    QStringList parts;
    parts.append(tr("%n fetched", nullptr, counts.fetched));
    if (counts.failed > 0)
        parts.append(tr("%n failed", nullptr, counts.failed));
    if (counts.cancelled > 0)
        parts.append(tr("%n cancelled", nullptr, counts.cancelled));
    if (counts.retries > 0)
        parts.append(tr("%n retry(s)", nullptr, counts.retries));
    if (counts.inFlight > 0)
        parts.append(tr("%n in flight", nullptr, counts.inFlight));
    parts.append(tr("%n queued", nullptr, counts.queued));

    QStringList reasons;
    for (int reason = 0; reason < SkipReasonCount; ++reason) {
        if (const int n = counts.skippedBy[std::size_t(reason)]; n > 0)
            reasons.append(tr("%1 %2").arg(skipReasonLabel(SkipReason(reason))).arg(n));
    }
    QString skipped = tr("%n skipped", nullptr, counts.skipped);
    if (!reasons.isEmpty())
        skipped += QStringLiteral(" (") + reasons.join(QStringLiteral(", ")) + u')';
    parts.append(skipped);
    parts.append(tr("%n host(s)", nullptr, counts.hosts));
    return parts.join(QStringLiteral(" · "));
}

void FrontierView::selectRecord(int recordId)
{
    const int row = m_frontier->rowOfRecord(recordId);
    if (row < 0)
        return;
    const QModelIndex proxied = m_filter->mapFromSource(m_frontier->index(row, 0));
    if (!proxied.isValid())
        return;
    m_table->selectionModel()->setCurrentIndex(
        proxied, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(proxied);
}

void FrontierView::activate(const QModelIndex &index)
{
    const int id = index.data(FrontierModel::IdRole).toInt();
    if (index.isValid() && id >= 0 && m_frontier->source())
        Q_EMIT requestActivated(m_frontier->source(), id);
}

void FrontierView::applyFilters()
{
    const auto state = FrontierFilter::StateFilter(m_stateBox->currentData().toInt());
    m_filter->setStateFilter(state);
    // A skip reason narrows the skipped URLs; no other state has one.
    const bool reasons
        = state == FrontierFilter::StateFilter::All || state == FrontierFilter::StateFilter::Skipped;
    m_reasonBox->setEnabled(reasons);
    const int reason = m_reasonBox->currentData().toInt();
    m_filter->setReasonFilter(reasons && reason != AnyReason ? std::optional(SkipReason(reason))
                                                             : std::nullopt);
}

void FrontierView::showEvent(QShowEvent *event)
{
    if (m_summaryStale)
        updateSummary();
    QWidget::showEvent(event);
}

void FrontierView::updateSummary()
{
    // A live run changes the counts with every batch, while the frontier is mostly a tab in the background:
    // what nobody sees is brought up to date when it is shown.
    m_summaryStale = !isVisible();
    if (m_summaryStale)
        return;
    const FrontierModel::Counts &counts = m_frontier->counts();
    m_summary->setText(summaryText(counts));
    for (int i = 1; i < m_reasonBox->count(); ++i) {
        const auto reason = SkipReason(m_reasonBox->itemData(i).toInt());
        const int n = counts.skippedBy[std::size_t(reason)];
        m_reasonBox->setItemText(
            i, n > 0 ? tr("%1 (%2)").arg(skipReasonLabel(reason)).arg(n) : skipReasonLabel(reason));
    }
}
