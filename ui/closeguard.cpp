#include "closeguard.h"

#include <QCloseEvent>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QWidget>

#include "session/runsession.h"

CloseGuard::CloseGuard(QWidget *window, RunSession *session)
    : QObject(window)
    , m_window(window)
    , m_session(session)
{
    window->installEventFilter(this);
}

bool CloseGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_window || event->type() != QEvent::Close || !m_session->isRunning())
        return QObject::eventFilter(watched, event);
    QMessageBox box(QMessageBox::Question, tr("A run is going on"),
                    tr("Closing stops the run, and what it recorded is lost unless you export it first."),
                    QMessageBox::NoButton, m_window);
    QPushButton *close = box.addButton(tr("Stop and Close"), QMessageBox::DestructiveRole);
    QPushButton *keep = box.addButton(tr("Keep Running"), QMessageBox::RejectRole);
    box.setDefaultButton(keep);
    box.setEscapeButton(keep);
    QTimer::singleShot(0, this, [this, &box] { Q_EMIT asking(&box); });
    box.exec();
    if (box.clickedButton() != close) {
        event->ignore();
        return true;
    }
    m_session->stop();
    return QObject::eventFilter(watched, event);
}
