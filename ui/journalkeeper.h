#pragma once

#include "journal/journalentry.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

class JournalWriter;
class RunSession;
class QThread;
class QWidget;

/// The window's side of the journal: every run the session starts is journaled; the journal goes once the
/// runs are saved (saved()). At launch, offerRecovery() asks about the runs an earlier Crawlscope left
/// unsaved: recovered ones are shown and their journals go with the next save, declined ones go at once.
class JournalKeeper : public QObject
{
    Q_OBJECT

public:
    JournalKeeper(RunSession *session, QString directory, QObject *parent = nullptr);
    ~JournalKeeper() override;

    /// Asks with a RecoveryDialog when there is anything to recover. Returns the runs recovered, if any.
    QList<RunResult> offerRecovery(QWidget *parent);
    /// The same, for launch: the journals (which can be hundreds of megabytes) are read on a thread of their
    /// own while the window works, and the dialog opens once they are read, if the window still shows
    /// nothing; otherwise they are kept for the next launch. recoveryOffered() follows in every case.
    void offerRecoveryInBackground(QWidget *parent);
    /// What the dialog's choice does, apart from the dialog: recover (show the runs) or discard the entries.
    void recover(const QList<JournalEntry> &entries);
    void discard(const QList<JournalEntry> &entries);
    /// The shown runs were written to a file: their journals are not needed any more.
    void saved();

    JournalWriter *writer() const { return m_writer; }
    const QString &directory() const { return m_directory; }

Q_SIGNALS:
    void recoveryOffered(const QList<RunResult> &recovered);

private:
    QList<RunResult> offer(const QList<JournalEntry> &entries, QWidget *parent);

    RunSession *m_session;
    QString m_directory;
    JournalWriter *m_writer;
    QStringList m_recovered; // journals of runs recovered onto the window, not saved yet
    QThread *m_reader = nullptr; // reading the journals at launch, until it finishes
};
