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
    static QTextStream stream(stderr);
    return stream;
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

std::optional<int> intValue(const QCommandLineParser &parser, const QString &name, int fallback, int minimum,
                            QString *error)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const QString text = parser.value(name);
    const int value = text.toInt(&ok);
    if (!ok || value < minimum) {
        *error = tr("--%1 takes a whole number of at least %2, not \"%3\"").arg(name).arg(minimum).arg(text);
        return std::nullopt;
    }
    return value;
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

/// Reads the URL sources, reporting every bad line with where it came from; returns the valid URLs.
QList<QUrl> collectUrls(const QCommandLineParser &parser, const QHash<QString, QString> &substitutions,
                        bool *readFailed)
{
    QList<QUrl> urls;
    const auto take = [&](const QString &source, const QString &text) {
        const UrlList list = parseUrlList(text, substitutions);
        for (const auto &error : list.errors)
            err() << source << ':' << error.line << ": " << error.reason << ": " << error.text << Qt::endl;
        for (const auto &line : list.urls)
            urls.append(line.url);
    };

    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty())
        take(tr("argument"), positional.join(QLatin1Char('\n')));

    if (parser.isSet(QStringLiteral("urls"))) {
        const QString path = parser.value(QStringLiteral("urls"));
        QFile file;
        const bool opened = path == QLatin1String("-")
            ? file.open(stdin, QIODevice::ReadOnly)
            : (file.setFileName(path), file.open(QIODevice::ReadOnly));
        if (!opened) {
            err() << tr("crawlscope run: cannot read URL file %1: %2").arg(path, file.errorString())
                  << Qt::endl;
            *readFailed = true;
            return {};
        }
        take(path == QLatin1String("-") ? tr("stdin") : path, QString::fromUtf8(file.readAll()));
    }
    return urls;
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
    parser.addOptions({
        {QStringLiteral("urls"),
         tr("Read URLs from FILE, one per line ('-' for stdin); blank lines and '#' comments are ignored."),
         QStringLiteral("FILE")},
        {QStringLiteral("repeat"), tr("Repeat the URL list N times."), QStringLiteral("N")},
        {QStringLiteral("mode"),
         tr("sequential, gather, limited or compare (the three in turn). Default: limited."),
         QStringLiteral("MODE")},
        {QStringLiteral("limit"), tr("Permits for limited mode. Default: 3."), QStringLiteral("N")},
        {QStringLiteral("delay"),
         tr("Politeness delay held inside the gate after each response. Default: 0."), QStringLiteral("MS")},
        {QStringLiteral("per-host"), tr("Cap on connections per host, 0 for none. Default: 0."),
         QStringLiteral("N")},
        {QStringLiteral("timeout"), tr("Transfer timeout per request. Default: 30000."),
         QStringLiteral("MS")},
        {QStringLiteral("user-agent"), tr("The User-Agent to send, and to find rules by in robots.txt."),
         QStringLiteral("S")},
        {QStringLiteral("crawl"),
         tr("Crawl: follow links from the URLs, within --scope, obeying robots.txt. Connections per host "
            "default to %1.")
             .arg(CrawlSettings::DefaultPerHost)},
        {QStringLiteral("depth"),
         tr("Crawl: follow links at most N levels from a seed. Default: %1.")
             .arg(CrawlSettings::DefaultMaxDepth),
         QStringLiteral("N")},
        {QStringLiteral("max-pages"),
         tr("Crawl: request at most N pages in all, redirects and retries included; each host's robots.txt "
            "comes on top. Default: %1.")
             .arg(CrawlSettings::DefaultMaxPages),
         QStringLiteral("N")},
        {QStringLiteral("scope"),
         tr("Crawl: host (the seeds' hosts), site (their registrable domains) or any. Default: host."),
         QStringLiteral("SCOPE")},
        {QStringLiteral("include"),
         tr("Crawl: only follow URLs matching RE (a regular expression). Repeatable."), QStringLiteral("RE")},
        {QStringLiteral("exclude"), tr("Crawl: never follow URLs matching RE. Repeatable."),
         QStringLiteral("RE")},
        {QStringLiteral("ignore-robots"), tr("Crawl: ignore robots.txt. The summary says so.")},
        {QStringLiteral("follow-nofollow"), tr("Crawl: follow rel=nofollow links too.")},
        {QStringLiteral("sort-query"), tr("Crawl: treat URLs whose query differs only in order as one.")},
        {QStringLiteral("max-retries"),
         tr("Crawl: retry a 429 or 503 answer at most N times, after Retry-After. Default: %1.")
             .arg(CrawlSettings::DefaultMaxRetries),
         QStringLiteral("N")},
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
    RunSettings base;
    const auto limit = intValue(parser, QStringLiteral("limit"), RunSettings::DefaultLimit, 1, &error);
    const auto repeat = intValue(parser, QStringLiteral("repeat"), 1, 1, &error);
    const auto delay = intValue(parser, QStringLiteral("delay"), 0, 0, &error);
    const auto perHost = intValue(parser, QStringLiteral("per-host"), 0, 0, &error);
    const auto timeout
        = intValue(parser, QStringLiteral("timeout"), RunSettings::DefaultTimeoutMs, 1, &error);
    if (!limit || !repeat || !delay || !perHost || !timeout)
        return usageError(error);
    base.limit = *limit;
    base.delayMs = *delay;
    base.perHost = *perHost;
    base.timeoutMs = *timeout;
    if (parser.isSet(QStringLiteral("user-agent"))) {
        const QString agent = parser.value(QStringLiteral("user-agent"));
        if (agent.trimmed().isEmpty() || agent.contains(u'\r') || agent.contains(u'\n'))
            return usageError(tr("--user-agent takes one non-empty line, not \"%1\"").arg(agent));
        base.userAgent = agent.toUtf8();
    }

    const QStringList crawlOnly {
        QStringLiteral("depth"),           QStringLiteral("max-pages"),  QStringLiteral("scope"),
        QStringLiteral("include"),         QStringLiteral("exclude"),    QStringLiteral("ignore-robots"),
        QStringLiteral("follow-nofollow"), QStringLiteral("sort-query"), QStringLiteral("max-retries")};
    CrawlSettings &crawl = base.crawl;
    crawl.enabled = parser.isSet(QStringLiteral("crawl"));
    for (const QString &option : crawlOnly) {
        if (!crawl.enabled && parser.isSet(option))
            return usageError(tr("--%1 only applies with --crawl").arg(option));
    }
    if (crawl.enabled) {
        const auto depth
            = intValue(parser, QStringLiteral("depth"), CrawlSettings::DefaultMaxDepth, 0, &error);
        const auto maxPages
            = intValue(parser, QStringLiteral("max-pages"), CrawlSettings::DefaultMaxPages, 1, &error);
        const auto retries
            = intValue(parser, QStringLiteral("max-retries"), CrawlSettings::DefaultMaxRetries, 0, &error);
        if (!depth || !maxPages || !retries)
            return usageError(error);
        crawl.maxDepth = *depth;
        crawl.maxPages = *maxPages;
        crawl.maxRetries = *retries;
        if (parser.isSet(QStringLiteral("scope"))) {
            const auto scope = scopeKindFromName(parser.value(QStringLiteral("scope")));
            if (!scope)
                return usageError(tr("--scope is host, site or any, not \"%1\"")
                                      .arg(parser.value(QStringLiteral("scope"))));
            crawl.scope = *scope;
        }
        crawl.includes = parser.values(QStringLiteral("include"));
        crawl.excludes = parser.values(QStringLiteral("exclude"));
        crawl.obeyRobots = !parser.isSet(QStringLiteral("ignore-robots"));
        crawl.honourNofollow = !parser.isSet(QStringLiteral("follow-nofollow"));
        crawl.sortQuery = parser.isSet(QStringLiteral("sort-query"));
        if (const QString problem = Crawler::checkSettings(crawl); !problem.isEmpty())
            return usageError(problem);
        if (!parser.isSet(QStringLiteral("per-host")))
            base.perHost = CrawlSettings::DefaultPerHost;
    }

    QList<RunSettings> plan;
    const QString mode = parser.value(QStringLiteral("mode"));
    if (mode.isEmpty()) {
        plan = {base};
    } else if (mode == QLatin1String("compare")) {
        plan = RunSequence::comparison(base);
    } else if (const auto runMode = runModeFromName(mode)) {
        base.mode = *runMode;
        plan = {base};
    } else {
        return usageError(tr("--mode is sequential, gather, limited or compare, not \"%1\"").arg(mode));
    }

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
    QList<QUrl> urls = collectUrls(parser, substitutions, &readFailed);
    if (readFailed)
        return BadUsage;
    if (urls.isEmpty())
        return usageError(tr("no valid URL to run"));
    const QList<QUrl> once = urls;
    for (int i = 1; i < *repeat; ++i)
        urls += once;

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
    sequence.start(urls, plan);
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

    const int exported = writeExports(results, exports, pictureScale);
    int status = interrupted ? Interrupted : exported;
    return status;
}

} // namespace Cli
