#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// Issue 13: a binary URL list echoed raw bytes to stderr, ESC included, so a crafted file could drive the
// terminal. Every message now quotes what is not printable.
class TestSafeTerminal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void binaryUrlListIsQuoted();
    void badOptionValueIsQuoted();

private:
    static QByteArray runStderr(const QStringList &arguments);
};

QByteArray TestSafeTerminal::runStderr(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(CRAWLSCOPE_BINARY), arguments);
    if (!process.waitForFinished(60'000))
        return {};
    return process.readAllStandardError();
}

void TestSafeTerminal::binaryUrlListIsQuoted()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("urls.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    // ESC ] 0 ; ... BEL sets the terminal's title; CSI 2J clears it; 0x9b is the C1 CSI; \xff is not UTF-8.
    file.write("\x1b]0;owned\x07\n\x1b[2J\x7f\n\xc2\x9b"
               "31m\xff\xfe\n");
    file.close();
    const QByteArray err = runStderr({QStringLiteral("run"), QStringLiteral("--urls"), path});
    QVERIFY2(!err.isEmpty(), "no message");
    QVERIFY2(!err.contains('\x1b'), err.constData());
    QVERIFY2(!err.contains('\x07'), err.constData());
    QVERIFY2(!err.contains('\x7f'), err.constData());
    QVERIFY2(!err.contains("\xc2\x9b"), err.constData());
    QVERIFY2(err.contains("\\x1b]0;owned\\x07"), err.constData());
    QVERIFY2(err.contains("\\u009b"), err.constData());
    QVERIFY(err.contains(":1: ")); // the line is still named
}

void TestSafeTerminal::badOptionValueIsQuoted()
{
    const QByteArray err
        = runStderr({QStringLiteral("run"), QStringLiteral("--limit"), QString::fromLatin1("\x1b[31m"),
                     QStringLiteral("http://127.0.0.1:9/")});
    QVERIFY2(!err.contains('\x1b'), err.constData());
    QVERIFY2(err.contains("\\x1b[31m"), err.constData());
}

QTEST_GUILESS_MAIN(TestSafeTerminal)
#include "tst_safeterminal.moc"
