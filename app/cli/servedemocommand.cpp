#include "cli.h"

#include "demoserver/demoserver.h"
#include "safeterminal.h"
#include "signalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

namespace Cli {

int serveDemo(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream &err = SafeTerminal::errors();
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "Cli", "Serve the built-in demo endpoints on 127.0.0.1 until interrupted."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("port"),
         QCoreApplication::translate("Cli", "Port to listen on (0 picks a free one)."), QStringLiteral("N")},
        {QStringLiteral("seed"), QCoreApplication::translate("Cli", "Seed for jittered delays. Default: 1."),
         QStringLiteral("N")},
    });
    QStringList argv = arguments;
    argv.prepend(QStringLiteral("crawlscope serve-demo"));
    if (!parser.parse(argv)) {
        err << "crawlscope serve-demo: " << parser.errorText() << Qt::endl;
        return BadUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << Cli::helpText(parser, QStringLiteral("serve-demo"));
        return Success;
    }
    bool ok = true;
    const uint port
        = parser.isSet(QStringLiteral("port")) ? parser.value(QStringLiteral("port")).toUInt(&ok) : 0;
    if (!ok || port > 65535) {
        err << "crawlscope serve-demo: "
            << QCoreApplication::translate("Cli", "--port takes a number from 0 to 65535, not \"%1\"")
                   .arg(parser.value(QStringLiteral("port")))
            << Qt::endl;
        return BadUsage;
    }
    const quint64 seed
        = parser.isSet(QStringLiteral("seed")) ? parser.value(QStringLiteral("seed")).toULongLong(&ok) : 1;
    if (!ok) {
        err << "crawlscope serve-demo: "
            << QCoreApplication::translate("Cli", "--seed takes a whole number, not \"%1\"")
                   .arg(parser.value(QStringLiteral("seed")))
            << Qt::endl;
        return BadUsage;
    }

    DemoServer server;
    server.setSeed(seed);
    QString error;
    if (!server.start(quint16(port), &error)) {
        err << "crawlscope serve-demo: " << error << Qt::endl;
        return InternalFailure;
    }
    out << QCoreApplication::translate("Cli", "Demo server listening on %1").arg(server.baseUrl().toString())
        << Qt::endl;

    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::interrupted, qApp, &QCoreApplication::quit);
    QCoreApplication::exec();
    server.stop();
    return Success;
}

} // namespace Cli
