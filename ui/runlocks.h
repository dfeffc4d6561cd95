#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

class QWidget;

/// Settings the engine cannot change once a run has started are locked while it runs, and their tooltip says
/// why, instead of taking an edit that is silently ignored. Some are locked only during Compare.
class RunLocks : public QObject
{
    Q_OBJECT

public:
    enum class When { Running, Comparing };

    explicit RunLocks(QObject *parent = nullptr);

    void add(QWidget *widget, When when, const QString &reason);
    void setState(bool running, bool comparing);

private:
    struct Lock
    {
        QPointer<QWidget> widget;
        When when = When::Running;
        QString reason;
        QString toolTip; // the widget's own, given back when unlocked
    };
    QList<Lock> m_locks;
};
