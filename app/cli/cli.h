#pragma once

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>

/// The headless command line: `crawlscope run ...`, `crawlscope recover ...` and `crawlscope serve-demo ...`.
/// Exit status: 0 when the run completed (failed requests and skipped lines included), 2 on bad usage or
/// when no valid URL is left, 1 on internal failure, 130 when interrupted (what was recorded is still
/// printed and exported).
/// The context of the command line's messages, so lupdate finds them and they have their Korean.
struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

namespace Cli {

enum ExitCode {
    Success = 0,
    InternalFailure = 1,
    BadUsage = 2,
    CommandNotFound = 127, // capture: the command to watch could not be started
    Interrupted = 130,
};

int run(const QStringList &arguments);
/// `crawlscope code [run options] URL...`: prints the Python program of the same run.
int code(const QStringList &arguments);
/// The port the programs `code` writes expect the demo server on, unless $CRAWLSCOPE_DEMO says otherwise.
inline constexpr int DemoPort = 8080;
int serveDemo(const QStringList &arguments);
/// `crawlscope recover [--list] [--json] [-o FILE]... [JOURNAL...]`: the runs journaled by processes that
/// ended before their runs were saved, summarized and exported like `run`'s.
int recover(const QStringList &arguments);
/// `crawlscope capture [options] [-- COMMAND ARGS...]`: records another program's requests through a proxy.
/// Passes the command's exit status on.
int capture(const QStringList &arguments);

/// A command's --help. QCommandLineParser's usage line names the executable's path alone, which reads as if
/// the command's options were the bare executable's; this names the command as typed ("crawlscope run").
inline QString helpText(const QCommandLineParser &parser, const QString &command)
{
    QString text = parser.helpText();
    const QStringList arguments = QCoreApplication::arguments();
    const QString program = arguments.isEmpty() ? QString() : arguments.constFirst();
    if (const qsizetype at = program.isEmpty() ? -1 : text.indexOf(program); at >= 0)
        text.replace(at, program.size(), QLatin1String("crawlscope ") + command);
    return text;
}

/// The lesson's comparison on the built-in demo server: what `crawlscope` does without a window.
QStringList demoComparisonArguments();

} // namespace Cli
