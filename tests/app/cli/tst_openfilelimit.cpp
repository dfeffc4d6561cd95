#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// The real binary under a low open-file limit, soft and hard alike, as the issue reproduced it: before the
// cap, GLib aborted the process when a network manager's thread could not get its wakeup descriptor.
class TestOpenFileLimit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void runsCompleteCappedAndSaySo_data();
    void runsCompleteCappedAndSaySo();
    void aRunTheCapDoesNotHoldBackSaysNothing_data();
    void aRunTheCapDoesNotHoldBackSaysNothing();

private:
    QString m_prlimit;
};

void TestOpenFileLimit::initTestCase()
{
    // util-linux, on every Debian system.
    m_prlimit = QStandardPaths::findExecutable(u"prlimit"_s);
    QVERIFY2(!m_prlimit.isEmpty(), "prlimit (util-linux) is needed to run the binary under a low limit");
}

void TestOpenFileLimit::runsCompleteCappedAndSaySo_data()
{
    QTest::addColumn<QStringList>("mode");
    QTest::addColumn<int>("asked"); // 0: gather, no gate

    QTest::newRow("gather") << QStringList {u"--mode"_s, u"gather"_s} << 0;
    QTest::newRow("limited 1000") << QStringList {u"--mode"_s, u"limited"_s, u"--limit"_s, u"1000"_s} << 1000;
}

void TestOpenFileLimit::runsCompleteCappedAndSaySo()
{
    QFETCH(QStringList, mode);
    QFETCH(int, asked);
    constexpr int Requests = 2000;

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString exported = dir.filePath(u"run.json"_s);
    QProcess process;
    process.start(m_prlimit,
                  QStringList {u"--nofile=512:512"_s, QStringLiteral(CRAWLSCOPE_BINARY), u"run"_s,
                               u"--demo"_s, u"--json"_s, u"--repeat"_s, QString::number(Requests), u"-o"_s,
                               exported}
                      + mode + QStringList {u"{demo}/delay/10"_s});
    QVERIFY(process.waitForStarted());
    QVERIFY(process.waitForFinished(100'000));
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(process.exitCode() == 0, qPrintable(err));

    const QJsonObject summary = QJsonDocument::fromJson(process.readAllStandardOutput())
                                    .object()
                                    .value(u"runs"_s)
                                    .toArray()
                                    .at(0)
                                    .toObject();
    QCOMPARE(summary.value(u"requests"_s).toInt(), Requests);
    QCOMPARE(summary.value(u"ok"_s).toInt(), Requests);
    const QJsonObject cap = summary.value(u"concurrency_cap"_s).toObject();
    const int maxInFlight = cap.value(u"max_in_flight"_s).toInt();
    QVERIFY2(maxInFlight > 0, qPrintable(err));
    QVERIFY(asked == 0 || maxInFlight < asked);
    QVERIFY(summary.value(u"peak_in_flight"_s).toInt() <= maxInFlight);
    QVERIFY2(cap.value(u"reason"_s).toString().contains(u"open-file limit 512"_s),
             qPrintable(cap.value(u"reason"_s).toString()));
    QVERIFY2(err.contains(u"concurrency capped at %1"_s.arg(maxInFlight)), qPrintable(err));

    // The export carries it at the run's level, and reading the file back keeps it.
    QFile file(exported);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject run
        = QJsonDocument::fromJson(file.readAll()).object().value(u"runs"_s).toArray().at(0).toObject();
    QCOMPARE(run.value(u"concurrency_cap"_s).toObject(), cap);
    QProcess reread;
    reread.start(QStringLiteral(CRAWLSCOPE_BINARY), {u"run"_s, u"--import"_s, exported, u"--json"_s});
    QVERIFY(reread.waitForFinished(60'000));
    QCOMPARE(reread.exitCode(), 0);
    const QJsonObject reSummary = QJsonDocument::fromJson(reread.readAllStandardOutput())
                                      .object()
                                      .value(u"runs"_s)
                                      .toArray()
                                      .at(0)
                                      .toObject();
    QCOMPARE(reSummary.value(u"concurrency_cap"_s).toObject(), cap);
}

void TestOpenFileLimit::aRunTheCapDoesNotHoldBackSaysNothing_data()
{
    QTest::addColumn<QStringList>("mode");
    QTest::newRow("gather of 5") << QStringList {u"--mode"_s, u"gather"_s};
    QTest::newRow("limited 3 of 5") << QStringList {u"--mode"_s, u"limited"_s, u"--limit"_s, u"3"_s};
}

void TestOpenFileLimit::aRunTheCapDoesNotHoldBackSaysNothing()
{
    // The cap (a few hundred here) is far above what 5 requests need: saying "capped" would be false.
    QFETCH(QStringList, mode);
    QProcess process;
    process.start(m_prlimit,
                  QStringList {u"--nofile=512:512"_s, QStringLiteral(CRAWLSCOPE_BINARY), u"run"_s,
                               u"--demo"_s, u"--json"_s, u"--repeat"_s, u"5"_s}
                      + mode + QStringList {u"{demo}/delay/10"_s});
    QVERIFY(process.waitForStarted());
    QVERIFY(process.waitForFinished(60'000));
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(process.exitCode() == 0, qPrintable(err));
    const QJsonObject summary = QJsonDocument::fromJson(process.readAllStandardOutput())
                                    .object()
                                    .value(u"runs"_s)
                                    .toArray()
                                    .at(0)
                                    .toObject();
    QCOMPARE(summary.value(u"requests"_s).toInt(), 5);
    QVERIFY2(!summary.contains(u"concurrency_cap"_s), qPrintable(err));
    QVERIFY2(!err.contains(u"capped"_s), qPrintable(err));
}

QTEST_GUILESS_MAIN(TestOpenFileLimit)
#include "tst_openfilelimit.moc"
