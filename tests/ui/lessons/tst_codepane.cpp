#include "lessons/codepane.h"
#include "lessons/codeview.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// The Code pane: the program of the settings, its lines pointed at with counts, copied and saved.

class TestCodePane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsTheProgram();
    void lineActivity_data();
    void lineActivity();
    void activityFollowsANewProgram();
    void copiesAndSaves();
};

namespace {

PythonProgram programOf(RunMode mode, int limit = 3, int delayMs = 0)
{
    RunSettings settings;
    settings.mode = mode;
    settings.limit = limit;
    settings.delayMs = delayMs;
    return PythonProgram::generate(QList<QUrl>(5, QUrl(QStringLiteral("http://127.0.0.1:8080/delay/1000"))),
                                   settings);
}

QString lineText(const QString &text, int line)
{
    return text.split(QLatin1Char('\n')).value(line - 1);
}

} // namespace

void TestCodePane::showsTheProgram()
{
    CodePane pane;
    const PythonProgram program = programOf(RunMode::Limited, 3, 1000);
    pane.setProgram(program);
    QCOMPARE(pane.text(), program.text());
    QCOMPARE(pane.view()->toPlainText().trimmed(), program.text().trimmed());
}

void TestCodePane::lineActivity_data()
{
    QTest::addColumn<RunMode>("mode");
    QTest::addColumn<int>("delayMs");
    QTest::addColumn<bool>("hasSemaphore");
    QTest::addColumn<bool>("hasSleep");

    QTest::newRow("limited with delay") << RunMode::Limited << 1000 << true << true;
    QTest::newRow("limited") << RunMode::Limited << 0 << true << false;
    QTest::newRow("gather") << RunMode::Gather << 0 << false << false;
    QTest::newRow("sequential with delay") << RunMode::Sequential << 500 << false << true;
}

void TestCodePane::lineActivity()
{
    QFETCH(RunMode, mode);
    QFETCH(int, delayMs);
    QFETCH(bool, hasSemaphore);
    QFETCH(bool, hasSleep);

    CodePane pane;
    pane.show();
    const PythonProgram program = programOf(mode, 3, delayMs);
    pane.setProgram(program);
    const int semaphoreLine = program.lineOf(PythonProgram::Step::WaitForPermit);
    const int getLine = program.lineOf(PythonProgram::Step::Request);
    const int sleepLine = program.lineOf(PythonProgram::Step::Sleep);
    // The lines are the ones a replay points at.
    QCOMPARE(semaphoreLine > 0, hasSemaphore);
    QCOMPARE(sleepLine > 0, hasSleep);
    if (hasSemaphore)
        QVERIFY(lineText(program.text(), semaphoreLine).contains(QLatin1String("async with semaphore")));
    QVERIFY(lineText(program.text(), getLine).contains(QLatin1String(".get(")));
    if (hasSleep)
        QVERIFY(lineText(program.text(), sleepLine).contains(QLatin1String("sleep(")));

    pane.setLineActivity(7, 3, 2);
    QCOMPARE(pane.activityAt(getLine), 3);
    if (hasSemaphore)
        QCOMPARE(pane.activityAt(semaphoreLine), 7);
    if (hasSleep)
        QCOMPARE(pane.activityAt(sleepLine), 2);
    // One highlighted line per line that has one, and nothing elsewhere.
    QCOMPARE(pane.view()->extraSelections().size(), 1 + int(hasSemaphore) + int(hasSleep));
    QCOMPARE(pane.activityAt(1), 0);
    QCOMPARE(CodeView::badge(3), QStringLiteral("× 3"));
    QVERIFY(!pane.view()->grab().isNull()); // the badges paint without trouble

    // Nobody at a line: no highlight there.
    pane.setLineActivity(0, 1, 0);
    QCOMPARE(pane.view()->extraSelections().size(), 1);
    QCOMPARE(pane.activityAt(getLine), 1);
    pane.clearLineActivity();
    QVERIFY(pane.view()->extraSelections().isEmpty());
}

void TestCodePane::activityFollowsANewProgram()
{
    CodePane pane;
    pane.setProgram(programOf(RunMode::Limited, 3, 1000));
    pane.setLineActivity(4, 3, 3);
    // The slider moves during a replay's pause: the counts stay on the lines of the new program.
    const PythonProgram sequential = programOf(RunMode::Sequential, 1, 1000);
    pane.setProgram(sequential);
    QCOMPARE(pane.activityAt(sequential.lineOf(PythonProgram::Step::Request)), 3);
    QCOMPARE(pane.activityAt(sequential.lineOf(PythonProgram::Step::Sleep)), 3);
    QCOMPARE(pane.view()->extraSelections().size(), 2); // sequential has no semaphore line
}

void TestCodePane::copiesAndSaves()
{
    CodePane pane;
    pane.setProgram(programOf(RunMode::Gather));
    pane.copyToClipboard();
    QCOMPARE(QApplication::clipboard()->text(), pane.text());

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("gather.py"));
    QString error;
    QVERIFY2(pane.saveTo(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), pane.text());

    // A folder that does not exist: the error names the file, and nothing is left behind.
    const QString bad = dir.filePath(QStringLiteral("missing/gather.py"));
    QVERIFY(!pane.saveTo(bad, &error));
    QVERIFY(error.contains(QLatin1String("gather.py")));
    QVERIFY(!QFile::exists(bad));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {QStringLiteral("gather.py")});
}

QTEST_MAIN(TestCodePane)
#include "tst_codepane.moc"
