#include "cli.h"

#include "core/prediction.h"
#include "core/runresult.h"
#include "demoserver/demoserver.h"
#include "export/exporter.h"
#include "input/urllist.h"
#include "journal/journalreader.h"
#include "journal/journalwriter.h"
#include "run/runner.h"
#include "runoptions.h"
#include "runreport.h"
#include "safeterminal.h"
#include "session/crawler.h"
#include "session/runsequence.h"
#include "signalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QTextStream>

#include <optional>

namespace {

using namespace RunReport;

int usageError(const QString &message)
{
    err() << "crawlscope run: " << message << Qt::endl;
    err() << CliText::tr("Try 'crawlscope run --help'.") << Qt::endl;
    return Cli::BadUsage;
}

int importAndExport(const QCommandLineParser &parser, const QStringList &exports, double pictureScale)
{
    QString error;
    Progress progress;
    const QString path = parser.value(QStringLiteral("import"));
    const auto runs = importRuns(path, &error, progress);
    if (!runs) {
        err() << "crawlscope run: " << error << Qt::endl;
        return Cli::BadUsage;
    }
    // Read in spite of a problem: said, never silently.
    for (const QString &warning : progress.warnings())
        err() << CliText::tr("%1: warning: %2").arg(QDir::toNativeSeparators(path), warning) << Qt::endl;
    if (parser.isSet(QStringLiteral("json")))
        printJson(*runs);
    else
        printTable(*runs);
    reportCaps(*runs);
    return writeExports(*runs, exports, pictureScale, QStringLiteral("crawlscope run"));
}

} // namespace

namespace Cli {

QStringList demoComparisonArguments()
{
    return {QStringLiteral("--demo"),   QStringLiteral("--mode"), QStringLiteral("compare"),
            QStringLiteral("--repeat"), QStringLiteral("5"),      QStringLiteral("{demo}/delay/1000")};
}

int run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(CliText::tr(
        "Fetch URLs sequentially, all at once (gather), or through a semaphore of k permits (limited), "
        "and report honest timings for every request. With --crawl, follow their links politely."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("URL"), CliText::tr("URLs to fetch."),
                                 QStringLiteral("[URL ...]"));
    RunOptions::addTo(parser);
    parser.addOptions({
        {QStringLiteral("demo"),
         CliText::tr("Start the built-in demo server; {demo} in a URL becomes its base URL.")},
        {QStringLiteral("json"), CliText::tr("Print the summary as one JSON object on stdout.")},
        {QStringLiteral("import"),
         CliText::tr(
             "Instead of running, read runs from FILE (.json, .csv, .har) and summarize or convert them with "
             "-o."),
         QStringLiteral("FILE")},
        {QStringLiteral("scale"), CliText::tr("Scale factor for PNG and JPEG pictures. Default: 2."),
         QStringLiteral("FACTOR")},
        {{QStringLiteral("o"), QStringLiteral("export")},
         CliText::tr("Write the results to FILE, format by extension (%1). Repeatable.")
             .arg(exportTypes().join(QLatin1String(", "))),
         QStringLiteral("FILE")},
    });

    QStringList argv = arguments;
    argv.prepend(QStringLiteral("crawlscope run"));
    if (!parser.parse(argv))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << Cli::helpText(parser, QStringLiteral("run"));
        return Success;
    }

    QString error;
    std::optional<RunOptions> options = RunOptions::from(parser, &error);
    if (!options)
        return usageError(error);

    double pictureScale = 2.0; // PNG pixels per layout pixel: 2 makes sharp slides
    if (parser.isSet(QStringLiteral("scale"))) {
        bool ok = false;
        pictureScale = parser.value(QStringLiteral("scale")).toDouble(&ok);
        if (!ok || pictureScale < 0.25 || pictureScale > 8)
            return usageError(CliText::tr("--scale takes a factor from 0.25 to 8, not \"%1\"")
                                  .arg(parser.value(QStringLiteral("scale"))));
    }
    const QStringList exports = parser.values(QStringLiteral("export"));
    for (const auto &path : exports) {
        if (!canWriteExport(path, &error))
            return usageError(error);
    }

    if (parser.isSet(QStringLiteral("import")))
        return importAndExport(parser, exports, pictureScale);

    const bool demo = parser.isSet(QStringLiteral("demo"));
    const QString placeholder = QStringLiteral("{demo}");
    if (!demo && parser.positionalArguments().join(QLatin1Char(' ')).contains(placeholder))
        return usageError(CliText::tr("a URL uses %1 but --demo is not given").arg(placeholder));

    DemoServer server;
    QHash<QString, QString> substitutions;
    if (demo) {
        if (!server.start(0, &error)) {
            err() << CliText::tr("crawlscope run: cannot start the demo server: %1").arg(error) << Qt::endl;
            return InternalFailure;
        }
        substitutions.insert(placeholder, server.baseUrl().toString());
    }

    bool readFailed = false;
    const QList<QUrl> urls = RunOptions::collectUrls(parser, substitutions, options->repeat, &readFailed);
    if (readFailed)
        return BadUsage;
    if (urls.isEmpty())
        return usageError(CliText::tr("no valid URL to run"));
    options->completeSweep(int(urls.size()));

    RunSequence sequence;
    // Journaled as it goes, so that a kill still leaves the runs for `crawlscope recover`.
    JournalWriter journal(&sequence, JournalReader::directory());
    QObject::connect(&journal, &JournalWriter::failed, &sequence,
                     [](const QString &message) { err() << message << Qt::endl; });
    SignalWatcher watcher;
    bool interrupted = false;
    QObject::connect(&watcher, &SignalWatcher::interrupted, &sequence, [&] {
        interrupted = true;
        err() << CliText::tr("interrupted: cancelling, keeping what was recorded") << Qt::endl;
        sequence.cancel();
    });
    QObject::connect(&sequence, &RunSequence::runStarted, &sequence, [&](int, const RunSettings &settings) {
        if (settings.crawl.enabled) {
            err() << CliText::tr("crawling %1: from %2 seeds, depth %3, at most %4 pages")
                         .arg(runModeName(settings.mode))
                         .arg(urls.size())
                         .arg(settings.crawl.maxDepth)
                         .arg(settings.crawl.maxPages)
                  << Qt::endl;
            if (!settings.crawl.obeyRobots)
                err() << CliText::tr("robots.txt is ignored, by choice") << Qt::endl;
        } else {
            err() << CliText::tr("running %1: %2 requests").arg(runModeName(settings.mode)).arg(urls.size())
                  << Qt::endl;
        }
    });
    QObject::connect(&sequence, &RunSequence::finished, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    sequence.start(urls, options->plan);
    QCoreApplication::exec();

    const QList<RunResult> &results = sequence.results();
    if (parser.isSet(QStringLiteral("json"))) {
        // What the lesson's rules said each run would take, from the latencies the demo server was going to
        // wait; a URL of another server makes it unknown (null), never guessed.
        QList<Prediction> predictions;
        const auto latency = [&server](const QUrl &url) { return server.plannedLatencyNs(url); };
        for (const RunResult &run : results)
            predictions.append(Prediction::of(urls, run.settings, latency, run.capacityChanges));
        printJson(results, predictions);
    } else
        printTable(results);
    reportCaps(results);

    const int exported = writeExports(results, exports, pictureScale, QStringLiteral("crawlscope run"),
                                      [&server](const QUrl &url) { return server.plannedLatencyNs(url); });
    // Every run ended (a signal cancels them cleanly) and every export is written: nothing left to recover.
    if (journal.isEnded() && exported == Success)
        journal.discard();
    return interrupted ? Interrupted : exported;
}

} // namespace Cli
