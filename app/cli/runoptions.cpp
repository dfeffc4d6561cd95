#include "runoptions.h"

#include "cli.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include "input/urllist.h"
#include "safeterminal.h"
#include "session/crawler.h"
#include "session/runsequence.h"

namespace {

QTextStream &errors()
{
    return SafeTerminal::errors();
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
        *error = CliText::tr("--%1 takes a whole number of at least %2, not \"%3\"")
                     .arg(name)
                     .arg(minimum)
                     .arg(text);
        return std::nullopt;
    }
    return value;
}

std::optional<QList<int>> limitsValue(const QString &text, QString *error)
{
    QList<int> limits;
    for (const QString &part : text.split(QLatin1Char(','))) {
        bool ok = false;
        const int limit = part.trimmed().toInt(&ok);
        if (!ok || limit < 1) {
            *error = CliText::tr("--limits takes whole numbers of at least 1 separated by commas, not \"%1\"")
                         .arg(text);
            return std::nullopt;
        }
        limits.append(limit);
    }
    return limits;
}

} // namespace

namespace Cli {

void RunOptions::addTo(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("urls"),
         CliText::tr(
             "Read URLs from FILE, one per line ('-' for stdin); blank lines and '#' comments are ignored."),
         QStringLiteral("FILE")},
        {QStringLiteral("repeat"), CliText::tr("Repeat the URL list N times."), QStringLiteral("N")},
        {QStringLiteral("mode"),
         CliText::tr(
             "sequential, gather, limited, compare (the three in turn) or sweep (limited once per k of "
             "--limits). Default: limited."),
         QStringLiteral("MODE")},
        {QStringLiteral("limit"), CliText::tr("Permits for limited mode. Default: 3."), QStringLiteral("N")},
        {QStringLiteral("limits"),
         CliText::tr(
             "The sweep's permits, in order, e.g. 1,2,4,8. Default: 1, 2, 4 ... up to the number of URLs."),
         QStringLiteral("K,K,...")},
        {QStringLiteral("delay"),
         CliText::tr("Politeness delay held inside the gate after each response. Default: 0."),
         QStringLiteral("MS")},
        {QStringLiteral("per-host"), CliText::tr("Cap on connections per host, 0 for none. Default: 0."),
         QStringLiteral("N")},
        {QStringLiteral("timeout"),
         CliText::tr("Idle timeout per request: fail it after MS without data. Default: 30000."),
         QStringLiteral("MS")},
        {QStringLiteral("deadline"),
         CliText::tr(
             "Overall deadline per request, from issued to finished, however the data trickles in. Default: "
             "%1 times the idle timeout.")
             .arg(RunSettings::DeadlineTimeoutFactor),
         QStringLiteral("MS")},
        {QStringLiteral("max-header"),
         CliText::tr("Fail a response whose header is larger than BYTES. Default: %1.")
             .arg(RunSettings::DefaultMaxHeaderBytes),
         QStringLiteral("BYTES")},
        {QStringLiteral("user-agent"),
         CliText::tr("The User-Agent to send, and to find rules by in robots.txt."), QStringLiteral("S")},
        {QStringLiteral("crawl"),
         CliText::tr(
             "Crawl: follow links from the URLs, within --scope, obeying robots.txt. Connections per host "
             "default to %1.")
             .arg(CrawlSettings::DefaultPerHost)},
        {QStringLiteral("depth"),
         CliText::tr("Crawl: follow links at most N levels from a seed. Default: %1.")
             .arg(CrawlSettings::DefaultMaxDepth),
         QStringLiteral("N")},
        {QStringLiteral("max-pages"),
         CliText::tr(
             "Crawl: request at most N pages in all, redirects and retries included; each host's robots.txt "
             "comes on top. Default: %1.")
             .arg(CrawlSettings::DefaultMaxPages),
         QStringLiteral("N")},
        {QStringLiteral("scope"),
         CliText::tr(
             "Crawl: host (the seeds' hosts), site (their registrable domains) or any. Default: host."),
         QStringLiteral("SCOPE")},
        {QStringLiteral("include"),
         CliText::tr("Crawl: only follow URLs matching RE (a regular expression). Repeatable."),
         QStringLiteral("RE")},
        {QStringLiteral("exclude"), CliText::tr("Crawl: never follow URLs matching RE. Repeatable."),
         QStringLiteral("RE")},
        {QStringLiteral("ignore-robots"), CliText::tr("Crawl: ignore robots.txt. The summary says so.")},
        {QStringLiteral("follow-nofollow"), CliText::tr("Crawl: follow rel=nofollow links too.")},
        {QStringLiteral("sort-query"),
         CliText::tr("Crawl: treat URLs whose query differs only in order as one.")},
        {QStringLiteral("max-retries"),
         CliText::tr("Crawl: retry a 429 or 503 answer at most N times, after Retry-After. Default: %1.")
             .arg(CrawlSettings::DefaultMaxRetries),
         QStringLiteral("N")},
        {QStringLiteral("max-links"),
         CliText::tr(
             "Crawl: read at most N links of a page (0: all). A large page is parsed only as far as its "
             "first N links: those past N in the part parsed are counted as dropped, the rest of the page "
             "is not read. Default: %1.")
             .arg(CrawlSettings::DefaultMaxLinksPerPage),
         QStringLiteral("N")},
        {QStringLiteral("max-skipped"),
         CliText::tr("Crawl: keep at most N skipped URLs whole (0: all); beyond that they are only counted. "
                     "Default: %1.")
             .arg(CrawlSettings::DefaultMaxSkippedKept),
         QStringLiteral("N")},
    });
}

std::optional<RunOptions> RunOptions::from(const QCommandLineParser &parser, QString *error)
{
    const auto fail = [error](const QString &message) {
        *error = message;
        return std::nullopt;
    };
    RunOptions options;
    RunSettings base;
    const auto limit = intValue(parser, QStringLiteral("limit"), RunSettings::DefaultLimit, 1, error);
    const auto repeat = intValue(parser, QStringLiteral("repeat"), 1, 1, error);
    const auto delay = intValue(parser, QStringLiteral("delay"), 0, 0, error);
    const auto perHost = intValue(parser, QStringLiteral("per-host"), 0, 0, error);
    const auto timeout = intValue(parser, QStringLiteral("timeout"), RunSettings::DefaultTimeoutMs, 1, error);
    const auto deadline = intValue(parser, QStringLiteral("deadline"), 0, 1, error);
    const auto maxHeader
        = intValue(parser, QStringLiteral("max-header"), int(RunSettings::DefaultMaxHeaderBytes), 1, error);
    if (!limit || !repeat || !delay || !perHost || !timeout || !deadline || !maxHeader)
        return std::nullopt;
    base.deadlineMs = parser.isSet(QStringLiteral("deadline")) ? *deadline : 0;
    base.maxHeaderBytes = *maxHeader;
    options.repeat = *repeat;
    base.limit = *limit;
    base.delayMs = *delay;
    base.perHost = *perHost;
    base.timeoutMs = *timeout;
    if (parser.isSet(QStringLiteral("user-agent"))) {
        const QString agent = parser.value(QStringLiteral("user-agent"));
        if (agent.trimmed().isEmpty() || agent.contains(u'\r') || agent.contains(u'\n'))
            return fail(CliText::tr("--user-agent takes one non-empty line, not \"%1\"").arg(agent));
        base.userAgent = agent.toUtf8();
    }

    const QStringList crawlOnly {
        QStringLiteral("depth"),           QStringLiteral("max-pages"),  QStringLiteral("scope"),
        QStringLiteral("include"),         QStringLiteral("exclude"),    QStringLiteral("ignore-robots"),
        QStringLiteral("follow-nofollow"), QStringLiteral("sort-query"), QStringLiteral("max-retries"),
        QStringLiteral("max-links"),       QStringLiteral("max-skipped")};
    CrawlSettings &crawl = base.crawl;
    crawl.enabled = parser.isSet(QStringLiteral("crawl"));
    for (const QString &option : crawlOnly) {
        if (!crawl.enabled && parser.isSet(option))
            return fail(CliText::tr("--%1 only applies with --crawl").arg(option));
    }
    if (crawl.enabled) {
        const auto depth
            = intValue(parser, QStringLiteral("depth"), CrawlSettings::DefaultMaxDepth, 0, error);
        const auto maxPages
            = intValue(parser, QStringLiteral("max-pages"), CrawlSettings::DefaultMaxPages, 1, error);
        const auto retries
            = intValue(parser, QStringLiteral("max-retries"), CrawlSettings::DefaultMaxRetries, 0, error);
        const auto maxLinks
            = intValue(parser, QStringLiteral("max-links"), CrawlSettings::DefaultMaxLinksPerPage, 0, error);
        const auto maxSkipped
            = intValue(parser, QStringLiteral("max-skipped"), CrawlSettings::DefaultMaxSkippedKept, 0, error);
        if (!depth || !maxPages || !retries || !maxLinks || !maxSkipped)
            return std::nullopt;
        crawl.maxLinksPerPage = *maxLinks;
        crawl.maxSkippedKept = *maxSkipped;
        crawl.maxDepth = *depth;
        crawl.maxPages = *maxPages;
        crawl.maxRetries = *retries;
        if (parser.isSet(QStringLiteral("scope"))) {
            const auto scope = scopeKindFromName(parser.value(QStringLiteral("scope")));
            if (!scope)
                return fail(CliText::tr("--scope is host, site or any, not \"%1\"")
                                .arg(parser.value(QStringLiteral("scope"))));
            crawl.scope = *scope;
        }
        crawl.includes = parser.values(QStringLiteral("include"));
        crawl.excludes = parser.values(QStringLiteral("exclude"));
        crawl.obeyRobots = !parser.isSet(QStringLiteral("ignore-robots"));
        crawl.honourNofollow = !parser.isSet(QStringLiteral("follow-nofollow"));
        crawl.sortQuery = parser.isSet(QStringLiteral("sort-query"));
        if (const QString problem = Crawler::checkSettings(crawl); !problem.isEmpty())
            return fail(problem);
        if (!parser.isSet(QStringLiteral("per-host")))
            base.perHost = CrawlSettings::DefaultPerHost;
    }

    if (parser.isSet(QStringLiteral("limits"))
        && parser.value(QStringLiteral("mode")) != QLatin1String("sweep"))
        return fail(CliText::tr("--limits only applies with --mode sweep"));
    QList<RunSettings> &plan = options.plan;
    const QString mode = parser.value(QStringLiteral("mode"));
    if (mode.isEmpty()) {
        plan = {base};
    } else if (mode == QLatin1String("compare")) {
        plan = RunSequence::comparison(base);
    } else if (mode == QLatin1String("sweep")) {
        if (!parser.isSet(QStringLiteral("limits")))
            options.defaultSweep = true; // 1, 2, 4 ... up to n, once the URLs are known
        else if (const auto limits = limitsValue(parser.value(QStringLiteral("limits")), error))
            plan = RunSequence::sweep(base, *limits);
        else
            return std::nullopt;
    } else if (const auto runMode = runModeFromName(mode)) {
        base.mode = *runMode;
        plan = {base};
    } else {
        return fail(
            CliText::tr("--mode is sequential, gather, limited, compare or sweep, not \"%1\"").arg(mode));
    }

    options.base = base;
    return options;
}

void RunOptions::completeSweep(int urlCount)
{
    if (defaultSweep)
        plan = RunSequence::sweep(base, RunSequence::defaultSweepLimits(urlCount));
}

QList<QUrl> RunOptions::collectUrls(const QCommandLineParser &parser,
                                    const QHash<QString, QString> &substitutions, int repeat,
                                    bool *readFailed)
{
    QList<QUrl> urls;
    const auto take = [&](const QString &source, const QString &text) {
        const UrlList list = parseUrlList(text, substitutions);
        for (const auto &error : list.errors)
            errors() << source << ':' << error.line << ": " << error.reason << ": " << error.text << Qt::endl;
        for (const auto &line : list.urls)
            urls.append(line.url);
    };

    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty())
        take(CliText::tr("argument"), positional.join(QLatin1Char('\n')));

    if (parser.isSet(QStringLiteral("urls"))) {
        const QString path = parser.value(QStringLiteral("urls"));
        QFile file;
        const bool opened = path == QLatin1String("-")
            ? file.open(stdin, QIODevice::ReadOnly)
            : (file.setFileName(path), file.open(QIODevice::ReadOnly));
        if (!opened) {
            errors() << CliText::tr("cannot read URL file %1: %2").arg(path, file.errorString()) << Qt::endl;
            *readFailed = true;
            return {};
        }
        take(path == QLatin1String("-") ? CliText::tr("stdin") : path, QString::fromUtf8(file.readAll()));
    }
    const QList<QUrl> once = urls;
    for (int i = 1; i < repeat; ++i)
        urls += once;
    return urls;
}

} // namespace Cli
