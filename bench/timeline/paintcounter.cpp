#include "paintcounter.h"

#include <QAbstractScrollArea>
#include <QEvent>

PaintCounter::PaintCounter(QWidget *widget)
    : QObject(widget)
{
    auto *area = qobject_cast<QAbstractScrollArea *>(widget);
    (area ? area->viewport() : widget)->installEventFilter(this);
}

bool PaintCounter::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint)
        ++m_count;
    return QObject::eventFilter(watched, event);
}
