#include "export/exporter.h"

#include "export/atomicfile.h"
#include "export/harformat.h"
#include "export/jsonformat.h"
#include "export/traceformat.h"
#include "sampleruns.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

class TestExporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void roundTripsThroughFiles_data();
    void roundTripsThroughFiles();
    void exportsHarAndTrace_data();
    void exportsHarAndTrace();
    void traceIsExportOnly();
    void listsExtensions();
    void rejectsUnknownExtension_data();
    void rejectsUnknownExtension();
    void failedWriteLeavesNoFile_data();
    void failedWriteLeavesNoFile();
    void checksBeforeExporting_data();
    void checksBeforeExporting();
    void cannotReplaceFolder();
    void replacesExistingFileWhole();
    void importNamesFileOnError_data();
    void importNamesFileOnError();
    void importMakesIdsPositions();

private:
    std::unique_ptr<QTemporaryDir> m_dir;

    QString path(const QString &name) const { return m_dir->filePath(name); }
    QStringList entries() const
    {
        return QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
    }
};

void TestExporter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestExporter::roundTripsThroughFiles_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("lossless");

    QTest::newRow("json") << u"runs.json"_s << true;
    QTest::newRow("upper-case JSON") << u"RUNS.JSON"_s << true;
    QTest::newRow("dots in the name") << u"run.2024-05-01.json"_s << true;
    QTest::newRow("csv") << u"runs.csv"_s << false;
    QTest::newRow("unicode name") << u"läufe – 中文.Csv"_s << false;
}

void TestExporter::roundTripsThroughFiles()
{
    QFETCH(QString, name);
    QFETCH(bool, lossless);

    const QList<RunResult> runs = SampleRuns::all();
    QString error;
    QVERIFY2(exportRuns(runs, path(name), &error), qPrintable(error));
    QCOMPARE(entries(), QStringList {name}); // no temporary file left behind

    const auto back = importRuns(path(name), &error);
    QVERIFY2(back, qPrintable(error));
    if (lossless) {
        QVERIFY(*back == runs);
    } else {
        QList<RunResult> withRequests;
        for (const auto &run : runs) {
            if (!run.records.isEmpty())
                withRequests.append(run);
        }
        QCOMPARE(back->size(), withRequests.size()); // the run without requests has no rows
        for (qsizetype i = 0; i < withRequests.size(); ++i)
            QCOMPARE(back->at(i).records, withRequests.at(i).records);
    }
}

void TestExporter::exportsHarAndTrace_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("trace");

    QTest::newRow("har") << u"runs.har"_s << false;
    QTest::newRow("upper-case HAR") << u"RUNS.HAR"_s << false;
    QTest::newRow("trace") << u"runs.trace.json"_s << true;
    QTest::newRow("mixed-case trace") << u"Runs.Trace.JSON"_s << true;
    QTest::newRow("dots before the trace") << u"run.2024-05-01.trace.json"_s << true;
}

void TestExporter::exportsHarAndTrace()
{
    QFETCH(QString, name);
    QFETCH(bool, trace);

    const QList<RunResult> runs = SampleRuns::all();
    QString error;
    QVERIFY2(canExport(path(name), &error), qPrintable(error));
    QVERIFY2(exportRuns(runs, path(name), &error), qPrintable(error));
    QCOMPARE(entries(), QStringList {name}); // written whole, no temporary file left behind
    const auto data = readWholeFile(path(name), &error);
    QVERIFY2(data, qPrintable(error));
    QCOMPARE(*data, trace ? toTrace(runs) : toHar(runs)); // ".trace.json" is not taken for our own JSON
    if (trace)
        return;

    const auto back = importRuns(path(name), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->size(), runs.size()); // one page per run, even without requests
    for (qsizetype i = 0; i < runs.size(); ++i) {
        QCOMPARE(back->at(i).records.size(), runs.at(i).records.size());
        for (qsizetype r = 0; r < runs.at(i).records.size(); ++r)
            QCOMPARE(back->at(i).records.at(r).url, runs.at(i).records.at(r).url);
    }
}

void TestExporter::traceIsExportOnly()
{
    const QString file = path(u"runs.trace.json"_s);
    QString error;
    QVERIFY2(exportRuns(SampleRuns::all(), file, &error), qPrintable(error));
    QVERIFY(!importRuns(file, &error));
    QVERIFY2(error.contains(u'"' + QDir::toNativeSeparators(file) + u'"'), qPrintable(error));
    QVERIFY2(error.contains(u"export only (use .json, .csv, .har)"_s), qPrintable(error));
}

void TestExporter::listsExtensions()
{
    QCOMPARE(exportExtensions(), (QStringList {u".json"_s, u".csv"_s, u".har"_s, u".trace.json"_s}));
    QCOMPARE(importExtensions(), (QStringList {u".json"_s, u".csv"_s, u".har"_s}));
}

void TestExporter::rejectsUnknownExtension_data()
{
    QTest::addColumn<QString>("name");

    QTest::newRow("txt") << u"runs.txt"_s;
    QTest::newRow("no extension") << u"runs"_s;
    QTest::newRow("extension without dot") << u"runsjson"_s;
    QTest::newRow("trailing dot") << u"runs.json."_s;
    QTest::newRow("trace without json") << u"runs.trace"_s;
    QTest::newRow("har in the middle") << u"runs.har.txt"_s;
}

void TestExporter::rejectsUnknownExtension()
{
    QFETCH(QString, name);

    QString error;
    QVERIFY(!exportRuns(SampleRuns::all(), path(name), &error));
    QVERIFY2(error.contains(QDir::toNativeSeparators(path(name))), qPrintable(error));
    QVERIFY2(error.contains(u"(use .json, .csv, .har, .trace.json)"_s), qPrintable(error));
    QVERIFY(entries().isEmpty());

    QFile file(path(name));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(toJson(SampleRuns::all()));
    file.close();
    error.clear();
    QVERIFY(!importRuns(path(name), &error));
    QVERIFY2(error.contains(QDir::toNativeSeparators(path(name))), qPrintable(error));
    QVERIFY2(error.contains(u"unknown file type (use .json, .csv, .har)"_s), qPrintable(error));
}

void TestExporter::failedWriteLeavesNoFile_data()
{
    QTest::addColumn<QString>("target");

    // Tests may run as root, which ignores permission bits, so use places nobody can write to.
    QTest::newRow("missing folder") << u"no-such-folder/runs.json"_s;
    QTest::newRow("missing folders") << u"a/b/c/runs.csv"_s;
    QTest::newRow("har in a missing folder") << u"no-such-folder/runs.har"_s;
    QTest::newRow("trace under a file") << u"plain-file/runs.trace.json"_s;
    QTest::newRow("parent is a file") << u"plain-file/runs.json"_s;
    QTest::newRow("inside /proc") << u"/proc/crawlscope-test/runs.json"_s;
    QTest::newRow("proc itself") << u"/proc/runs.json"_s;
}

void TestExporter::failedWriteLeavesNoFile()
{
    QFETCH(QString, target);
    if (target.startsWith(u"/proc/"_s) && !QFileInfo::exists(u"/proc/self"_s))
        QSKIP("no procfs here");

    QFile plainFile(path(u"plain-file"_s));
    QVERIFY(plainFile.open(QIODevice::WriteOnly));
    plainFile.close();
    const QString fullPath = QDir::isAbsolutePath(target) ? target : path(target);

    QString error;
    QVERIFY(!exportRuns(SampleRuns::all(), fullPath, &error));
    QVERIFY2(error.contains(QDir::toNativeSeparators(fullPath)), qPrintable(error));
    QVERIFY2(error.size() > QDir::toNativeSeparators(fullPath).size() + 20, qPrintable(error)); // says why
    QVERIFY(!QFileInfo::exists(fullPath));
    QCOMPARE(entries(), QStringList {u"plain-file"_s});

    error.clear();
    QVERIFY(!writeFileAtomically(fullPath, "data", &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!writeFileAtomically(fullPath, "data", nullptr));
}

void TestExporter::checksBeforeExporting_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expectedError"); // empty: exportable

    QTest::newRow("json") << u"runs.json"_s << QString();
    QTest::newRow("csv in a subfolder") << u"sub/runs.csv"_s << QString();
    QTest::newRow("har") << u"runs.har"_s << QString();
    QTest::newRow("trace in a subfolder") << u"sub/runs.trace.json"_s << QString();
    QTest::newRow("unknown type") << u"runs.xml"_s
                                  << u"unknown file type (use .json, .csv, .har, .trace.json)"_s;
    QTest::newRow("trace in a missing folder") << u"missing/runs.trace.json"_s << u"does not exist"_s;
    QTest::newRow("missing folder") << u"missing/runs.json"_s << u"does not exist"_s;
    QTest::newRow("parent is a file") << u"plain-file/runs.csv"_s << u"is not a folder"_s;
}

void TestExporter::checksBeforeExporting()
{
    QFETCH(QString, name);
    QFETCH(QString, expectedError);

    QVERIFY(QDir(m_dir->path()).mkdir(u"sub"_s));
    QFile plainFile(path(u"plain-file"_s));
    QVERIFY(plainFile.open(QIODevice::WriteOnly));
    plainFile.close();

    QString error;
    QCOMPARE(canExport(path(name), &error), expectedError.isEmpty());
    QVERIFY2(error.contains(expectedError), qPrintable(error));
    if (!expectedError.isEmpty())
        QVERIFY2(error.contains(QDir::toNativeSeparators(path(name))), qPrintable(error));
    QCOMPARE(entries(), (QStringList {u"plain-file"_s, u"sub"_s})); // checking writes nothing
}

void TestExporter::cannotReplaceFolder()
{
    QVERIFY(QDir(m_dir->path()).mkdir(u"runs.json"_s));
    QString error;
    QVERIFY(!exportRuns(SampleRuns::all(), path(u"runs.json"_s), &error));
    QVERIFY2(error.contains(QDir::toNativeSeparators(path(u"runs.json"_s))), qPrintable(error));
    QVERIFY(QFileInfo(path(u"runs.json"_s)).isDir());
    QCOMPARE(entries(), QStringList {u"runs.json"_s});
}

void TestExporter::replacesExistingFileWhole()
{
    const QString file = path(u"runs.json"_s);
    QString error;
    QVERIFY2(writeFileAtomically(file, QByteArray(100'000, 'x'), &error), qPrintable(error));
    QVERIFY2(exportRuns({SampleRuns::sequentialRun()}, file, &error), qPrintable(error));
    const auto data = readWholeFile(file, &error);
    QVERIFY2(data, qPrintable(error));
    QCOMPARE(*data, toJson({SampleRuns::sequentialRun()}));
    QCOMPARE(entries(), QStringList {u"runs.json"_s});
}

void TestExporter::importNamesFileOnError_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content"); // null: no file
    QTest::addColumn<QString>("reason");

    QTest::newRow("missing json") << u"absent.json"_s << QByteArray() << u"Cannot read"_s;
    QTest::newRow("missing csv") << u"absent.csv"_s << QByteArray() << u"Cannot read"_s;
    QTest::newRow("folder") << u"folder.json"_s << QByteArray() << u"it is a folder"_s;
    QTest::newRow("not json") << u"broken.json"_s << QByteArray("{oops") << u": not JSON: "_s;
    QTest::newRow("empty json") << u"empty.json"_s << QByteArray("") << u": not JSON: "_s;
    QTest::newRow("csv as json") << u"table.json"_s << QByteArray("run_id,mode\r\n") << u": not JSON: "_s;
    QTest::newRow("json as csv") << u"runs.csv"_s << toJson(SampleRuns::all()) << u": line "_s;
    QTest::newRow("missing har") << u"absent.har"_s << QByteArray() << u"Cannot read"_s;
    QTest::newRow("broken har") << u"broken.har"_s << QByteArray("{\"log\": ") << u": not JSON: "_s;
    QTest::newRow("json as har") << u"runs.har"_s << toJson(SampleRuns::all()) << u": not a HAR file"_s;
    QTest::newRow("bad har entry") << u"bad.har"_s
                                   << QByteArray("{\"log\": {\"entries\": [{\"startedDateTime\": \"x\"}]}}")
                                   << u": entry 0: startedDateTime \"x\" is not an ISO 8601 date"_s;
}

void TestExporter::importNamesFileOnError()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QString, reason);

    if (name.startsWith(u"folder"_s)) {
        QVERIFY(QDir(m_dir->path()).mkdir(name));
    } else if (!content.isNull()) {
        QFile file(path(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    QString error;
    QVERIFY(!importRuns(path(name), &error));
    QVERIFY2(error.contains(u'"' + QDir::toNativeSeparators(path(name)) + u'"'), qPrintable(error));
    QVERIFY2(error.contains(reason), qPrintable(error));
}

void TestExporter::importMakesIdsPositions()
{
    // Files from elsewhere may number requests any way; views find a request by its id as its position.
    RunResult run;
    run.settings.crawl.enabled = true;
    for (const int id : {7, 3, 1000}) {
        RequestRecord record;
        record.id = id;
        record.url = QUrl(QStringLiteral("http://example.test/%1").arg(id));
        record.outcome = Outcome::Ok;
        run.records.append(record);
    }
    run.records[0].role = RequestRole::Robots;
    run.records[2].parentId = 3;
    run.records[1].parentId = 42; // nobody has this id
    run.skipped.append({QUrl(QStringLiteral("http://example.test/x")), 1000, 2, SkipReason::Depth, {}, 1, 0});
    run.hosts.append({QStringLiteral("http://example.test:80"), RobotsStatus::Parsed, {}, 7, 0, 2});
    QString error;
    QVERIFY2(exportRuns({run}, path(u"gaps.json"_s), &error), qPrintable(error));

    const auto back = importRuns(path(u"gaps.json"_s), &error);
    QVERIFY2(back, qPrintable(error));
    const RunResult &read = back->first();
    QCOMPARE(read.records.size(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(read.records.at(i).id, i);
    QCOMPARE(read.records.at(2).url.path(), u"/1000"_s);
    QCOMPARE(read.records.at(2).parentId, 1); // was 3, now at position 1
    QCOMPARE(read.records.at(1).parentId, -1);
    QCOMPARE(read.skipped.first().parentId, 2);
    QCOMPARE(read.hosts.first().robotsRecordId, 0);
}

QTEST_GUILESS_MAIN(TestExporter)
#include "tst_exporter.moc"
