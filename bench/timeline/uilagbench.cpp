#include "uilagbench.h"

#include "journal/journalreader.h"
#include "journal/journalwriter.h"
#include "lagprobe.h"
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
#include <QWindow>

#include <algorithm>

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
         {QStringLiteral("order"), QStringLiteral("cli-first (default) or window-first."),
          QStringLiteral("ORDER"), QStringLiteral("cli-first")},
         {QStringLiteral("only"),
          QStringLiteral("window or cli: run one half only, to profile it (no ratio is printed)."),
          QStringLiteral("HALF")}});
    parser.process(arguments);
    const int requests = parser.value(QStringLiteral("requests")).toInt();
    const int limit = parser.value(QStringLiteral("limit")).toInt();
    const bool windowFirst = parser.value(QStringLiteral("order")) == QLatin1String("window-first");
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
    const auto runWindow = [&] {
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
        Tally t = tally(window.session()->results(), wallMs);
        cpu.stopInto(t);
        return t;
    };

    Tally windowed;
    Tally headless;
    if (windowFirst) {
        if (runWindowHalf)
            windowed = runWindow();
        settle();
        if (runCliHalf)
            headless = runHeadless(urls, settings);
    } else {
        if (runCliHalf)
            headless = runHeadless(urls, settings);
        settle();
        if (runWindowHalf)
            windowed = runWindow();
    }
    const int paintCount = paints.count();

    const double paintsPerS = windowed.wallMs > 0 ? paintCount / (windowed.wallMs / 1000.0) : 0.0;
    const auto ms = [](double value) { return QString::number(value, 'f', 1); };
    QTextStream out(stdout);
    out << "ui_lag requests=" << requests << " limit=" << limit << " wall_ms=" << ms(windowed.wallMs)
        << " cli_wall_ms=" << ms(headless.wallMs) << " lag_p50_ms=" << ms(lag.percentileMs(0.5))
        << " lag_p99_ms=" << ms(lag.percentileMs(0.99)) << " lag_max_ms=" << ms(lag.maxMs())
        << " paints_per_s=" << ms(paintsPerS) << '\n';

    const double ratio = headless.wallMs > 0 ? windowed.wallMs / headless.wallMs : 0.0;
    const auto met = [](bool yes) { return yes ? "yes" : "NO"; };
    out << "# ui_lag path=" << parser.value(QStringLiteral("path"))
        << " order=" << (windowFirst ? "window-first" : "cli-first")
        << " wall/cli=" << QString::number(ratio, 'f', 3) << " (<=1.05 " << met(ratio <= 1.05)
        << ") lag_max (<=50 " << met(lag.maxMs() <= 50) << ") lag_max_ended_at_ms=" << ms(lag.maxAtMs())
        << " paints_per_s (>=20 " << met(paintsPerS >= 20) << ") paints=" << paintCount
        << " busy_max_ms=" << ms(lag.maxCpuMs()) << " busy_max_ended_at_ms=" << ms(lag.maxCpuAtMs())
        << " lag_samples=" << lag.samples() << " window_ok=" << windowed.ok << '/' << windowed.requests
        << " cli_ok=" << headless.ok << '/' << headless.requests << '\n';
    const auto perRequestUs
        = [requests](double cpuMs) { return QString::number(cpuMs * 1e3 / requests, 'f', 1); };
    out << "# ui_lag cpu_us_per_request main: window=" << perRequestUs(windowed.mainCpuMs)
        << " cli=" << perRequestUs(headless.mainCpuMs)
        << "; process: window=" << perRequestUs(windowed.processCpuMs)
        << " cli=" << perRequestUs(headless.processCpuMs) << '\n';
    const TimelineFrameCache &frames = window.timeline()->frameCache();
    out << "# ui_lag timeline frames: painted=" << frames.paintedCount()
        << " patched=" << frames.patchedCount() << " copied=" << frames.copiedCount() << '\n';
    const bool valid
        = (!runWindowHalf || windowed.ok == requests) && (!runCliHalf || headless.ok == requests);
    if (!valid)
        out << "# ui_lag: not every request of both runs answered 200; this measurement is not valid\n";
    return valid ? 0 : 1;
}

} // namespace UiLagBench
