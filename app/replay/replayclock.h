#pragma once

#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>

#include "core/runresult.h"
#include "replaysnapshot.h"
#include "replaytimeline.h"

/// Plays finished runs back: replay time runs from 0 to the runs' end at a chosen speed, can be paused,
/// stepped from one event to the next or the previous, and set anywhere (a scrubber). After each move it says
/// where it is and what the gate held then. The wall clock it follows can be swapped, so tests move time by
/// hand instead of sleeping.
class ReplayClock : public QObject
{
    Q_OBJECT

public:
    using WallClock = std::function<qint64()>; // nanoseconds, monotonic
    static constexpr double MinSpeed = 0.05;
    static constexpr double MaxSpeed = 4.0;
    static constexpr int FrameIntervalMs = 16;

    explicit ReplayClock(QObject *parent = nullptr);

    /// The speeds a replay bar offers, slowest first.
    static QList<double> speeds();

    void setWallClock(WallClock clock);
    /// Runs to replay, on one time axis; the replay starts paused at 0.
    void setRuns(const QList<RunResult> &runs);
    void clear();
    const ReplayTimeline &timeline() const { return m_timeline; }
    bool isEmpty() const { return m_timeline.isEmpty(); }

    qint64 timeNs() const { return m_timeNs; }
    qint64 endNs() const { return m_timeline.endNs(); }
    double speed() const { return m_speed; }
    bool isPlaying() const { return m_playing; }
    /// The run whose counts activityChanged reports (the one the window shows in its table); the last one
    /// by default.
    int focusRun() const { return m_focusRun; }
    void setFocusRun(int run);
    /// What each run's gate holds at the replay time.
    QList<ReplaySnapshot> snapshots() const;
    ReplaySnapshot snapshot(int run) const { return m_timeline.snapshot(run, m_timeNs); }

public Q_SLOTS:
    /// From where it is, or from the start when it is at the end.
    void play();
    void pause();
    void togglePlaying();
    /// To the next moment something happened, paused.
    void stepForward();
    /// To the previous moment something happened, paused.
    void stepBack();
    void seek(qint64 ns);
    /// Clamped to [MinSpeed, MaxSpeed]; playing goes on from the current time at the new speed.
    void setSpeed(double speed);
    /// One frame: replay time catches up with the wall clock. The frame timer calls it while playing.
    void advance();

Q_SIGNALS:
    void timeChanged(qint64 ns);
    /// The focused run's counts at the new time: for the Code pane's lines.
    void activityChanged(int waiting, int inFlight, int sleeping);
    void playingChanged(bool playing);
    void speedChanged(double speed);
    /// New runs (or none): the time is 0 again.
    void runsChanged();

private:
    void moveTo(qint64 ns, bool announce = false);
    void anchor();

    ReplayTimeline m_timeline;
    WallClock m_wallClock;
    QTimer m_frameTimer;
    qint64 m_timeNs = 0;
    double m_speed = 1.0;
    bool m_playing = false;
    int m_focusRun = -1;
    // While playing, replay time is m_anchorTimeNs + speed * (wall - m_anchorWallNs).
    qint64 m_anchorWallNs = 0;
    qint64 m_anchorTimeNs = 0;
};
