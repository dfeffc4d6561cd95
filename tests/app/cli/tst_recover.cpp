#include "export/exporter.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

// The journal through the real binary: what a killed `crawlscope run` leaves, what `recover` makes of it,
// and which runs leave nothing behind.
class TestRecover : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void killedRunIsRecovered();
    void hangupWritesTheExportAndLeavesNoJournal();
    void cleanRunLeavesNoJournal();

private:
    void start(QProcess &process, const QStringList &arguments) const;
    QStringList journals() const;
    /// Requests the journals say are done: one line each, in the record schema's JSON.
    qsizetype doneInJournals() const;

    std::unique_ptr<QTemporaryDir> m_state; // XDG_STATE_HOME of the children
};

void TestRecover::init()
{
    m_state = std::make_unique<QTemporaryDir>();
    QVERIFY(m_state->isValid());
}

void TestRecover::start(QProcess &process, const QStringList &arguments) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"XDG_STATE_HOME"_s, m_state->path());
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(CRAWLSCOPE_BINARY), arguments);
}

QStringList TestRecover::journals() const
{
    const QDir dir(m_state->filePath(u"crawlscope"_s));
    QStringList paths;
    for (const QString &name : dir.entryList({u"*.journal.jsonl"_s}, QDir::Files))
        paths.append(dir.filePath(name));
    return paths;
}

qsizetype TestRecover::doneInJournals() const
{
    qsizetype done = 0;
    for (const QString &path : journals()) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            done += file.readAll().count(QByteArrayLiteral("\"outcome\":\"ok\""));
    }
    return done;
}

void TestRecover::killedRunIsRecovered()
{
    const QString lost = m_state->filePath(u"lost.json"_s);
    QProcess process;
    start(process,
          {u"run"_s, u"--demo"_s, u"--limit"_s, u"2"_s, u"--repeat"_s, u"60"_s, u"{demo}/delay/100"_s,
           u"-o"_s, lost});
    QVERIFY(process.waitForStarted());
    // Killed once the journal holds 6 finished requests: the file is read, nothing here waits on a clock.
    constexpr int Seen = 6;
    QTRY_VERIFY_WITH_TIMEOUT(doneInJournals() >= Seen, 20'000);
    process.kill(); // SIGKILL: no handler runs, nothing is exported
    QVERIFY(process.waitForFinished(10'000));
    QCOMPARE(process.exitStatus(), QProcess::CrashExit);
    QVERIFY(!QFile::exists(lost));
    QCOMPARE(journals().size(), 1);

    QProcess list;
    start(list, {u"recover"_s, u"--list"_s, u"--json"_s});
    QVERIFY(list.waitForFinished(30'000));
    QCOMPARE(list.exitCode(), 0);
    const QJsonArray listed
        = QJsonDocument::fromJson(list.readAllStandardOutput()).object().value(u"journals"_s).toArray();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.first()[u"ended"_s].toBool(), false);
    QCOMPARE(listed.first()[u"records"_s].toInt(), 60);

    QProcess summary;
    start(summary, {u"recover"_s, u"--json"_s});
    QVERIFY(summary.waitForFinished(30'000));
    QCOMPARE(summary.exitCode(), 0);
    const QJsonArray runs
        = QJsonDocument::fromJson(summary.readAllStandardOutput()).object().value(u"runs"_s).toArray();
    QCOMPARE(runs.size(), 1);
    const QJsonObject run = runs.first().toObject();
    QCOMPARE(run[u"recovered"_s].toBool(), true);
    QCOMPARE(run[u"requests"_s].toInt(), 60);
    QVERIFY2(run[u"ok"_s].toInt() >= Seen, qPrintable(QString::number(run[u"ok"_s].toInt())));
    QCOMPARE(run[u"ok"_s].toInt() + run[u"cancelled"_s].toInt(), 60); // the rest was cut short, and says so
    QCOMPARE(journals().size(), 1); // only summarized: nothing was saved yet

    const QString saved = m_state->filePath(u"recovered.json"_s);
    QProcess exporting;
    start(exporting, {u"recover"_s, u"-o"_s, saved});
    QVERIFY(exporting.waitForFinished(30'000));
    QCOMPARE(exporting.exitCode(), 0);
    QString error;
    const auto read = importRuns(saved, &error);
    QVERIFY2(read, qPrintable(error));
    QCOMPARE(read->size(), 1);
    QVERIFY(read->first().recovered);
    QVERIFY(read->first().cancelled);
    QCOMPARE(read->first().records.size(), 60);
    QVERIFY(journals().isEmpty()); // saved now
}

void TestRecover::hangupWritesTheExportAndLeavesNoJournal()
{
    const QString json = m_state->filePath(u"hangup.json"_s);
    QProcess process;
    start(process,
          {u"run"_s, u"--demo"_s, u"--limit"_s, u"2"_s, u"--repeat"_s, u"6"_s, u"{demo}/delay/100"_s,
           u"{demo}/delay/60000"_s, u"-o"_s, json});
    QVERIFY(process.waitForStarted());
    QByteArray errors; // QTRY evaluates its expression more than once, so keep what was read
    QTRY_VERIFY_WITH_TIMEOUT((errors += process.readAllStandardError()).contains("running"), 10'000);
    QTRY_VERIFY_WITH_TIMEOUT(!journals().isEmpty(), 10'000);
    ::kill(pid_t(process.processId()), SIGHUP); // the terminal went away
    QVERIFY(process.waitForFinished(20'000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 130);
    QString error;
    const auto runs = importRuns(json, &error);
    QVERIFY2(runs, qPrintable(error));
    QCOMPARE(runs->size(), 1);
    QVERIFY(runs->first().cancelled);
    QVERIFY(!runs->first().recovered);
    QCOMPARE(runs->first().records.size(), 12);
    QVERIFY(journals().isEmpty()); // ended cleanly and saved
}

void TestRecover::cleanRunLeavesNoJournal()
{
    const QString json = m_state->filePath(u"clean.json"_s);
    QProcess process;
    start(process,
          {u"run"_s, u"--demo"_s, u"--mode"_s, u"compare"_s, u"--repeat"_s, u"3"_s, u"{demo}/delay/10"_s,
           u"-o"_s, json});
    QVERIFY(process.waitForFinished(30'000));
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(QFile::exists(json));
    QVERIFY(QDir(m_state->filePath(u"crawlscope"_s)).exists()); // it was journaled
    QVERIFY(journals().isEmpty());

    // An export that cannot be written keeps the journal, for recover: here the path is a folder.
    const QString unwritable = m_state->filePath(u"folder.json"_s);
    QVERIFY(QDir().mkpath(unwritable));
    QProcess failing;
    start(failing, {u"run"_s, u"--demo"_s, u"--repeat"_s, u"2"_s, u"{demo}/delay/10"_s, u"-o"_s, unwritable});
    QVERIFY(failing.waitForFinished(30'000));
    QCOMPARE(failing.exitCode(), 1);
    QCOMPARE(journals().size(), 1);
}

QTEST_GUILESS_MAIN(TestRecover)
#include "tst_recover.moc"
