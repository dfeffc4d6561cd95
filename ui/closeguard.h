#pragma once

#include <QObject>

class QMessageBox;
class QWidget;
class RunSession;

/// Asks before the window closes during a run, which would stop it and lose what is not saved; closing when
/// nothing runs is not asked about.
class CloseGuard : public QObject
{
    Q_OBJECT

public:
    CloseGuard(QWidget *window, RunSession *session);

Q_SIGNALS:
    /// The question is up; tests answer it.
    void asking(QMessageBox *box);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_window;
    RunSession *m_session;
};
