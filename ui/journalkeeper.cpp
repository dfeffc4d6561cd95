#include "journalkeeper.h"

#include "journal/journalreader.h"
#include "journal/journalwriter.h"
#include "recoverydialog.h"
#include "session/runsession.h"

#include <QFile>

#include <utility>

JournalKeeper::JournalKeeper(RunSession *session, QString directory, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_directory(std::move(directory))
    , m_writer(new JournalWriter(session->sequence(), m_directory, this))
{ }

QList<RunResult> JournalKeeper::offerRecovery(QWidget *parent)
{
    const QList<JournalEntry> entries = JournalReader::orphans(m_directory);
    if (entries.isEmpty())
        return {};
    RecoveryDialog dialog(entries, parent);
    dialog.exec();
    switch (dialog.choice()) {
    case RecoveryDialog::Choice::Recover:
        recover(entries);
        break;
    case RecoveryDialog::Choice::Discard:
        discard(entries);
        return {};
    case RecoveryDialog::Choice::Later:
        return {};
    }
    QList<RunResult> runs;
    for (const JournalEntry &entry : entries)
        runs += entry.runs;
    return runs;
}

void JournalKeeper::recover(const QList<JournalEntry> &entries)
{
    QList<RunResult> runs;
    for (const JournalEntry &entry : entries) {
        runs += entry.runs;
        m_recovered.append(entry.path);
    }
    m_session->showRuns(runs);
}

void JournalKeeper::discard(const QList<JournalEntry> &entries)
{
    for (const JournalEntry &entry : entries)
        QFile::remove(entry.path);
}

void JournalKeeper::saved()
{
    if (m_writer->isEnded())
        m_writer->discard();
    for (const QString &path : std::as_const(m_recovered))
        QFile::remove(path);
    m_recovered.clear();
}
