#pragma once

#include "capturesettings.h"
#include "core/runresult.h"

#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>

class ProxyServer;
class Recorder;

/// One capture from start to stop: a run in the recorder, the proxy that fills it, and optionally the
/// program being watched, started with its environment pointed at the proxy. The command line and the
/// window both drive it; views follow recorder() as they follow any run.
class CaptureSession : public QObject
{
    Q_OBJECT

public:
    explicit CaptureSession(QObject *parent = nullptr);
    ~CaptureSession() override;

    /// Begins the run and starts the proxy. False, with the reason, when the proxy cannot listen.
    bool start(int runId, const CaptureSettings &settings, QString *error = nullptr);
    /// Starts program with the proxy variables set in environment. mode: ForwardedChannels for a terminal,
    /// MergedChannels for the window, which shows outputRead().
    void runCommand(const QString &program, const QStringList &arguments, QProcessEnvironment environment,
                    QProcess::ProcessChannelMode mode = QProcess::ForwardedChannels);
    /// Stops the proxy, cancels what is still going, and ends the run. The command, if still running, is
    /// left to end on its own.
    void stop(bool cancelled = false);

    bool isRunning() const { return m_running; }
    bool hasCommand() const { return m_process != nullptr; }
    Recorder *recorder() const { return m_recorder; }
    ProxyServer *proxy() const { return m_proxy; }
    const RunResult &result() const;

Q_SIGNALS:
    void commandFinished(int exitCode, QProcess::ExitStatus status);
    void commandFailedToStart(const QString &error);
    void outputRead(const QByteArray &output);
    void stopped();

private:
    Recorder *m_recorder;
    ProxyServer *m_proxy;
    QProcess *m_process = nullptr;
    bool m_running = false;
};
