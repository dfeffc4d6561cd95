#include "demoserver.h"

#include "demolistener.h"

#include <QThread>

#include <mutex>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

namespace {

// Thousands of connections need twice as many descriptors in a process that is its own client, and the
// usual soft limit of 1024 would make accept() fail long before that.
void raiseFileLimit()
{
#ifdef Q_OS_UNIX
    static std::once_flag once;
    std::call_once(once, [] {
        rlimit limit {};
        if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
            limit.rlim_cur = limit.rlim_max;
            setrlimit(RLIMIT_NOFILE, &limit);
        }
    });
#endif
}

} // namespace

DemoServer::DemoServer(QObject *parent)
    : QObject(parent)
{ }

DemoServer::~DemoServer()
{
    stop();
}

bool DemoServer::start(quint16 port, QString *error)
{
    if (isRunning()) {
        if (error)
            *error = tr("already listening on 127.0.0.1 port %1").arg(m_port);
        return false;
    }
    raiseFileLimit();

    auto thread = std::make_unique<QThread>();
    thread->setObjectName(QStringLiteral("DemoServer"));
    auto *listener = new DemoListener(DemoRouter(m_seed), m_openConnections);
    listener->moveToThread(thread.get());
    // QThread deletes deferred objects as it finishes, so the listener and its connections die on their
    // own thread, before wait() returns.
    connect(thread.get(), &QThread::finished, listener, &QObject::deleteLater);
    thread->start();

    bool listening = false;
    QString reason;
    quint16 boundPort = 0;
    QMetaObject::invokeMethod(
        listener,
        [&] {
            listening = listener->listenOnLoopback(port);
            reason = listener->errorString();
            boundPort = listener->serverPort();
        },
        Qt::BlockingQueuedConnection);

    if (!listening) {
        thread->quit();
        thread->wait();
        if (error)
            *error = tr("cannot listen on 127.0.0.1 port %1: %2").arg(port).arg(reason);
        return false;
    }
    m_thread = std::move(thread);
    m_port = boundPort;
    return true;
}

void DemoServer::stop()
{
    if (!m_thread)
        return;
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
    m_port = 0;
}

QUrl DemoServer::baseUrl() const
{
    if (!isRunning())
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    return url;
}

std::optional<qint64> DemoServer::plannedLatencyNs(const QUrl &url) const
{
    if (!isRunning() || url.scheme() != QLatin1String("http") || url.port(80) != m_port
        || (url.host() != QLatin1String("127.0.0.1") && url.host() != QLatin1String("localhost")))
        return std::nullopt;
    const std::optional<int> ms = DemoRouter::plannedDelayMs(
        url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment), m_seed);
    if (!ms)
        return std::nullopt;
    return qint64(*ms) * 1'000'000;
}
