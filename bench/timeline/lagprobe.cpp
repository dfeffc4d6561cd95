#include "lagprobe.h"

#include <algorithm>

#include "cpuclock.h"

LagProbe::LagProbe(int intervalMs, QObject *parent)
    : QObject(parent)
    , m_intervalMs(intervalMs)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &LagProbe::onTimeout);
}

void LagProbe::start()
{
    m_lateMs.clear();
    m_maxMs = 0;
    m_maxAtMs = 0;
    m_maxCpuMs = 0;
    m_maxCpuAtMs = 0;
    m_lastCpuNs = CpuClock::threadNs();
    m_sinceStart.start();
    m_sinceLast.start();
    m_timer.start();
}

void LagProbe::stop()
{
    // A stall right before stop() would otherwise go unseen: the timer never got to fire after it.
    onTimeout();
    m_timer.stop();
    std::sort(m_lateMs.begin(), m_lateMs.end());
}

void LagProbe::onTimeout()
{
    const double late = std::max(0.0, double(m_sinceLast.nsecsElapsed()) / 1e6 - m_intervalMs);
    if (late >= m_maxMs) {
        m_maxMs = late;
        m_maxAtMs = double(m_sinceStart.nsecsElapsed()) / 1e6;
    }
    m_lateMs.push_back(late);
    m_sinceLast.restart();
    const qint64 cpuNs = CpuClock::threadNs();
    const double busyMs = double(cpuNs - m_lastCpuNs) / 1e6;
    m_lastCpuNs = cpuNs;
    if (busyMs >= m_maxCpuMs) {
        m_maxCpuMs = busyMs;
        m_maxCpuAtMs = double(m_sinceStart.nsecsElapsed()) / 1e6;
    }
}

double LagProbe::percentileMs(double p) const
{
    if (m_lateMs.empty())
        return 0.0;
    const auto index = std::min(m_lateMs.size() - 1, std::size_t(p * double(m_lateMs.size())));
    return m_lateMs[index];
}

double LagProbe::maxMs() const
{
    return m_maxMs;
}
