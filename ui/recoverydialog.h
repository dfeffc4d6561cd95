#pragma once

#include "journal/journalentry.h"

#include <QDialog>
#include <QList>

class QPushButton;
class QTreeWidget;

/// Offers, at launch, the runs an earlier Crawlscope journaled and never saved: recover them onto the
/// timeline, discard them for good, or decide later (they stay and are offered again).
class RecoveryDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Choice { Later, Recover, Discard };

    explicit RecoveryDialog(const QList<JournalEntry> &entries, QWidget *parent = nullptr);

    Choice choice() const { return m_choice; }
    QTreeWidget *list() const { return m_list; }
    QPushButton *recoverButton() const { return m_recover; }
    QPushButton *discardButton() const { return m_discard; }
    QPushButton *laterButton() const { return m_later; }

private:
    QTreeWidget *m_list;
    QPushButton *m_recover;
    QPushButton *m_discard;
    QPushButton *m_later;
    Choice m_choice = Choice::Later;
};
