#include "core/runcaption.h"
#include "demoserver/demoserver.h"
#include "journal/journalreader.h"
#include "journal/journalwriter.h"
#include "journalkeeper.h"
#include "models/runmodel.h"
#include "recoverydialog.h"
#include "session/runsequence.h"
#include "session/runsession.h"

#include <QApplication>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

// The window's journal: written while a run goes, gone once saved; and at launch, the runs an earlier
// Crawlscope left behind are offered, recovered onto the window or discarded.
class TestJournalKeeper : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void savedRunsLeaveNoJournal();
    void dialogListsWhatIsLeft();
    void recoveredRunsAreShownAndGoWithTheNextSave();
    void declinedRunsAreDiscarded();
    void laterKeepsThem();
    void launchOfferReadsAsideAndWaitsForTheRun();

private:
    /// Leaves a journal in dir as a finished process would: the file, unlocked.
    QString leaveJournal(const QString &dir, int requests);
    /// Answers the dialog offerRecovery() opens with the button choose() picks.
    static void answer(QPushButton *(RecoveryDialog::*choose)() const);

    DemoServer m_server;
};

void TestJournalKeeper::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(0, &error), qPrintable(error));
}

QString TestJournalKeeper::leaveJournal(const QString &dir, int requests)
{
    RunSequence sequence;
    JournalWriter writer(&sequence, dir);
    QSignalSpy finished(&sequence, &RunSequence::finished);
    QUrl url = m_server.baseUrl();
    url.setPath(u"/delay/1"_s);
    sequence.start(QList<QUrl>(requests, url), {RunSettings()});
    if (!finished.wait(30'000))
        return {};
    return writer.path();
}

void TestJournalKeeper::answer(QPushButton *(RecoveryDialog::*choose)() const)
{
    QTimer::singleShot(0, qApp, [choose] {
        if (auto *dialog = qobject_cast<RecoveryDialog *>(QApplication::activeModalWidget()))
            (dialog->*choose)()->click();
    });
}

void TestJournalKeeper::savedRunsLeaveNoJournal()
{
    QTemporaryDir dir;
    RunSession session;
    JournalKeeper keeper(&session, dir.path());
    QUrl url = m_server.baseUrl();
    url.setPath(u"/delay/1"_s);
    QSignalSpy finished(&session, &RunSession::finished);
    session.start({url, url}, {RunSettings()});
    QVERIFY(finished.wait(30'000));
    const QString path = keeper.writer()->path();
    QVERIFY(QFile::exists(path));
    keeper.saved();
    QVERIFY(!QFile::exists(path));
}

void TestJournalKeeper::dialogListsWhatIsLeft()
{
    QTemporaryDir dir;
    QVERIFY(!leaveJournal(dir.path(), 3).isEmpty());
    const QList<JournalEntry> entries = JournalReader::orphans(dir.path());
    QCOMPARE(entries.size(), 1);
    RecoveryDialog dialog(entries);
    QCOMPARE(dialog.list()->topLevelItemCount(), 1);
    const QTreeWidgetItem *item = dialog.list()->topLevelItem(0);
    QCOMPARE(item->text(1), RunCaption::label(RunSettings())); // "Limited (3)", as the Runs menu says it
    QCOMPARE(item->text(2), u"3"_s);
    QCOMPARE(item->toolTip(0), entries.first().path);
    dialog.discardButton()->click();
    QCOMPARE(dialog.choice(), RecoveryDialog::Choice::Discard);

    // In the window's language, not the journal's "limited".
    QTranslator korean;
    QVERIFY(korean.load(u":/i18n/crawlscope_ko.qm"_s));
    QVERIFY(QCoreApplication::installTranslator(&korean));
    const RecoveryDialog inKorean(entries);
    const QString runs = inKorean.list()->topLevelItem(0)->text(1);
    QVERIFY(QCoreApplication::removeTranslator(&korean));
    QVERIFY2(runs.startsWith(u"제한"_s), qPrintable(runs));
}

void TestJournalKeeper::recoveredRunsAreShownAndGoWithTheNextSave()
{
    QTemporaryDir dir;
    const QString left = leaveJournal(dir.path(), 4);
    QVERIFY(!left.isEmpty());
    RunSession session;
    JournalKeeper keeper(&session, dir.path());
    answer(&RecoveryDialog::recoverButton);
    const QList<RunResult> recovered = keeper.offerRecovery(nullptr);
    QCOMPARE(recovered.size(), 1);
    QCOMPARE(session.models().size(), 1);
    QVERIFY(session.models().first()->run().recovered);
    QCOMPARE(session.models().first()->records().size(), 4);
    QVERIFY(QFile::exists(left)); // not saved yet
    keeper.saved();
    QVERIFY(!QFile::exists(left));
}

void TestJournalKeeper::declinedRunsAreDiscarded()
{
    QTemporaryDir dir;
    const QString left = leaveJournal(dir.path(), 2);
    RunSession session;
    JournalKeeper keeper(&session, dir.path());
    answer(&RecoveryDialog::discardButton);
    QVERIFY(keeper.offerRecovery(nullptr).isEmpty());
    QVERIFY(session.models().isEmpty());
    QVERIFY(!QFile::exists(left));
}

void TestJournalKeeper::laterKeepsThem()
{
    QTemporaryDir dir;
    const QString left = leaveJournal(dir.path(), 2);
    RunSession session;
    JournalKeeper keeper(&session, dir.path());
    answer(&RecoveryDialog::laterButton);
    QVERIFY(keeper.offerRecovery(nullptr).isEmpty());
    QVERIFY(QFile::exists(left));
    // Nothing to ask about when nothing is left: no dialog, so nothing would answer one.
    QTemporaryDir empty;
    JournalKeeper quiet(&session, empty.path());
    QVERIFY(quiet.offerRecovery(nullptr).isEmpty());
}

void TestJournalKeeper::launchOfferReadsAsideAndWaitsForTheRun()
{
    QTemporaryDir dir;
    const QString left = leaveJournal(dir.path(), 3);
    QVERIFY(!left.isEmpty());
    // The dialog opens whenever the reading ends; answer it then.
    int asked = 0;
    QTimer answerer;
    answerer.setInterval(5);
    connect(&answerer, &QTimer::timeout, this, [&] {
        if (auto *dialog = qobject_cast<RecoveryDialog *>(QApplication::activeModalWidget())) {
            ++asked;
            dialog->recoverButton()->click();
        }
    });
    answerer.start();

    // A window that still shows nothing: asked once the journals are read, which is not within the call.
    {
        RunSession session;
        JournalKeeper keeper(&session, dir.path());
        QSignalSpy offered(&keeper, &JournalKeeper::recoveryOffered);
        keeper.offerRecoveryInBackground(nullptr);
        QCOMPARE(offered.count(), 0);
        QVERIFY(offered.wait(30'000));
        QCOMPARE(asked, 1);
        QCOMPARE(offered.first().first().value<QList<RunResult>>().size(), 1);
        QCOMPARE(session.models().size(), 1);
    }

    // The user started a run before the reading ended: recovered runs would replace it, and the next save
    // would let its journal go. Not asked; the journal stays for the next launch.
    asked = 0;
    RunSession session;
    JournalKeeper keeper(&session, dir.path());
    QUrl url = m_server.baseUrl();
    url.setPath(u"/delay/200"_s);
    QSignalSpy finished(&session, &RunSession::finished);
    session.start({url}, {RunSettings()});
    QSignalSpy offered(&keeper, &JournalKeeper::recoveryOffered);
    keeper.offerRecoveryInBackground(nullptr);
    QVERIFY(offered.wait(30'000));
    QVERIFY(offered.first().first().value<QList<RunResult>>().isEmpty());
    QCOMPARE(asked, 0);
    QVERIFY(QFile::exists(left));
    QVERIFY(finished.count() == 1 || finished.wait(30'000));
    QCOMPARE(session.models().size(), 1); // the user's own run, not replaced
    QVERIFY(!session.models().first()->run().recovered);
}

QTEST_MAIN(TestJournalKeeper)
#include "tst_journalkeeper.moc"
