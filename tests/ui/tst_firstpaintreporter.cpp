#include "firstpaintreporter.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>
#include <QWidget>

#include <chrono>

namespace {

qint64 monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

class TestFirstPaintReporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void windowReportsItsFirstPaintAndQuits();
    void nothingWatchesWithoutTheVariable();
};

// crawlscope-bench startup relies on this: the real executable, asked through its environment, paints its
// window once, prints the monotonic time of that paint and exits 0 on its own.
void TestFirstPaintReporter::windowReportsItsFirstPaintAndQuits()
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("CRAWLSCOPE_REPORT_FIRST_PAINT"), QStringLiteral("1"));
    process.setProcessEnvironment(environment);
    const qint64 before = monotonicNs();
    process.start(QStringLiteral(CRAWLSCOPE_BINARY), {});
    QVERIFY(process.waitForFinished(60'000));
    const qint64 after = monotonicNs();
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);

    const QList<QByteArray> lines = process.readAllStandardOutput().trimmed().split('\n');
    QCOMPARE(lines.size(), 1);
    const QByteArray key = "first_paint_monotonic_ns=";
    QVERIFY2(lines.first().startsWith(key), lines.first().constData());
    bool ok = false;
    const qint64 paintedNs = lines.first().mid(key.size()).toLongLong(&ok);
    QVERIFY(ok);
    QVERIFY(paintedNs > before);
    QVERIFY(paintedNs < after);
}

void TestFirstPaintReporter::nothingWatchesWithoutTheVariable()
{
    qunsetenv("CRAWLSCOPE_REPORT_FIRST_PAINT");
    QWidget window;
    FirstPaintReporter::installIfRequested(&window);
    QCOMPARE(window.findChildren<FirstPaintReporter *>().size(), 0);

    qputenv("CRAWLSCOPE_REPORT_FIRST_PAINT", "1");
    FirstPaintReporter::installIfRequested(&window);
    qunsetenv("CRAWLSCOPE_REPORT_FIRST_PAINT");
    QCOMPARE(window.findChildren<FirstPaintReporter *>().size(), 1);
}

QTEST_MAIN(TestFirstPaintReporter)
#include "tst_firstpaintreporter.moc"
