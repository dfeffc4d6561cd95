#include "export/exporter.h"
#include "sampleruns.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

// SECURITY.md: an export writes the file the user chose and nothing else, anywhere: not a sidecar, not a
// temporary file left behind, not a file named after something inside the run (a URL with ../ in it).
class TestExportConfinement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesOnlyTheChosenFile_data();
    void writesOnlyTheChosenFile();
    void failedExportWritesNothing();

private:
    static QStringList everything(const QString &root);
};

QStringList TestExportConfinement::everything(const QString &root)
{
    QStringList paths;
    const QDir dir(root);
    for (const QFileInfo &info :
         dir.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot)) {
        paths.append(dir.relativeFilePath(info.filePath()));
        if (info.isDir() && !info.isSymLink()) {
            for (const QString &inner : everything(info.filePath()))
                paths.append(info.fileName() + u'/' + inner);
        }
    }
    paths.sort();
    return paths;
}

void TestExportConfinement::writesOnlyTheChosenFile_data()
{
    QTest::addColumn<QString>("name");
    for (const char *name : {"out.json", "out.csv", "out.har", "out.trace.json"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestExportConfinement::writesOnlyTheChosenFile()
{
    QFETCH(QString, name);
    QTemporaryDir root;
    QVERIFY(root.isValid());
    QVERIFY(QDir(root.path()).mkpath(QStringLiteral("chosen")));
    QList<RunResult> runs = SampleRuns::all();
    // A record that names a path: nothing of it may become a file name.
    runs.first().records.first().url = QUrl(QStringLiteral("http://example.org/../../../escape.json"));
    runs.first().records.first().error = QStringLiteral("../../escape.json");

    const QString path = root.filePath(QStringLiteral("chosen/") + name);
    QString error;
    QVERIFY2(exportRuns(runs, path, &error), qPrintable(error));
    QCOMPARE(everything(root.path()),
             QStringList({QStringLiteral("chosen"), QStringLiteral("chosen/") + name}));
    QVERIFY(QFileInfo(path).size() > 0);
}

void TestExportConfinement::failedExportWritesNothing()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    QString error;
    // An unknown extension, and a folder that does not exist: refused before anything is written.
    QVERIFY(!exportRuns(SampleRuns::all(), root.filePath(QStringLiteral("out.exe")), &error));
    QVERIFY(!exportRuns(SampleRuns::all(), root.filePath(QStringLiteral("missing/out.json")), &error));
    QVERIFY(error.contains(QLatin1String("missing")));
    QCOMPARE(everything(root.path()), QStringList());
}

QTEST_GUILESS_MAIN(TestExportConfinement)
#include "tst_exportconfinement.moc"
