#include "replayclock.h"

#include <algorithm>
#include <cmath>

#include "core/clock.h"

ReplayClock::ReplayClock(QObject *parent)
    : QObject(parent)
    , m_wallClock(&Clock::nowNs)
{
    m_frameTimer.setTimerType(Qt::PreciseTimer);
    m_frameTimer.setInterval(FrameIntervalMs);
    connect(&m_frameTimer, &QTimer::timeout, this, &ReplayClock::advance);
}

QList<double> ReplayClock::speeds()
{
    return {MinSpeed, 0.1, 0.25, 0.5, 1.0, 2.0, MaxSpeed};
}

void ReplayClock::setWallClock(WallClock clock)
{
    m_wallClock = std::move(clock);
    anchor();
}

void ReplayClock::setRuns(const QList<RunResult> &runs)
{
    pause();
    m_timeline = ReplayTimeline(runs);
    m_focusRun = m_timeline.runCount() - 1;
    Q_EMIT runsChanged();
    moveTo(0, true);
}

void ReplayClock::clear()
{
    setRuns({});
}

void ReplayClock::setFocusRun(int run)
{
    m_focusRun = std::clamp(run, -1, m_timeline.runCount() - 1);
    const ReplaySnapshot focused = snapshot(m_focusRun);
    Q_EMIT activityChanged(focused.waiting, focused.inFlight, focused.delaying);
}

QList<ReplaySnapshot> ReplayClock::snapshots() const
{
    QList<ReplaySnapshot> all;
    all.reserve(m_timeline.runCount());
    for (int run = 0; run < m_timeline.runCount(); ++run)
        all.append(m_timeline.snapshot(run, m_timeNs));
    return all;
}

void ReplayClock::play()
{
    if (m_playing || isEmpty())
        return;
    if (m_timeNs >= endNs())
        moveTo(0);
    m_playing = true;
    anchor();
    m_frameTimer.start();
    Q_EMIT playingChanged(true);
}

void ReplayClock::pause()
{
    if (!m_playing)
        return;
    m_playing = false;
    m_frameTimer.stop();
    Q_EMIT playingChanged(false);
}

void ReplayClock::togglePlaying()
{
    if (m_playing)
        pause();
    else
        play();
}

void ReplayClock::stepForward()
{
    pause();
    moveTo(m_timeline.nextEvent(m_timeNs));
}

void ReplayClock::stepBack()
{
    pause();
    moveTo(m_timeline.previousEvent(m_timeNs));
}

void ReplayClock::seek(qint64 ns)
{
    moveTo(ns);
    anchor();
}

void ReplayClock::setSpeed(double speed)
{
    speed = std::clamp(speed, MinSpeed, MaxSpeed);
    if (speed == m_speed)
        return;
    // Catch up at the old speed first, so the change applies from now on and time does not jump.
    if (m_playing)
        advance();
    m_speed = speed;
    anchor();
    Q_EMIT speedChanged(speed);
}

void ReplayClock::advance()
{
    if (!m_playing)
        return;
    const double elapsed = double(m_wallClock() - m_anchorWallNs);
    const qint64 target = m_anchorTimeNs + qint64(std::llround(elapsed * m_speed));
    moveTo(target);
    if (m_timeNs >= endNs())
        pause();
}

void ReplayClock::moveTo(qint64 ns, bool announce)
{
    ns = std::clamp<qint64>(ns, 0, endNs());
    if (ns == m_timeNs && !announce)
        return;
    m_timeNs = ns;
    Q_EMIT timeChanged(ns);
    const ReplaySnapshot focused = snapshot(m_focusRun);
    Q_EMIT activityChanged(focused.waiting, focused.inFlight, focused.delaying);
}

void ReplayClock::anchor()
{
    m_anchorWallNs = m_wallClock();
    m_anchorTimeNs = m_timeNs;
}
