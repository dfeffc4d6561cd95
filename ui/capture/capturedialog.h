#pragma once

#include <QDialog>
#include <QPointer>
#include <QUrl>

class CaptureSession;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class Recorder;
class RunSession;
class TraceReceiver;

/// File › Capture…: watch another program's requests. Start opens the recording proxy (and the Python
/// tracer's socket) and shows the lines to paste into bash, PowerShell or cmd; a command typed here is run
/// with them set, its output shown below. The captured run, and the traced one, are drawn live like any run.
class CaptureDialog : public QDialog
{
    Q_OBJECT

public:
    /// demoBase: what {demo} in the command becomes.
    CaptureDialog(RunSession *session, const QUrl &demoBase, QWidget *parent = nullptr);
    ~CaptureDialog() override;

    bool isCapturing() const;
    QString proxyAddress() const;
    QPushButton *startButton() const { return m_start; }
    QLineEdit *commandEdit() const { return m_command; }
    QPlainTextEdit *output() const { return m_output; }

public Q_SLOTS:
    void start();
    void stop();

Q_SIGNALS:
    void captureStarted();
    void captureStopped();

private:
    void showLines();

    RunSession *m_session;
    QUrl m_demoBase;
    QPointer<CaptureSession> m_capture;
    Recorder *m_traceRecorder = nullptr;
    TraceReceiver *m_tracer = nullptr;
    int m_traceRunId = -1;
    QLabel *m_address;
    QLineEdit *m_bash;
    QLineEdit *m_powerShell;
    QLineEdit *m_cmd;
    QLineEdit *m_tracerLine;
    QLineEdit *m_command;
    QCheckBox *m_python;
    QPushButton *m_start;
    QPlainTextEdit *m_output;
};
