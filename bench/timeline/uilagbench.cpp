#include "uilagbench.h"

#include "limitslider.h"
#include "mainwindow.h"
#include "session/runsession.h"
#include "urleditor.h"

#include <QComboBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <vector>

namespace UiLagBench {

int run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions(
        {{QStringLiteral("requests"), QStringLiteral("Requests in the run."), QStringLiteral("N"),
          QStringLiteral("10000")},
         {QStringLiteral("limit"), QStringLiteral("Permits."), QStringLiteral("N"), QStringLiteral("50")},
         {QStringLiteral("path"), QStringLiteral("Demo server path."), QStringLiteral("PATH"),
          QStringLiteral("/delay/0-20")}});
    parser.process(arguments);
    const int requests = parser.value(QStringLiteral("requests")).toInt();
    const int limit = parser.value(QStringLiteral("limit")).toInt();

    MainWindow window;
    window.resize(1600, 900);
    window.show();
    window.urlEditor()->setText(QStringLiteral("{demo}") + parser.value(QStringLiteral("path")));
    window.urlEditor()->setRepeat(requests);
    window.modeBox()->setCurrentIndex(window.modeBox()->findData(int(RunMode::Limited)));
    window.limitSlider()->setValue(limit);

    constexpr int intervalMs = 5;
    std::vector<double> lateMs;
    QElapsedTimer sinceLast;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(intervalMs);
    QObject::connect(&probe, &QTimer::timeout, &window, [&] {
        lateMs.push_back(std::max(0.0, double(sinceLast.nsecsElapsed()) / 1e6 - intervalMs));
        sinceLast.restart();
    });

    QEventLoop loop;
    QObject::connect(window.session(), &RunSession::finished, &loop, &QEventLoop::quit);
    QElapsedTimer wall;
    wall.start();
    sinceLast.start();
    probe.start();
    window.run();
    loop.exec();
    probe.stop();

    std::sort(lateMs.begin(), lateMs.end());
    const auto percentile = [&](double p) {
        return lateMs.empty() ? 0.0
                              : lateMs[std::min(lateMs.size() - 1, std::size_t(p * double(lateMs.size())))];
    };
    const auto progress = window.session()->progress();
    QTextStream(stdout) << "ui_lag requests=" << progress.done << " limit=" << limit
                        << " wall_ms=" << QString::number(double(wall.nsecsElapsed()) / 1e6, 'f', 1)
                        << " lag_p50_ms=" << QString::number(percentile(0.5), 'f', 1)
                        << " lag_p99_ms=" << QString::number(percentile(0.99), 'f', 1)
                        << " lag_max_ms=" << QString::number(lateMs.empty() ? 0.0 : lateMs.back(), 'f', 1)
                        << " target_max<=50\n";
    return progress.done == requests ? 0 : 1;
}

} // namespace UiLagBench
