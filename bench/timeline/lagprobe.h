#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <vector>

/// A precise timer on the GUI thread that notes how late the event loop serves it each time: the lag a user
/// feels as a frozen window. A stall of one second shows as one sample of about a second.
class LagProbe : public QObject
{
    Q_OBJECT

public:
    explicit LagProbe(int intervalMs = 5, QObject *parent = nullptr);

    void start();
    void stop();

    /// The p-quantile (0..1) of the samples in ms, 0 without samples.
    double percentileMs(double p) const;
    double maxMs() const;
    /// When the longest stall ended, in ms since start().
    double maxAtMs() const { return m_maxAtMs; }
    int samples() const { return int(m_lateMs.size()); }
    /// The most CPU time the GUI thread spent between two samples: the longest stall of its own making,
    /// whatever else the machine runs (the lag above also counts time the OS gave to other processes).
    double maxCpuMs() const { return m_maxCpuMs; }
    double maxCpuAtMs() const { return m_maxCpuAtMs; }

private:
    void onTimeout();

    int m_intervalMs;
    QTimer m_timer;
    QElapsedTimer m_sinceLast;
    QElapsedTimer m_sinceStart;
    double m_maxMs = 0;
    double m_maxAtMs = 0;
    double m_maxCpuMs = 0;
    double m_maxCpuAtMs = 0;
    qint64 m_lastCpuNs = 0;
    std::vector<double> m_lateMs;
};
