#include "lesson.h"

#include <QCoreApplication>

#include <algorithm>

namespace {

// A context lupdate can read, so the lessons' texts have their Korean.
struct LessonText
{
    Q_DECLARE_TR_FUNCTIONS(Lessons)
};

LessonStep step(const QString &label, const QString &urlText, int repeat, RunMode mode, int limit = 3,
                int delayMs = 0, int perHost = 0)
{
    LessonStep step;
    step.label = label;
    step.urlText = urlText;
    step.repeat = repeat;
    step.settings.mode = mode;
    step.settings.limit = limit;
    step.settings.delayMs = delayMs;
    step.settings.perHost = perHost;
    return step;
}

} // namespace

QList<QUrl> LessonStep::urls(const QUrl &demoBase) const
{
    const QString base = demoBase.toString(QUrl::StripTrailingSlash);
    QList<QUrl> list;
    for (QString line : urlText.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        line.replace(QLatin1String("{demo}"), base);
        const QUrl url(line, QUrl::StrictMode);
        if (url.isValid())
            list.append(url);
    }
    QList<QUrl> repeated;
    repeated.reserve(list.size() * std::max(1, repeat));
    for (int i = 0; i < std::max(1, repeat); ++i)
        repeated.append(list);
    return repeated;
}

bool LessonStep::isSetUp(const QList<QUrl> &urls, const RunSettings &settings, const QList<int> &sweepLimits,
                         const QUrl &demoBase) const
{
    if (sweepLimits != this->sweepLimits || settings.mode != this->settings.mode
        || settings.delayMs != this->settings.delayMs || settings.perHost != this->settings.perHost
        || settings.crawl.enabled)
        return false;
    // A sweep's permits are its k; sequential and gather have no permits to compare.
    if (!isSweep() && settings.mode == RunMode::Limited && settings.limit != this->settings.limit)
        return false;
    return urls == this->urls(demoBase);
}

QList<Lesson> lessons()
{
    const QString oneSecond = QStringLiteral("{demo}/delay/1000\n");
    const QString halfSecond = QStringLiteral("{demo}/delay/500\n");

    Lesson sequential;
    sequential.title = LessonText::tr("1. Sequential: one request at a time");
    sequential.explanation = LessonText::tr(
        "The lesson's first program calls requests.get in a loop. Each request starts only when the one "
        "before it has finished, so five requests of 1 s take the sum of their latencies: about 5 s.");
    sequential.notice
        = LessonText::tr("The bars form a staircase: each starts where the one before ends. The in-flight "
                         "strip stays flat at 1.");
    sequential.steps
        = {step(LessonText::tr("Sequential, 5 requests of 1 s"), oneSecond, 5, RunMode::Sequential)};

    Lesson gather;
    gather.title = LessonText::tr("2. Gather: every request at once");
    gather.explanation = LessonText::tr(
        "httpx.AsyncClient with asyncio.gather. While one request awaits the network, the event loop "
        "starts the next, so all five are in flight together and the run takes about the longest "
        "latency: 1 s.");
    gather.notice
        = LessonText::tr("All five bars start together and end together. The in-flight strip jumps to 5.");
    gather.steps = {step(LessonText::tr("Gather, 5 requests of 1 s"), oneSecond, 5, RunMode::Gather)};

    Lesson semaphore;
    semaphore.title = LessonText::tr("3. Semaphore(3) with a 1 s sleep inside");
    semaphore.explanation = LessonText::tr(
        "asyncio.Semaphore(3) lets three requests in at a time. The polite asyncio.sleep(1) is inside "
        "the async with block, so each permit is held for the response and one more second: ten "
        "requests of 1 s take four rounds of 2 s, about 8 s.");
    semaphore.notice = LessonText::tr(
        "Hollow bars are requests waiting at async with semaphore. The hatched part is the sleep, with "
        "the permit still held, so the 4th request starts 1 s after the first response ends. The "
        "in-flight strip stays at 3.");
    semaphore.steps = {step(LessonText::tr("Semaphore(3), 1 s delay, 10 requests of 1 s"), oneSecond, 10,
                            RunMode::Limited, 3, 1000)};

    Lesson hidden;
    hidden.title = LessonText::tr("4. Hidden limits: a gather that is secretly a semaphore");
    hidden.explanation = LessonText::tr(
        "Run a gather of 60 requests of 500 ms plainly: about 0.5 s. Then put it behind the limits real "
        "clients apply without saying so. A browser opens at most 6 connections per host, so the same "
        "gather takes ten rounds, about 5 s. httpx and aiohttp pool 100 connections, so a gather of "
        "1000 URLs is really a Semaphore(100).");
    hidden.notice = LessonText::tr(
        "Behind the per-host cap the picture looks like Semaphore(6): hollow waiting bars and a plateau "
        "at 6, though the program never made a semaphore. With 1000 URLs behind a pool of 100, the "
        "plateau is at 100 and the run takes ten rounds.");
    hidden.steps = {
        step(LessonText::tr("Plain gather, 60 requests of 500 ms"), halfSecond, 60, RunMode::Gather),
        step(LessonText::tr("A browser: 6 connections per host"), halfSecond, 60, RunMode::Gather, 3, 0, 6),
        step(LessonText::tr("httpx or aiohttp: a pool of 100, 1000 URLs"), halfSecond, 1000, RunMode::Limited,
             100),
    };

    Lesson sweep;
    sweep.title = LessonText::tr("5. The sweep: where more concurrency stops helping");
    sweep.explanation = LessonText::tr(
        "Limited mode runs once for each k: 1, 2, 4 … 64, on 32 requests of 250 ms. The time halves "
        "each time k doubles, as n/k rounds, until k reaches the number of URLs; past that, more "
        "permits change nothing. Against a real server gains stop sooner: at the server's own limit "
        "or at a per-host cap.");
    sweep.notice = LessonText::tr(
        "On the sweep chart the measured curve follows the predicted one down, then flattens; "
        "the marker shows where, and why. The gap between the curves is the overhead.");
    LessonStep sweepStep = step(LessonText::tr("Sweep k = 1 … 64, 32 requests of 250 ms"),
                                QStringLiteral("{demo}/delay/250\n"), 32, RunMode::Limited);
    sweepStep.sweepLimits = {1, 2, 4, 8, 16, 32, 64};
    sweep.steps = {sweepStep};

    return {sequential, gather, semaphore, hidden, sweep};
}
