#include "export/exporter.h"
#include "export/exportjob.h"
#include "export/importjob.h"

#include "eventloopwatch.h"
#include "sampleruns.h"
#include "sanitizers.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

// Half as many under ASan, whose slowdown makes exporting them on the GUI thread take seconds all the same.
constexpr int LargeCount = Sanitizers::bound(200'000, 100'000);
constexpr int FinishMs = Sanitizers::bound(120'000, 360'000); // generous: the machine may be busy
// The event loop's longest gap. Exporting the records on the GUI thread takes seconds; ASan's slowdown
// stretches every gap too.
constexpr qint64 MaxGapMs = Sanitizers::bound(200, 1000);

RunResult largeRun(int count)
{
    RunResult run = SampleRuns::limitedRun();
    run.records.clear();
    run.records.reserve(count);
    for (int i = 0; i < count; ++i) {
        const qint64 start = qint64(i) * 1'000'000;
        RequestRecord record = SampleRuns::record(i, u"http://127.0.0.1:8123/page/"_s + QString::number(i),
                                                  run.settings.mode, Outcome::Ok,
                                                  {{Mark::Queued, start},
                                                   {Mark::Issued, start + 10},
                                                   {Mark::RequestSent, start + 20},
                                                   {Mark::FirstByte, start + 5'000},
                                                   {Mark::Finished, start + 9'000}});
        record.status = 200;
        record.bytes = 1'000 + i;
        run.records.append(record);
    }
    run.endNs = qint64(count) * 1'000'000;
    return run;
}

} // namespace

class TestFileJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void largeExportKeepsTheEventLoopRunning_data();
    void largeExportKeepsTheEventLoopRunning();
    void cancelledExportLeavesNoFile();
    void importsOnAWorker();
    void reportsImportErrors();
    void destroyingARunningJobCancelsIt();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QStringList entries() const
    {
        return QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
    }
};

void TestFileJob::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestFileJob::largeExportKeepsTheEventLoopRunning_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("csv") << u"large.csv"_s;
    QTest::newRow("json") << u"large.json"_s;
}

void TestFileJob::largeExportKeepsTheEventLoopRunning()
{
    QFETCH(QString, name);

    const QList<RunResult> runs {largeRun(LargeCount)};
    ExportJob job(runs, m_dir->filePath(name));
    QList<qint64> done;
    connect(&job, &FileJob::progressed, this, [&](qint64 count, qint64 total) {
        QCOMPARE(total, LargeCount);
        done.append(count);
    });
    QSignalSpy finished(&job, &FileJob::finished);
    EventLoopWatch watch(5);
    job.start();
    QVERIFY(job.isRunning());
    QVERIFY(finished.wait(FinishMs));

    QCOMPARE(finished.first().at(0).toBool(), true);
    QCOMPARE(finished.first().at(1).toString(), QString());
    QVERIFY(!job.isRunning());
    QVERIFY(done.size() > 10); // a bar that moves, not one jump
    QVERIFY(std::is_sorted(done.cbegin(), done.cend()));
    QCOMPARE(done.last(), LargeCount);
    qInfo("%s: %d ticks, largest gap %lld ms", qPrintable(name), watch.ticks(), watch.largestGapMs());
    QVERIFY(watch.ticks() > 0);
    QVERIFY2(watch.largestGapMs() < MaxGapMs, qPrintable(QString::number(watch.largestGapMs())));

    // The file is what the synchronous export writes.
    QString error;
    const QString reference = m_dir->filePath(u"reference-"_s + name);
    QVERIFY2(exportRuns(runs, reference, &error), qPrintable(error));
    QFile written(m_dir->filePath(name));
    QFile expected(reference);
    QVERIFY(written.open(QIODevice::ReadOnly) && expected.open(QIODevice::ReadOnly));
    QVERIFY(written.readAll() == expected.readAll());
}

void TestFileJob::cancelledExportLeavesNoFile()
{
    ExportJob job({largeRun(LargeCount)}, m_dir->filePath(u"cancelled.json"_s));
    connect(&job, &FileJob::progressed, &job, [&](qint64 done, qint64) {
        if (done > 0)
            job.cancel();
    });
    QSignalSpy finished(&job, &FileJob::finished);
    job.start();
    QVERIFY(finished.wait(FinishMs));
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY(job.wasCancelled());
    QVERIFY(!finished.first().at(1).toString().isEmpty());
    QCOMPARE(entries(), QStringList()); // neither the file nor a temporary one
}

void TestFileJob::importsOnAWorker()
{
    const QList<RunResult> runs = SampleRuns::all();
    const QString path = m_dir->filePath(u"runs.json"_s);
    QString error;
    QVERIFY2(exportRuns(runs, path, &error), qPrintable(error));

    ImportJob job(path);
    qint64 lastDone = -1;
    qint64 lastTotal = -1;
    connect(&job, &FileJob::progressed, this, [&](qint64 done, qint64 total) {
        QVERIFY(done >= lastDone || total != lastTotal); // monotonic once the total is known
        lastDone = done;
        lastTotal = total;
    });
    QSignalSpy finished(&job, &FileJob::finished);
    job.start();
    QVERIFY(finished.wait(FinishMs));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QVERIFY(job.runs() == runs);
    QCOMPARE(lastTotal, recordCount(runs));
    QCOMPARE(lastDone, lastTotal);
}

void TestFileJob::reportsImportErrors()
{
    const QString path = m_dir->filePath(u"broken.csv"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("run_id\n1\n");
    file.close();

    ImportJob job(path);
    QSignalSpy finished(&job, &FileJob::finished);
    job.start();
    QVERIFY(finished.wait(FinishMs));
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY(!job.wasCancelled());
    const QString error = finished.first().at(1).toString();
    QVERIFY2(error.contains(u"line 1: no \"mode\" column"_s), qPrintable(error));
}

void TestFileJob::destroyingARunningJobCancelsIt()
{
    {
        ExportJob job({largeRun(LargeCount)}, m_dir->filePath(u"gone.json"_s));
        job.start();
        QVERIFY(job.isRunning());
    }
    QCOMPARE(entries(), QStringList());
}

QTEST_GUILESS_MAIN(TestFileJob)
#include "tst_filejob.moc"
