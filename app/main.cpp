#include "cli/cli.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Crawlscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CRAWLSCOPE_VERSION));

    QStringList arguments = QCoreApplication::arguments().mid(1);
    const QString command = arguments.isEmpty() ? QString() : arguments.takeFirst();
    if (command == QLatin1String("run"))
        return Cli::run(arguments);
    if (command == QLatin1String("serve-demo"))
        return Cli::serveDemo(arguments);
    if (command == QLatin1String("--version")) {
        QTextStream(stdout) << "crawlscope " << CRAWLSCOPE_VERSION << " (Qt " << qVersion() << ")\n";
        return Cli::Success;
    }
    if (command.isEmpty()) {
        QTextStream(stderr) << QCoreApplication::translate(
            "main",
            "crawlscope: no window yet; running the lesson's comparison on the built-in demo server.\n");
        return Cli::run(Cli::demoComparisonArguments());
    }
    QTextStream(stderr) << QCoreApplication::translate("main",
                                                       "Usage: crawlscope run [options] [URL ...]\n"
                                                       "       crawlscope serve-demo [--port N]\n"
                                                       "       crawlscope --version\n");
    return Cli::BadUsage;
}
