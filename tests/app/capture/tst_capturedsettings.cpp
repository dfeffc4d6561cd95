#include "capture/capturedsettings.h"

#include <QTest>

// A captured run is named by what the program did: the most requests it ever had in flight at once.
class TestCapturedSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namedByItsPeak_data();
    void namedByItsPeak();
    void nothingFinishedChangesNothing();

private:
    /// A request in flight from `start` to `end` (ms).
    static RequestRecord request(int id, qint64 start, qint64 end);
};

RequestRecord TestCapturedSettings::request(int id, qint64 start, qint64 end)
{
    RequestRecord r;
    r.id = id;
    r.set(Mark::Queued, start * 1'000'000);
    r.set(Mark::Issued, start * 1'000'000);
    r.set(Mark::Finished, end * 1'000'000);
    r.outcome = Outcome::Ok;
    return r;
}

void TestCapturedSettings::namedByItsPeak_data()
{
    QTest::addColumn<QList<RequestRecord>>("records");
    QTest::addColumn<RunMode>("mode");
    QTest::addColumn<int>("limit");
    QTest::newRow("one after another")
        << QList<RequestRecord> {request(0, 0, 10), request(1, 10, 20), request(2, 20, 30)}
        << RunMode::Sequential << 1;
    QTest::newRow("all at once") << QList<RequestRecord> {request(0, 0, 10), request(1, 1, 12),
                                                          request(2, 2, 9)}
                                 << RunMode::Gather << 0;
    // A pool of two workers: never more than two, but not all together either.
    QTest::newRow("two at a time") << QList<RequestRecord> {request(0, 0, 10), request(1, 0, 10),
                                                            request(2, 10, 20), request(3, 10, 20)}
                                   << RunMode::Limited << 2;
}

void TestCapturedSettings::namedByItsPeak()
{
    QFETCH(QList<RequestRecord>, records);
    QFETCH(RunMode, mode);
    QFETCH(int, limit);
    RunSettings proxy;
    proxy.mode = RunMode::Gather; // what a capture starts as: the proxy holds nothing back
    proxy.limit = 0;
    proxy.timeoutMs = 1234;
    const RunSettings seen = capturedSettings(proxy, records);
    QCOMPARE(seen.mode, mode);
    QCOMPARE(seen.limit, limit);
    QCOMPARE(seen.timeoutMs, 1234); // the rest is the capture's own
}

void TestCapturedSettings::nothingFinishedChangesNothing()
{
    RunSettings proxy;
    proxy.mode = RunMode::Gather;
    proxy.limit = 0;
    RequestRecord open;
    open.set(Mark::Queued, 0);
    open.set(Mark::Issued, 0);
    QCOMPARE(capturedSettings(proxy, {}), proxy);
    QCOMPARE(capturedSettings(proxy, {open}), proxy);
}

QTEST_GUILESS_MAIN(TestCapturedSettings)
#include "tst_capturedsettings.moc"
