#include "startupbench.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTextStream>

#include <algorithm>
#include <chrono>
#include <vector>

namespace {

qint64 monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

/// One launch: ms from just before the fork to the first paint the app reports (FirstPaintReporter, which
/// reads the same monotonic clock), or a negative number when the app reported nothing.
double launch(const QString &binary, QString *problem)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("CRAWLSCOPE_REPORT_FIRST_PAINT"), QStringLiteral("1"));
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    const qint64 startNs = monotonicNs();
    process.start(binary, {});
    if (!process.waitForFinished(30'000)) {
        process.kill();
        process.waitForFinished();
        *problem = QStringLiteral("no first paint within 30 s");
        return -1;
    }
    const QByteArray output = process.readAllStandardOutput();
    const QByteArray key = "first_paint_monotonic_ns=";
    const qsizetype at = output.indexOf(key);
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0 || at < 0) {
        *problem = QStringLiteral("the app exited with %1 without reporting a paint: %2")
                       .arg(process.exitCode())
                       .arg(QString::fromLocal8Bit(process.readAllStandardError()).trimmed());
        return -1;
    }
    const qint64 paintNs = output.mid(at + key.size()).split('\n').first().trimmed().toLongLong();
    return double(paintNs - startNs) / 1e6;
}

} // namespace

namespace StartupBench {

int run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("binary"),
                        QStringLiteral("The crawlscope executable (default: beside crawlscope-bench)."),
                        QStringLiteral("PATH")},
                       {QStringLiteral("repeat"), QStringLiteral("Launches; the median is printed."),
                        QStringLiteral("N"), QStringLiteral("7")}});
    parser.process(arguments);
    QString binary = parser.value(QStringLiteral("binary"));
    if (binary.isEmpty())
        binary = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("crawlscope"));
    if (!QFileInfo(binary).isExecutable()) {
        QTextStream(stderr) << "startup: " << binary << " is not an executable; pass --binary\n";
        return 2;
    }
    const int repeat = std::max(1, parser.value(QStringLiteral("repeat")).toInt());

    std::vector<double> samples;
    for (int i = 0; i < repeat; ++i) {
        QString problem;
        const double ms = launch(binary, &problem);
        if (ms < 0) {
            QTextStream(stderr) << "startup: " << binary << ": " << problem << '\n';
            return 1;
        }
        samples.push_back(ms);
    }
    std::vector<double> sorted = samples;
    std::sort(sorted.begin(), sorted.end());
    const double median = sorted[sorted.size() / 2];
    QTextStream out(stdout);
    out << "startup first_paint_ms=" << QString::number(median, 'f', 1) << '\n';
    out << "# startup target<=300 met=" << (median <= 300 ? "yes" : "NO") << " launches=" << repeat
        << " min_ms=" << QString::number(sorted.front(), 'f', 1)
        << " max_ms=" << QString::number(sorted.back(), 'f', 1)
        << " first_ms=" << QString::number(samples.front(), 'f', 1) << '\n';
    return 0;
}

} // namespace StartupBench
