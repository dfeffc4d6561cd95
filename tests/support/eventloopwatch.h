#pragma once

#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>

/// How long the GUI thread's event loop went without serving a timer, from construction on: what the tests
/// that keep work off the GUI thread hold to a generous bound. The gap still open when it is read counts too.
class EventLoopWatch
{
public:
    explicit EventLoopWatch(int intervalMs = 10)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(intervalMs);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] {
            m_largestGapMs = std::max(m_largestGapMs, m_sinceLast.restart());
            ++m_ticks;
        });
        m_sinceLast.start();
        m_timer.start();
    }

    qint64 largestGapMs() const { return std::max(m_largestGapMs, m_sinceLast.elapsed()); }
    int ticks() const { return m_ticks; }

private:
    QTimer m_timer;
    QElapsedTimer m_sinceLast;
    qint64 m_largestGapMs = 0;
    int m_ticks = 0;
};
