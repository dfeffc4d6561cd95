#include "runreport.h"

#include "cli.h"
#include "core/durationformat.h"
#include "export/atomicfile.h"
#include "export/exporter.h"
#include "pictureexport.h"

#include <QCoreApplication>
#include <QDir>
#include <QTextStream>

#include <algorithm>

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

} // namespace

namespace RunReport {

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

int writeExports(const QList<RunResult> &results, const QStringList &exports, double pictureScale,
                 const QString &command)
{
    int status = Cli::Success;
    QString error;
    for (const auto &path : exports) {
        if (!writeExport(results, path, pictureScale, &error)) {
            err() << "crawlscope " << command << ": " << error << Qt::endl;
            status = Cli::InternalFailure;
        } else {
            err() << tr("wrote %1").arg(path) << Qt::endl;
        }
    }
    return status;
}

} // namespace RunReport
