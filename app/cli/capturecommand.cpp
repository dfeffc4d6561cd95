#include "cli.h"

#include "capture/capturesession.h"
#include "capture/proxyenvironment.h"
#include "capture/proxyserver.h"
#include "capturereport.h"
#include "demoserver/demoserver.h"
#include "runreport.h"
#include "signalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

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

QString tr(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}

int usageError(const QString &message)
{
    err() << "crawlscope capture: " << message << Qt::endl;
    err() << tr("Try 'crawlscope capture --help'.") << Qt::endl;
    return Cli::BadUsage;
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
    parser.setApplicationDescription(
        tr("Record the HTTP requests of another program through a local proxy, and summarize them as a run. "
           "Plain HTTP is recorded request by request; HTTPS is tunnelled, never decrypted, and recorded as "
           "one tunnel."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("--"), tr("The command to run with the proxy set."),
                                 QStringLiteral("[-- COMMAND [ARGS...]]"));
    parser.addOptions({
        {QStringLiteral("port"), tr("Port for the proxy on 127.0.0.1 (0 picks a free one; the default)."),
         QStringLiteral("N")},
        {QStringLiteral("demo"),
         tr("Start the built-in demo server; {demo} in ARGS becomes its base URL, also in "
            "$CRAWLSCOPE_DEMO.")},
        {QStringLiteral("json"), tr("Print the summary as one JSON object on stdout.")},
        {QStringLiteral("keep-secrets"),
         tr("Keep Authorization, Proxy-Authorization and Cookie values in the records and exports.")},
        {QStringLiteral("timeout"), tr("Transfer timeout per forwarded request. Default: 30000."),
         QStringLiteral("MS")},
        {{QStringLiteral("o"), QStringLiteral("export")},
         tr("Write the results to FILE, format by extension (%1). Repeatable.")
             .arg(RunReport::exportTypes().join(QLatin1String(", "))),
         QStringLiteral("FILE")},
    });
    QStringList argv = options;
    argv.prepend(QStringLiteral("crawlscope capture"));
    if (!parser.parse(argv))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return Success;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(tr("put \"--\" before the command to run (crawlscope capture -- %1)")
                              .arg(parser.positionalArguments().join(u' ')));

    CaptureSettings settings;
    bool ok = true;
    if (parser.isSet(QStringLiteral("port"))) {
        const uint port = parser.value(QStringLiteral("port")).toUInt(&ok);
        if (!ok || port > 65535)
            return usageError(tr("--port takes a number from 0 to 65535, not \"%1\"")
                                  .arg(parser.value(QStringLiteral("port"))));
        settings.port = quint16(port);
    }
    if (parser.isSet(QStringLiteral("timeout"))) {
        settings.run.timeoutMs = parser.value(QStringLiteral("timeout")).toInt(&ok);
        if (!ok || settings.run.timeoutMs <= 0)
            return usageError(tr("--timeout takes a number of milliseconds above 0, not \"%1\"")
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
        return usageError(tr("the command uses %1 but --demo is not given").arg(placeholder));

    DemoServer server;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (demo) {
        if (!server.start(0, &error)) {
            err() << tr("crawlscope capture: cannot start the demo server: %1").arg(error) << Qt::endl;
            return InternalFailure;
        }
        const QString base = server.baseUrl().toString();
        for (QString &argument : command)
            argument.replace(placeholder, base);
        environment.insert(QStringLiteral("CRAWLSCOPE_DEMO"), base);
    }

    CaptureSession session;
    if (!session.start(1, settings, &error)) {
        err() << tr("crawlscope capture: cannot listen on 127.0.0.1:%1: %2").arg(settings.port).arg(error)
              << Qt::endl;
        return InternalFailure;
    }
    const QUrl address = session.proxy()->address();
    QObject::connect(session.proxy(), &ProxyServer::peerRefused, &session, [](const QHostAddress &peer) {
        err() << tr("refused a connection from %1: only this machine may use the proxy").arg(peer.toString())
              << Qt::endl;
    });

    int status = Success;
    bool interrupted = false;
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::interrupted, &session, [&] {
        interrupted = true;
        err() << tr("interrupted: stopping the capture, keeping what was recorded") << Qt::endl;
        QCoreApplication::quit();
    });
    if (command.isEmpty()) {
        out() << tr("Capture proxy listening on %1").arg(address.toString()) << '\n'
              << tr("Paste into a terminal, then run your program there:") << '\n'
              << "  " << ProxyEnvironment::bashLines(address) << '\n'
              << tr("Recording until Ctrl+C.") << Qt::endl;
    } else {
        err() << tr("capturing through %1: %2").arg(address.toString(), command.join(u' ')) << Qt::endl;
        QObject::connect(&session, &CaptureSession::commandFinished, &session,
                         [&](int exitCode, QProcess::ExitStatus exitStatus) {
                             status = exitStatus == QProcess::NormalExit ? exitCode : InternalFailure;
                             QCoreApplication::quit();
                         });
        QObject::connect(&session, &CaptureSession::commandFailedToStart, &session, [&](const QString &why) {
            err() << tr("crawlscope capture: cannot start %1: %2").arg(command.first(), why) << Qt::endl;
            status = CommandNotFound;
            QCoreApplication::quit();
        });
        session.runCommand(command.first(), command.mid(1), environment);
    }
    QCoreApplication::exec();
    session.stop(interrupted);
    server.stop();

    const QList<RunResult> results {session.result()};
    if (parser.isSet(QStringLiteral("json"))) {
        out() << QJsonDocument(QJsonObject {{QStringLiteral("runs"),
                                             QJsonArray {CaptureReport::toJson(results.first())}}})
                     .toJson(QJsonDocument::Compact)
              << Qt::endl;
    } else {
        RunReport::printTable(results);
        out() << CaptureReport::text(results.first()) << Qt::endl;
    }
    const int exported = RunReport::writeExports(results, exports, 2.0, QStringLiteral("capture"));
    if (interrupted)
        return Interrupted;
    return status != Success ? status : exported;
}

} // namespace Cli
