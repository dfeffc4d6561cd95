#include "proxytunnel.h"

#include "recorder/recorder.h"

#include <QCoreApplication>
#include <QTcpSocket>
#include <QTimer>

ProxyTunnel::ProxyTunnel(QTcpSocket *client, Recorder *recorder, int recordId, const QString &host,
                         quint16 port, QByteArray early, int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_server(new QTcpSocket(this))
    , m_recorder(recorder)
    , m_id(recordId)
    , m_host(host)
    , m_port(port)
    , m_early(std::move(early))
    , m_timeoutMs(timeoutMs)
{ }

ProxyTunnel::~ProxyTunnel()
{
    close(tr("the proxy stopped"));
}

void ProxyTunnel::start()
{
    // Neither side's socket may buffer more than the other can take: reading stops at the high-water mark.
    m_client->setReadBufferSize(HighWaterBytes);
    m_server->setReadBufferSize(HighWaterBytes);
    connect(m_server, &QTcpSocket::connected, this, &ProxyTunnel::onConnected);
    connect(m_server, &QTcpSocket::errorOccurred, this, [this] {
        if (!m_established)
            fail(m_server->errorString());
        else
            close();
    });
    connect(m_server, &QTcpSocket::disconnected, this, [this] { close(); });
    connect(m_client, &QTcpSocket::disconnected, this, [this] { close(); });
    connect(m_server, &QTcpSocket::readyRead, this, [this] { copy(m_server, m_client, m_down); });
    connect(m_client, &QTcpSocket::readyRead, this, [this] { copy(m_client, m_server, m_up); });
    connect(m_client, &QTcpSocket::bytesWritten, this, [this] { copy(m_server, m_client, m_down); });
    connect(m_server, &QTcpSocket::bytesWritten, this, [this] { copy(m_client, m_server, m_up); });

    QTimer::singleShot(m_timeoutMs, this, [this] {
        if (!m_established)
            fail(tr("timed out connecting to %1:%2 after %3 ms").arg(m_host).arg(m_port).arg(m_timeoutMs));
    });
    m_recorder->mark(m_id, Mark::Issued);
    m_recorder->mark(m_id, Mark::ConnectStarted);
    m_server->connectToHost(m_host, m_port);
}

void ProxyTunnel::onConnected()
{
    m_established = true;
    m_server->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_client->write("HTTP/1.1 200 Connection established\r\n\r\n");
    m_recorder->mark(m_id, Mark::RequestSent);
    RequestRecord &record = m_recorder->edit(m_id);
    record.status = 200;
    if (!m_early.isEmpty()) {
        m_up += m_early.size();
        m_server->write(m_early);
        m_early.clear();
    }
    copy(m_client, m_server, m_up);
}

void ProxyTunnel::copy(QTcpSocket *from, QTcpSocket *to, qint64 &counter)
{
    if (!m_established || m_done)
        return;
    while (from->bytesAvailable() > 0 && to->bytesToWrite() < HighWaterBytes) {
        const QByteArray chunk = from->read(HighWaterBytes);
        if (from == m_server && !m_firstByte) {
            m_firstByte = true;
            m_recorder->mark(m_id, Mark::FirstByte);
        }
        counter += chunk.size();
        to->write(chunk);
    }
}

void ProxyTunnel::fail(const QString &reason)
{
    if (m_done)
        return;
    m_client->write("HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: "
                    "close\r\nContent-Length: "
                    + QByteArray::number(reason.toUtf8().size() + 1) + "\r\n\r\n" + reason.toUtf8() + '\n');
    m_recorder->edit(m_id).status = 502;
    close(reason);
}

void ProxyTunnel::close(const QString &error)
{
    if (m_done)
        return;
    // What is still readable goes across before the close: a server's last bytes, a client's close_notify.
    copy(m_server, m_client, m_down);
    copy(m_client, m_server, m_up);
    m_done = true;
    m_recorder->mark(m_id, Mark::Finished);
    RequestRecord &record = m_recorder->edit(m_id);
    record.bytes = m_down;
    record.setBytesSent(m_up);
    record.finalUrl = record.url;
    if (!error.isEmpty() && !m_established) {
        record.outcome = Outcome::Failed;
        record.error = error;
    } else {
        record.outcome = Outcome::Ok;
        record.error.clear();
    }
    disconnect(m_server, nullptr, this, nullptr);
    disconnect(m_client, nullptr, this, nullptr);
    m_server->disconnectFromHost();
    m_client->disconnectFromHost();
    Q_EMIT closed();
}
