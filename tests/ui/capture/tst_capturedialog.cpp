#include "capture/capturedialog.h"
#include "demoserver/demoserver.h"
#include "models/runmodel.h"
#include "session/runsession.h"

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTcpSocket>
#include <QTest>

/// File › Capture…: the proxy's lines to paste, a command's output, and requests drawn live as a run.
class TestCaptureDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void drawsCapturedRequestsLive();
    void runsACommandAndShowsItsOutput();
};

void TestCaptureDialog::drawsCapturedRequestsLive()
{
    DemoServer demo;
    QVERIFY(demo.start());
    RunSession session;
    CaptureDialog dialog(&session, demo.baseUrl());
    dialog.show();
    QTest::mouseClick(dialog.startButton(), Qt::LeftButton);
    QVERIFY(dialog.isCapturing());
    const QUrl proxy(dialog.proxyAddress());
    QCOMPARE(proxy.host(), QStringLiteral("127.0.0.1"));
    const auto lines = dialog.findChildren<QLineEdit *>();
    QStringList texts;
    for (const QLineEdit *line : lines)
        texts << line->text();
    QVERIFY2(texts.join(u'\n').contains(QStringLiteral("export http_proxy=%1").arg(proxy.toString())),
             qPrintable(texts.join(u'\n')));
    QVERIFY(texts.join(u'\n').contains(QStringLiteral("$env:HTTPS_PROXY = \"%1\"").arg(proxy.toString())));
    QVERIFY(texts.join(u'\n').contains(QLatin1String("crawlscope_trace")));

    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, quint16(proxy.port()));
    const QByteArray url = demo.baseUrl().toEncoded() + "/delay/0";
    client.write("GET " + url + " HTTP/1.1\r\nHost: x\r\n\r\n");
    client.write("GET " + url + " HTTP/1.1\r\nHost: x\r\n\r\n");

    // The capture's run is a live model of the session, filled by the recorder's batches.
    QTRY_VERIFY(!session.models().isEmpty());
    RunModel *model = session.models().first();
    QVERIFY(model->isLive());
    QTRY_COMPARE(model->records().size(), 2);
    QTRY_VERIFY(model->records().at(1).isDone());
    QCOMPARE(model->records().at(1).connection(), 0);
    QVERIFY(model->records().at(1).reusedConnection());

    QTest::mouseClick(dialog.startButton(), Qt::LeftButton);
    QVERIFY(!dialog.isCapturing());
    QCOMPARE(session.models().size(), 1); // the tracer's run, empty, went away
    QVERIFY(!session.models().first()->isLive());
    QCOMPARE(session.results().first().records.size(), 2);
}

void TestCaptureDialog::runsACommandAndShowsItsOutput()
{
    DemoServer demo;
    QVERIFY(demo.start());
    RunSession session;
    CaptureDialog dialog(&session, demo.baseUrl());
    dialog.commandEdit()->setText(
        QStringLiteral("/usr/bin/python3 -c \"import os; print('proxy', os.environ['http_proxy'], "
                       "os.environ['CRAWLSCOPE_DEMO'])\""));
    dialog.start();
    QVERIFY(dialog.isCapturing());
    const QString proxy = dialog.proxyAddress();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isCapturing(), 30'000); // the command's end stops the capture
    QVERIFY2(dialog.output()->toPlainText().contains(
                 QStringLiteral("proxy %1 %2").arg(proxy, demo.baseUrl().toString())),
             qPrintable(dialog.output()->toPlainText()));
    QVERIFY(dialog.output()->toPlainText().contains(QLatin1String("exited with status 0")));
}

QTEST_MAIN(TestCaptureDialog)
#include "tst_capturedialog.moc"
