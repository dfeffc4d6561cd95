#pragma once

#include <QWidget>

#include "lessons/pythonprogram.h"

class CodeView;
class QLabel;
class QPushButton;

/// The Code pane: the Python asyncio program of the current settings, in the lesson's style, beside the
/// picture. Copy puts it on the clipboard, Save as .py writes it atomically. During a replay the lines a
/// request can be at are highlighted with how many requests are there.
class CodePane : public QWidget
{
    Q_OBJECT

public:
    explicit CodePane(QWidget *parent = nullptr);

    /// Shows program; the line counts follow its lines (a changed program may move them).
    void setProgram(const PythonProgram &program);
    const PythonProgram &program() const { return m_program; }
    QString text() const { return m_program.text(); }

    /// How many requests wait at `async with semaphore`, await `client.get(...)` and sleep in
    /// `asyncio.sleep(...)`; a line the program does not have (sequential has no semaphore) shows nothing.
    void setLineActivity(int waiting, int inFlight, int sleeping);
    void clearLineActivity();
    /// The count shown beside a 1-based line; 0 for none.
    int activityAt(int line) const;

    /// Writes the program to path atomically; the error names the file.
    bool saveTo(const QString &path, QString *error) const;
    void copyToClipboard() const;

    CodeView *view() const { return m_view; }

Q_SIGNALS:
    void saved(const QString &path);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void saveDialog();
    void showActivity();

    PythonProgram m_program;
    CodeView *m_view;
    QLabel *m_caption;
    QPushButton *m_copy;
    QPushButton *m_save;
    int m_waiting = 0;
    int m_inFlight = 0;
    int m_sleeping = 0;
};
