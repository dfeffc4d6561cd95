#include "runcaption.h"

#include <QStringList>

#include <cstdlib>

#include "durationformat.h"

QString RunCaption::label(const RunSettings &settings)
{
    switch (settings.mode) {
    case RunMode::Sequential:
        return tr("Sequential");
    case RunMode::Gather:
        return tr("Gather");
    case RunMode::Limited:
        return tr("Limited (%1)").arg(settings.limit);
    }
    Q_UNREACHABLE();
}

QString RunCaption::title(const RunSettings &settings)
{
    switch (settings.mode) {
    case RunMode::Sequential:
        return tr("Sequential (one at a time)");
    case RunMode::Gather:
        return tr("Gather (all at once)");
    case RunMode::Limited:
        return tr("Limited: semaphore of %1").arg(settings.limit);
    }
    Q_UNREACHABLE();
}

QString RunCaption::header(const RunResult &run, const Facts &facts, QString *speedUp)
{
    if (speedUp)
        speedUp->clear();
    // What the lesson compares comes first, the settings behind it after: a header too narrow for all of it
    // gives way from its end (TimelinePainter::headerText), so the measurement is the last to go.
    const RunSettings &settings = run.settings;
    QStringList parts {title(settings)};
    if (facts.live) {
        parts << tr("running %1").arg(DurationFormat::text(facts.endNs));
        if (facts.prediction)
            parts << predicted(*facts.prediction);
    } else if (run.cancelled) {
        parts << tr("stopped after %1").arg(DurationFormat::text(facts.endNs));
    }
    QStringList measured;
    if (!facts.live && !run.cancelled && facts.requests > 0) {
        // Measured against the ideal, against sequential, and how many at once. Whoever already knows the
        // ideal and the peak saves a schedule and a sort of every record.
        RunSummary summary;
        if (facts.idealNs >= 0 && facts.peakInFlight >= 0) {
            summary.wallNs = run.endNs;
            summary.idealNs = facts.idealNs;
        } else {
            summary = summarize(run);
        }
        // The wall and its ideal are facts of their own: a narrow header keeps the wall when the ideal goes.
        parts << tr("wall %1").arg(DurationFormat::text(summary.wallNs));
        if (summary.idealNs > 0)
            parts << tr("ideal %1").arg(DurationFormat::text(summary.idealNs));
        if (facts.sequentialWallNs > 0 && summary.wallNs > 0 && settings.mode != RunMode::Sequential) {
            parts << tr("%1× faster than sequential")
                         .arg(QString::number(double(facts.sequentialWallNs) / double(summary.wallNs), 'f',
                                              1));
            if (speedUp)
                *speedUp = parts.constLast();
        }
        if (facts.prediction)
            measured << measuredAgainst(*facts.prediction, summary.wallNs);
        measured << tr("peak %1 in flight")
                        .arg(facts.peakInFlight >= 0 ? facts.peakInFlight : summary.peakInFlight);
    }
    if (facts.failed > 0)
        parts << tr("%n failed", nullptr, facts.failed);
    if (facts.cancelled > 0)
        parts << tr("%n cancelled", nullptr, facts.cancelled);
    // A crawl that ignored robots.txt says so early: that choice is never silent.
    if (settings.crawl.enabled && !settings.crawl.obeyRobots)
        parts << tr("robots.txt IGNORED");
    parts << measured;
    // A gate resized during the run: its ideal follows the sizes it had, and the header says it changed.
    if (settings.mode == RunMode::Limited && run.capacityChanges.size() > 1
        && run.capacityChanges.constLast().capacity != run.capacityChanges.constFirst().capacity)
        parts << tr("gate resized %1 → %2")
                     .arg(run.capacityChanges.constFirst().capacity)
                     .arg(run.capacityChanges.constLast().capacity);
    if (settings.crawl.enabled) {
        parts << tr("crawl to depth %1").arg(settings.crawl.maxDepth);
        if (const int skipped = int(run.skipped.size()); skipped > 0)
            parts << tr("%1 URLs skipped").arg(skipped);
    }
    if (settings.delayMs > 0)
        parts << tr("delay %1 ms").arg(settings.delayMs);
    if (settings.perHost > 0)
        parts << tr("%1 per host").arg(settings.perHost);
    parts << (facts.requests == 1 ? tr("1 request") : tr("%1 requests").arg(facts.requests));
    return parts.join(QStringLiteral("  ·  "));
}

QString RunCaption::predicted(const Prediction &prediction)
{
    if (!prediction.isKnown())
        return tr("no prediction: %1").arg(prediction.whyUnknown());
    return tr("predicted %1").arg(DurationFormat::text(prediction.makespanNs()));
}

QString RunCaption::measuredAgainst(const Prediction &prediction, qint64 wallNs)
{
    if (!prediction.isKnown())
        return predicted(prediction);
    const qint64 overheadNs = wallNs - prediction.makespanNs();
    const QString sign = overheadNs < 0 ? QStringLiteral("−") : QString();
    const double percent = prediction.makespanNs() > 0
        ? 100.0 * double(std::abs(overheadNs)) / double(prediction.makespanNs())
        : 0.0;
    return tr("predicted %1, overhead %2%3 (%2%4 %)")
        .arg(DurationFormat::text(prediction.makespanNs()), sign, DurationFormat::text(std::abs(overheadNs)),
             QString::number(percent, 'f', 1));
}
