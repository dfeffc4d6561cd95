#include "timelinebench.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QImage>
#include <QTextStream>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <queue>
#include <vector>

#include "cpuclock.h"

#include "models/runmodel.h"
#include "timeline/timelineview.h"

namespace {

constexpr qint64 Ms = 1'000'000;

// A limited(100) run: everything queued at 0, each freed permit taken at once, service times of 50-150 ms
// split into connect, wait and download, with one request in 200 failing. With hosts > 1 the requests are
// spread over that many origins at random, each host's first request being its robots.txt, as in a crawl.
RunResult syntheticRun(int requests, int hosts)
{
    RunResult run;
    run.runId = 1;
    run.settings.mode = RunMode::Limited;
    run.settings.limit = 100;
    run.capacityChanges = {{0, 100}};
    run.records.reserve(requests);

    quint64 seed = 0x9e3779b97f4a7c15ull;
    const auto jitter = [&seed](qint64 low, qint64 high) {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        return low + qint64(seed % quint64(high - low));
    };
    std::vector<QUrl> urls;
    for (int host = 0; host < std::max(1, hosts); ++host)
        urls.emplace_back(hosts > 1 ? QStringLiteral("http://host%1.test:8080/delay/100").arg(host)
                                    : QStringLiteral("http://127.0.0.1:8080/delay/100"));
    std::vector<bool> robotsDone(urls.size(), false);
    std::priority_queue<qint64, std::vector<qint64>, std::greater<>> permits;
    for (int i = 0; i < run.settings.limit; ++i)
        permits.push(0);
    for (int id = 0; id < requests; ++id) {
        const qint64 issued = permits.top();
        permits.pop();
        const qint64 service = jitter(50 * Ms, 150 * Ms);
        RequestRecord record;
        record.id = id;
        const auto host = std::size_t(hosts > 1 ? jitter(0, hosts) : 0);
        record.url = urls[host];
        if (hosts > 1 && !robotsDone[host]) {
            robotsDone[host] = true;
            record.role = RequestRole::Robots;
        }
        record.set(Mark::Queued, 0);
        record.set(Mark::GateAcquired, issued);
        record.set(Mark::Issued, issued);
        record.set(Mark::RequestSent, issued + service / 10);
        record.set(Mark::FirstByte, issued + service * 6 / 10);
        record.set(Mark::Finished, issued + service);
        const bool failed = jitter(0, 200) == 0;
        record.outcome = failed ? Outcome::Failed : Outcome::Ok;
        record.status = failed ? 0 : 200;
        permits.push(issued + service);
        run.endNs = std::max(run.endNs, issued + service);
        run.records.append(std::move(record));
    }
    return run;
}

double medianMs(std::vector<qint64> samples)
{
    std::sort(samples.begin(), samples.end());
    return double(samples[samples.size() / 2]) / 1e6;
}

// A run going live: the records stream in, then the clock ticks with nothing new, then a batch of 1 000 new
// records comes. Each is timed to the point the view has taken it in (its layout caught up), and its paint
// apart, so "a tick costs next to nothing" is a number.
void measureLive(QTextStream &out, int requests, int hosts, int repeat)
{
    constexpr int Batch = 1000;
    RunResult run = syntheticRun(requests + Batch * (repeat + 1), hosts);
    RunModel model;
    TimelineView view;
    view.resize(1600, 900);
    view.show();
    view.setModels({&model});
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
    model.beginRun(run.runId, run.settings, QDateTime::currentDateTimeUtc());
    model.applyRecords(run.runId, run.records.mid(0, requests));
    qint64 now = run.records[requests - 1].at(Mark::Finished);
    model.setLiveNow(run.runId, now);
    view.rowCount();
    view.render(&image);

    QElapsedTimer timer;
    std::vector<qint64> tickUpdate;
    std::vector<qint64> tickPaint;
    for (int i = 0; i < repeat; ++i) {
        now += 33 * Ms;
        timer.start();
        model.setLiveNow(run.runId, now);
        view.rowCount();
        tickUpdate.push_back(timer.nsecsElapsed());
        timer.restart();
        view.render(&image);
        tickPaint.push_back(timer.nsecsElapsed());
    }
    out << QStringLiteral("timeline_tick requests=%1 update_ms=%2 paint_ms=%3\n")
               .arg(requests)
               .arg(medianMs(tickUpdate), 0, 'f', 3)
               .arg(medianMs(tickPaint), 0, 'f', 1);
    out.flush();

    std::vector<qint64> appendUpdate;
    for (int i = 0; i < repeat; ++i) {
        const int first = requests + i * Batch;
        const QList<RequestRecord> batch = run.records.mid(first, Batch);
        timer.start();
        model.applyRecords(run.runId, batch);
        view.rowCount();
        appendUpdate.push_back(timer.nsecsElapsed());
    }
    out << QStringLiteral("timeline_append requests=%1 batch=%2 update_ms=%3\n")
               .arg(requests)
               .arg(Batch)
               .arg(medianMs(appendUpdate), 0, 'f', 3);
    out.flush();
}

} // namespace

int TimelineBench::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Paints TimelineView offscreen and prints the median time."));
    parser.addHelpOption();
    const QCommandLineOption repeatOption(QStringLiteral("repeat"),
                                          QStringLiteral("Paints per case (default 7)."), QStringLiteral("n"),
                                          QStringLiteral("7"));
    const QCommandLineOption requestsOption(
        QStringLiteral("requests"),
        QStringLiteral("Requests per run; repeat for several (default 100000 and "
                       "1000000)."),
        QStringLiteral("n"));
    const QCommandLineOption hostsOption(
        QStringLiteral("hosts"),
        QStringLiteral("Origins the requests are spread over (default 50); the "
                       "host cases colour and group by them."),
        QStringLiteral("n"), QStringLiteral("50"));
    const QCommandLineOption modeOption(
        QStringLiteral("mode"),
        QStringLiteral("plain, colour, group or colour+group; repeat for several (default all four)."),
        QStringLiteral("name"));
    const QCommandLineOption liveOption(
        QStringLiteral("live"),
        QStringLiteral("Also time a live run's clock tick with nothing new and a 1 000-record batch."));
    parser.addOptions({repeatOption, requestsOption, hostsOption, modeOption, liveOption});
    parser.process(arguments);

    const int repeat = std::max(1, parser.value(repeatOption).toInt());
    const int hosts = std::max(1, parser.value(hostsOption).toInt());
    QList<int> sizes;
    for (const QString &value : parser.values(requestsOption))
        sizes.append(value.toInt());
    if (sizes.isEmpty())
        sizes = {100'000, 1'000'000};

    QTextStream out(stdout);
    for (const int requests : std::as_const(sizes)) {
        if (parser.isSet(liveOption))
            measureLive(out, requests, hosts, repeat);
        RunModel model;
        model.setRun(syntheticRun(requests, hosts));

        TimelineView view;
        view.resize(1600, 900);
        view.show();
        QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);

        // By host: off, colours, groups, both. Switching on also measures working out every request's host.
        const std::pair<const char *, std::pair<bool, bool>> modes[] = {{"plain", {false, false}},
                                                                        {"colour", {true, false}},
                                                                        {"group", {false, true}},
                                                                        {"colour+group", {true, true}}};
        QElapsedTimer timer;
        const QStringList wanted = parser.values(modeOption);
        bool first = true;
        for (const auto &[modeName, flags] : modes) {
            const QString mode = QLatin1String(modeName);
            if (!wanted.isEmpty() && !wanted.contains(mode))
                continue;
            timer.start();
            if (first)
                view.setModels({&model});
            first = false;
            view.setColourByHost(flags.first);
            view.setGroupByHost(flags.second);
            view.render(&image);
            out << QStringLiteral("timeline_layout requests=%1 hosts=%2 mode=%3 ms=%4\n")
                       .arg(requests)
                       .arg(hosts)
                       .arg(mode)
                       .arg(double(timer.nsecsElapsed()) / 1e6, 0, 'f', 1);
            out.flush();

            const qint64 end = model.endNs();
            const std::pair<const char *, std::function<void()>> cases[] = {
                {"full", [&view] { view.fit(); }},
                {"zoom1", [&view, end] { view.setVisibleRange(end / 2 - end / 200, end / 2 + end / 200); }},
            };
            for (const auto &[name, setUp] : cases) {
                setUp();
                // Cold: every paint draws everything, as the first after a zoom, scroll or new data does.
                // Cached: the same frame again (an expose, a tooltip), which copies the last one.
                std::vector<qint64> samples[2];
                std::vector<qint64> cpu[2];
                for (const bool cached : {false, true}) {
                    view.setFrameCacheEnabled(cached);
                    view.render(&image); // warm up: caches, glyphs
                    for (int i = 0; i < repeat; ++i) {
                        const qint64 cpuStart = CpuClock::processNs();
                        timer.restart();
                        view.render(&image);
                        samples[cached].push_back(timer.nsecsElapsed());
                        cpu[cached].push_back(CpuClock::processNs() - cpuStart);
                    }
                }
                // The keys first (requests, view, ms), so a reader of them sees the same line.
                out << QStringLiteral("timeline_paint requests=%1 view=%2 ms=%3 hosts=%4 mode=%5 cpu_ms=%6 "
                                      "cached_ms=%7 cached_cpu_ms=%8 load=%9\n")
                           .arg(requests)
                           .arg(QLatin1String(name))
                           .arg(medianMs(samples[0]), 0, 'f', 1)
                           .arg(hosts)
                           .arg(mode)
                           .arg(medianMs(cpu[0]), 0, 'f', 1)
                           .arg(medianMs(samples[1]), 0, 'f', 1)
                           .arg(medianMs(cpu[1]), 0, 'f', 1)
                           .arg(CpuClock::loadAverage(), 0, 'f', 1);
                out.flush();
            }
        }
    }
    return 0;
}
