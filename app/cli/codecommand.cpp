#include "cli.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include "lessons/pythonprogram.h"
#include "runoptions.h"
#include "safeterminal.h"

namespace {

int usageError(const QString &message)
{
    QTextStream &err = SafeTerminal::errors();
    err << "crawlscope code: " << message << Qt::endl;
    err << CliText::tr("Try 'crawlscope code --help'.") << Qt::endl;
    return Cli::BadUsage;
}

} // namespace

namespace Cli {

int code(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        CliText::tr(
            "Print the Python asyncio program that does what 'crawlscope run' does with the same options: "
            "requests in a loop, httpx with asyncio.gather, or asyncio.Semaphore(k) with the delay held "
            "inside. "
            "{demo} in a URL stands for the demo server: the program reads $CRAWLSCOPE_DEMO, or else uses "
            "http://127.0.0.1:%1 ('crawlscope serve-demo --port %1').")
            .arg(DemoPort));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("URL"), CliText::tr("URLs to fetch."),
                                 QStringLiteral("[URL ...]"));
    RunOptions::addTo(parser);

    QStringList argv = arguments;
    argv.prepend(QStringLiteral("crawlscope code"));
    if (!parser.parse(argv))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << Cli::helpText(parser, QStringLiteral("code"));
        return Success;
    }
    QString error;
    std::optional<RunOptions> options = RunOptions::from(parser, &error);
    if (!options)
        return usageError(error);
    if (options->plan.size() != 1 || options->defaultSweep)
        return usageError(
            CliText::tr("code writes one program: choose --mode sequential, gather or limited"));
    if (options->base.crawl.enabled)
        return usageError(
            CliText::tr("a crawl finds its pages as it goes; code writes the program of a list of URLs"));

    const QString demo = QStringLiteral("http://127.0.0.1:%1").arg(DemoPort);
    bool readFailed = false;
    const QList<QUrl> urls
        = RunOptions::collectUrls(parser, {{QStringLiteral("{demo}"), demo}}, options->repeat, &readFailed);
    if (readFailed)
        return BadUsage;
    if (urls.isEmpty())
        return usageError(CliText::tr("no valid URL to write a program for"));
    QTextStream(stdout) << PythonProgram::generate(urls, options->plan.constFirst(), QUrl(demo)).text();
    return Success;
}

} // namespace Cli
