#include <QApplication>
#include <QTemporaryDir>
#include <QTextStream>

#include "crawlbench.h"
#include "memorybench.h"
#include "replaybench.h"
#include "startupbench.h"
#include "timelinebench.h"
#include "uilagbench.h"

// crawlscope-bench SUBCOMMAND [options]: benchmarks that need the GUI libraries but no display
// (bench/README.md).
int main(int argc, char *argv[])
{
    // Paint offscreen unless told otherwise, so the benchmark runs over ssh and in CI alike.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // A benchmark's windows journal their runs like any window, and are closed without saving: keep those
    // journals out of the user's state folder, where the next launch would offer to recover them.
    QTemporaryDir state;
    if (state.isValid())
        qputenv("XDG_STATE_HOME", state.path().toLocal8Bit());
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("crawlscope-bench"));

    QStringList arguments = QApplication::arguments();
    const QString command = arguments.size() > 1 ? arguments.at(1) : QString();
    if (!command.isEmpty())
        arguments.removeAt(1);
    if (command == QLatin1String("timeline"))
        return TimelineBench::run(arguments);
    if (command == QLatin1String("ui-lag"))
        return UiLagBench::run(arguments);
    if (command == QLatin1String("memory"))
        return MemoryBench::run(arguments);
    if (command == QLatin1String("startup"))
        return StartupBench::run(arguments);
    if (command == QLatin1String("crawl"))
        return CrawlBench::run(arguments);
    if (command == QLatin1String("replay"))
        return ReplayBench::run(arguments);
    QTextStream(stderr) << QStringLiteral(
        "usage: crawlscope-bench timeline [--requests N]... [--repeat N] [--hosts N] [--mode NAME]...\n"
        "       crawlscope-bench ui-lag [--requests N] [--limit N] [--path PATH] [--order "
        "cli-first|window-first]\n"
        "       crawlscope-bench memory [--requests N] [--limit N] [--source recorder|run]\n"
        "       crawlscope-bench startup [--binary PATH] [--repeat N]\n"
        "       crawlscope-bench crawl [--pages N] [--per-host N]\n"
        "       crawlscope-bench replay [--requests N] [--speed X] [--frames N]\n");
    return command.isEmpty() || command == QLatin1String("--help") ? 0 : 2;
}
