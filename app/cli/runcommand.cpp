#include "cli.h"

#include "core/runresult.h"
#include "demoserver/demoserver.h"
#include "export/exporter.h"
#include "export/jsonformat.h"
#include "input/urllist.h"
#include "run/runner.h"
#include "run/runsequence.h"
#include "signalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

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

QString formatSeconds(qint64 ns)
{
    return QString::number(double(ns) / 1e9, 'f', 3) + QLatin1String(" s");
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
                     .arg(formatSeconds(summary.wallNs), 10)
                     .arg(formatSeconds(summary.idealNs), 10)
                     .arg(ratio, 10)
                     .arg(summary.peakInFlight, 5);
    }
    out().flush();
}

void printJson(const QList<RunResult> &runs)
{
    QJsonArray array;
    for (const auto &run : runs)
        array.append(summaryToJson(run));
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

int writeExports(const QList<RunResult> &results, const QStringList &exports)
{
    int status = Cli::Success;
    QString error;
    for (const auto &path : exports) {
        if (!exportRuns(results, path, &error)) {
            err() << "crawlscope run: " << error << Qt::endl;
            status = Cli::InternalFailure;
        } else {
            err() << tr("wrote %1").arg(path) << Qt::endl;
        }
    }
    return status;
}

int importAndExport(const QCommandLineParser &parser, const QStringList &exports)
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
    return writeExports(*runs, exports);
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
           "and report honest timings for every request."));
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
        {QStringLiteral("demo"), tr("Start the built-in demo server; {demo} in a URL becomes its base URL.")},
        {QStringLiteral("json"), tr("Print the summary as one JSON object on stdout.")},
        {QStringLiteral("import"),
         tr("Instead of running, read runs from FILE (.json, .csv, .har) and summarize or convert them with "
            "-o."),
         QStringLiteral("FILE")},
        {QStringLiteral("scale"), tr("Scale factor for PNG pictures. Default: 2."), QStringLiteral("FACTOR")},
        {{QStringLiteral("o"), QStringLiteral("export")},
         tr("Write the results to FILE, format by extension (%1). Repeatable.")
             .arg(exportExtensions().join(QLatin1String(", "))),
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

    if (parser.isSet(QStringLiteral("scale"))) {
        bool ok = false;
        const double scale = parser.value(QStringLiteral("scale")).toDouble(&ok);
        if (!ok || scale < 0.25 || scale > 8)
            return usageError(tr("--scale takes a factor from 0.25 to 8, not \"%1\"")
                                  .arg(parser.value(QStringLiteral("scale"))));
        exportOptions().pictureScale = scale;
    }
    const QStringList exports = parser.values(QStringLiteral("export"));
    for (const auto &path : exports) {
        if (!canExport(path, &error))
            return usageError(error);
    }

    if (parser.isSet(QStringLiteral("import")))
        return importAndExport(parser, exports);

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
        err() << tr("running %1: %2 requests").arg(runModeName(settings.mode)).arg(urls.size()) << Qt::endl;
    });
    QObject::connect(&sequence, &RunSequence::finished, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    sequence.start(urls, plan);
    QCoreApplication::exec();

    const QList<RunResult> &results = sequence.results();
    if (parser.isSet(QStringLiteral("json")))
        printJson(results);
    else
        printTable(results);

    const int exported = writeExports(results, exports);
    int status = interrupted ? Interrupted : exported;
    return status;
}

} // namespace Cli
