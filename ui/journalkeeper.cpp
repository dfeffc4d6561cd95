#include "journalkeeper.h"

#include "journal/journalreader.h"
#include "journal/journalwriter.h"
#include "recoverydialog.h"
#include "session/runsession.h"

#include <QFile>
#include <QThread>

#include <memory>

#include <utility>

JournalKeeper::JournalKeeper(RunSession *session, QString directory, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_directory(std::move(directory))
    , m_writer(new JournalWriter(session->sequence(), m_directory, this))
{ }

QList<RunResult> JournalKeeper::offerRecovery(QWidget *parent)
{
    return offer(JournalReader::orphans(m_directory), parent);
}

JournalKeeper::~JournalKeeper()
{
    // Quitting while the journals are still read: the thread finishes its files first, so that nothing of
    // Qt's is used after the application has gone.
    if (m_reader) {
        m_reader->wait();
        delete m_reader;
    }
}

void JournalKeeper::offerRecoveryInBackground(QWidget *parent)
{
    auto entries = std::make_shared<QList<JournalEntry>>();
    m_reader = QThread::create(
        [entries, directory = m_directory] { *entries = JournalReader::orphans(directory); });
    QPointer<QWidget> guardedParent(parent);
    connect(m_reader, &QThread::finished, this, [this, entries, guardedParent] {
        m_reader->deleteLater();
        m_reader = nullptr;
        // Recovered runs replace what the window shows, and a save then lets the shown runs' journals go:
        // once the user has run or opened anything, asking would risk their new run. The journals stay, for
        // the next launch or `crawlscope recover`.
        if (m_session->isRunning() || !m_session->models().isEmpty()) {
            Q_EMIT recoveryOffered({});
            return;
        }
        Q_EMIT recoveryOffered(offer(*entries, guardedParent));
    });
    m_reader->start(QThread::LowPriority);
}

QList<RunResult> JournalKeeper::offer(const QList<JournalEntry> &entries, QWidget *parent)
{
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
