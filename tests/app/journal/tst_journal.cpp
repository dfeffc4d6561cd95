#include "demoserver/demoserver.h"
#include "journal/journalreader.h"
#include "journal/journalwriter.h"
#include "session/runsequence.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include <sys/resource.h>

class TestJournal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void directoryFollowsXdgStateHome();
    void finishedSequenceReadsBackAsItRan();
    void crawlReadsBackWithItsSkippedUrlsAndHosts();
    void killedRunIsCancelledAtItsLastMoment();
    void tornLastLineIsDroppedAndBadLinesAreNamed();
    void liveJournalsAreNoOrphans();
    void failedWriteIsNamedAndTheRunGoesOn();

private:
    QList<QUrl> urls(const QString &path, int count) const;
    /// The lines of a journal, each with its newline.
    static QList<QByteArray> lines(const QString &path);

    DemoServer m_server;
};

void TestJournal::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(0, &error), qPrintable(error));
}

QList<QUrl> TestJournal::urls(const QString &path, int count) const
{
    QUrl url = m_server.baseUrl();
    url.setPath(path);
    return QList<QUrl>(count, url);
}

QList<QByteArray> TestJournal::lines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> result;
    while (!file.atEnd())
        result.append(file.readLine());
    return result;
}

void TestJournal::directoryFollowsXdgStateHome()
{
    const QByteArray saved = qgetenv("XDG_STATE_HOME");
    qputenv("XDG_STATE_HOME", "/somewhere/state");
    QCOMPARE(JournalReader::directory(), QStringLiteral("/somewhere/state/crawlscope"));
    qputenv("XDG_STATE_HOME", "relative/is/ignored"); // the XDG spec says so
    QCOMPARE(JournalReader::directory(), QDir::homePath() + QStringLiteral("/.local/state/crawlscope"));
    qputenv("XDG_STATE_HOME", saved);
}

void TestJournal::finishedSequenceReadsBackAsItRan()
{
    QTemporaryDir dir;
    RunSequence sequence;
    JournalWriter journal(&sequence, dir.path());
    QSignalSpy finished(&sequence, &RunSequence::finished);
    RunSettings base;
    base.limit = 2;
    sequence.start(urls(QStringLiteral("/delay/5"), 6), RunSequence::comparison(base));
    QVERIFY(finished.wait(30'000));
    QVERIFY(journal.isEnded());
    QVERIFY(QFile::exists(journal.path()));
    QVERIFY(JournalReader::isLive(journal.path())); // held until saved or this process ends

    QString error;
    const auto entry = JournalReader::read(journal.path(), &error);
    QVERIFY2(entry, qPrintable(error));
    QVERIFY(entry->ended);
    QCOMPARE(entry->droppedLines, 0);
    QCOMPARE(entry->pid, QCoreApplication::applicationPid());
    const QList<RunResult> &ran = sequence.results();
    QCOMPARE(entry->runs.size(), ran.size());
    for (qsizetype i = 0; i < ran.size(); ++i) {
        RunResult expected = ran[i];
        expected.recovered = true; // the one difference
        QCOMPARE(entry->runs[i], expected);
    }
    // About two lines a request: when it first appears and when it is done, not once per phase.
    const qsizetype records = 3 * 6;
    QVERIFY2(lines(journal.path()).size() <= 2 * records + 3 * 3 + 2,
             qPrintable(QString::number(lines(journal.path()).size())));

    const QString path = journal.path();
    journal.discard();
    QVERIFY(!QFile::exists(path));
    QVERIFY(journal.path().isEmpty());
}

void TestJournal::crawlReadsBackWithItsSkippedUrlsAndHosts()
{
    QTemporaryDir dir;
    RunSequence sequence;
    JournalWriter journal(&sequence, dir.path());
    QSignalSpy finished(&sequence, &RunSequence::finished);
    RunSettings settings;
    settings.crawl.enabled = true;
    settings.crawl.maxPages = 12;
    sequence.start(urls(QStringLiteral("/site/"), 1), {settings});
    QVERIFY(finished.wait(60'000));
    QString error;
    const auto entry = JournalReader::read(journal.path(), &error);
    QVERIFY2(entry, qPrintable(error));
    QCOMPARE(entry->runs.size(), 1);
    const RunResult &ran = sequence.results().constFirst();
    QVERIFY(!ran.skipped.isEmpty());
    QVERIFY(!ran.hosts.isEmpty());
    QCOMPARE(entry->runs.first().skipped, ran.skipped);
    QCOMPARE(entry->runs.first().hosts, ran.hosts);
    QCOMPARE(entry->runs.first().records, ran.records);
}

void TestJournal::killedRunIsCancelledAtItsLastMoment()
{
    QTemporaryDir dir;
    QString path;
    {
        RunSequence sequence;
        JournalWriter journal(&sequence, dir.path());
        RunSettings settings;
        settings.limit = 2;
        // Two fast requests finish while two slow ones hold the permits; the rest wait.
        QList<QUrl> list = urls(QStringLiteral("/delay/1"), 2) + urls(QStringLiteral("/delay/60000"), 4);
        sequence.start(list, {settings});
        path = journal.path();
        // The fast ones reach the file as soon as their batch does: nothing here writes on request.
        const auto doneInFile
            = [&path] { return lines(path).join().count(QByteArrayLiteral("\"outcome\":\"ok\"")); };
        QTRY_COMPARE_WITH_TIMEOUT(doneInFile(), 2, 10'000);
        QFile copy(path);
        QVERIFY(copy.copy(dir.filePath(QStringLiteral("killed.journal.jsonl"))));
        sequence.cancel();
    }
    // The copy is the file as a SIGKILL would have left it: no end, no done.
    QString error;
    const auto entry = JournalReader::read(dir.filePath(QStringLiteral("killed.journal.jsonl")), &error);
    QVERIFY2(entry, qPrintable(error));
    QVERIFY(!entry->ended);
    QCOMPARE(entry->runs.size(), 1);
    const RunResult &run = entry->runs.first();
    QVERIFY(run.recovered);
    QVERIFY(run.cancelled);
    QCOMPARE(run.records.size(), 6);
    QCOMPARE(run.records[0].outcome, Outcome::Ok);
    QCOMPARE(run.records[1].outcome, Outcome::Ok);
    qint64 last = 0;
    for (const RequestRecord &record : run.records) {
        for (const qint64 mark : record.marks)
            last = std::max(last, mark);
    }
    QCOMPARE(run.endNs, last);
    for (int id = 2; id < 6; ++id) {
        QCOMPARE(run.records[id].outcome, Outcome::Cancelled);
        QVERIFY(run.records[id].error.toString().contains(QStringLiteral("interrupted")));
    }
}

void TestJournal::tornLastLineIsDroppedAndBadLinesAreNamed()
{
    QTemporaryDir dir;
    QString path;
    RunSequence sequence;
    JournalWriter journal(&sequence, dir.path());
    QSignalSpy finished(&sequence, &RunSequence::finished);
    sequence.start(urls(QStringLiteral("/delay/1"), 4), {RunSettings()});
    QVERIFY(finished.wait(30'000));
    const QList<QByteArray> written = lines(journal.path());
    QVERIFY(written.size() > 5);

    const auto write = [&dir](const QString &name, const QByteArray &data) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
            return QString();
        return file.fileName();
    };
    // Cut in the middle of line 5, as a kill during a write would leave it.
    QByteArray torn;
    for (int i = 0; i < 4; ++i)
        torn += written[i];
    torn += written[4].left(written[4].size() / 2);
    QString error;
    const auto entry = JournalReader::read(write(QStringLiteral("torn.journal.jsonl"), torn), &error);
    QVERIFY2(entry, qPrintable(error));
    QCOMPARE(entry->droppedLines, 1);
    QCOMPARE(entry->runs.size(), 1);

    // The same damage before the end is no kill: the reader names the line.
    QByteArray bad = torn.left(torn.size() - 3) + '\n' + written.mid(5).join();
    QVERIFY(!JournalReader::read(write(QStringLiteral("bad.journal.jsonl"), bad), &error));
    QVERIFY2(error.contains(QStringLiteral("line 5")), qPrintable(error));

    QByteArray foreign = "{\"t\":\"journal\",\"format\":\"something-else\"}\n";
    QVERIFY(!JournalReader::read(write(QStringLiteral("foreign.journal.jsonl"), foreign), &error));
    QVERIFY2(error.contains(QStringLiteral("line 1: not a Crawlscope journal")), qPrintable(error));
}

void TestJournal::liveJournalsAreNoOrphans()
{
    QTemporaryDir dir;
    RunSequence sequence;
    auto *journal = new JournalWriter(&sequence, dir.path());
    QSignalSpy finished(&sequence, &RunSequence::finished);
    sequence.start(urls(QStringLiteral("/delay/1"), 2), {RunSettings()});
    QVERIFY(finished.wait(30'000));
    const QString path = journal->path();
    QVERIFY(JournalReader::orphans(dir.path()).isEmpty());
    delete journal; // as the process ending would: the lock goes, the file stays
    const QList<JournalEntry> orphans = JournalReader::orphans(dir.path());
    QCOMPARE(orphans.size(), 1);
    QCOMPARE(orphans.first().path, path);
    QVERIFY(orphans.first().ended);
}

void TestJournal::failedWriteIsNamedAndTheRunGoesOn()
{
    // The journal's lines are written on the sink's thread: a write that fails there must still reach the
    // GUI thread as failed(), drop the file and leave the run alone. A file size limit makes the write fail
    // (EFBIG) once the journal outgrows it, as a full disk would.
    QTemporaryDir dir;
    rlimit saved {};
    QCOMPARE(::getrlimit(RLIMIT_FSIZE, &saved), 0);
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = saved;
    small.rlim_cur = 4096; // the header lines fit, a few records' lines do not
    QCOMPARE(::setrlimit(RLIMIT_FSIZE, &small), 0);
    const auto restore = qScopeGuard([&] {
        ::setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, oldHandler);
    });

    RunSequence sequence;
    JournalWriter journal(&sequence, dir.path());
    QSignalSpy failed(&journal, &JournalWriter::failed);
    QSignalSpy finished(&sequence, &RunSequence::finished);
    RunSettings settings;
    settings.limit = 4;
    sequence.start(urls(QStringLiteral("/delay/1"), 40), {settings});
    QVERIFY(finished.wait(30'000));
    QTRY_COMPARE(failed.size(), 1);
    const QString message = failed.first().first().toString();
    QVERIFY2(message.startsWith(QStringLiteral("Cannot write the journal")), qPrintable(message));
    QVERIFY2(message.contains(dir.path()), qPrintable(message));
    QVERIFY(journal.path().isEmpty());
    QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty()); // the broken journal is gone
    QCOMPARE(sequence.results().size(), 1);
    QCOMPARE(sequence.results().first().records.size(), 40); // the run itself lost nothing
}

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
