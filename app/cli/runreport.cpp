#include "runreport.h"

#include "safeterminal.h"

#include "cli.h"
#include "core/durationformat.h"
#include "export/atomicfile.h"
#include "export/exporter.h"
#include "export/jsonformat.h"
#include "pictureexport.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace RunReport {

QTextStream &err()
{
    return SafeTerminal::errors();
}

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
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
        out() << CliText::tr("crawl (%1): pages %2, retried %3, not HTML %4; skipped %5%6; robots.txt %7\n")
                     .arg(runModeName(run.settings.mode))
                     .arg(crawl.pages)
                     .arg(crawl.retries)
                     .arg(crawl.notHtml)
                     .arg(crawl.skippedTotal)
                     .arg(skipped.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(skipped.join(u", ")))
                     .arg(run.settings.crawl.obeyRobots ? CliText::tr("obeyed")
                                                        : CliText::tr("IGNORED, by choice"));
        if (run.linksDropped > 0 || run.skippedBeyondKept > 0 || run.pagesCutShort > 0) {
            out() << CliText::tr(
                         "  memory bounds: %1 links past %2 per page not read; %3 skipped URLs past the "
                         "%4 kept only counted\n")
                         .arg(run.linksDropped)
                         .arg(run.settings.crawl.maxLinksPerPage)
                         .arg(run.skippedBeyondKept)
                         .arg(run.settings.crawl.maxSkippedKept);
        }
        if (run.pagesCutShort > 0) {
            out() << CliText::tr("  memory bounds: on %n page(s), links after the first %1 were not read, "
                                 "nor counted\n",
                                 nullptr, int(run.pagesCutShort))
                         .arg(run.settings.crawl.maxLinksPerPage);
        }
        for (const CrawlHost &host : run.hosts) {
            out() << QStringLiteral("  %1: %2 pages; %3%4\n")
                         .arg(host.origin)
                         .arg(host.pages)
                         .arg(host.robotsDetail)
                         .arg(host.crawlDelayMs > 0
                                  ? CliText::tr("; Crawl-delay %1 ms").arg(host.crawlDelayMs)
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
            err() << CliText::tr("%1: concurrency capped at %2 requests in flight: %3")
                         .arg(runModeName(run.settings.mode))
                         .arg(run.concurrencyCap.maxInFlight)
                         .arg(run.concurrencyCap.reason)
                  << Qt::endl;
        }
        if (run.recovered)
            err() << CliText::tr("%1: recovered from the journal of a run that did not end cleanly")
                         .arg(runModeName(run.settings.mode))
                  << Qt::endl;
    }
}

/// predictions[i] is what the lesson's rules said runs[i] would take; missing or unknown ones print as null.
void printJson(const QList<RunResult> &runs, const QList<Prediction> &predictions)
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

// Pictures (.png, .jpg, .svg, .pdf) are painted by the widgets library; the other types are the engine's
// formats.
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
        *error = CliText::tr("Cannot export to \"%1\": unknown file type (use %2)")
                     .arg(QDir::toNativeSeparators(path), exportTypes().join(QLatin1String(", ")));
        return false;
    }
    return canExport(path, error);
}

static bool writeExport(const QList<RunResult> &results, const QString &path, double pictureScale,
                        QString *error, const Prediction::LatencyOracle &latency)
{
    if (PictureExport::kindFor(path))
        return PictureExport::writeRuns(results, path, pictureScale, error, latency);
    return exportRuns(results, path, error);
}

int writeExports(const QList<RunResult> &results, const QStringList &exports, double pictureScale,
                 const QString &command, const Prediction::LatencyOracle &latency)
{
    int status = Cli::Success;
    QString error;
    for (const auto &path : exports) {
        if (!writeExport(results, path, pictureScale, &error, latency)) {
            err() << command << ": " << error << Qt::endl;
            status = Cli::InternalFailure;
        } else {
            err() << CliText::tr("wrote %1").arg(path) << Qt::endl;
        }
    }
    return status;
}

} // namespace RunReport
