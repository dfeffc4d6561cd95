#include "runlocks.h"

#include <QWidget>

RunLocks::RunLocks(QObject *parent)
    : QObject(parent)
{ }

void RunLocks::add(QWidget *widget, When when, const QString &reason)
{
    m_locks.append({widget, when, reason, widget->toolTip()});
}

void RunLocks::setState(bool running, bool comparing)
{
    for (Lock &lock : m_locks) {
        if (!lock.widget)
            continue;
        const bool locked = lock.when == When::Running ? running : comparing;
        if (locked == !lock.widget->isEnabled())
            continue;
        if (locked)
            lock.toolTip = lock.widget->toolTip();
        lock.widget->setEnabled(!locked);
        lock.widget->setToolTip(
            locked ? (lock.toolTip.isEmpty() ? lock.reason : lock.toolTip + u'\n' + lock.reason)
                   : lock.toolTip);
    }
}
