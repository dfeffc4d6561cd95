#include "demoserver.h"

#include "demoloop.h"

#include "core/filelimit.h"

#include <cerrno>
#include <cstring>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

constexpr int ListenBacklog = 4096;

} // namespace

QString DemoServer::socketErrorText(int code)
{
    switch (code) {
    case EADDRINUSE:
        return tr("the port is already in use");
    case EACCES:
        return tr("permission denied; ports below 1024 need privileges");
    case EMFILE:
    case ENFILE:
        return tr("too many open files");
    default:
        return tr("system error %1 (%2)").arg(code).arg(QString::fromLocal8Bit(std::strerror(code)));
    }
}

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
    // Thousands of connections need twice as many descriptors in a process that is its own client.
    FileLimit::raise();

    const auto fail = [&](int code, int listener) {
        if (listener >= 0)
            ::close(listener);
        if (error)
            *error = tr("cannot listen on 127.0.0.1 port %1: %2").arg(port).arg(socketErrorText(code));
        return false;
    };
    const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (listener < 0)
        return fail(errno, -1);
    // As QTcpServer does: a port whose last connections are still in TIME_WAIT can be listened on again.
    const int on = 1;
    ::setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    // The usual backlog of 50 drops SYNs when a thousand clients connect at once, and every dropped SYN
    // costs its client a one-second retransmit that would show up as fake latency.
    if (::bind(listener, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0
        || ::listen(listener, ListenBacklog) != 0)
        return fail(errno, listener);
    socklen_t length = sizeof address;
    if (::getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length) != 0)
        return fail(errno, listener);
    const quint16 boundPort = ntohs(address.sin_port);

    auto loop = std::make_unique<DemoLoop>(listener, boundPort, m_seed, m_openConnections);
    if (!loop->isValid())
        return fail(loop->error(), -1); // the loop owns the listener and closed it
    m_thread = std::thread([loop = loop.get()] {
        ::pthread_setname_np(::pthread_self(), "DemoServer");
        loop->run();
    });
    m_loop = std::move(loop);
    m_port = boundPort;
    m_servingSeed = m_seed;
    return true;
}

void DemoServer::stop()
{
    if (!m_loop)
        return;
    m_loop->stop();
    m_thread.join();
    m_loop.reset(); // closes the listener and every connection
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
        url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment), m_servingSeed);
    if (!ms)
        return std::nullopt;
    return qint64(*ms) * 1'000'000;
}
