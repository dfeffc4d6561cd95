#include "proxyconnection.h"

#include "core/clock.h"
#include "proxyexchange.h"
#include "proxytunnel.h"
#include "recorder/recorder.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QTcpSocket>

#include <array>

namespace {

bool isForwardedMethod(QByteArrayView method)
{
    static constexpr std::array<QByteArrayView, 7> Methods {"GET",    "HEAD",    "POST", "PUT",
                                                            "DELETE", "OPTIONS", "PATCH"};
    return std::find(Methods.begin(), Methods.end(), method) != Methods.end();
}

QByteArray reasonPhrase(int status)
{
    return status == 501 ? "Not Implemented" : "Bad Request";
}

} // namespace

ProxyConnection::ProxyConnection(QTcpSocket *socket, int connectionId, ManagerPool *pool, Recorder *recorder,
                                 const CaptureSettings &settings, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_id(connectionId)
    , m_pool(pool)
    , m_recorder(recorder)
    , m_settings(settings)
    , m_parser(settings.maxHeadBytes)
{
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(m_socket, &QTcpSocket::readyRead, this, &ProxyConnection::readClient);
    connect(m_socket, &QTcpSocket::disconnected, this, &ProxyConnection::onClientGone);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this] {
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            onClientGone();
    });
    readClient();
}

ProxyConnection::~ProxyConnection()
{
    // Explicitly, while the recorder and the pool are certainly alive: each records how it ended.
    delete m_exchange.data();
    delete m_tunnel.data();
}

void ProxyConnection::readClient()
{
    if (m_tunnel || m_closing)
        return;
    m_buffer += m_socket->readAll();
    if (!m_exchange)
        parse();
}

void ProxyConnection::parse()
{
    while (!m_exchange && !m_tunnel && !m_closing && !m_buffer.isEmpty()) {
        const qint64 start = Clock::nowNs();
        const RequestParser::Result result = m_parser.feed(m_buffer);
        m_parseNs += Clock::nowNs() - start;
        switch (result) {
        case RequestParser::Result::NeedMore:
            m_buffer.clear(); // the parser has taken what it needs of them
            return;
        case RequestParser::Result::Error: {
            // The stream cannot be followed past a bad head, so the connection closes after the answer.
            RequestHead head = m_parser.head();
            refuse(m_parser.errorIsUnsupportedMethod() ? 501 : 400, m_parser.error(), {}, head);
            return;
        }
        case RequestParser::Result::Complete: {
            m_buffer.remove(0, m_parser.consumed());
            RequestHead head = m_parser.head();
            const qint64 ownNs = m_parseNs;
            m_parser.reset();
            m_parseNs = 0;
            handle(std::move(head), ownNs);
            break;
        }
        }
    }
}

int ProxyConnection::addRecord(const QUrl &url, const RequestHead &head)
{
    const int id = m_recorder->add(HeaderRedaction::url(url, m_settings.keepSecrets));
    RequestRecord &record = m_recorder->edit(id);
    record.method = QString::fromLatin1(head.method);
    record.connection = m_id;
    record.reusedConnection = m_requests > 0;
    record.requestHeaders = HeaderRedaction::headerLines(head.headers, m_settings.keepSecrets);
    ++m_requests;
    return id;
}

void ProxyConnection::handle(RequestHead head, qint64 ownNs)
{
    if (head.method == "CONNECT") {
        QUrl url;
        url.setScheme(QStringLiteral("https"));
        url.setAuthority(QString::fromLatin1(head.target));
        if (!url.isValid() || url.host().isEmpty() || url.port() <= 0 || !url.path().isEmpty()) {
            refuse(400, tr("CONNECT needs host:port, not \"%1\"").arg(QString::fromLatin1(head.target)), {},
                   head);
            return;
        }
        const quint16 port = quint16(url.port());
        if (port == 443)
            url.setPort(-1);
        const int id = addRecord(url, head);
        RequestRecord &record = m_recorder->edit(id);
        record.role = RequestRole::Tunnel;
        record.proxyNs = ownNs;
        disconnect(m_socket, nullptr, this, nullptr);
        connect(m_socket, &QTcpSocket::disconnected, this, [this] {
            if (!m_tunnel)
                deleteLater();
        });
        m_tunnel = new ProxyTunnel(m_socket, m_recorder, id, url.host(), port, std::exchange(m_buffer, {}),
                                   m_settings.run.timeoutMs, this);
        connect(m_tunnel, &ProxyTunnel::closed, this, &QObject::deleteLater);
        m_tunnel->start();
        return;
    }
    if (!isForwardedMethod(head.method)) {
        refuse(501, tr("method %1 is not forwarded").arg(QString::fromLatin1(head.method)), {}, head);
        return;
    }
    if (head.target.startsWith('/') || head.target == "*") {
        refuse(400,
               tr("origin-form request \"%1\": this is a proxy, so the request line needs the whole URL "
                  "(GET http://host/path)")
                   .arg(QString::fromLatin1(head.target)),
               {}, head);
        return;
    }
    const QUrl url = QUrl::fromEncoded(head.target, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        refuse(400, tr("bad request-target \"%1\"").arg(QString::fromLatin1(head.target)), {}, head);
        return;
    }
    if (url.scheme() != QLatin1String("http")) {
        refuse(501,
               tr("scheme %1 is not forwarded: HTTPS goes through CONNECT, and is never looked into")
                   .arg(url.scheme()),
               url, head);
        return;
    }
    if (head.hasBody) {
        refuse(501, tr("request bodies are not forwarded yet"), url, head);
        return;
    }
    // A request to the proxy itself would loop back in until every descriptor was spent.
    const QHostAddress address(url.host());
    if ((address.isLoopback() || url.host() == QLatin1String("localhost"))
        && url.port(80) == m_socket->localPort()) {
        refuse(400, tr("the request is for the proxy itself"), url, head);
        return;
    }

    const int id = addRecord(url, head);
    m_exchange = new ProxyExchange(m_socket, m_pool, m_recorder, m_settings, id, std::move(head), this);
    connect(m_exchange, &ProxyExchange::finished, this, &ProxyConnection::onExchangeFinished);
    m_exchange->start(ownNs);
}

void ProxyConnection::refuse(int status, const QString &reason, const QUrl &url, const RequestHead &head)
{
    QUrl recorded = url;
    if (!recorded.isValid() || recorded.isEmpty()) {
        // Something to show the row by: the proxy's own address, with the target as it came.
        recorded.setScheme(QStringLiteral("http"));
        recorded.setHost(QStringLiteral("127.0.0.1"));
        recorded.setPort(m_socket->localPort());
    }
    const int id = addRecord(recorded, head);
    m_recorder->mark(id, Mark::Issued);
    m_recorder->mark(id, Mark::Finished);
    RequestRecord &record = m_recorder->edit(id);
    if (record.method.isEmpty())
        record.method = QStringLiteral("?");
    record.status = status;
    record.outcome = Outcome::Failed;
    record.error = tr("refused with %1: %2").arg(status).arg(reason);
    record.proxyNs = m_parseNs;

    const QByteArray body = reason.toUtf8() + '\n';
    m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
                    + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
                    + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    m_closing = true;
    m_buffer.clear();
    m_socket->disconnectFromHost();
}

void ProxyConnection::onExchangeFinished(bool keepAlive)
{
    if (m_exchange)
        m_exchange->deleteLater();
    m_exchange = nullptr;
    if (!keepAlive) {
        m_closing = true;
        m_socket->disconnectFromHost();
        return;
    }
    m_buffer += m_socket->readAll();
    parse();
}

void ProxyConnection::onClientGone()
{
    if (m_exchange)
        m_exchange->cancel(tr("the client closed its connection"));
    deleteLater();
}
