#include "capturedialog.h"

#include "capture/capturesession.h"
#include "capture/proxyenvironment.h"
#include "capture/proxyserver.h"
#include "capture/tracereceiver.h"
#include "recorder/recorder.h"
#include "session/runsession.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace {

QLineEdit *pasteLine(QWidget *parent)
{
    auto *line = new QLineEdit(parent);
    line->setReadOnly(true);
    line->setFont(QFont(QStringLiteral("monospace")));
    return line;
}

} // namespace

CaptureDialog::CaptureDialog(RunSession *session, const QUrl &demoBase, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_demoBase(demoBase)
    , m_address(new QLabel(tr("Not capturing"), this))
    , m_bash(pasteLine(this))
    , m_powerShell(pasteLine(this))
    , m_cmd(pasteLine(this))
    , m_tracerLine(pasteLine(this))
    , m_command(new QLineEdit(this))
    , m_python(new QCheckBox(tr("Trace Python (semaphore waits and sleeps)"), this))
    , m_start(new QPushButton(tr("&Start"), this))
    , m_output(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Capture Another Program"));
    m_address->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_command->setPlaceholderText(tr("optional: a command to run, e.g. python3 prog.py {demo}/delay/1000"));
    m_output->setReadOnly(true);
    m_output->setPlaceholderText(tr("The command's output appears here."));
    m_output->setAccessibleName(tr("Command output"));

    auto *form = new QFormLayout;
    form->addRow(tr("Proxy:"), m_address);
    form->addRow(tr("bash:"), m_bash);
    form->addRow(tr("PowerShell:"), m_powerShell);
    form->addRow(tr("cmd:"), m_cmd);
    form->addRow(tr("Python tracer:"), m_tracerLine);
    form->addRow(tr("Command:"), m_command);
    form->addRow(QString(), m_python);
    auto *note
        = new QLabel(tr("HTTPS is tunnelled, never decrypted: each tunnel is one bar, and the requests "
                        "inside it cannot be seen. The Python tracer sees them."),
                     this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_start, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_start, &QPushButton::clicked, this, [this] { isCapturing() ? stop() : start(); });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_output, 1);
    layout->addWidget(buttons);
    resize(760, 480);
}

CaptureDialog::~CaptureDialog()
{
    stop();
}

bool CaptureDialog::isCapturing() const
{
    return m_capture && m_capture->isRunning();
}

QString CaptureDialog::proxyAddress() const
{
    return isCapturing() ? m_capture->proxy()->address().toString() : QString();
}

void CaptureDialog::start()
{
    if (isCapturing())
        return;
    delete m_capture.data();
    m_capture = new CaptureSession(this);
    CaptureSettings settings;
    const int runId = m_session->watchRecorder(m_capture->recorder(), settings.run);
    QString error;
    if (!m_capture->start(runId, settings, &error)) {
        m_session->endWatched(m_capture->result());
        m_address->setText(tr("Cannot listen on 127.0.0.1: %1").arg(error));
        return;
    }
    // The tracer's run begins when a traced program connects, on a run id of its own.
    delete m_tracer;
    delete m_traceRecorder;
    m_traceRecorder = new Recorder(this);
    RunSettings traced;
    traced.mode = RunMode::Limited;
    m_traceRunId = m_session->watchRecorder(m_traceRecorder, traced);
    m_tracer = new TraceReceiver(m_traceRecorder, m_traceRunId, this);
    if (!m_tracer->listen(&error))
        m_output->appendPlainText(tr("The Python tracer cannot listen: %1").arg(error));
    showLines();
    connect(m_capture, &CaptureSession::outputRead, this,
            [this](const QByteArray &text) { m_output->insertPlainText(QString::fromLocal8Bit(text)); });
    connect(m_capture, &CaptureSession::commandFinished, this, [this](int exitCode) {
        m_output->appendPlainText(tr("[the command exited with status %1]").arg(exitCode));
        // Its last tracer events may still be on the way: stop once its tracer connection has closed (a
        // child it left running could hold it, hence the bound).
        if (!m_tracer || m_tracer->openConnections() == 0) {
            stop();
            return;
        }
        // On the tracer, which the next capture replaces: neither can stop that one.
        connect(m_tracer, &TraceReceiver::connectionsClosed, m_tracer, [this] { stop(); });
        QTimer::singleShot(TraceReceiver::DrainMs, m_tracer, [this] { stop(); });
    });
    connect(m_capture, &CaptureSession::commandFailedToStart, this, [this](const QString &why) {
        m_output->appendPlainText(tr("[cannot start the command: %1]").arg(why));
        stop();
    });

    QString command = m_command->text().trimmed();
    if (!command.isEmpty()) {
        command.replace(QLatin1String("{demo}"), m_demoBase.toString());
        QStringList arguments = QProcess::splitCommand(command);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("CRAWLSCOPE_DEMO"), m_demoBase.toString());
        const QString tracerDir = TraceReceiver::tracerDirectory();
        if (m_python->isChecked() && !tracerDir.isEmpty() && arguments.size() > 1) {
            arguments.insert(1, QStringLiteral("crawlscope_trace"));
            arguments.insert(1, QStringLiteral("-m"));
            const QString path = environment.value(QStringLiteral("PYTHONPATH"));
            environment.insert(QStringLiteral("PYTHONPATH"),
                               path.isEmpty() ? tracerDir : tracerDir + QDir::listSeparator() + path);
            environment.insert(QStringLiteral("CRAWLSCOPE_TRACE"), m_tracer->address());
        }
        m_output->clear();
        m_capture->runCommand(arguments.takeFirst(), arguments, environment, QProcess::MergedChannels);
    }
    m_start->setText(tr("&Stop"));
    m_command->setEnabled(false);
    m_python->setEnabled(false);
    Q_EMIT captureStarted();
}

void CaptureDialog::stop()
{
    if (!isCapturing())
        return;
    m_capture->stop();
    m_session->endWatched(m_capture->result());
    if (m_tracer) {
        m_tracer->finish();
        RunResult traced = m_traceRecorder->result();
        TraceReceiver::addWireTimings(traced, m_capture->result(),
                                      m_traceRecorder->sinceStartNs(0)
                                          - m_capture->recorder()->sinceStartNs(0));
        if (!m_tracer->wasActive()) {
            traced.runId = m_traceRunId;
            if (m_python->isChecked() && !m_command->text().trimmed().isEmpty())
                m_output->appendPlainText(tr("[the Python tracer was not active]"));
        }
        m_session->endWatched(traced);
    }
    m_address->setText(tr("Not capturing"));
    m_start->setText(tr("&Start"));
    m_command->setEnabled(true);
    m_python->setEnabled(true);
    Q_EMIT captureStopped();
}

void CaptureDialog::showLines()
{
    const QUrl proxy = m_capture->proxy()->address();
    m_address->setText(proxy.toString());
    m_bash->setText(ProxyEnvironment::bashLines(proxy));
    m_powerShell->setText(ProxyEnvironment::powerShellLines(proxy));
    m_cmd->setText(ProxyEnvironment::cmdLines(proxy));
    const QString tracerDir = TraceReceiver::tracerDirectory();
    m_tracerLine->setText(tracerDir.isEmpty()
                              ? tr("(the tracer's files were not found)")
                              : ProxyEnvironment::tracerLines(tracerDir, m_tracer->address()));
}
