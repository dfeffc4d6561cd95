#include "export/exporter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// A large run is exported in bounded memory: the file is written as it is made, never held whole (as one
// QJsonDocument of every record would be, about 4 KB a record).
class TestLargeExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonStreamsToDisk();

private:
    /// A field of /proc/self/status, in KiB.
    static qint64 statusKiB(const QByteArray &field);
};

qint64 TestLargeExport::statusKiB(const QByteArray &field)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

void TestLargeExport::jsonStreamsToDisk()
{
    constexpr int Records = 100'000;
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
    QTemporaryDir dir;
    const QString path = dir.filePath(u"large.json"_s);

    // The peak from here on (writing 5 to clear_refs resets VmHWM to the current size).
    QFile clear(u"/proc/self/clear_refs"_s);
    if (!clear.open(QIODevice::WriteOnly) || clear.write("5") != 1)
        QSKIP("this kernel cannot reset the peak resident size");
    clear.close();
    const qint64 before = statusKiB("VmRSS");
    QString error;
    QVERIFY2(exportRuns({run}, path, &error), qPrintable(error));
    const qint64 grew = statusKiB("VmHWM") - before;
    const qint64 fileKiB = QFile(path).size() / 1024;
    qInfo("file %lld KiB; peak grew by %lld KiB while writing it", fileKiB, grew);
    QVERIFY(fileKiB > 30'000); // large enough that holding it whole, let alone as a document, would show
    QVERIFY2(grew < 32 * 1024, qPrintable(QString::number(grew)));

    const auto read = importRuns(path, &error);
    QVERIFY2(read, qPrintable(error));
    QCOMPARE(read->size(), 1);
    QCOMPARE(read->first().records.size(), Records);
    QCOMPARE(read->first(), run);
}

QTEST_GUILESS_MAIN(TestLargeExport)
#include "tst_largeexport.moc"
