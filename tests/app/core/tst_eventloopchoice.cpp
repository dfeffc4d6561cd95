#include "core/eventloopchoice.h"

#include <QAbstractEventDispatcher>
#include <QCoreApplication>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>
#include <QThread>

#include <cstdio>
#include <cstring>

// Qt chooses each thread's event loop once, when the application or the thread starts, so every case runs
// in a fresh copy of this program: `--probe cli|window` makes the choice, starts Qt and a thread, and prints
// what each got and what a child's environment would carry.
namespace {

int probe(int argc, char *argv[])
{
    const bool window = std::strcmp(argv[2], "window") == 0;
    if (window)
        EventLoopChoice::forWindow();
    else
        EventLoopChoice::forCommandLine();
    QCoreApplication app(argc, argv);
    QByteArray threadLoop;
    QThread thread;
    // Direct: it runs in the new thread, on the loop that thread was given.
    QObject::connect(
        &thread, &QThread::started, &thread,
        [&] {
            threadLoop = QAbstractEventDispatcher::instance()->metaObject()->className();
            thread.quit();
        },
        Qt::DirectConnection);
    thread.start();
    thread.wait();
    QProcessEnvironment child = QProcessEnvironment::systemEnvironment();
    EventLoopChoice::removeFrom(child);
    std::printf("main=%s thread=%s child_no_glib=%s child_no_threaded_glib=%s\n",
                QAbstractEventDispatcher::instance()->metaObject()->className(), threadLoop.constData(),
                qPrintable(child.value(QStringLiteral("QT_NO_GLIB"), QStringLiteral("-"))),
                qPrintable(child.value(QStringLiteral("QT_NO_THREADED_GLIB"), QStringLiteral("-"))));
    return 0;
}

} // namespace

class TestEventLoopChoice : public QObject
{
    Q_OBJECT

private:
    static QByteArray runProbe(const QString &mode, const QProcessEnvironment &environment)
    {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--probe"), mode});
        if (!process.waitForFinished(30'000) || process.exitCode() != 0)
            return "probe failed: " + process.readAllStandardError();
        return process.readAllStandardOutput().trimmed();
    }
    static QProcessEnvironment cleanEnvironment()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("QT_NO_GLIB"));
        environment.remove(QStringLiteral("QT_NO_THREADED_GLIB"));
        return environment;
    }

private Q_SLOTS:
    void theCommandLineUsesQtsLoopEverywhere()
    {
        QCOMPARE(runProbe(QStringLiteral("cli"), cleanEnvironment()),
                 QByteArray("main=QEventDispatcherUNIX thread=QEventDispatcherUNIX child_no_glib=- "
                            "child_no_threaded_glib=-"));
    }

    void theWindowKeepsGlibOnItsOwnThreadOnly()
    {
        QCOMPARE(runProbe(QStringLiteral("window"), cleanEnvironment()),
                 QByteArray("main=QEventDispatcherGlib thread=QEventDispatcherUNIX child_no_glib=- "
                            "child_no_threaded_glib=-"));
    }

    void whatTheUserSetStaysAndReachesChildren()
    {
        QProcessEnvironment environment = cleanEnvironment();
        environment.insert(QStringLiteral("QT_NO_THREADED_GLIB"), QStringLiteral("yes"));
        QCOMPARE(runProbe(QStringLiteral("window"), environment),
                 QByteArray("main=QEventDispatcherGlib thread=QEventDispatcherUNIX child_no_glib=- "
                            "child_no_threaded_glib=yes"));
    }
};

int main(int argc, char *argv[])
{
    if (argc == 3 && std::strcmp(argv[1], "--probe") == 0)
        return probe(argc, argv);
    QCoreApplication app(argc, argv);
    TestEventLoopChoice test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_eventloopchoice.moc"
