#include "cli.h"

#include "core/durationformat.h"
#include "core/prediction.h"
#include "core/runresult.h"
#include "demoserver/demoserver.h"
#include "export/atomicfile.h"
#include "export/exporter.h"
#include "export/jsonformat.h"
#include "input/urllist.h"
#include "pictureexport.h"
#include "run/runner.h"
#include "runoptions.h"
#include "safeterminal.h"
#include "session/crawler.h"
#include "session/runsequence.h"
#include "signalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

namespace {

QTextStream &err()
{
    return SafeTerminal::errors();
}

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}

int usageError(const QString &message)
{
    err() << "crawlscope run: " << message << Qt::endl;
    err() << tr("Try 'crawlscope run --help'.") << Qt::endl;
    return Cli::BadUsage;
}

void printTable(const QList<RunResult> &runs)
{
    out() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10 %11\n")
                 .arg(QStringLiteral("mode"), -11)
                 .arg(QStringLiteral("limit"), 5)
                 .arg(QStringLiteral("delay"), 8)
                 .arg(QStringLiteral("requests"), 8)
                 .arg(QStringLiteral("ok"), 6)
                 .arg(QStringLiteral("failed"), 6)
                 .arg(QStringLiteral("cancelled"), 9)
                 .arg(QStringLiteral("wall"), 10)
                 .arg(QStringLiteral("ideal"), 10)
                 .arg(QStringLiteral("wall/ideal"), 10)
                 .arg(QStringLiteral("peak"), 5);
    for (const auto &run : runs) {
        const RunSummary summary = summarize(run);
        const int capacity = run.settings.gateCapacity();
        const QString ratio = summary.idealNs > 0
            ? QString::number(double(summary.wallNs) / double(summary.idealNs), 'f', 2)
            : QStringLiteral("-");
        out() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10 %11\n")
                     .arg(runModeName(run.settings.mode), -11)
                     .arg(capacity == 0 ? QStringLiteral("all") : QString::number(capacity), 5)
                     .arg(QString::number(run.settings.delayMs) + QLatin1String("ms"), 8)
                     .arg(summary.requests, 8)
                     .arg(summary.ok, 6)
                     .arg(summary.failed, 6)
                     .arg(summary.cancelled, 9)
                     .arg(DurationFormat::seconds(summary.wallNs), 10)
                     .arg(summary.idealNs > 0 ? DurationFormat::seconds(summary.idealNs)
                                              : QStringLiteral("-"),
                          10)
                     .arg(ratio, 10)
                     .arg(summary.peakInFlight, 5);
    }
    for (const auto &run : runs) {
        if (!run.settings.crawl.enabled)
            continue;
        const CrawlSummary crawl = summarizeCrawl(run);
        QStringList skipped;
        for (int reason = 0; reason < SkipReasonCount; ++reason) {
            if (const int count = crawl.skipped[std::size_t(reason)]; count > 0)
                skipped << QStringLiteral("%1 %2").arg(skipReasonName(SkipReason(reason))).arg(count);
        }
        out() << tr("crawl (%1): pages %2, retried %3, not HTML %4; skipped %5%6; robots.txt %7\n")
                     .arg(runModeName(run.settings.mode))
                     .arg(crawl.pages)
                     .arg(crawl.retries)
                     .arg(crawl.notHtml)
                     .arg(crawl.skippedTotal)
                     .arg(skipped.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(skipped.join(u", ")))
                     .arg(run.settings.crawl.obeyRobots ? tr("obeyed") : tr("IGNORED, by choice"));
        if (run.linksDropped > 0 || run.skippedBeyondKept > 0) {
            out()
                << tr("  memory bounds: %1 links past %2 per page not read; %3 skipped URLs past the %4 kept "
                      "only counted\n")
                       .arg(run.linksDropped)
                       .arg(run.settings.crawl.maxLinksPerPage)
                       .arg(run.skippedBeyondKept)
                       .arg(run.settings.crawl.maxSkippedKept);
        }
        for (const CrawlHost &host : run.hosts) {
            out() << QStringLiteral("  %1: %2 pages; %3%4\n")
                         .arg(host.origin)
                         .arg(host.pages)
                         .arg(host.robotsDetail)
                         .arg(host.crawlDelayMs > 0 ? tr("; Crawl-delay %1 ms").arg(host.crawlDelayMs)
                                                    : QString());
        }
    }
    out().flush();
}

/// A run held below the concurrency it asked for says so beside the summary, on stderr like the progress.
void reportCaps(const QList<RunResult> &runs)
{
    for (const auto &run : runs) {
        if (run.concurrencyCap.isCapped()) {
            err() << tr("%1: concurrency capped at %2 requests in flight: %3")
                         .arg(runModeName(run.settings.mode))
                         .arg(run.concurrencyCap.maxInFlight)
                         .arg(run.concurrencyCap.reason)
                  << Qt::endl;
        }
    }
}

/// predictions[i] is what the lesson's rules said runs[i] would take; missing or unknown ones print as null.
void printJson(const QList<RunResult> &runs, const QList<Prediction> &predictions = {})
{
    QJsonArray array;
    for (qsizetype i = 0; i < runs.size(); ++i) {
        QJsonObject summary = summaryToJson(runs[i]);
        const bool known = i < predictions.size() && predictions[i].isKnown();
        summary.insert(QStringLiteral("predicted_ms"),
                       known ? QJsonValue(std::round(double(predictions[i].makespanNs()) / 1e3) / 1e3)
                             : QJsonValue());
        array.append(summary);
    }
    out() << QJsonDocument(QJsonObject {{QStringLiteral("runs"), array}}).toJson(QJsonDocument::Compact)
          << '\n';
    out().flush();
}

// Pictures (.png, .svg, .pdf) are painted by the widgets library; the other types are the engine's formats.
QStringList exportTypes()
{
    return exportExtensions() + PictureExport::extensions();
}

bool canWriteExport(const QString &path, QString *error)
{
    if (PictureExport::kindFor(path))
        return folderExistsFor(path, error);
    const QStringList engineTypes = exportExtensions();
    if (std::none_of(engineTypes.cbegin(), engineTypes.cend(), [&path](const QString &extension) {
            return path.endsWith(extension, Qt::CaseInsensitive);
        })) {
        *error = tr("Cannot export to \"%1\": unknown file type (use %2)")
                     .arg(QDir::toNativeSeparators(path), exportTypes().join(QLatin1String(", ")));
        return false;
    }
    return canExport(path, error);
}

bool writeExport(const QList<RunResult> &results, const QString &path, double pictureScale, QString *error)
{
    if (PictureExport::kindFor(path))
        return PictureExport::writeRuns(results, path, pictureScale, error);
    return exportRuns(results, path, error);
}

int writeExports(const QList<RunResult> &results, const QStringList &exports, double pictureScale)
{
    int status = Cli::Success;
    QString error;
    for (const auto &path : exports) {
        if (!writeExport(results, path, pictureScale, &error)) {
            err() << "crawlscope run: " << error << Qt::endl;
            status = Cli::InternalFailure;
        } else {
            err() << tr("wrote %1").arg(path) << Qt::endl;
        }
    }
    return status;
}

int importAndExport(const QCommandLineParser &parser, const QStringList &exports, double pictureScale)
{
    QString error;
    const auto runs = importRuns(parser.value(QStringLiteral("import")), &error);
    if (!runs) {
        err() << "crawlscope run: " << error << Qt::endl;
        return Cli::BadUsage;
    }
    if (parser.isSet(QStringLiteral("json")))
        printJson(*runs);
    else
        printTable(*runs);
    reportCaps(*runs);
    return writeExports(*runs, exports, pictureScale);
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
    parser.setApplicationDescription(
        tr("Fetch URLs sequentially, all at once (gather), or through a semaphore of k permits (limited), "
           "and report honest timings for every request. With --crawl, follow their links politely."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("URL"), tr("URLs to fetch."), QStringLiteral("[URL ...]"));
    RunOptions::addTo(parser);
    parser.addOptions({
        {QStringLiteral("demo"), tr("Start the built-in demo server; {demo} in a URL becomes its base URL.")},
        {QStringLiteral("json"), tr("Print the summary as one JSON object on stdout.")},
        {QStringLiteral("import"),
         tr("Instead of running, read runs from FILE (.json, .csv, .har) and summarize or convert them with "
            "-o."),
         QStringLiteral("FILE")},
        {QStringLiteral("scale"), tr("Scale factor for PNG pictures. Default: 2."), QStringLiteral("FACTOR")},
        {{QStringLiteral("o"), QStringLiteral("export")},
         tr("Write the results to FILE, format by extension (%1). Repeatable.")
             .arg(exportTypes().join(QLatin1String(", "))),
         QStringLiteral("FILE")},
    });

    QStringList argv = arguments;
    argv.prepend(QStringLiteral("crawlscope run"));
    if (!parser.parse(argv))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
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
            return usageError(tr("--scale takes a factor from 0.25 to 8, not \"%1\"")
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
        return usageError(tr("a URL uses %1 but --demo is not given").arg(placeholder));

    DemoServer server;
    QHash<QString, QString> substitutions;
    if (demo) {
        if (!server.start(0, &error)) {
            err() << tr("crawlscope run: cannot start the demo server: %1").arg(error) << Qt::endl;
            return InternalFailure;
        }
        substitutions.insert(placeholder, server.baseUrl().toString());
    }

    bool readFailed = false;
    const QList<QUrl> urls = RunOptions::collectUrls(parser, substitutions, options->repeat, &readFailed);
    if (readFailed)
        return BadUsage;
    if (urls.isEmpty())
        return usageError(tr("no valid URL to run"));
    options->completeSweep(int(urls.size()));

    RunSequence sequence;
    SignalWatcher watcher;
    bool interrupted = false;
    QObject::connect(&watcher, &SignalWatcher::interrupted, &sequence, [&] {
        interrupted = true;
        err() << tr("interrupted: cancelling, keeping what was recorded") << Qt::endl;
        sequence.cancel();
    });
    QObject::connect(&sequence, &RunSequence::runStarted, &sequence, [&](int, const RunSettings &settings) {
        if (settings.crawl.enabled) {
            err() << tr("crawling %1: from %2 seeds, depth %3, at most %4 pages")
                         .arg(runModeName(settings.mode))
                         .arg(urls.size())
                         .arg(settings.crawl.maxDepth)
                         .arg(settings.crawl.maxPages)
                  << Qt::endl;
            if (!settings.crawl.obeyRobots)
                err() << tr("robots.txt is ignored, by choice") << Qt::endl;
        } else {
            err() << tr("running %1: %2 requests").arg(runModeName(settings.mode)).arg(urls.size())
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

    const int exported = writeExports(results, exports, pictureScale);
    int status = interrupted ? Interrupted : exported;
    return status;
}

} // namespace Cli
