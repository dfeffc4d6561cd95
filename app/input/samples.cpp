#include "samples.h"

#include <QCoreApplication>

QList<Sample> lessonSamples()
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("Samples", text); };
    const QString oneSecond = QStringLiteral("{demo}/delay/1000\n");

    Sample sequential {tr("Lesson 1: sequential, 5 requests of 1 s"), oneSecond, 5, {}};
    sequential.settings.mode = RunMode::Sequential;

    Sample gather {tr("Lesson 2: asyncio.gather, 5 requests of 1 s"), oneSecond, 5, {}};
    gather.settings.mode = RunMode::Gather;

    Sample semaphore {tr("Lesson 3: Semaphore(3) with a 1 s delay, 10 requests of 1 s"), oneSecond, 10, {}};
    semaphore.settings.mode = RunMode::Limited;
    semaphore.settings.limit = 3;
    semaphore.settings.delayMs = 1000;

    return {sequential, gather, semaphore};
}
