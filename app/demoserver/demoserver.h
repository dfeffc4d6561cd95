#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

#include <atomic>
#include <memory>
#include <optional>
#include <thread>

class DemoLoop;

/// The built-in demo HTTP server of ENDPOINTS.md. It listens on 127.0.0.1 only and serves from a thread
/// of its own (DemoLoop), so its work does not distort the timing of a client on the main thread of the same
/// process.
class DemoServer : public QObject
{
    Q_OBJECT

public:
    explicit DemoServer(QObject *parent = nullptr);
    ~DemoServer() override;

    /// Blocks until the server listens or failed; port 0 picks a free port. The error names the port and
    /// reads as a clause ("cannot listen on 127.0.0.1 port 8080: ..."), for callers to prefix.
    bool start(quint16 port = 0, QString *error = nullptr);
    /// Blocks until the thread has ended and every connection is closed.
    void stop();
    bool isRunning() const { return m_loop != nullptr; }
    quint16 port() const { return m_port; }
    QUrl baseUrl() const;

    /// Seeds the jitter of /delay/MIN-MAX (default 1); takes effect at the next start().
    void setSeed(quint64 seed) { m_seed = seed; }
    int openConnections() const { return m_openConnections.load(); }
    /// How long this server will take to answer url before anyone asks it (DemoRouter::plannedDelayMs), in
    /// nanoseconds; nothing for a URL of another server or one whose wait is not known in advance.
    std::optional<qint64> plannedLatencyNs(const QUrl &url) const;

private:
    /// Why a socket call failed, in the UI's language.
    static QString socketErrorText(int code);

    std::unique_ptr<DemoLoop> m_loop;
    std::thread m_thread;
    quint16 m_port = 0;
    quint64 m_seed = 1;
    quint64 m_servingSeed = 1; // the seed of the running server, which a later setSeed() does not change
    std::atomic<int> m_openConnections {0};
};
