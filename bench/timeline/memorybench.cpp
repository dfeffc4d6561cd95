#include "memorybench.h"

#include "demoserver/demoserver.h"
#include "models/runmodel.h"
#include "paintcounter.h"
#include "recorder/recorder.h"
#include "session/runsession.h"
#include "timeline/timelinepanel.h"
#include "timeline/timelineview.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTextStream>

#include <malloc.h>

namespace {

/// VmRSS in bytes, after handing freed heap back to the system: what stays resident is what is kept, not what
/// a transient copy (a batch signal, a sort buffer) left in malloc's free lists.
qint64 residentBytes()
{
    malloc_trim(0);
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (QByteArray line = status.readLine(); !line.isEmpty(); line = status.readLine()) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() * 1024;
    }
    return -1;
}

QUrl distinctUrl(const QString &base, int i)
{
    return QUrl(base + QStringLiteral("/delay/0?i=") + QString::number(i));
}

/// A finished limited run built through the Recorder as Runner and Fetch fill it: every URL its own, each
/// request queued at 0, through the gate, on a kept-alive connection after the first `limit`, answered 200
/// with a content type parsed from its own header. Times are made up (their values cost no memory); returns
/// when the last request finished, which is later than the recorder's own end.
qint64 record(Recorder &recorder, const QString &base, int requests, int limit)
{
    RunSettings settings;
    settings.mode = RunMode::Limited;
    settings.limit = limit;
    recorder.begin(1, settings);
    recorder.recordCapacity(limit);
    constexpr qint64 ServiceNs = 2'000'000;
    for (int i = 0; i < requests; ++i)
        recorder.add(distinctUrl(base, i));
    for (int id = 0; id < requests; ++id) {
        const qint64 issued = qint64(id / limit) * ServiceNs;
        recorder.markAt(id, Mark::GateAcquired, issued);
        recorder.markAt(id, Mark::Issued, issued);
        if (id < limit)
            recorder.markAt(id, Mark::ConnectStarted, issued);
        recorder.markAt(id, Mark::RequestSent, issued + ServiceNs / 10);
        recorder.markAt(id, Mark::FirstByte, issued + ServiceNs / 2);
        recorder.markAt(id, Mark::Finished, issued + ServiceNs);
        RequestRecord &r = recorder.edit(id);
        r.finalUrl = r.url; // QNetworkReply::url() shares the request's URL
        r.status = 200;
        r.bytes = 600;
        r.contentType = QString::fromLatin1(QByteArray("text/html; charset=utf-8"));
        r.outcome = Outcome::Ok;
    }
    recorder.end(false);
    return qint64((requests - 1) / limit) * ServiceNs + ServiceNs;
}

/// A real run of the demo server's /delay/0?i=N through RunSession, as the window starts one; the URL list
/// it runs is counted too, since the session keeps it and the records share its URLs.
bool runReal(RunSession &session, const QString &base, int requests, int limit)
{
    QList<QUrl> urls;
    urls.reserve(requests);
    for (int i = 0; i < requests; ++i)
        urls.append(distinctUrl(base, i));
    RunSettings settings;
    settings.mode = RunMode::Limited;
    settings.limit = limit;
    QEventLoop loop;
    bool cancelled = true;
    QObject::connect(&session, &RunSession::finished, &loop, [&](bool wasCancelled) {
        cancelled = wasCancelled;
        loop.quit();
    });
    session.start(urls, {settings});
    loop.exec();
    return !cancelled;
}

/// Waits until the view painted the models it was given, and its timers went quiet.
void paintThrough(TimelinePanel &panel)
{
    PaintCounter painted(panel.view());
    panel.repaint();
    QElapsedTimer waited;
    waited.start();
    while (painted.count() == 0 && waited.elapsed() < 60'000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    QElapsedTimer settling;
    settling.start();
    while (settling.elapsed() < 300)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
}

} // namespace

namespace MemoryBench {

int run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOptions(
        {{QStringLiteral("requests"), QStringLiteral("Distinct URLs in the run."), QStringLiteral("N"),
          QStringLiteral("1000000")},
         {QStringLiteral("limit"), QStringLiteral("Permits."), QStringLiteral("N"), QStringLiteral("50")},
         {QStringLiteral("source"),
          QStringLiteral("recorder (default): build the finished run through the Recorder API; run: run it "
                         "against the demo server."),
          QStringLiteral("SOURCE"), QStringLiteral("recorder")}});
    parser.process(arguments);
    const int requests = std::max(1, parser.value(QStringLiteral("requests")).toInt());
    const int limit = std::max(1, parser.value(QStringLiteral("limit")).toInt());
    const bool real = parser.value(QStringLiteral("source")) == QLatin1String("run");

    // Everything whose size does not depend on N exists before the baseline: the server and its thread, the
    // session, and the panel shown and painted once empty (its backing store alone is megabytes).
    DemoServer server;
    QString error;
    if (!server.start(0, &error)) {
        QTextStream(stderr) << "memory: cannot start the demo server: " << error << '\n';
        return 2;
    }
    const QString base = server.baseUrl().toString(QUrl::StripTrailingSlash);
    RunSession session;
    TimelinePanel panel;
    panel.resize(1600, 900);
    panel.show();
    paintThrough(panel);

    struct Step
    {
        const char *name;
        qint64 bytes;
    };
    QList<Step> steps;
    QElapsedTimer timer;
    timer.start();
    qint64 before = residentBytes();
    Recorder recorder;
    if (real) {
        if (!runReal(session, base, requests, limit)) {
            QTextStream(stderr) << "memory: the run was cancelled\n";
            return 1;
        }
        const qint64 after = residentBytes();
        steps.append({"run", after - before});
        before = after;
    } else {
        const qint64 endNs = record(recorder, base, requests, limit);
        qint64 after = residentBytes();
        steps.append({"recorder", after - before});
        before = after;
        // A copy of the result with the made-up schedule's end; its records stay shared with the recorder's.
        RunResult finished = recorder.result();
        finished.endNs = std::max(finished.endNs, endNs);
        session.showRuns({finished});
        after = residentBytes();
        steps.append({"model", after - before});
        before = after;
    }
    const qint64 buildMs = timer.elapsed();

    panel.setModels(session.models());
    paintThrough(panel);
    steps.append({"timeline", residentBytes() - before});

    int ok = 0;
    for (const RunModel *model : session.models()) {
        for (const RequestRecord &r : model->records())
            ok += r.outcome == Outcome::Ok ? 1 : 0;
    }

    qint64 total = 0;
    for (const Step &step : std::as_const(steps))
        total += step.bytes;
    QTextStream out(stdout);
    const auto perRequest
        = [requests](qint64 bytes) { return QString::number(double(bytes) / requests, 'f', 1); };
    out << "memory requests=" << requests << " bytes_per_request=" << perRequest(total) << '\n';
    for (const Step &step : std::as_const(steps)) {
        out << "memory_step requests=" << requests << " source=" << (real ? "run" : "recorder")
            << " step=" << step.name << " bytes_per_request=" << perRequest(step.bytes) << '\n';
    }
    out << "# memory target<=256 met=" << (double(total) / requests <= 256 ? "yes" : "NO")
        << " resident_growth_mb=" << QString::number(double(total) / (1 << 20), 'f', 1)
        << " sizeof_record=" << sizeof(RequestRecord) << " build_ms=" << buildMs << " ok=" << ok << '/'
        << requests << '\n';
    return ok == requests ? 0 : 1;
}

} // namespace MemoryBench
