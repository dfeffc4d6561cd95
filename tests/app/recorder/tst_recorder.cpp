#include "recorder/recorder.h"

#include <QSignalSpy>
#include <QTest>

// The recorder is the only writer of records; what it hands the views comes in batches, in order, never all
// at once when a big run queues everything at its start, and whole at the end.
class TestRecorder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aTickCarriesAtMostOneBatchInOrder();
    void theEndHandsOverEverything();
    void clockAndGateAreSignalsOfTheirOwn();
    void repeatedTextAndAnEqualFinalUrlAreKeptOnce();
    void recordsOutliveTheRecorder();
};

namespace {

QUrl urlOf(int i)
{
    return QUrl(QStringLiteral("http://a.test/%1").arg(i));
}

} // namespace

void TestRecorder::aTickCarriesAtMostOneBatchInOrder()
{
    Recorder recorder;
    recorder.begin(3, RunSettings {});
    const int total = Recorder::MaxBatchRecords * 2 + 100;
    for (int i = 0; i < total; ++i)
        recorder.add(urlOf(i));
    QList<int> seen;
    int batches = 0;
    connect(&recorder, &Recorder::recordsChanged, this, [&](int runId, const QList<RequestRecord> &changed) {
        QCOMPARE(runId, 3);
        QVERIFY(changed.size() <= Recorder::MaxBatchRecords);
        ++batches;
        for (const RequestRecord &record : changed)
            seen.append(record.id);
    });
    QTRY_COMPARE(seen.size(), total);
    QCOMPARE(batches, 3);
    for (int i = 0; i < total; ++i)
        QCOMPARE(seen[i], i); // appended without gaps, so a model can insert each batch at its end
}

void TestRecorder::theEndHandsOverEverything()
{
    Recorder recorder;
    recorder.begin(1, RunSettings {});
    const int total = Recorder::MaxBatchRecords * 3;
    for (int i = 0; i < total; ++i)
        recorder.add(urlOf(i));
    recorder.mark(0, Mark::Finished);
    QSignalSpy changed(&recorder, &Recorder::recordsChanged);
    recorder.end(false);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(1).value<QList<RequestRecord>>().size(), total);
}

void TestRecorder::clockAndGateAreSignalsOfTheirOwn()
{
    Recorder recorder;
    QSignalSpy clock(&recorder, &Recorder::clockTicked);
    QSignalSpy gate(&recorder, &Recorder::capacityChanged);
    QSignalSpy records(&recorder, &Recorder::recordsChanged);
    recorder.begin(2, RunSettings {});
    recorder.recordCapacity(3);
    QCOMPARE(gate.size(), 1);
    QCOMPARE(gate.first().at(1).value<CapacityChange>().capacity, 3);
    QVERIFY(clock.wait(1000)); // the clock ticks while the run goes, with nothing new to say
    QCOMPARE(clock.last().at(0).toInt(), 2);
    QCOMPARE(records.size(), 0);
    recorder.end(false);
    clock.clear();
    QVERIFY(!clock.wait(3 * Recorder::BatchIntervalMs)); // and stops with it
}

QTEST_GUILESS_MAIN(TestRecorder)
#include "tst_recorder.moc"

void TestRecorder::repeatedTextAndAnEqualFinalUrlAreKeptOnce()
{
    Recorder recorder;
    recorder.begin(4, RunSettings {});
    for (int i = 0; i < 3; ++i) {
        const int id = recorder.add(urlOf(i));
        RequestRecord &record = recorder.edit(id);
        // Each its own allocation, as a reply's header or an error message makes them.
        record.contentType = QString::fromLatin1(QByteArray("text/html; charset=utf-8"));
        record.error = QString::fromLatin1(QByteArray("Connection refused"));
        record.finalUrl = QUrl(QStringLiteral("http://a.test/%1").arg(i));
    }
    recorder.edit(2).finalUrl = QUrl(QStringLiteral("http://b.test/moved"));
    recorder.end(false);
    const QList<RequestRecord> &records = recorder.result().records;
    QCOMPARE(records.size(), 3);
    for (const RequestRecord &record : records) {
        QCOMPARE(record.contentType, QStringLiteral("text/html; charset=utf-8"));
        QVERIFY(record.contentType.sharesWith(records.first().contentType));
        QVERIFY(record.error.sharesWith(records.first().error));
    }
    QCOMPARE(records.at(0).finalUrl, records.at(0).url);
    QCOMPARE(records.at(0).finalUrl.encodedView().data(), records.at(0).url.encodedView().data());
    QCOMPARE(records.at(2).finalUrl.toUrl(), QUrl(QStringLiteral("http://b.test/moved")));
    QCOMPARE(records.at(2).url.toUrl(), urlOf(2));
}

void TestRecorder::recordsOutliveTheRecorder()
{
    QList<RequestRecord> kept;
    {
        Recorder recorder;
        recorder.begin(5, RunSettings {});
        for (int i = 0; i < 3000; ++i) // more URLs than one of the arena's blocks holds
            recorder.add(urlOf(i));
        recorder.edit(0).finalUrl = urlOf(0);
        recorder.end(false);
        kept = recorder.result().records;
        recorder.begin(6, RunSettings {}); // a new run lets go of the old one's URLs
        recorder.add(urlOf(-1));
    }
    QCOMPARE(kept.size(), 3000);
    for (int i = 0; i < kept.size(); ++i) {
        QCOMPARE(kept.at(i).url.toUrl(), urlOf(i));
        QCOMPARE(kept.at(i).url.encoded(), urlOf(i).toEncoded());
    }
    QCOMPARE(kept.at(0).finalUrl, kept.at(0).url);
}
