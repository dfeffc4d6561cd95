#include "cli/cli.h"
#include "firstpaintreporter.h"
#include "journalkeeper.h"
#include "mainwindow.h"
#include "net/descriptorbudget.h"
#include "settings/appsettings.h"
#include "settings/language.h"
#include "settings/nativemenus.h"
#include "settings/retranslator.h"
#include "settings/theme.h"
#include "settings/windowsettings.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFileInfo>
#include <QIcon>
#include <QSettings>
#include <QTextStream>

#include <cstring>

namespace {

bool isCommandLine(const char *argument)
{
    for (const char *command :
         {"run", "recover", "code", "serve-demo", "capture", "--version", "-v", "--help", "-h"}) {
        if (std::strcmp(argument, command) == 0)
            return true;
    }
    return false;
}

/// Why no window can open here, or nothing when one can. Checked before Qt, which would abort.
QString displayProblem()
{
    if (!qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        return {};
    const QString display = qEnvironmentVariable("DISPLAY");
    if (display.isEmpty())
        return QCoreApplication::translate("main", "no display: neither DISPLAY nor WAYLAND_DISPLAY is set");
    // A local X display ":N" has a socket; without it Qt's xcb plugin would abort.
    if (display.startsWith(QLatin1Char(':'))) {
        const QString number = display.mid(1).section(QLatin1Char('.'), 0, 0);
        if (!QFileInfo::exists(QStringLiteral("/tmp/.X11-unix/X") + number))
            return QCoreApplication::translate("main", "no X server answers on DISPLAY=%1").arg(display);
    }
    return {};
}

int commandLine(int argc, char *argv[])
{
    // Pictures (-o lesson.png) are painted by the widgets library, offscreen: no window, no display needed.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Crawlscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CRAWLSCOPE_VERSION));
    Language::apply(QString()); // the command line speaks the system's language (LANG)
    QStringList arguments = QCoreApplication::arguments().mid(1);
    const QString command = arguments.takeFirst();
    if (command == QLatin1String("run"))
        return Cli::run(arguments);
    if (command == QLatin1String("recover"))
        return Cli::recover(arguments);
    if (command == QLatin1String("code"))
        return Cli::code(arguments);
    if (command == QLatin1String("serve-demo"))
        return Cli::serveDemo(arguments);
    if (command == QLatin1String("capture"))
        return Cli::capture(arguments);
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        QTextStream(stdout) << "crawlscope " << CRAWLSCOPE_VERSION << " (Qt " << qVersion() << ")\n";
        return Cli::Success;
    }
    QTextStream(stdout) << QCoreApplication::translate(
        "main",
        "Usage: crawlscope [FILE]          open the window\n"
        "       crawlscope run [options] [URL ...]\n"
        "       crawlscope recover [--list] [-o FILE] ...\n"
        "       crawlscope code [options] [URL ...]\n"
        "       crawlscope serve-demo [--port N]\n"
        "       crawlscope capture [options] [-- COMMAND ...]\n"
        "       crawlscope --version\n"
        "Run 'crawlscope run --help' for the run options.\n");
    return Cli::Success;
}

} // namespace

int main(int argc, char *argv[])
{
    // Before Qt starts any thread: runs size themselves to the open-file limit, so take all we may have.
    DescriptorBudget::raiseLimit();
    if (argc > 1 && isCommandLine(argv[1]))
        return commandLine(argc, argv);

    if (const QString problem = displayProblem(); !problem.isEmpty()) {
        QCoreApplication app(argc, argv);
        QTextStream err(stderr);
        err << QCoreApplication::translate("main", "crawlscope: cannot open the window (%1).\n").arg(problem)
            << QCoreApplication::translate(
                   "main",
                   "Use 'crawlscope run ...' on the command line; 'crawlscope run --help' "
                   "lists the options.\n");
        if (argc > 1)
            return Cli::BadUsage;
        err << QCoreApplication::translate("main", "Here is the lesson's comparison without a window:\n");
        err.flush();
        return Cli::run(Cli::demoComparisonArguments());
    }

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("crawlscope"));
    QApplication::setApplicationName(QStringLiteral("Crawlscope"));
    QApplication::setApplicationVersion(QStringLiteral(CRAWLSCOPE_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral(CRAWLSCOPE_APP_ID));
    QApplication::setWindowIcon(
        QIcon(QStringLiteral(":/icons/hicolor/scalable/apps/" CRAWLSCOPE_APP_ID ".svg")));
    {
        QSettings settings;
        Language::apply(AppSettings::loadLanguage(settings));
        Theme::apply(AppSettings::loadTheme(settings));
    }
    Retranslator::install();

    MainWindow window;
    WindowSettings::attach(&window);
    NativeMenus::install(&window);
    const QStringList files = QApplication::arguments().mid(1);
    if (QString error; !files.isEmpty() && !window.openFile(files.first(), &error)) {
        QTextStream(stderr) << "crawlscope: " << error << '\n';
        return Cli::BadUsage;
    }
    FirstPaintReporter::installIfRequested(&window);
    window.show();
    // Once the window is up, ask about runs an earlier Crawlscope left unsaved (a kill, a crash).
    if (files.isEmpty())
        window.journal()->offerRecoveryInBackground(&window);
    return QApplication::exec();
}
