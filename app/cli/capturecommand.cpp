#include "cli.h"

#include "capture/capturesession.h"
#include "capture/proxyenvironment.h"
#include "capture/proxyserver.h"
#include "capture/tracereceiver.h"
#include "capturereport.h"
#include "demoserver/demoserver.h"
#include "export/jsonformat.h"
#include "recorder/recorder.h"
#include "runreport.h"
#include "signalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QTimer>

namespace {

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

int usageError(const QString &message)
{
    err() << "crawlscope capture: " << message << Qt::endl;
    err() << CliText::tr("Try 'crawlscope capture --help'.") << Qt::endl;
    return Cli::BadUsage;
}

/// Starts command's Python under the tracer: `python3 [OPTIONS] -m crawlscope_trace prog.py ARGS`, with the
/// tracer's package on PYTHONPATH. False, with the reason said, when it cannot be done; the command is then
/// left as it was.
bool traceCommand(QStringList &command, QProcessEnvironment &environment, TraceReceiver &tracer)
{
    const QString directory = TraceReceiver::tracerDirectory();
    if (directory.isEmpty()) {
        err() << CliText::tr(
            "the Python tracer's files were not found (set CRAWLSCOPE_TRACER_DIR to the folder that "
            "holds crawlscope_trace)")
              << Qt::endl;
        return false;
    }
    qsizetype script = -1;
    for (qsizetype i = 1; i < command.size(); ++i) {
        if (command[i] == QLatin1String("-m") || command[i] == QLatin1String("-c")) {
            err() << CliText::tr("the tracer runs a script file (python3 prog.py), not %1").arg(command[i])
                  << Qt::endl;
            return false;
        }
        if (!command[i].startsWith(u'-')) {
            script = i;
            break;
        }
    }
    QString error;
    if (script < 0) {
        err() << CliText::tr("no Python script in the command") << Qt::endl;
        return false;
    }
    if (!tracer.listen(&error)) {
        err() << CliText::tr("cannot listen for the tracer: %1").arg(error) << Qt::endl;
        return false;
    }
    command.insert(script, QStringLiteral("crawlscope_trace"));
    command.insert(script, QStringLiteral("-m"));
    const QString path = environment.value(QStringLiteral("PYTHONPATH"));
    environment.insert(QStringLiteral("PYTHONPATH"),
                       path.isEmpty() ? directory : directory + QDir::listSeparator() + path);
    environment.insert(QStringLiteral("CRAWLSCOPE_TRACE"), tracer.address());
    return true;
}

} // namespace

namespace Cli {

int capture(const QStringList &arguments)
{
    // Everything after "--" is the command to watch, its own options included.
    QStringList options = arguments;
    QStringList command;
    if (const qsizetype dashes = arguments.indexOf(QStringLiteral("--")); dashes >= 0) {
        options = arguments.mid(0, dashes);
        command = arguments.mid(dashes + 1);
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(CliText::tr(
        "Record the HTTP requests of another program through a local proxy, and summarize them as a run. "
        "Plain HTTP is recorded request by request; HTTPS is tunnelled, never decrypted, and recorded as "
        "one tunnel."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("--"), CliText::tr("The command to run with the proxy set."),
                                 QStringLiteral("[-- COMMAND [ARGS...]]"));
    parser.addOptions({
        {QStringLiteral("port"),
         CliText::tr("Port for the proxy on 127.0.0.1 (0 picks a free one; the default)."),
         QStringLiteral("N")},
        {QStringLiteral("demo"),
         CliText::tr("Start the built-in demo server; {demo} in ARGS becomes its base URL, also in "
                     "$CRAWLSCOPE_DEMO.")},
        {QStringLiteral("json"), CliText::tr("Print the summary as one JSON object on stdout.")},
        {QStringLiteral("python"),
         CliText::tr(
             "Also run the Python COMMAND under Crawlscope's tracer, which records semaphore waits, sleeps "
             "and "
             "each request of httpx, requests and aiohttp as a second run.")},
        {QStringLiteral("keep-secrets"),
         CliText::tr(
             "Keep Authorization, Proxy-Authorization and Cookie values in the records and exports.")},
        {QStringLiteral("timeout"), CliText::tr("Transfer timeout per forwarded request. Default: 30000."),
         QStringLiteral("MS")},
        {{QStringLiteral("o"), QStringLiteral("export")},
         CliText::tr("Write the results to FILE, format by extension (%1). Repeatable.")
             .arg(RunReport::exportTypes().join(QLatin1String(", "))),
         QStringLiteral("FILE")},
    });
    QStringList argv = options;
    argv.prepend(QStringLiteral("crawlscope capture"));
    if (!parser.parse(argv))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << Cli::helpText(parser, QStringLiteral("capture"));
        return Success;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(CliText::tr("put \"--\" before the command to run (crawlscope capture -- %1)")
                              .arg(parser.positionalArguments().join(u' ')));

    CaptureSettings settings;
    bool ok = true;
    if (parser.isSet(QStringLiteral("port"))) {
        const uint port = parser.value(QStringLiteral("port")).toUInt(&ok);
        if (!ok || port > 65535)
            return usageError(CliText::tr("--port takes a number from 0 to 65535, not \"%1\"")
                                  .arg(parser.value(QStringLiteral("port"))));
        settings.port = quint16(port);
    }
    if (parser.isSet(QStringLiteral("timeout"))) {
        settings.run.timeoutMs = parser.value(QStringLiteral("timeout")).toInt(&ok);
        if (!ok || settings.run.timeoutMs <= 0)
            return usageError(CliText::tr("--timeout takes a number of milliseconds above 0, not \"%1\"")
                                  .arg(parser.value(QStringLiteral("timeout"))));
    }
    settings.keepSecrets = parser.isSet(QStringLiteral("keep-secrets"));
    const QStringList exports = parser.values(QStringLiteral("export"));
    QString error;
    for (const auto &path : exports) {
        if (!RunReport::canWriteExport(path, &error))
            return usageError(error);
    }
    const QString placeholder = QStringLiteral("{demo}");
    const bool demo = parser.isSet(QStringLiteral("demo"));
    if (!demo && command.join(u' ').contains(placeholder))
        return usageError(CliText::tr("the command uses %1 but --demo is not given").arg(placeholder));

    DemoServer server;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (demo) {
        if (!server.start(0, &error)) {
            err() << CliText::tr("crawlscope capture: cannot start the demo server: %1").arg(error)
                  << Qt::endl;
            return InternalFailure;
        }
        const QString base = server.baseUrl().toString();
        for (QString &argument : command)
            argument.replace(placeholder, base);
        environment.insert(QStringLiteral("CRAWLSCOPE_DEMO"), base);
    }

    Recorder traceRecorder;
    TraceReceiver tracer(&traceRecorder, 2);
    const bool python = parser.isSet(QStringLiteral("python"));
    if (python && command.isEmpty())
        return usageError(CliText::tr("--python needs the Python command to run (-- python3 prog.py)"));
    if (python && !traceCommand(command, environment, tracer))
        err() << CliText::tr("the Python tracer will not be active; the program runs untraced") << Qt::endl;

    CaptureSession session;
    if (!session.start(1, settings, &error)) {
        err() << CliText::tr("crawlscope capture: cannot listen on 127.0.0.1:%1: %2")
                     .arg(settings.port)
                     .arg(error)
              << Qt::endl;
        return InternalFailure;
    }
    const QUrl address = session.proxy()->address();
    QObject::connect(session.proxy(), &ProxyServer::peerRefused, &session, [](const QHostAddress &peer) {
        err() << CliText::tr("refused a connection from %1: only this machine may use the proxy")
                     .arg(peer.toString())
              << Qt::endl;
    });

    int status = Success;
    bool interrupted = false;
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::interrupted, &session, [&] {
        interrupted = true;
        err() << CliText::tr("interrupted: stopping the capture, keeping what was recorded") << Qt::endl;
        QCoreApplication::quit();
    });
    if (command.isEmpty()) {
        out() << CliText::tr("Capture proxy listening on %1").arg(address.toString()) << '\n'
              << CliText::tr("Paste into a terminal, then run your program there:") << '\n'
              << "  " << ProxyEnvironment::bashLines(address) << '\n'
              << CliText::tr("Recording until Ctrl+C.") << Qt::endl;
    } else {
        err() << CliText::tr("capturing through %1: %2").arg(address.toString(), command.join(u' '))
              << Qt::endl;
        QObject::connect(&session, &CaptureSession::commandFinished, &session,
                         [&](int exitCode, QProcess::ExitStatus exitStatus) {
                             status = exitStatus == QProcess::NormalExit ? exitCode : InternalFailure;
                             // The program's last tracer events can still be on their way when its exit is
                             // seen; its connection closes once they are all in. A child it left running
                             // could hold the connection open, hence the bound.
                             if (tracer.openConnections() == 0) {
                                 QCoreApplication::quit();
                                 return;
                             }
                             QObject::connect(&tracer, &TraceReceiver::connectionsClosed, &session,
                                              &QCoreApplication::quit);
                             QTimer::singleShot(TraceReceiver::DrainMs, &session, &QCoreApplication::quit);
                         });
        QObject::connect(&session, &CaptureSession::commandFailedToStart, &session, [&](const QString &why) {
            err() << CliText::tr("crawlscope capture: cannot start %1: %2").arg(command.first(), why)
                  << Qt::endl;
            status = CommandNotFound;
            QCoreApplication::quit();
        });
        session.runCommand(command.first(), command.mid(1), environment);
    }
    QCoreApplication::exec();
    session.stop(interrupted);
    tracer.finish();
    server.stop();

    QList<RunResult> results {session.result()};
    if (python && tracer.wasActive()) {
        RunResult traced = traceRecorder.result();
        // Both recorders stamp Clock::nowNs(); their zeros differ by when each began.
        const qint64 offset = traceRecorder.sinceStartNs(0) - session.recorder()->sinceStartNs(0);
        TraceReceiver::addWireTimings(traced, results.first(), offset);
        results.append(traced);
        const TraceReceiver::Stats &stats = tracer.stats();
        err() << CliText::tr("traced: %1 requests, %2 waits for a permit, %3 sleeps (%4 with a permit held)")
                     .arg(stats.requests)
                     .arg(stats.waits)
                     .arg(stats.sleeps)
                     .arg(stats.sleepsInPermit)
              << Qt::endl;
    } else if (python) {
        err() << CliText::tr("the Python tracer was not active: the program never connected to it")
              << Qt::endl;
    }
    for (const QString &problem : tracer.problems())
        err() << CliText::tr("tracer: %1").arg(problem) << Qt::endl;
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray runs {CaptureReport::toJson(results.first())};
        if (results.size() > 1) {
            QJsonObject traced = summaryToJson(results.last());
            const TraceReceiver::Stats &stats = tracer.stats();
            traced.insert(QStringLiteral("source"), QStringLiteral("tracer"));
            traced.insert(QStringLiteral("waits"), stats.waits);
            traced.insert(QStringLiteral("sleeps"), stats.sleeps);
            traced.insert(QStringLiteral("sleeps_in_permit"), stats.sleepsInPermit);
            runs.append(traced);
        }
        out() << QJsonDocument(QJsonObject {{QStringLiteral("runs"), runs}}).toJson(QJsonDocument::Compact)
              << Qt::endl;
    } else {
        RunReport::printTable(results);
        out() << CaptureReport::text(results.first()) << Qt::endl;
    }
    const int exported = RunReport::writeExports(results, exports, 2.0, QStringLiteral("crawlscope capture"));
    if (interrupted)
        return Interrupted;
    return status != Success ? status : exported;
}

} // namespace Cli
