#include "capture/tracereceiver.h"
#include "core/clock.h"
#include "recorder/recorder.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

/// The receiving end of the Python tracer: what a program sent just before it exited is all read.
class TestTraceReceiver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsEverythingBeforeSayingTheConnectionsClosed();
    void dropsAnEndlessLineAndReadsOn();
    void clampsAStatusPastThreeDigits();

private:
    // Connects a program to the receiver and says hello as the tracer does; *now is the hello's time.
    static void connectAndSayHello(QTcpSocket &program, const TraceReceiver &receiver, QByteArray *now);
    // A traced request's start and end lines, both at now.
    static QByteArray requestLines(const QByteArray &task, const QByteArray &now, const QByteArray &status);
};

void TestTraceReceiver::connectAndSayHello(QTcpSocket &program, const TraceReceiver &receiver,
                                           QByteArray *now)
{
    program.connectToHost(QHostAddress::LocalHost, receiver.address().section(u':', 1).toUShort());
    QVERIFY(program.waitForConnected(10'000));
    *now = QByteArray::number(Clock::nowNs());
    program.write("{\"e\":\"hello\",\"pid\":1,\"t\":" + *now + "}\n");
}

QByteArray TestTraceReceiver::requestLines(const QByteArray &task, const QByteArray &now,
                                           const QByteArray &status)
{
    const QByteArray common = "\"lib\":\"httpx\",\"task\":\"" + task
        + "\",\"method\":\"GET\",\"url\":\"http://127.0.0.1/a\",\"held\":[],";
    return "{\"e\":\"request_start\"," + common + "\"t\":" + now + "}\n" + "{\"e\":\"request\"," + common
        + "\"t0\":" + now + ",\"t1\":" + now + ",\"status\":" + status + ",\"error\":\"\"}\n";
}

void TestTraceReceiver::readsEverythingBeforeSayingTheConnectionsClosed()
{
    Recorder recorder;
    TraceReceiver receiver(&recorder, 2);
    QString error;
    QVERIFY2(receiver.listen(&error), qPrintable(error));
    QSignalSpy closed(&receiver, &TraceReceiver::connectionsClosed);
    QCOMPARE(receiver.openConnections(), 0);

    // A program whose last events leave just before its socket closes, as at exit.
    QTcpSocket program;
    QByteArray now;
    connectAndSayHello(program, receiver, &now);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE(receiver.openConnections(), 1);
    for (int i = 0; i < 50; ++i)
        program.write(requestLines("t" + QByteArray::number(i), now, "200"));
    program.disconnectFromHost();

    QVERIFY(closed.wait(10'000));
    QCOMPARE(receiver.openConnections(), 0);
    // Nothing left for finish() to cut short.
    receiver.finish();
    QVERIFY(receiver.wasActive());
    QCOMPARE(recorder.count(), 50);
    for (int id = 0; id < recorder.count(); ++id)
        QCOMPARE(recorder.record(id).outcome, Outcome::Ok);
}

void TestTraceReceiver::dropsAnEndlessLineAndReadsOn()
{
    Recorder recorder;
    TraceReceiver receiver(&recorder, 2);
    QString error;
    QVERIFY2(receiver.listen(&error), qPrintable(error));
    QSignalSpy closed(&receiver, &TraceReceiver::connectionsClosed);
    QTcpSocket program;
    QByteArray now;
    connectAndSayHello(program, receiver, &now);
    if (QTest::currentTestFailed())
        return;
    // 8 MiB without a newline, then 200 lines that are not JSON, then a request: only the request counts.
    program.write("{\"e\":\"" + QByteArray(8 * 1024 * 1024, 'a'));
    program.write("\"}\n");
    for (int i = 0; i < 200; ++i)
        program.write("not json\n");
    program.write(requestLines("t", now, "200"));
    program.disconnectFromHost();
    QVERIFY(closed.wait(20'000));
    receiver.finish();
    QCOMPARE(recorder.count(), 1);
    QCOMPARE(recorder.record(0).outcome, Outcome::Ok);
    const QStringList problems = receiver.problems();
    QCOMPARE(problems.size(), TraceReceiver::MaxProblems + 1);
    QCOMPARE(problems.first(), QStringLiteral("a tracer event longer than 65536 bytes was dropped"));
    QCOMPARE(problems.last(), QStringLiteral("… and 151 more problem(s)"));
}

// A traced program's status is outside data: the record keeps it in two bytes, so 70000 must not wrap to
// 4464.
void TestTraceReceiver::clampsAStatusPastThreeDigits()
{
    Recorder recorder;
    TraceReceiver receiver(&recorder, 2);
    QString error;
    QVERIFY2(receiver.listen(&error), qPrintable(error));
    QSignalSpy closed(&receiver, &TraceReceiver::connectionsClosed);
    QTcpSocket program;
    QByteArray now;
    connectAndSayHello(program, receiver, &now);
    if (QTest::currentTestFailed())
        return;
    for (const QByteArray &status : {QByteArray("70000"), QByteArray("-3")})
        program.write(requestLines("t", now, status));
    program.disconnectFromHost();
    QVERIFY(closed.wait(10'000));
    receiver.finish();
    QCOMPARE(recorder.count(), 2);
    QCOMPARE(int(recorder.record(0).status), RequestRecord::MaxStatus);
    QCOMPARE(recorder.record(0).outcome, Outcome::HttpError);
    QCOMPARE(int(recorder.record(1).status), 0);
}

QTEST_GUILESS_MAIN(TestTraceReceiver)
#include "tst_tracereceiver.moc"
