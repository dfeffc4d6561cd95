#include "lagprobe.h"

#include <algorithm>

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
    m_sinceLast.start();
    m_timer.start();
}

void LagProbe::stop()
{
    m_timer.stop();
    std::sort(m_lateMs.begin(), m_lateMs.end());
}

void LagProbe::onTimeout()
{
    m_lateMs.push_back(std::max(0.0, double(m_sinceLast.nsecsElapsed()) / 1e6 - m_intervalMs));
    m_sinceLast.restart();
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
    return m_lateMs.empty() ? 0.0 : m_lateMs.back();
}
