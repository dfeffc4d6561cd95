#include "replaybench.h"

#include <QCommandLineParser>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QImage>
#include <QTextStream>
#include <QVBoxLayout>

#include <algorithm>
#include <cstdlib>
#include <queue>
#include <vector>

#include "cpuclock.h"

#include "models/runmodel.h"
#include "replay/gatepicture.h"
#include "replay/replaybar.h"
#include "replay/replayclock.h"
#include "replay/replaycontroller.h"
#include "timeline/timelinepanel.h"
#include "timeline/timelineview.h"

namespace {

constexpr qint64 Ms = 1'000'000;

// The lesson's shape at scale: limited(100) with a 20 ms politeness delay held inside the gate, everything
// queued at 0, service times of 50-150 ms, so every count the gate picture shows changes all the time.
RunResult semaphoreRun(int requests)
{
    RunResult run;
    run.runId = 1;
    run.settings.mode = RunMode::Limited;
    run.settings.limit = 100;
    run.settings.delayMs = 20;
    run.capacityChanges = {{0, 100}};
    run.records.reserve(requests);
    quint64 seed = 0x9e3779b97f4a7c15ull;
    const auto jitter = [&seed](qint64 low, qint64 high) {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        return low + qint64(seed % quint64(high - low));
    };
    std::priority_queue<qint64, std::vector<qint64>, std::greater<>> permits;
    for (int i = 0; i < run.settings.limit; ++i)
        permits.push(0);
    const QUrl url(QStringLiteral("http://127.0.0.1:8080/delay/50-150"));
    for (int id = 0; id < requests; ++id) {
        const qint64 issued = permits.top();
        permits.pop();
        const qint64 service = jitter(50 * Ms, 150 * Ms);
        RequestRecord record;
        record.id = id;
        record.url = url;
        record.set(Mark::Queued, 0);
        record.set(Mark::GateAcquired, issued);
        record.set(Mark::Issued, issued);
        record.set(Mark::RequestSent, issued + service / 10);
        record.set(Mark::FirstByte, issued + service * 6 / 10);
        record.set(Mark::Finished, issued + service);
        record.set(Mark::DelayReleased, issued + service + 20 * Ms);
        record.outcome = Outcome::Ok;
        record.status = 200;
        permits.push(issued + service + 20 * Ms);
        run.endNs = std::max(run.endNs, issued + service + 20 * Ms);
        run.records.append(std::move(record));
    }
    return run;
}

double percentileMs(std::vector<qint64> samples, double fraction)
{
    std::sort(samples.begin(), samples.end());
    const auto index = std::min(samples.size() - 1, std::size_t(double(samples.size() - 1) * fraction + 0.5));
    return double(samples[index]) / 1e6;
}

} // namespace

int ReplayBench::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Times replay frames offscreen."));
    parser.addHelpOption();
    const QCommandLineOption requestsOption(QStringLiteral("requests"),
                                            QStringLiteral("Requests in the run (default 10000)."),
                                            QStringLiteral("n"), QStringLiteral("10000"));
    const QCommandLineOption speedOption(QStringLiteral("speed"),
                                         QStringLiteral("Replay speed, 0.05 to 4 (default 1)."),
                                         QStringLiteral("x"), QStringLiteral("1"));
    const QCommandLineOption framesOption(QStringLiteral("frames"),
                                          QStringLiteral("Most frames to time (default 2000)."),
                                          QStringLiteral("n"), QStringLiteral("2000"));
    parser.addOptions({requestsOption, speedOption, framesOption});
    parser.process(arguments);
    const int requests = std::max(1, parser.value(requestsOption).toInt());
    const int maxFrames = std::max(1, parser.value(framesOption).toInt());

    RunModel model;
    model.setRun(semaphoreRun(requests));

    // The window's pieces as the window puts them: the bar over the timeline, the gate picture beside it.
    QWidget window;
    auto *panel = new TimelinePanel(&window);
    panel->setModels({&model});
    ReplayController replay(panel, &window);
    auto *layout = new QVBoxLayout(&window);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(replay.bar());
    layout->addWidget(panel, 1);
    window.resize(1600, 900);
    window.show();
    GatePicture *gate = replay.gatePicture();
    gate->resize(360, 300);

    qint64 wallNs = 0;
    ReplayClock *clock = replay.clock();
    clock->setWallClock([&wallNs] { return wallNs; });
    if (!replay.start({&model}))
        return 1;
    clock->setSpeed(parser.value(speedOption).toDouble());

    QImage timelineImage(panel->size(), QImage::Format_ARGB32_Premultiplied);
    QImage gateImage(gate->size(), QImage::Format_ARGB32_Premultiplied);
    panel->render(&timelineImage); // warm up: the layout, glyphs
    gate->render(&gateImage);

    constexpr qint64 FrameNs = 1'000'000'000 / 60;
    clock->play();
    QElapsedTimer timer;
    std::vector<qint64> frames;
    std::vector<qint64> advances; // the clock, the snapshot and handing them to the widgets
    std::vector<qint64> timelinePaints; // the rows, the axis and the strip
    std::vector<qint64> gatePaints;
    std::vector<qint64> cpu;
    while (clock->isPlaying() && int(frames.size()) < maxFrames) {
        wallNs += FrameNs;
        const qint64 cpuStart = CpuClock::processNs();
        timer.start();
        clock->advance();
        const qint64 advanced = timer.nsecsElapsed();
        panel->render(&timelineImage);
        const qint64 painted = timer.nsecsElapsed();
        gate->render(&gateImage);
        frames.push_back(timer.nsecsElapsed());
        cpu.push_back(CpuClock::processNs() - cpuStart);
        advances.push_back(advanced);
        timelinePaints.push_back(painted - advanced);
        gatePaints.push_back(frames.back() - painted);
    }

    QTextStream out(stdout);
    out << QStringLiteral("replay_frame requests=%1 p99_ms=%2 max_ms=%3\n")
               .arg(requests)
               .arg(percentileMs(frames, 0.99), 0, 'f', 2)
               .arg(percentileMs(frames, 1.0), 0, 'f', 2);
    out << QStringLiteral("# frames=%1 median_ms=%2 speed=%3 run_ms=%4 events=%5; target max <= 16 ms: %6\n")
               .arg(frames.size())
               .arg(percentileMs(frames, 0.5), 0, 'f', 2)
               .arg(clock->speed())
               .arg(double(clock->endNs()) / 1e6, 0, 'f', 0)
               .arg(clock->timeline().events().size())
               .arg(percentileMs(frames, 1.0) <= 16.0 ? QStringLiteral("met") : QStringLiteral("missed"));
    out << QStringLiteral(
               "# p99_ms: advance=%1 timeline=%2 gate=%3; max_ms: advance=%4 timeline=%5 gate=%6\n")
               .arg(percentileMs(advances, 0.99), 0, 'f', 2)
               .arg(percentileMs(timelinePaints, 0.99), 0, 'f', 2)
               .arg(percentileMs(gatePaints, 0.99), 0, 'f', 2)
               .arg(percentileMs(advances, 1.0), 0, 'f', 2)
               .arg(percentileMs(timelinePaints, 1.0), 0, 'f', 2)
               .arg(percentileMs(gatePaints, 1.0), 0, 'f', 2);
    out << QStringLiteral("# cpu_ms per frame (all threads): median=%1 p99=%2 max=%3\n")
               .arg(percentileMs(cpu, 0.5), 0, 'f', 2)
               .arg(percentileMs(cpu, 0.99), 0, 'f', 2)
               .arg(percentileMs(cpu, 1.0), 0, 'f', 2);
    // How the timeline's frames came about: drawn whole, patched from the previous cut on, or copied.
    const TimelineFrameCache &cache = panel->view()->frameCache();
    out << QStringLiteral("# timeline frames: painted=%1 patched=%2 copied=%3; load=%4\n")
               .arg(cache.paintedCount())
               .arg(cache.patchedCount())
               .arg(cache.copiedCount())
               .arg(CpuClock::loadAverage(), 0, 'f', 1);
    return 0;
}
