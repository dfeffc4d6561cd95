#include "core/crawltypes.h"
#include "export/exporter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "cli/cli.h"
#include "lessons/pythonprogram.h"

using namespace Qt::StringLiterals;

// The command-line contract, exercised through the real binary against its own demo server.
class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonSummaryHasTheContractedFields();
    void compareRunsTheThreeModes();
    void sweepRunsOnceForEachK();
    void codePrintsTheRunsProgram();
    void codeRefusesWhatIsNotOneProgram_data();
    void codeRefusesWhatIsNotOneProgram();
    void crawlSummaryAddsPagesSkippedAndHosts();
    void badLinesAreReportedAndTheRestRuns();
    void exitCodes_data();
    void exitCodes();
    void exportsAreWrittenAndReadBack();
    void interruptKeepsWhatWasRecorded();
    void lessonWritesAllSevenFiles();
    void importConvertsWithoutRunning();
    void malformedImportIsAnError();
    void helpNamesTheCommand_data();
    void helpNamesTheCommand();

private:
    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QString err;
    };
    static Result run(const QStringList &arguments, const QByteArray &input = {});
};

TestCli::Result TestCli::run(const QStringList &arguments, const QByteArray &input)
{
    QProcess process;
    process.start(QStringLiteral(CRAWLSCOPE_BINARY), arguments);
    if (!process.waitForStarted())
        return {};
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60'000))
        return {};
    return {process.exitCode(), process.readAllStandardOutput(),
            QString::fromUtf8(process.readAllStandardError())};
}

void TestCli::jsonSummaryHasTheContractedFields()
{
    const auto result = run({QStringLiteral("run"), QStringLiteral("--demo"), QStringLiteral("--json"),
                             QStringLiteral("--mode"), QStringLiteral("limited"), QStringLiteral("--limit"),
                             QStringLiteral("2"), QStringLiteral("--repeat"), QStringLiteral("4"),
                             QStringLiteral("{demo}/delay/20")});
    QCOMPARE(result.exitCode, 0);
    QJsonParseError error;
    const auto document = QJsonDocument::fromJson(result.out, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const auto runs = document.object().value(QStringLiteral("runs")).toArray();
    QCOMPARE(runs.size(), 1);
    const auto summary = runs.first().toObject();
    const QStringList keys {
        QStringLiteral("mode"),           QStringLiteral("limit"),   QStringLiteral("delay_ms"),
        QStringLiteral("requests"),       QStringLiteral("ok"),      QStringLiteral("failed"),
        QStringLiteral("cancelled"),      QStringLiteral("wall_ms"), QStringLiteral("ideal_ms"),
        QStringLiteral("peak_in_flight"), QStringLiteral("bytes"),   QStringLiteral("predicted_ms")};
    for (const auto &key : keys)
        QVERIFY2(summary.contains(key), qPrintable(key));
    QCOMPARE(summary.value(QStringLiteral("mode")).toString(), QStringLiteral("limited"));
    QCOMPARE(summary.value(QStringLiteral("limit")).toInt(), 2);
    QCOMPARE(summary.value(QStringLiteral("requests")).toInt(), 4);
    QCOMPARE(summary.value(QStringLiteral("ok")).toInt(), 4);
    QCOMPARE(summary.value(QStringLiteral("peak_in_flight")).toInt(), 2);
    QVERIFY(summary.value(QStringLiteral("wall_ms")).toDouble()
            >= summary.value(QStringLiteral("ideal_ms")).toDouble());
    // 4 x 20 ms on 2 permits: two rounds, known before the run from the demo server's delays.
    QCOMPARE(summary.value(QStringLiteral("predicted_ms")).toDouble(), 40.0);
}

void TestCli::compareRunsTheThreeModes()
{
    const auto result = run({QStringLiteral("run"), QStringLiteral("--demo"), QStringLiteral("--json"),
                             QStringLiteral("--mode"), QStringLiteral("compare"), QStringLiteral("--repeat"),
                             QStringLiteral("5"), QStringLiteral("{demo}/delay/50")});
    QCOMPARE(result.exitCode, 0);
    const auto runs = QJsonDocument::fromJson(result.out).object().value(QStringLiteral("runs")).toArray();
    QCOMPARE(runs.size(), 3);
    const QStringList modes {QStringLiteral("sequential"), QStringLiteral("gather"),
                             QStringLiteral("limited")};
    const QList<int> peaks {1, 5, 3};
    const QList<double> predicted {250, 50, 100}; // the lesson's rules: the sum, the longest, two rounds
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(runs[i].toObject().value(QStringLiteral("mode")).toString(), modes[i]);
        QCOMPARE(runs[i].toObject().value(QStringLiteral("predicted_ms")).toDouble(), predicted[i]);
        QCOMPARE(runs[i].toObject().value(QStringLiteral("peak_in_flight")).toInt(), peaks[i]);
    }
}

void TestCli::sweepRunsOnceForEachK()
{
    const auto result = run({u"run"_s, u"--demo"_s, u"--json"_s, u"--mode"_s, u"sweep"_s, u"--limits"_s,
                             u"1,4,2"_s, u"--repeat"_s, u"4"_s, u"{demo}/delay/20"_s});
    QCOMPARE(result.exitCode, 0);
    const auto runs = QJsonDocument::fromJson(result.out).object().value(u"runs"_s).toArray();
    QCOMPARE(runs.size(), 3); // one run per k, in the order given
    const QList<int> limits {1, 4, 2};
    const QList<double> predicted {80, 20, 40};
    for (int i = 0; i < 3; ++i) {
        const QJsonObject summary = runs[i].toObject();
        QCOMPARE(summary.value(u"mode"_s).toString(), u"limited"_s);
        QCOMPARE(summary.value(u"limit"_s).toInt(), limits[i]);
        QCOMPARE(summary.value(u"peak_in_flight"_s).toInt(), limits[i]);
        QCOMPARE(summary.value(u"ok"_s).toInt(), 4);
        QCOMPARE(summary.value(u"predicted_ms"_s).toDouble(), predicted[i]);
    }

    // Without --limits: 1, 2, 4 ... up to the number of URLs.
    const auto doubling = run({u"run"_s, u"--demo"_s, u"--json"_s, u"--mode"_s, u"sweep"_s, u"--repeat"_s,
                               u"5"_s, u"{demo}/delay/10"_s});
    QCOMPARE(doubling.exitCode, 0);
    QList<int> ks;
    for (const auto &run : QJsonDocument::fromJson(doubling.out).object().value(u"runs"_s).toArray())
        ks.append(run.toObject().value(u"limit"_s).toInt());
    QCOMPARE(ks, (QList<int> {1, 2, 4, 5}));

    // The picture of a sweep is its chart: wall time against k, measured and predicted.
    QTemporaryDir dir;
    const QString svg = dir.filePath(u"sweep.svg"_s);
    QCOMPARE(run({u"run"_s, u"--demo"_s, u"--mode"_s, u"sweep"_s, u"--limits"_s, u"1,2,4"_s, u"--repeat"_s,
                  u"4"_s, u"{demo}/delay/10"_s, u"-o"_s, svg})
                 .exitCode,
             0);
    QFile picture(svg);
    QVERIFY(picture.open(QIODevice::ReadOnly));
    const QByteArray drawn = picture.readAll();
    QVERIFY(drawn.contains("wall time against k"));
    QVERIFY(drawn.contains("predicted"));
    // Not a sweep (k not growing): the timeline, as before.
    QCOMPARE(run({u"run"_s, u"--demo"_s, u"--mode"_s, u"sweep"_s, u"--limits"_s, u"2,1"_s, u"--repeat"_s,
                  u"2"_s, u"{demo}/delay/10"_s, u"-o"_s, dir.filePath(u"back.svg"_s)})
                 .exitCode,
             0);
    QFile back(dir.filePath(u"back.svg"_s));
    QVERIFY(back.open(QIODevice::ReadOnly));
    QVERIFY(!back.readAll().contains("wall time against k"));

    QCOMPARE(run({u"run"_s, u"--limits"_s, u"2"_s, u"http://127.0.0.1:9/"_s}).exitCode, int(Cli::BadUsage));
    const auto bad
        = run({u"run"_s, u"--mode"_s, u"sweep"_s, u"--limits"_s, u"2,x"_s, u"http://127.0.0.1:9/"_s});
    QCOMPARE(bad.exitCode, int(Cli::BadUsage));
    QVERIFY2(bad.err.contains(u"2,x"_s), qPrintable(bad.err));
}

void TestCli::codePrintsTheRunsProgram()
{
    const auto result = run({u"code"_s, u"--mode"_s, u"limited"_s, u"--limit"_s, u"3"_s, u"--delay"_s,
                             u"1000"_s, u"--repeat"_s, u"10"_s, u"{demo}/delay/1000"_s});
    QCOMPARE(result.exitCode, 0);
    // The program of the window's Code pane and of the lesson: the same generator, the same settings.
    RunSettings settings;
    settings.mode = RunMode::Limited;
    settings.limit = 3;
    settings.delayMs = 1000;
    const QUrl demo(QStringLiteral("http://127.0.0.1:%1").arg(Cli::DemoPort));
    const QString expected
        = PythonProgram::generate(QList<QUrl>(10, demo.resolved(QUrl(u"/delay/1000"_s))), settings, demo)
              .text();
    QCOMPARE(QString::fromUtf8(result.out), expected);
    QVERIFY(expected.contains(u"asyncio.Semaphore(3)"_s));
    QVERIFY(expected.contains(u"os.environ.get(\"CRAWLSCOPE_DEMO\""_s));
}

void TestCli::codeRefusesWhatIsNotOneProgram_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("compare is three programs")
        << QStringList {u"--mode"_s, u"compare"_s, u"http://a.test/"_s};
    QTest::newRow("a sweep is many") << QStringList {u"--mode"_s, u"sweep"_s, u"http://a.test/"_s};
    QTest::newRow("a crawl has no list") << QStringList {u"--crawl"_s, u"http://a.test/"_s};
    QTest::newRow("no URL") << QStringList {u"--mode"_s, u"gather"_s};
}

void TestCli::codeRefusesWhatIsNotOneProgram()
{
    QFETCH(QStringList, arguments);
    arguments.prepend(u"code"_s);
    const auto result = run(arguments);
    QCOMPARE(result.exitCode, int(Cli::BadUsage));
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.contains(u"crawlscope code: "_s), qPrintable(result.err));
}

void TestCli::crawlSummaryAddsPagesSkippedAndHosts()
{
    // Depth 1 of the demo site, robots.txt ignored on purpose, so the private page is fetched.
    const auto result
        = run({QStringLiteral("run"), QStringLiteral("--demo"), QStringLiteral("--json"),
               QStringLiteral("--crawl"), QStringLiteral("--depth"), QStringLiteral("1"),
               QStringLiteral("--max-pages"), QStringLiteral("12"), QStringLiteral("--ignore-robots"),
               QStringLiteral("--mode"), QStringLiteral("gather"), QStringLiteral("{demo}/site/")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.err.contains(QStringLiteral("robots.txt is ignored")), qPrintable(result.err));
    const auto runs = QJsonDocument::fromJson(result.out).object().value(QStringLiteral("runs")).toArray();
    QCOMPARE(runs.size(), 1);
    const auto summary = runs.first().toObject();
    QCOMPARE(summary.value(QStringLiteral("pages")).toInt(), 12);
    QCOMPARE(summary.value(QStringLiteral("requests")).toInt(), 12); // no robots.txt asked for
    QCOMPARE(summary.value(QStringLiteral("robots_txt")).toString(), QStringLiteral("ignored"));
    QVERIFY(summary.value(QStringLiteral("ideal_ms")).isNull());
    QVERIFY(summary.contains(QStringLiteral("predicted_ms")));
    QVERIFY(summary.value(QStringLiteral("predicted_ms")).isNull()); // a crawl's work is found as it goes
    QCOMPARE(summary.value(QStringLiteral("peak_in_flight")).toInt(), CrawlSettings::DefaultPerHost);
    const auto skipped = summary.value(QStringLiteral("skipped")).toObject();
    QVERIFY(skipped.value(QStringLiteral("page_limit")).toInt() > 0);
    QCOMPARE(skipped.value(QStringLiteral("robots")).toInt(), 0);
    QVERIFY(skipped.contains(QStringLiteral("depth")));
    const auto hosts = summary.value(QStringLiteral("hosts")).toArray();
    QCOMPARE(hosts.size(), 1);
    QCOMPARE(hosts.first().toObject().value(QStringLiteral("robots")).toString(), QStringLiteral("ignored"));
    QCOMPARE(hosts.first().toObject().value(QStringLiteral("pages")).toInt(), 12);
}

void TestCli::badLinesAreReportedAndTheRestRuns()
{
    const QByteArray list = "# lesson\n{demo}/delay/10\n\nftp://example.com/\nnot a url\n{demo}/status/404\n";
    const auto result = run({QStringLiteral("run"), QStringLiteral("--demo"), QStringLiteral("--json"),
                             QStringLiteral("--urls"), QStringLiteral("-")},
                            list);
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.err.contains(QLatin1String("stdin:4:")), qPrintable(result.err));
    QVERIFY2(result.err.contains(QLatin1String("stdin:5:")), qPrintable(result.err));
    QVERIFY(!result.err.contains(QLatin1String("stdin:2:")));
    const auto summary = QJsonDocument::fromJson(result.out)
                             .object()
                             .value(QStringLiteral("runs"))
                             .toArray()
                             .first()
                             .toObject();
    QCOMPARE(summary.value(QStringLiteral("requests")).toInt(), 2);
    QCOMPARE(summary.value(QStringLiteral("ok")).toInt(), 1);
    QCOMPARE(summary.value(QStringLiteral("failed")).toInt(), 1);
}

void TestCli::exitCodes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");

    QTest::newRow("no valid URL") << QStringList {QStringLiteral("run"), QStringLiteral("nope")} << 2
                                  << QStringLiteral("no valid URL");
    QTest::newRow("bad limit") << QStringList {QStringLiteral("run"), QStringLiteral("--limit"),
                                               QStringLiteral("0"), QStringLiteral("http://127.0.0.1:1/")}
                               << 2 << QStringLiteral("--limit");
    QTest::newRow("bad mode") << QStringList {QStringLiteral("run"), QStringLiteral("--mode"),
                                              QStringLiteral("fast"), QStringLiteral("http://127.0.0.1:1/")}
                              << 2 << QStringLiteral("--mode");
    QTest::newRow("unknown option") << QStringList {QStringLiteral("run"), QStringLiteral("--bogus")} << 2
                                    << QStringLiteral("bogus");
    QTest::newRow("placeholder without --demo")
        << QStringList {QStringLiteral("run"), QStringLiteral("{demo}/delay/1")} << 2
        << QStringLiteral("--demo");
    QTest::newRow("unknown export type")
        << QStringList {QStringLiteral("run"), QStringLiteral("-o"), QStringLiteral("out.xlsx"),
                        QStringLiteral("http://127.0.0.1:1/")}
        << 2 << QStringLiteral("out.xlsx");
    QTest::newRow("missing URL file") << QStringList {QStringLiteral("run"), QStringLiteral("--urls"),
                                                      QStringLiteral("/nonexistent/urls.txt")}
                                      << 2 << QStringLiteral("/nonexistent/urls.txt");
    QTest::newRow("missing file to open") << QStringList {QStringLiteral("/nonexistent/fly.txt")} << 2
                                          << QStringLiteral("/nonexistent/fly.txt");
    QTest::newRow("crawl option without --crawl")
        << QStringList {QStringLiteral("run"), QStringLiteral("--depth"), QStringLiteral("2"),
                        QStringLiteral("http://127.0.0.1:1/")}
        << 2 << QStringLiteral("--depth only applies with --crawl");
    QTest::newRow("bad scope") << QStringList {QStringLiteral("run"), QStringLiteral("--crawl"),
                                               QStringLiteral("--scope"), QStringLiteral("planet"),
                                               QStringLiteral("http://127.0.0.1:1/")}
                               << 2 << QStringLiteral("planet");
    QTest::newRow("bad exclude pattern")
        << QStringList {QStringLiteral("run"), QStringLiteral("--crawl"), QStringLiteral("--exclude"),
                        QStringLiteral("a(b"), QStringLiteral("http://127.0.0.1:1/")}
        << 2 << QStringLiteral("bad exclude pattern \"a(b\"");
    QTest::newRow("zero pages") << QStringList {QStringLiteral("run"), QStringLiteral("--crawl"),
                                                QStringLiteral("--max-pages"), QStringLiteral("0"),
                                                QStringLiteral("http://127.0.0.1:1/")}
                                << 2 << QStringLiteral("--max-pages");
    QTest::newRow("failed requests still complete")
        << QStringList {QStringLiteral("run"), QStringLiteral("http://127.0.0.1:1/")} << 0 << QString();
}

void TestCli::helpNamesTheCommand_data()
{
    QTest::addColumn<QString>("command");
    for (const char *command : {"run", "code", "recover", "serve-demo", "capture"})
        QTest::newRow(command) << QString::fromLatin1(command);
}

void TestCli::helpNamesTheCommand()
{
    // The usage line names the command typed, not the bare executable whose options differ.
    QFETCH(QString, command);
    const Result result = run({command, u"--help"_s});
    QCOMPARE(result.exitCode, 0);
    const QString first = QString::fromUtf8(result.out).section(u'\n', 0, 0);
    QVERIFY2(first.startsWith(u"Usage: crawlscope "_s + command + u' '), qPrintable(first));
}

void TestCli::exitCodes()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const auto result = run(arguments);
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
}

void TestCli::exportsAreWrittenAndReadBack()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString json = dir.filePath(QStringLiteral("lesson.json"));
    const QString csv = dir.filePath(QStringLiteral("lesson.csv"));
    const auto result = run({QStringLiteral("run"), QStringLiteral("--demo"), QStringLiteral("--mode"),
                             QStringLiteral("compare"), QStringLiteral("--repeat"), QStringLiteral("3"),
                             QStringLiteral("{demo}/delay/10"), QStringLiteral("-o"), json,
                             QStringLiteral("--export"), csv});
    QCOMPARE(result.exitCode, 0);
    QString error;
    const auto fromJson = importRuns(json, &error);
    QVERIFY2(fromJson, qPrintable(error));
    const auto fromCsv = importRuns(csv, &error);
    QVERIFY2(fromCsv, qPrintable(error));
    QCOMPARE(fromJson->size(), 3);
    QCOMPARE(fromCsv->size(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(fromCsv->at(i).records, fromJson->at(i).records);
}

void TestCli::interruptKeepsWhatWasRecorded()
{
    QTemporaryDir dir;
    const QString json = dir.filePath(QStringLiteral("partial.json"));
    QProcess process;
    process.start(QStringLiteral(CRAWLSCOPE_BINARY),
                  {QStringLiteral("run"), QStringLiteral("--demo"), QStringLiteral("--limit"),
                   QStringLiteral("2"), QStringLiteral("--repeat"), QStringLiteral("6"),
                   QStringLiteral("{demo}/delay/100"), QStringLiteral("{demo}/delay/60000"),
                   QStringLiteral("-o"), json});
    QVERIFY(process.waitForStarted());
    // The fast requests are done once the slow ones hold both permits; the running line comes first.
    QByteArray errors; // QTRY evaluates its expression more than once, so keep what was read
    QTRY_VERIFY_WITH_TIMEOUT((errors += process.readAllStandardError()).contains("running"), 10'000);
    process.terminate(); // SIGTERM, handled like Ctrl+C
    QVERIFY(process.waitForFinished(20'000));
    QCOMPARE(process.exitCode(), 130);
    QString error;
    const auto runs = importRuns(json, &error);
    QVERIFY2(runs, qPrintable(error));
    QCOMPARE(runs->size(), 1);
    QVERIFY(runs->first().cancelled);
    QCOMPARE(runs->first().records.size(), 12); // every request is there, done or not
}

void TestCli::lessonWritesAllSevenFiles()
{
    QTemporaryDir dir;
    QStringList arguments {QStringLiteral("run"),
                           QStringLiteral("--demo"),
                           QStringLiteral("--mode"),
                           QStringLiteral("compare"),
                           QStringLiteral("--repeat"),
                           QStringLiteral("5"),
                           QStringLiteral("{demo}/delay/100")};
    const QStringList names {QStringLiteral("lesson.png"),        QStringLiteral("lesson.svg"),
                             QStringLiteral("lesson.pdf"),        QStringLiteral("lesson.har"),
                             QStringLiteral("lesson.trace.json"), QStringLiteral("lesson.csv"),
                             QStringLiteral("lesson.json")};
    for (const auto &name : names)
        arguments << QStringLiteral("-o") << dir.filePath(name);
    const auto result = run(arguments);
    QCOMPARE(result.exitCode, 0);
    for (const auto &name : names) {
        QFile file(dir.filePath(name));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(name));
        QVERIFY2(file.size() > 500, qPrintable(name));
    }
    QFile png(dir.filePath(QStringLiteral("lesson.png")));
    QVERIFY(png.open(QIODevice::ReadOnly));
    QVERIFY(png.read(8) == QByteArray("\x89PNG\r\n\x1a\n", 8));
    QString error;
    const auto runs = importRuns(dir.filePath(QStringLiteral("lesson.har")), &error);
    QVERIFY2(runs, qPrintable(error));
    QCOMPARE(runs->size(), 3); // one page per run of the comparison
}

void TestCli::importConvertsWithoutRunning()
{
    QTemporaryDir dir;
    const QString json = dir.filePath(QStringLiteral("runs.json"));
    QCOMPARE(run({QStringLiteral("run"), QStringLiteral("--demo"), QStringLiteral("--repeat"),
                  QStringLiteral("3"), QStringLiteral("{demo}/delay/10"), QStringLiteral("-o"), json})
                 .exitCode,
             0);
    const QString har = dir.filePath(QStringLiteral("runs.har"));
    const QString png = dir.filePath(QStringLiteral("runs.png"));
    const auto result = run({QStringLiteral("run"), QStringLiteral("--import"), json,
                             QStringLiteral("--json"), QStringLiteral("-o"), har, QStringLiteral("-o"), png});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(!result.err.contains(QLatin1String("running")));
    const auto summary = QJsonDocument::fromJson(result.out)
                             .object()
                             .value(QStringLiteral("runs"))
                             .toArray()
                             .first()
                             .toObject();
    QCOMPARE(summary.value(QStringLiteral("requests")).toInt(), 3);
    QVERIFY(QFile::exists(har));
    QVERIFY(QFile::exists(png));
}

void TestCli::malformedImportIsAnError()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.har"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"log\": {\"entries\": 3}}");
    file.close();
    const auto result = run({QStringLiteral("run"), QStringLiteral("--import"), path});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QLatin1String("broken.har")), qPrintable(result.err));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
