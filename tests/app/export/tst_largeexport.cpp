#include "export/csvformat.h"
#include "export/exporter.h"
#include "export/exportstream.h"
#include "export/harformat.h"
#include "processstatus.h"
#include "sampleruns.h"
#include "sanitizers.h"

#include <QBuffer>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#include <sanitizer/allocator_interface.h>
#endif
#endif

using namespace Qt::StringLiterals;

namespace {

// Under ASan the resident size is no measure of what the writer holds: freed blocks stay resident in the
// quarantine (256 MiB), so a writer that frees as it goes grows the peak as much as one that keeps it all.
// The allocator's hooks count the heap's live bytes instead, which is what "never held whole" is about.
class LiveHeap
{
public:
    static bool install()
    {
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
        return __sanitizer_install_malloc_and_free_hooks(&allocated, &freed) != 0;
#endif
#endif
        return false;
    }
    /// The peak from here on is measured against the live bytes now.
    static void resetPeak()
    {
        s_peak.store(s_live.load());
    }
    static qint64 live()
    {
        return s_live.load();
    }
    static qint64 peak()
    {
        return s_peak.load();
    }

private:
    static void allocated(const volatile void *, size_t size)
    {
        const qint64 now = s_live.fetch_add(qint64(size), std::memory_order_relaxed) + qint64(size);
        qint64 peak = s_peak.load(std::memory_order_relaxed);
        while (now > peak && !s_peak.compare_exchange_weak(peak, now, std::memory_order_relaxed)) { }
    }
    static void freed(const volatile void *pointer)
    {
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
        s_live.fetch_sub(qint64(__sanitizer_get_allocated_size(pointer)), std::memory_order_relaxed);
#endif
#endif
        Q_UNUSED(pointer);
    }
    static inline std::atomic<qint64> s_live {0};
    static inline std::atomic<qint64> s_peak {0};
};

} // namespace

// A large run is exported in bounded memory: the file is written as it is made, never held whole (as one
// QJsonDocument of every record would be, about 4 KB a record).
class TestLargeExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void streamsToDisk_data();
    void streamsToDisk();
    void writersHoldOneRecordAtATime_data();
    void writersHoldOneRecordAtATime();
    void streamedFilesAreTheWholeFiles();

private:
    using Writer = bool (*)(const QList<RunResult> &, QIODevice &, Progress &, qsizetype *);
    static RunResult largeRun(int records);
    /// A field of /proc/self/status, in KiB.
};

void TestLargeExport::initTestCase()
{
    if (Sanitizers::Address)
        QVERIFY(LiveHeap::install());
}

RunResult TestLargeExport::largeRun(int Records)
{
    RunResult run;
    run.settings.mode = RunMode::Limited;
    run.settings.limit = 8;
    run.startedAt = QDateTime::currentDateTimeUtc();
    run.records.reserve(Records);
    const QUrl url(u"http://127.0.0.1:8080/delay/100?page=1"_s);
    for (int id = 0; id < Records; ++id) {
        RequestRecord record;
        record.id = id;
        record.url = url;
        record.finalUrl = url;
        record.mode = RunMode::Limited;
        record.status = 200;
        record.outcome = Outcome::Ok;
        record.contentType = u"text/plain"_s;
        for (int mark = 0; mark < MarkCount - 1; ++mark)
            record.set(Mark(mark), qint64(id) * 1000 + mark);
        run.records.append(record);
    }
    run.endNs = qint64(Records) * 1000;
    return run;
}

void TestLargeExport::streamsToDisk_data()
{
    QTest::addColumn<QString>("extension");
    QTest::addColumn<int>("records");
    // Each large enough that holding the file whole, let alone as a document, would show.
    QTest::newRow("json") << u"json"_s << 100'000;
    QTest::newRow("csv") << u"csv"_s << 150'000;
    QTest::newRow("har") << u"har"_s << 15'000;
}

void TestLargeExport::streamsToDisk()
{
    QFETCH(QString, extension);
    QFETCH(int, records);
    const RunResult run = largeRun(records);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"large."_s + extension);

    QString error;
    qint64 grew = 0;
    if (Sanitizers::Address) {
        LiveHeap::resetPeak();
        const qint64 before = LiveHeap::live();
        QVERIFY2(exportRuns({run}, path, &error), qPrintable(error));
        grew = (LiveHeap::peak() - before) / 1024;
    } else {
        // The peak from here on (writing 5 to clear_refs resets VmHWM to the current size).
        QFile clear(u"/proc/self/clear_refs"_s);
        if (!clear.open(QIODevice::WriteOnly) || clear.write("5") != 1)
            QSKIP("this kernel cannot reset the peak resident size");
        clear.close();
        const qint64 before = ProcessStatus::residentKiB();
        QVERIFY2(exportRuns({run}, path, &error), qPrintable(error));
        grew = ProcessStatus::kiB("VmHWM") - before;
    }
    const qint64 fileKiB = QFile(path).size() / 1024;
    qInfo("file %lld KiB; peak grew by %lld KiB while writing it", fileKiB, grew);
    QVERIFY(fileKiB > 30'000);
    QVERIFY2(grew < 32 * 1024, qPrintable(QString::number(grew)));

    if (extension != u"json")
        return; // read back whole, a HAR of this size takes gigabytes: its round trip is tst_harformat's
    const auto read = importRuns(path, &error);
    QVERIFY2(read, qPrintable(error));
    QCOMPARE(read->size(), 1);
    QCOMPARE(read->first().records.size(), records);
    QCOMPARE(read->first(), run);
}

void TestLargeExport::writersHoldOneRecordAtATime_data()
{
    QTest::addColumn<Writer>("writer");
    QTest::newRow("csv") << Writer(writeCsv);
    QTest::newRow("har") << Writer(writeHar);
}

namespace {

/// Counts what it is given and keeps none of it.
class CountingDevice : public QIODevice
{
public:
    CountingDevice() { open(QIODevice::WriteOnly); }
    qint64 written = 0;

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64 size) override
    {
        written += size;
        return size;
    }
};

} // namespace

void TestLargeExport::writersHoldOneRecordAtATime()
{
    QFETCH(Writer, writer);
    constexpr int Records = 20'000;
    const RunResult run = largeRun(Records);
    CountingDevice sink;
    Progress progress;
    qsizetype highWater = -1;
    QVERIFY(writer({run}, sink, progress, &highWater));
    // The writer's buffer never held more than its fixed size and one record's text (well under 8 KiB here),
    // while the file is megabytes.
    qInfo("wrote %lld bytes; the buffer held at most %lld", sink.written, qint64(highWater));
    QVERIFY(sink.written > 4 * 1024 * 1024);
    QVERIFY2(highWater <= ExportStream::BufferBytes + 8 * 1024, qPrintable(QString::number(highWater)));
    QCOMPARE(progress.done(), qint64(Records));
}

void TestLargeExport::streamedFilesAreTheWholeFiles()
{
    // The golden files were written by the exporters as they were before streaming, which made each file
    // whole in memory first (the HAR as one QJsonDocument); the streamed files must not differ by a byte.
    const QList<RunResult> runs = SampleRuns::all();
    for (const auto &[name, writer] :
         {std::pair {u"sample.csv"_s, Writer(writeCsv)}, {u"sample.har"_s, Writer(writeHar)}}) {
        QFile golden(QStringLiteral(EXPORT_GOLDEN "/") + name);
        QVERIFY2(golden.open(QIODevice::ReadOnly), qPrintable(golden.fileName()));
        QByteArray expected = golden.readAll();
        expected.replace("\"version\": \"0.1.0\"", "\"version\": \"" CRAWLSCOPE_VERSION "\"");
        QByteArray data;
        QBuffer buffer(&data);
        buffer.open(QIODevice::WriteOnly);
        Progress progress;
        QVERIFY(writer(runs, buffer, progress, nullptr));
        QCOMPARE(data, expected);
    }
    // And an export with no records at all writes the empty entries exactly as Qt does.
    const QList<RunResult> empty {SampleRuns::emptyGatherRun()};
    QCOMPARE(toHar(empty), QJsonDocument::fromJson(toHar(empty)).toJson(QJsonDocument::Indented));
}

QTEST_GUILESS_MAIN(TestLargeExport)
#include "tst_largeexport.moc"
