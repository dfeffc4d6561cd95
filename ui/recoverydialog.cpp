#include "recoverydialog.h"

#include "core/runcaption.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

RecoveryDialog::RecoveryDialog(const QList<JournalEntry> &entries, QWidget *parent)
    : QDialog(parent)
    , m_list(new QTreeWidget(this))
{
    setWindowTitle(tr("Recover runs"));
    auto *text = new QLabel(tr("Crawlscope ended before these runs were saved. Their requests were "
                               "journaled as they went; recover them to see and save them."),
                            this);
    text->setWordWrap(true);

    m_list->setRootIsDecorated(false);
    m_list->setAccessibleName(tr("Unsaved runs"));
    m_list->setHeaderLabels({tr("Started"), tr("Runs"), tr("Requests"), tr("State")});
    for (const JournalEntry &entry : entries) {
        QStringList modes;
        qsizetype requests = 0;
        for (const RunResult &run : entry.runs) {
            modes.append(RunCaption::label(run.settings));
            requests += run.records.size();
        }
        auto *item
            = new QTreeWidgetItem(m_list,
                                  {QLocale().toString(entry.createdAt.toLocalTime(), QLocale::ShortFormat),
                                   modes.join(QStringLiteral(", ")), QLocale().toString(requests),
                                   entry.ended ? tr("ended, not saved") : tr("interrupted")});
        item->setToolTip(0, entry.path);
    }
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *buttons = new QDialogButtonBox(this);
    m_recover = buttons->addButton(tr("Recover"), QDialogButtonBox::AcceptRole);
    m_discard = buttons->addButton(tr("Discard"), QDialogButtonBox::DestructiveRole);
    m_later = buttons->addButton(tr("Later"), QDialogButtonBox::RejectRole);
    m_recover->setDefault(true);
    connect(m_recover, &QPushButton::clicked, this, [this] {
        m_choice = Choice::Recover;
        accept();
    });
    connect(m_discard, &QPushButton::clicked, this, [this] {
        m_choice = Choice::Discard;
        accept();
    });
    connect(m_later, &QPushButton::clicked, this, [this] {
        m_choice = Choice::Later;
        reject();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    resize(560, 300);
}
