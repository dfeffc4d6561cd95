#include "capturesession.h"

#include "capturedsettings.h"
#include "proxyenvironment.h"
#include "proxyserver.h"
#include "recorder/recorder.h"

CaptureSession::CaptureSession(QObject *parent)
    : QObject(parent)
    , m_recorder(new Recorder(this))
    , m_proxy(new ProxyServer(m_recorder, this))
{ }

CaptureSession::~CaptureSession()
{
    if (m_process) {
        m_process->disconnect(this);
        if (m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(1000);
        }
    }
    // The proxy records into the recorder while it closes.
    delete m_proxy;
}

bool CaptureSession::start(int runId, const CaptureSettings &settings, QString *error)
{
    m_recorder->begin(runId, settings.run);
    if (!m_proxy->listen(settings, error)) {
        m_recorder->end(true);
        return false;
    }
    m_running = true;
    return true;
}

void CaptureSession::runCommand(const QString &program, const QStringList &arguments,
                                QProcessEnvironment environment, QProcess::ProcessChannelMode mode)
{
    ProxyEnvironment::apply(environment, m_proxy->address());
    delete m_process;
    m_process = new QProcess(this);
    m_process->setProcessEnvironment(environment);
    m_process->setProcessChannelMode(mode);
    m_process->setInputChannelMode(mode == QProcess::ForwardedChannels ? QProcess::ForwardedInputChannel
                                                                       : QProcess::ManagedInputChannel);
    connect(m_process, &QProcess::readyReadStandardOutput, this,
            [this] { Q_EMIT outputRead(m_process->readAllStandardOutput()); });
    connect(m_process, &QProcess::finished, this, &CaptureSession::commandFinished);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            Q_EMIT commandFailedToStart(m_process->errorString());
    });
    m_process->start(program, arguments);
}

void CaptureSession::stop(bool cancelled)
{
    if (!m_running)
        return;
    m_running = false;
    m_proxy->close();
    // Named by what the program did; every record says the mode its run has, as a run of ours does.
    const RunSettings seen = capturedSettings(m_recorder->result().settings, m_recorder->result().records);
    m_recorder->setSettings(seen);
    for (qsizetype i = 0; i < m_recorder->result().records.size(); ++i)
        m_recorder->edit(int(i)).mode = seen.mode;
    m_recorder->end(cancelled);
    Q_EMIT stopped();
}

const RunResult &CaptureSession::result() const
{
    return m_recorder->result();
}
