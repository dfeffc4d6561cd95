#pragma once

#include "core/runresult.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <vector>

class QTcpServer;
class QTcpSocket;
class Recorder;

/// Receives the Python tracer's events (resources/tracer/crawlscope_trace) and turns them into a run with
/// the phases of Crawlscope's own: the wait for a semaphore's permit (Queued to GateAcquired), the request
/// (Issued to Finished), and a sleep with the permit still held (Finished to DelayReleased), so the traced
/// lesson program is drawn as Crawlscope draws its own limited runs. Times are the tracer's monotonic
/// clock, which is Crawlscope's.
class TraceReceiver : public QObject
{
    Q_OBJECT

public:
    struct Stats
    {
        int requests = 0;
        int waits = 0; // acquires that had to wait for a permit
        int sleeps = 0;
        int sleepsInPermit = 0; // sleeps with a semaphore held
        int semaphoreValue = 0; // the largest semaphore created, 0 for none
    };

    /// How long a capture waits, after the program exits, for its tracer connections to close.
    static constexpr int DrainMs = 5000;

    explicit TraceReceiver(Recorder *recorder, int runId, QObject *parent = nullptr);
    ~TraceReceiver() override;

    /// Begins the recorder's run now, so that it shares its zero with a capture started at the same time.
    bool listen(QString *error = nullptr);
    /// "127.0.0.1:PORT", the value for $CRAWLSCOPE_TRACE.
    QString address() const;
    /// Ends the run: requests still open are finished now, and the run's mode and gate are set from what the
    /// program used (a semaphore of k: limited k; none: sequential or gather, by what overlapped).
    void finish();

    bool wasActive() const { return m_active; }
    /// Tracer connections not yet closed. After the program exits, its last events may still be on the way
    /// in them; they are all read once each has closed.
    int openConnections() const { return m_open; }
    /// At most MaxProblems of them, then how many more there were.
    QStringList problems() const;
    const Stats &stats() const { return m_stats; }

    /// Where the tracer's package is: $CRAWLSCOPE_TRACER_DIR, the installed share/crawlscope/tracer, or the
    /// source tree's resources/tracer. Empty when none holds crawlscope_trace/__main__.py.
    static QString tracerDirectory();

    /// Adds what the proxy saw on the wire to the traced requests, which the libraries time only as a whole:
    /// each traced request is matched to a proxied one by method, URL and time (it must lie inside the traced
    /// one), and its connect, sent and first-byte marks are copied. proxyToTracedNs: add it to a proxy time
    /// to get the traced run's. Returns how many were matched.
    static int addWireTimings(RunResult &traced, const RunResult &proxied, qint64 proxyToTracedNs);

    /// A tracer event is one JSON line of a few hundred bytes; a longer line is dropped, not held.
    static constexpr qsizetype MaxEventBytes = 64 * 1024;
    static constexpr int MaxProblems = 50;

Q_SIGNALS:
    void tracerConnected();
    /// The last open tracer connection closed, and everything it sent was read.
    void connectionsClosed();

private:
    struct Task
    {
        qint64 waitNs = -1;
        qint64 acquiredNs = -1;
        qint64 acquiredSemaphore = 0;
        bool waited = false;
        int openRecord = -1; // the request that ended and may still hold the permit through a sleep
        bool sleptInPermit = false;
        QList<int> requests; // started, not yet ended
    };

    void accept();
    void read(QTcpSocket *socket);
    void handle(const QJsonObject &event);
    qint64 at(const QJsonObject &event, const char *key) const;
    void closeOpen(Task &task, qint64 releasedNs);
    void addProblem(const QString &problem);

    Recorder *m_recorder;
    int m_runId;
    QTcpServer *m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QSet<QTcpSocket *> m_skipping; // dropping the rest of a line over MaxEventBytes
    QHash<QString, Task> m_tasks;
    QHash<qint64, int> m_semaphores; // id -> initial value
    bool m_active = false;
    bool m_finished = false;
    int m_open = 0;
    QStringList m_problems;
    int m_problemsLeftOut = 0;
    Stats m_stats;
    std::vector<qint64> m_sleepMs;
};
