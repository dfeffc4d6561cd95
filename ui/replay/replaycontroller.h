#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class GatePicture;
class QDockWidget;
class QWidget;
class ReplayBar;
class ReplayClock;
class RunModel;
class TimelinePanel;

/// Replay in the window: plays the finished runs of a timeline back through a ReplayClock and moves the
/// timeline's cut, the in-flight strip, the replay bar and the gate picture together. Space plays and pauses
/// and the arrows step while the replay has the keyboard (the bar, the gate picture or the timeline has the
/// focus), so typing in the URL list or the filter is left alone.
class ReplayController : public QObject
{
    Q_OBJECT

public:
    /// The bar and the dock are made here for the window to place; the bar starts hidden.
    ReplayController(TimelinePanel *panel, QWidget *window);
    ~ReplayController() override;

    ReplayClock *clock() const { return m_clock; }
    ReplayBar *bar() const { return m_bar; }
    GatePicture *gatePicture() const { return m_gatePicture; }
    QDockWidget *gateDock() const { return m_gateDock; }
    bool isActive() const { return m_active; }

public Q_SLOTS:
    /// Replays these runs from 0, paused. False, and nothing changes, when there is none or one still goes.
    bool start(const QList<RunModel *> &models);
    /// Shows the runs whole again and hides the bar and the gate picture.
    void stop();

Q_SIGNALS:
    void activeChanged(bool active);
    /// The shown run's requests at the replay's time: waiting at the semaphore, awaiting the response, and
    /// sleeping with the permit held; what the Code pane highlights its lines with.
    void activityChanged(int waiting, int inFlight, int sleeping);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showTime(qint64 ns);
    bool ownsKeyboard() const;

    TimelinePanel *m_panel;
    QPointer<QWidget> m_window;
    ReplayClock *m_clock;
    ReplayBar *m_bar;
    GatePicture *m_gatePicture;
    QDockWidget *m_gateDock;
    QList<QPointer<RunModel>> m_models;
    bool m_active = false;
};
