#include <QApplication>
#include <QTextStream>

#include "crawlbench.h"
#include "timelinebench.h"
#include "uilagbench.h"

// crawlscope-bench SUBCOMMAND [options]: micro-benchmarks that need the GUI libraries but no display.
int main(int argc, char *argv[])
{
    // Paint offscreen unless told otherwise, so the benchmark runs over ssh and in CI alike.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("crawlscope-bench"));

    QStringList arguments = QApplication::arguments();
    const QString command = arguments.size() > 1 ? arguments.at(1) : QString();
    if (command == QLatin1String("timeline")) {
        arguments.removeAt(1);
        return TimelineBench::run(arguments);
    }
    if (command == QLatin1String("ui-lag")) {
        arguments.removeAt(1);
        return UiLagBench::run(arguments);
    }
    if (command == QLatin1String("crawl")) {
        arguments.removeAt(1);
        return CrawlBench::run(arguments);
    }
    QTextStream(stderr) << QStringLiteral(
        "usage: crawlscope-bench timeline [--requests N]... [--repeat N] [--hosts N] [--mode NAME]...\n"
        "       crawlscope-bench ui-lag [--requests N] [--limit N] [--path PATH]\n"
        "       crawlscope-bench crawl [--pages N] [--per-host N]\n");
    return command.isEmpty() || command == QLatin1String("--help") ? 0 : 2;
}
