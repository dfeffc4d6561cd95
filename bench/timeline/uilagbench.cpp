#include "uilagbench.h"

#include "journal/journalreader.h"
#include "journal/journalwriter.h"
#include "lagprobe.h"
#include "lessons/lessonpanels.h"
#include "limitslider.h"
#include "mainwindow.h"
#include "paintcounter.h"
#include "session/runsequence.h"
#include "session/runsession.h"
#include "timeline/timelineview.h"
#include "urleditor.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTextStream>
#include <QTimer>
#include <QWindow>

#include <algorithm>
#include <limits>
#include <vector>

#include <time.h>

namespace {

struct Tally
{
    double wallMs = 0;
    int requests = 0;
    int ok = 0;
    // CPU time over the run: the GUI thread's own, and the whole process's (QNAM's threads and the demo
    // server included). Per request, these hold under load where wall times do not.
    double mainCpuMs = 0;
    double processCpuMs = 0;
};

double cpuMs(clockid_t clock)
{
    timespec ts {};
    clock_gettime(clock, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

/// Measures CPU time from construction to stop(), for the thread that built it and the whole process.
struct CpuSpan
{
    double main0 = cpuMs(CLOCK_THREAD_CPUTIME_ID);
    double process0 = cpuMs(CLOCK_PROCESS_CPUTIME_ID);
    void stopInto(Tally &t) const
    {
        t.mainCpuMs = cpuMs(CLOCK_THREAD_CPUTIME_ID) - main0;
        t.processCpuMs = cpuMs(CLOCK_PROCESS_CPUTIME_ID) - process0;
    }
};

Tally tally(const QList<RunResult> &results, double wallMs)
{
    Tally t;
    t.wallMs = wallMs;
    for (const RunResult &result : results) {
        t.requests += int(result.records.size());
        t.ok += int(std::count_if(result.records.cbegin(), result.records.cend(),
                                  [](const RequestRecord &r) { return r.outcome == Outcome::Ok; }));
    }
    return t;
}

/// Lets deleteLater() and queued work of the previous run finish, so it is not billed to the next one.
void settle()
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCoreApplication::processEvents(QEventLoop::AllEvents, 100);
}

/// The engine alone, as `crawlscope run` drives it: a RunSequence, journaled as `run` journals it (the window
/// journals its runs too), and nothing else watching it.
Tally runHeadless(const QList<QUrl> &urls, const RunSettings &settings)
{
    RunSequence sequence;
    JournalWriter journal(&sequence, JournalReader::directory());
    QEventLoop loop;
    QObject::connect(&sequence, &RunSequence::finished, &loop, &QEventLoop::quit, Qt::QueuedConnection);
    QElapsedTimer wall;
    wall.start();
    const CpuSpan cpu;
    sequence.start(urls, {settings});
    loop.exec();
    const double wallMs = double(wall.nsecsElapsed()) / 1e6;
    Tally t = tally(sequence.results(), wallMs);
    cpu.stopInto(t);
    return t;
}

} // namespace

namespace UiLagBench {

int run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions(
        {{QStringLiteral("requests"), QStringLiteral("Requests in the run."), QStringLiteral("N"),
          QStringLiteral("100000")},
         {QStringLiteral("limit"), QStringLiteral("Permits."), QStringLiteral("N"), QStringLiteral("50")},
         {QStringLiteral("path"), QStringLiteral("Demo server path."), QStringLiteral("PATH"),
          QStringLiteral("/delay/0-20")},
         {QStringLiteral("order"),
          QStringLiteral("The first round's order, cli-first (default) or window-first; the rounds after it "
                         "are balanced."),
          QStringLiteral("ORDER"), QStringLiteral("cli-first")},
         {QStringLiteral("rounds"),
          QStringLiteral("Rounds of both halves, in balanced order; W and C are the median round's."),
          QStringLiteral("N"), QStringLiteral("4")},
         {QStringLiteral("only"),
          QStringLiteral("window or cli: run one half only, to profile it (no ratio is printed)."),
          QStringLiteral("HALF")}});
    parser.process(arguments);
    const int requests = parser.value(QStringLiteral("requests")).toInt();
    const int limit = parser.value(QStringLiteral("limit")).toInt();
    const bool windowFirst = parser.value(QStringLiteral("order")) == QLatin1String("window-first");
    const int rounds = std::max(1, parser.value(QStringLiteral("rounds")).toInt());
    const QString only = parser.value(QStringLiteral("only"));
    const bool runWindowHalf = only.isEmpty() || only == QLatin1String("window");
    const bool runCliHalf = only.isEmpty() || only == QLatin1String("cli");

    // The window owns the demo server; the engine-only run uses the same one.
    MainWindow window;
    window.resize(1600, 900);
    window.urlEditor()->setText(QStringLiteral("{demo}") + parser.value(QStringLiteral("path")));
    window.urlEditor()->setRepeat(requests);
    window.modeBox()->setCurrentIndex(window.modeBox()->findData(int(RunMode::Limited)));
    window.limitSlider()->setValue(limit);
    window.show();
    QElapsedTimer exposing;
    exposing.start();
    while (!(window.windowHandle() && window.windowHandle()->isExposed()) && exposing.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    // The lesson panes take the settings above LessonPanels::SettleMs after the last change, as a person
    // takes a moment between setting up and pressing Run. Without this pause that refresh (the generated
    // program and the prediction: about 12 ms at 100 000 requests) fell into the first round's first 100 ms
    // when the window ran first.
    QEventLoop pause;
    QTimer::singleShot(2 * LessonPanels::SettleMs, &pause, &QEventLoop::quit);
    pause.exec();
    settle();

    const QList<QUrl> urls = window.urlEditor()->urls();
    const RunSettings settings = window.settings();
    if (urls.size() != requests) {
        QTextStream(stderr) << "ui-lag: the window's URL list has " << urls.size() << " URLs, not "
                            << requests << '\n';
        return 2;
    }

    PaintCounter paints(window.timeline());
    LagProbe lag(5);
    // What the window's half of one round saw.
    struct WindowRound
    {
        Tally tally;
        double lagP50Ms = 0;
        double lagP99Ms = 0;
        double lagMaxMs = 0;
        double lagMaxAtMs = 0;
        double busyMaxMs = 0;
        double busyMaxAtMs = 0;
        int lagSamples = 0;
        int paints = 0;
        double paintsPerS() const { return tally.wallMs > 0 ? paints / (tally.wallMs / 1000.0) : 0.0; }
    };
    const auto runWindow = [&] {
        // The last round's run goes before the clock starts, so the window does not pay for freeing it.
        while (!window.session()->models().isEmpty())
            window.session()->removeRun(window.session()->models().constLast());
        settle();
        QEventLoop loop;
        QObject::connect(window.session(), &RunSession::finished, &loop, &QEventLoop::quit,
                         Qt::QueuedConnection);
        paints.reset();
        QElapsedTimer wall;
        wall.start();
        const CpuSpan cpu;
        lag.start();
        window.run();
        loop.exec();
        const double wallMs = double(wall.nsecsElapsed()) / 1e6;
        lag.stop();
        WindowRound round;
        round.tally = tally(window.session()->results(), wallMs);
        cpu.stopInto(round.tally);
        round.lagP50Ms = lag.percentileMs(0.5);
        round.lagP99Ms = lag.percentileMs(0.99);
        round.lagMaxMs = lag.maxMs();
        round.lagMaxAtMs = lag.maxAtMs();
        round.busyMaxMs = lag.maxCpuMs();
        round.busyMaxAtMs = lag.maxCpuAtMs();
        round.lagSamples = lag.samples();
        round.paints = paints.count();
        return round;
    };

    // Rounds in counterbalanced order, so neither half always goes first: the first run of a process meets a
    // cold server and cold caches.
    std::vector<WindowRound> windowRounds;
    std::vector<Tally> cliRounds;
    windowRounds.reserve(std::size_t(rounds));
    cliRounds.reserve(std::size_t(rounds));
    for (int round = 0; round < rounds; ++round) {
        // A B, B A, B A, A B, and again: over every four rounds each order goes first twice, and a drift
        // over the four falls on both halves alike.
        const bool swapped = round % 4 == 1 || round % 4 == 2;
        const bool windowNow = windowFirst != swapped;
        for (int half = 0; half < 2; ++half) {
            if (half == 1)
                settle();
            if ((half == 0) == windowNow) {
                if (runWindowHalf)
                    windowRounds.push_back(runWindow());
            } else if (runCliHalf) {
                cliRounds.push_back(runHeadless(urls, settings));
            }
        }
        settle();
    }

    const auto median = [](std::vector<double> values) {
        if (values.empty())
            return 0.0;
        std::sort(values.begin(), values.end());
        const std::size_t middle = values.size() / 2;
        return values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2.0;
    };
    const auto medianOf = [&median](const auto &items, auto field) {
        std::vector<double> values;
        values.reserve(items.size());
        for (const auto &item : items)
            values.push_back(field(item));
        return median(values);
    };
    // The two halves of a round ran a few seconds apart, so their ratio is the round's measurement; W and
    // C are the walls of the median round, the one whose ratio is the median, or the two middle rounds'
    // averaged (with --only, each half's own median). The CPU times are medians over the rounds.
    Tally windowed;
    Tally headless;
    const std::size_t pairs = std::min(windowRounds.size(), cliRounds.size());
    if (pairs > 0) {
        std::vector<std::size_t> byRatio(pairs);
        for (std::size_t i = 0; i < pairs; ++i)
            byRatio[i] = i;
        std::sort(byRatio.begin(), byRatio.end(), [&](std::size_t a, std::size_t b) {
            return windowRounds[a].tally.wallMs / cliRounds[a].wallMs
                < windowRounds[b].tally.wallMs / cliRounds[b].wallMs;
        });
        // An even number of rounds has two middle ones: both count, each half's walls averaged.
        const std::size_t low = byRatio[(pairs - 1) / 2];
        const std::size_t high = byRatio[pairs / 2];
        windowed.wallMs = (windowRounds[low].tally.wallMs + windowRounds[high].tally.wallMs) / 2;
        headless.wallMs = (cliRounds[low].wallMs + cliRounds[high].wallMs) / 2;
    } else {
        windowed.wallMs = medianOf(windowRounds, [](const WindowRound &r) { return r.tally.wallMs; });
        headless.wallMs = medianOf(cliRounds, [](const Tally &t) { return t.wallMs; });
    }
    windowed.mainCpuMs = medianOf(windowRounds, [](const WindowRound &r) { return r.tally.mainCpuMs; });
    windowed.processCpuMs = medianOf(windowRounds, [](const WindowRound &r) { return r.tally.processCpuMs; });
    headless.mainCpuMs = medianOf(cliRounds, [](const Tally &t) { return t.mainCpuMs; });
    headless.processCpuMs = medianOf(cliRounds, [](const Tally &t) { return t.processCpuMs; });
    // The window's worst round stands for it: the longest freeze of any, and the fewest paints a second.
    const WindowRound none;
    const WindowRound &worstLag = windowRounds.empty()
        ? none
        : *std::max_element(
            windowRounds.cbegin(), windowRounds.cend(),
            [](const WindowRound &a, const WindowRound &b) { return a.lagMaxMs < b.lagMaxMs; });
    double lagP50Ms = 0;
    double lagP99Ms = 0;
    double busyMaxMs = 0;
    double busyMaxAtMs = 0;
    double paintsPerS = windowRounds.empty() ? 0.0 : std::numeric_limits<double>::max();
    int paintCount = 0;
    int lagSamples = 0;
    for (const WindowRound &r : windowRounds) {
        lagP50Ms = std::max(lagP50Ms, r.lagP50Ms);
        lagP99Ms = std::max(lagP99Ms, r.lagP99Ms);
        if (r.busyMaxMs >= busyMaxMs) {
            busyMaxMs = r.busyMaxMs;
            busyMaxAtMs = r.busyMaxAtMs;
        }
        paintsPerS = std::min(paintsPerS, r.paintsPerS());
        paintCount += r.paints;
        lagSamples += r.lagSamples;
    }

    const auto ms = [](double value) { return QString::number(value, 'f', 1); };
    QTextStream out(stdout);
    out << "ui_lag requests=" << requests << " limit=" << limit << " wall_ms=" << ms(windowed.wallMs)
        << " cli_wall_ms=" << ms(headless.wallMs) << " lag_p50_ms=" << ms(lagP50Ms)
        << " lag_p99_ms=" << ms(lagP99Ms) << " lag_max_ms=" << ms(worstLag.lagMaxMs)
        << " paints_per_s=" << ms(paintsPerS) << '\n';

    const double ratio = headless.wallMs > 0 ? windowed.wallMs / headless.wallMs : 0.0;
    const auto met = [](bool yes) { return yes ? "yes" : "NO"; };
    QStringList roundRatios;
    for (std::size_t i = 0; i < std::min(windowRounds.size(), cliRounds.size()); ++i)
        roundRatios.append(QString::number(windowRounds[i].tally.wallMs / cliRounds[i].wallMs, 'f', 3));
    out << "# ui_lag path=" << parser.value(QStringLiteral("path"))
        << " order=" << (windowFirst ? "window-first" : "cli-first") << " rounds=" << rounds
        << " wall/cli=" << QString::number(ratio, 'f', 3) << " (<=1.05 " << met(ratio <= 1.05)
        << ") per_round=" << roundRatios.join(u',') << " lag_max (<=50 " << met(worstLag.lagMaxMs <= 50)
        << ") lag_max_ended_at_ms=" << ms(worstLag.lagMaxAtMs) << " paints_per_s (>=20 "
        << met(paintsPerS >= 20) << ") paints=" << paintCount << " busy_max_ms=" << ms(busyMaxMs)
        << " busy_max_ended_at_ms=" << ms(busyMaxAtMs) << " lag_samples=" << lagSamples << '\n';
    const auto perRequestUs
        = [requests](double cpuMs) { return QString::number(cpuMs * 1e3 / requests, 'f', 1); };
    out << "# ui_lag cpu_us_per_request main: window=" << perRequestUs(windowed.mainCpuMs)
        << " cli=" << perRequestUs(headless.mainCpuMs)
        << "; process: window=" << perRequestUs(windowed.processCpuMs)
        << " cli=" << perRequestUs(headless.processCpuMs) << '\n';
    const TimelineFrameCache &frames = window.timeline()->frameCache();
    out << "# ui_lag timeline frames: painted=" << frames.paintedCount()
        << " patched=" << frames.patchedCount() << " copied=" << frames.copiedCount() << '\n';
    bool valid = true;
    for (const WindowRound &r : windowRounds) {
        if (r.tally.ok != requests) {
            out << "# ui_lag: the window's run got " << r.tally.ok << " of " << requests << " answers\n";
            valid = false;
        }
    }
    for (const Tally &t : cliRounds) {
        if (t.ok != requests) {
            out << "# ui_lag: the engine-only run got " << t.ok << " of " << requests << " answers\n";
            valid = false;
        }
    }
    if (!valid)
        out << "# ui_lag: not every request of every run answered 200; this measurement is not valid\n";
    return valid ? 0 : 1;
}

} // namespace UiLagBench
