#include "samples.h"

#include <QCoreApplication>

namespace {

struct SamplesText
{
    Q_DECLARE_TR_FUNCTIONS(Samples)
};

} // namespace

QList<Sample> lessonSamples()
{
    const QString oneSecond = QStringLiteral("{demo}/delay/1000\n");

    Sample sequential {SamplesText::tr("Lesson 1: sequential, 5 requests of 1 s"), oneSecond, 5, {}};
    sequential.settings.mode = RunMode::Sequential;

    Sample gather {SamplesText::tr("Lesson 2: asyncio.gather, 5 requests of 1 s"), oneSecond, 5, {}};
    gather.settings.mode = RunMode::Gather;

    Sample semaphore {
        SamplesText::tr("Lesson 3: Semaphore(3) with a 1 s delay, 10 requests of 1 s"), oneSecond, 10, {}};
    semaphore.settings.mode = RunMode::Limited;
    semaphore.settings.limit = 3;
    semaphore.settings.delayMs = 1000;

    return {sequential, gather, semaphore};
}

QList<Sample> crawlSamples()
{
    Sample polite {SamplesText::tr("Crawl the demo site politely: depth 5, 2 connections per host"),
                   QStringLiteral("{demo}/site/\n"),
                   1,
                   {}};
    polite.settings.mode = RunMode::Limited;
    polite.settings.limit = 4;
    polite.settings.perHost = CrawlSettings::DefaultPerHost;
    polite.settings.crawl.enabled = true;
    return {polite};
}
