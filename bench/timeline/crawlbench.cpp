#include "crawlbench.h"

#include "input/samples.h"
#include "lagprobe.h"
#include "mainwindow.h"
#include "session/runsession.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTextStream>

#include <algorithm>

namespace CrawlBench {

int run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("pages"), QStringLiteral("Pages of the generated site."),
                        QStringLiteral("N"), QStringLiteral("5000")},
                       {QStringLiteral("per-host"), QStringLiteral("Requests in flight per host."),
                        QStringLiteral("N"), QStringLiteral("8")}});
    parser.process(arguments);
    const int pages = parser.value(QStringLiteral("pages")).toInt();
    const int perHost = parser.value(QStringLiteral("per-host")).toInt();
    if (pages < 1) {
        QTextStream(stderr) << "crawl: --pages must be 1 or more\n";
        return 2;
    }

    MainWindow window;
    window.resize(1600, 900);
    window.show();

    // Through the window's own controls, as a user would set them up.
    Sample sample;
    sample.title = QStringLiteral("crawl benchmark");
    sample.urlText = QStringLiteral("{demo}/gen/%1/").arg(pages);
    sample.settings.mode = RunMode::Gather; // only the per-host cap limits the crawl
    sample.settings.perHost = perHost;
    sample.settings.crawl.enabled = true;
    sample.settings.crawl.obeyRobots = false;
    sample.settings.crawl.maxPages = pages;
    sample.settings.crawl.maxDepth = 1000; // the site's depth is log2(pages)
    window.loadSample(sample);

    LagProbe lag(5);
    QEventLoop loop;
    QObject::connect(window.session(), &RunSession::finished, &loop, &QEventLoop::quit);
    QElapsedTimer wall;
    wall.start();
    lag.start();
    window.run();
    loop.exec();
    lag.stop();
    const double wallMs = double(wall.nsecsElapsed()) / 1e6;

    const QList<RunResult> results = window.session()->results();
    const RunResult run = results.isEmpty() ? RunResult() : results.last();
    const int fetched
        = int(std::count_if(run.records.cbegin(), run.records.cend(), [](const RequestRecord &r) {
              return r.role == RequestRole::Page && r.outcome == Outcome::Ok;
          }));
    QTextStream(stdout) << "crawl pages=" << fetched << " wall_ms=" << QString::number(wallMs, 'f', 1)
                        << " pages_per_s=" << QString::number(fetched / (wallMs / 1000), 'f', 0)
                        << " lag_max_ms=" << QString::number(lag.maxMs(), 'f', 1)
                        << " lag_p99_ms=" << QString::number(lag.percentileMs(0.99), 'f', 1)
                        << " lag_max_at_ms=" << QString::number(lag.maxAtMs(), 'f', 0)
                        << " target_pages_per_s>=1000 target_lag_max<=50\n";
    return fetched == pages ? 0 : 1;
}

} // namespace CrawlBench
