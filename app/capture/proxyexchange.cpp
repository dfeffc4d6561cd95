#include "proxyexchange.h"

#include "core/clock.h"
#include "net/managerpool.h"
#include "recorder/recorder.h"
#include "requestbodydevice.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTcpSocket>

#include <array>

namespace {

// Hop-by-hop headers (RFC 9110 7.6.1) belong to one connection, never forwarded; Host comes from the URL.
bool isHopByHop(QByteArrayView name)
{
    static constexpr std::array<QByteArrayView, 10> Names {"connection",
                                                           "proxy-connection",
                                                           "keep-alive",
                                                           "proxy-authorization",
                                                           "proxy-authenticate",
                                                           "te",
                                                           "trailer",
                                                           "transfer-encoding",
                                                           "upgrade",
                                                           "host"};
    for (const QByteArrayView hop : Names) {
        if (name.compare(hop, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 400:
        return "Bad Request";
    case 408:
        return "Request Timeout";
    case 413:
        return "Content Too Large";
    case 502:
        return "Bad Gateway";
    case 504:
        return "Gateway Timeout";
    default:
        return "Error";
    }
}

} // namespace

/// Adds the time spent in one of the exchange's handlers to its own time.
class ProxyExchange::OwnTime
{
public:
    explicit OwnTime(qint64 &total)
        : m_total(total)
        , m_start(Clock::nowNs())
    { }
    ~OwnTime() { m_total += Clock::nowNs() - m_start; }
    OwnTime(const OwnTime &) = delete;
    OwnTime &operator=(const OwnTime &) = delete;

private:
    qint64 &m_total;
    qint64 m_start;
};

ProxyExchange::ProxyExchange(QTcpSocket *client, ManagerPool *pool, Recorder *recorder,
                             const CaptureSettings &settings, int recordId, RequestHead head, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_pool(pool)
    , m_recorder(recorder)
    , m_settings(settings)
    , m_id(recordId)
    , m_head(std::move(head))
    , m_url(QUrl::fromEncoded(m_head.target, QUrl::StrictMode))
{ }

ProxyExchange::~ProxyExchange()
{
    if (!m_done)
        cancel(tr("the proxy stopped"));
}

void ProxyExchange::setBody(RequestBodyDevice *body, qint64 length)
{
    m_body = body;
    m_bodyLength = length;
}

void ProxyExchange::setBody(const QByteArray &whole)
{
    m_wholeBody = whole;
    m_bodyLength = whole.size();
}

void ProxyExchange::start(qint64 ownNs)
{
    m_ownNs = ownNs;
    OwnTime own(m_ownNs);
    QNetworkRequest request(m_url);
    for (const auto &[name, value] : m_head.headers) {
        // Expect: 100-continue was answered by the proxy itself; a body's length is set below, for the body
        // as sent. A request without one keeps the client's own (a POST of Content-Length: 0 says so: some
        // servers answer 411 without it).
        if (isHopByHop(name) || name.compare("expect", Qt::CaseInsensitive) == 0
            || (m_bodyLength >= 0 && name.compare("content-length", Qt::CaseInsensitive) == 0))
            continue;
        const QByteArray previous = request.rawHeader(name);
        // Repeated fields are one list (RFC 9110 5.3), except Cookie, whose pairs are joined by "; ".
        const QByteArray separator = name.compare("cookie", Qt::CaseInsensitive) == 0 ? "; " : ", ";
        request.setRawHeader(name, previous.isEmpty() ? value : previous + separator + value);
    }
    // Qt decompresses only when it chose Accept-Encoding itself; naming one (the client's, or identity when
    // it named none) keeps the body exactly as the server sent it.
    if (request.rawHeader("Accept-Encoding").isEmpty())
        request.setRawHeader("Accept-Encoding", "identity");
    request.setTransferTimeout(m_settings.run.timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    // The manager's cookie jar and authentication would change what the client sent.
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);

    if (m_bodyLength >= 0) {
        request.setHeader(QNetworkRequest::ContentLengthHeader, m_bodyLength);
        // With a length, Qt sends a sequential device as it is read; without this it would read it whole
        // first.
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
    }

    // The capture's pool has one lane: its requests go out as the client sent them.
    m_lease = m_pool->acquire(m_url);
    m_recorder->mark(m_id, Mark::Issued);
    if (m_body)
        m_reply = m_lease.manager->sendCustomRequest(request, m_head.method, m_body.data());
    else if (m_bodyLength >= 0)
        m_reply = m_lease.manager->sendCustomRequest(request, m_head.method, m_wholeBody);
    else if (m_head.method == "HEAD")
        m_reply = m_lease.manager->head(request);
    else if (m_head.method == "GET")
        m_reply = m_lease.manager->get(request);
    else
        m_reply = m_lease.manager->sendCustomRequest(request, m_head.method);
    m_reply->setReadBufferSize(HighWaterBytes);
    m_wholeBody = {}; // Qt holds its own copy now
    if (m_body)
        m_body->setParent(m_reply); // Qt reads it until the reply is gone

    connect(m_reply, &QNetworkReply::socketStartedConnecting, this, [this] {
        if (!m_recorder->record(m_id).reached(Mark::ConnectStarted))
            m_recorder->mark(m_id, Mark::ConnectStarted);
    });
    connect(m_reply, &QNetworkReply::requestSent, this, [this] {
        if (!m_recorder->record(m_id).reached(Mark::RequestSent))
            m_recorder->mark(m_id, Mark::RequestSent);
    });
    connect(m_reply, &QNetworkReply::uploadProgress, this,
            [this](qint64 sent, qint64) { m_bytesSent = std::max(m_bytesSent, sent); });
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &ProxyExchange::onMetaDataChanged);
    connect(m_reply, &QNetworkReply::readyRead, this, &ProxyExchange::pump);
    connect(m_reply, &QNetworkReply::finished, this, &ProxyExchange::onReplyFinished);
    connect(m_client, &QTcpSocket::bytesWritten, this, &ProxyExchange::onClientBytesWritten);
}

void ProxyExchange::refuse(int status, const QString &recordError, const QString &reason)
{
    m_recorder->mark(m_id, Mark::Issued);
    m_upstreamDone = true;
    m_head.keepAlive = false; // what the client sends next cannot be framed
    connect(m_client, &QTcpSocket::bytesWritten, this, &ProxyExchange::onClientBytesWritten);
    failBeforeHead(status, reason, recordError);
}

void ProxyExchange::onMetaDataChanged()
{
    OwnTime own(m_ownNs);
    if (m_headWritten || m_done)
        return;
    m_recorder->mark(m_id, Mark::FirstByte);
    qint64 headerBytes = 0;
    const auto headers = m_reply->rawHeaderPairs();
    for (const auto &[name, value] : headers)
        headerBytes += name.size() + value.size() + 4;
    if (headerBytes > m_settings.maxHeadBytes) {
        abortUpstream(tr("response headers of %1 bytes exceed the limit of %2 bytes")
                          .arg(headerBytes)
                          .arg(m_settings.maxHeadBytes));
        return;
    }
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    if (length.isValid() && length.toLongLong() > m_settings.run.maxBodyBytes) {
        abortUpstream(tr("body of %1 bytes exceeds the limit of %2 bytes")
                          .arg(length.toLongLong())
                          .arg(m_settings.run.maxBodyBytes));
        return;
    }
    writeHead();
}

void ProxyExchange::writeHead()
{
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray reason = m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    m_bodyless = m_head.method == "HEAD" || status == 204 || status == 304 || (status >= 100 && status < 200);
    const bool hasLength = m_reply->hasRawHeader("Content-Length");
    const bool http11 = m_head.versionMajor == 1 && m_head.versionMinor >= 1;
    m_chunked = !m_bodyless && !hasLength && http11;
    if (hasLength)
        m_responseLength = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
    m_closeDelimited = !m_bodyless && !hasLength && !http11;

    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    const auto headers = m_reply->rawHeaderPairs();
    for (const auto &[name, value] : headers) {
        if (isHopByHop(name))
            continue;
        // Qt joins repeated Set-Cookie fields with newlines; each goes back on a line of its own.
        const QList<QByteArray> values = name.compare("set-cookie", Qt::CaseInsensitive) == 0
            ? value.split('\n')
            : QList<QByteArray> {value};
        for (const QByteArray &one : values)
            head += name + ": " + one + "\r\n";
    }
    if (m_chunked)
        head += "Transfer-Encoding: chunked\r\n";
    const bool keepAlive = m_head.keepAlive && !m_closeDelimited;
    head += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
    writeToClient(head);
    m_headBytesOut = head.size();
    m_headWritten = true;
    noteDelivery();

    RequestRecord &record = m_recorder->edit(m_id);
    record.status = RequestRecord::statusFrom(status);
    record.contentType = m_reply->header(QNetworkRequest::ContentTypeHeader).toString();
}

void ProxyExchange::pump()
{
    OwnTime own(m_ownNs);
    if (!m_headWritten || m_done || !m_reply)
        return;
    while (m_reply->bytesAvailable() > 0 && (m_upstreamDone || m_client->bytesToWrite() < HighWaterBytes)) {
        const QByteArray chunk = m_reply->read(HighWaterBytes);
        m_bodyBytes += chunk.size();
        if (m_bodyBytes > m_settings.run.maxBodyBytes) {
            abortUpstream(tr("body exceeds the limit of %1 bytes").arg(m_settings.run.maxBodyBytes));
            return;
        }
        writeBody(chunk);
    }
    noteDelivery();
}

void ProxyExchange::writeBody(const QByteArray &chunk)
{
    if (m_bodyless || chunk.isEmpty())
        return;
    if (m_chunked)
        writeToClient(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
    else
        writeToClient(chunk);
}

void ProxyExchange::onReplyFinished()
{
    OwnTime own(m_ownNs);
    if (m_done || !m_reply)
        return;
    m_upstreamDone = true;
    const auto error = m_reply->error();
    const bool timedOut
        = error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError;
    if (!m_headWritten && m_failure.isEmpty() && timedOut) {
        // Qt's transfer timeout cannot tell who stopped: a streamed body the client has not finished, all of
        // whose bytes have gone upstream, is the client's to send.
        if (const QString stall = clientStallReason(); !stall.isEmpty()) {
            m_head.keepAlive = false; // the rest of the body would come as the next request
            failBeforeHead(408, stall, stall);
            return;
        }
    }
    if (!m_headWritten && m_failure.isEmpty() && error == QNetworkReply::ContentReSendError) {
        // Qt resends a request when the server closed a kept-alive connection under it; a streamed body
        // can be rewound only while the proxy still holds all of it.
        const QString why
            = tr("the server closed its kept-alive connection before answering, and the request body could "
                 "not be sent again on a new one: the proxy keeps only a body's first %1 bytes for that, and "
                 "this one has %2")
                  .arg(RequestBodyDevice::ReplayBytes)
                  .arg(m_bodyLength);
        failBeforeHead(502, why, why);
        return;
    }
    if (!m_headWritten && m_failure.isEmpty()) {
        const QString why = timedOut ? tr("timed out: no data for %1 ms").arg(m_settings.run.timeoutMs)
                                     : m_reply->errorString();
        failBeforeHead(timedOut ? 504 : 502, why, why);
        return;
    }
    if (!m_headWritten) {
        failBeforeHead(502, m_failure, m_failure);
        return;
    }
    if (m_failure.isEmpty()) {
        pump();
        if (m_done)
            return;
        // An error after the head (a timeout, a reset) leaves the client a short body: it must see a close.
        const int status = m_recorder->record(m_id).status;
        if (error != QNetworkReply::NoError && status < 400) {
            m_failure = timedOut ? tr("timed out: no data for %1 ms").arg(m_settings.run.timeoutMs)
                                 : m_reply->errorString();
            m_truncated = true;
        }
    }
    if (m_chunked && !m_truncated)
        writeToClient("0\r\n\r\n");
    releaseManager();
    onClientBytesWritten();
}

QString ProxyExchange::clientStallReason() const
{
    if (!m_body || m_body->isFinished() || m_body->held() > 0)
        return {};
    const qint64 idleMs = (Clock::nowNs() - m_body->lastReceivedNs()) / 1'000'000;
    return tr("the client sent %1 of the %2 request body bytes it announced, then nothing for %3 ms")
        .arg(m_body->received())
        .arg(m_bodyLength)
        .arg(idleMs);
}

void ProxyExchange::noteDelivery()
{
    // With a length or no body, the client has the whole response once its last byte has left, which can be
    // before Qt reports the reply finished; the client may then close or exit, and that is no cancellation.
    if (m_delivered || !m_headWritten || m_truncated || !m_failure.isEmpty() || m_client->bytesToWrite() > 0)
        return;
    if (m_bodyless || (m_responseLength >= 0 && m_bodyBytes == m_responseLength))
        m_delivered = true;
}

void ProxyExchange::writeToClient(const QByteArray &bytes)
{
    // Stamped before the write: the bytes reach the client after this, so a client's own clock (the tracer's)
    // can never see the response end before the proxy says it did, however late this process runs.
    m_lastWriteNs = Clock::nowNs();
    m_client->write(bytes);
}

void ProxyExchange::onClientBytesWritten()
{
    if (m_done)
        return;
    noteDelivery();
    if (!m_upstreamDone) {
        pump();
        return;
    }
    if (m_client->bytesToWrite() == 0)
        complete();
}

void ProxyExchange::abortUpstream(const QString &reason)
{
    m_failure = reason;
    if (m_headWritten)
        m_truncated = true;
    if (m_reply && !m_reply->isFinished())
        m_reply->abort(); // finished follows, and records it
}

void ProxyExchange::failBeforeHead(int status, const QString &reason, const QString &recordError)
{
    const QByteArray body = reason.toUtf8() + '\n';
    writeToClient("HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
                  + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
                  + QByteArray::number(body.size())
                  + "\r\nConnection: " + (m_head.keepAlive ? "keep-alive" : "close") + "\r\n\r\n" + body);
    RequestRecord &record = m_recorder->edit(m_id);
    record.status = RequestRecord::statusFrom(status);
    m_failure = recordError;
    m_headWritten = true;
    m_bodyless = true;
    releaseManager();
    onClientBytesWritten();
}

void ProxyExchange::complete(bool notify)
{
    m_done = true;
    disconnect(m_client, nullptr, this, nullptr);
    // Finished: when the last byte was handed to the client, which can be before Qt reports the reply done. A
    // failure ends when it happened.
    if (m_lastWriteNs >= 0 && m_failure.isEmpty() && !m_truncated)
        m_recorder->markAt(m_id, Mark::Finished, m_recorder->sinceStartNs(m_lastWriteNs));
    else
        m_recorder->mark(m_id, Mark::Finished);
    RequestRecord &record = m_recorder->edit(m_id);
    record.bytes = m_bodyBytes;
    record.setBytesSent(m_bytesSent);
    record.finalUrl = record.url;
    if (!m_failure.isEmpty()) {
        record.outcome = Outcome::Failed;
        record.error = m_failure;
    } else if (record.status >= 400) {
        record.outcome = Outcome::HttpError;
        record.error = QStringLiteral("HTTP %1").arg(record.status);
    } else {
        record.outcome = Outcome::Ok;
    }
    record.setProxyNs(m_ownNs);
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    if (notify)
        Q_EMIT finished(m_head.keepAlive && !m_closeDelimited && !m_truncated);
}

void ProxyExchange::cancel(const QString &reason)
{
    if (m_done)
        return;
    if (m_delivered && m_failure.isEmpty()) {
        // The client already has the whole response; only Qt's word that the reply ended had not come.
        if (m_reply) {
            m_reply->disconnect(this);
            m_reply->abort();
        }
        releaseManager();
        complete(false); // the connection is closing: it takes no next request
        return;
    }
    m_done = true;
    disconnect(m_client, nullptr, this, nullptr);
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    releaseManager();
    m_recorder->mark(m_id, Mark::Finished);
    RequestRecord &record = m_recorder->edit(m_id);
    record.bytes = m_bodyBytes;
    record.setBytesSent(m_bytesSent);
    record.outcome = Outcome::Cancelled;
    record.error = reason;
    record.setProxyNs(m_ownNs);
}

void ProxyExchange::releaseManager()
{
    if (m_lease.manager) {
        m_pool->release(m_lease, m_url);
        m_lease = {};
    }
}
