#pragma once

#include "capturesettings.h"
#include "http/requestparser.h"
#include "net/managerpool.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class QTcpSocket;
class Recorder;
class RequestBodyDevice;

/// One plain-HTTP request forwarded for a client: sent upstream through the manager pool (so nothing queues
/// out of sight), its response streamed back as it arrives, byte for byte (no redirect followed, no
/// decompression added or removed), under the run's timeout and body cap. A request body is sent as it
/// arrives (a device the connection feeds, with the client's Content-Length) or, when the client chunked it,
/// as the whole body the connection gathered under its cap. Stamps the record's phases, up to Finished when
/// the last byte is handed to the client, and the proxy's own time.
class ProxyExchange : public QObject
{
    Q_OBJECT

public:
    /// Above this many bytes waiting to go to the client, the exchange stops reading from upstream.
    static constexpr qint64 HighWaterBytes = 256 * 1024;

    ProxyExchange(QTcpSocket *client, ManagerPool *pool, Recorder *recorder, const CaptureSettings &settings,
                  int recordId, RequestHead head, QObject *parent = nullptr);
    ~ProxyExchange() override;

    /// Before start(): the request's body, streamed from body (length bytes, fed by the caller), or whole.
    void setBody(RequestBodyDevice *body, qint64 length);
    void setBody(const QByteArray &whole);
    /// ownNs: what the proxy already spent on the request (reading its head).
    void start(qint64 ownNs);
    /// Time the proxy spent on this request outside the exchange: reading a streamed body from the client.
    void addOwnTime(qint64 ns) { m_ownNs += ns; }
    /// Instead of start(): answers the client with status and reason, records recordError, and closes.
    void refuse(int status, const QString &recordError, const QString &reason);
    /// Stops it for good, recorded as cancelled with the reason; finished() is not emitted.
    void cancel(const QString &reason);

Q_SIGNALS:
    /// The response has left for the client. keepAlive: the client connection may carry another request.
    void finished(bool keepAlive);

private:
    class OwnTime;

    void onMetaDataChanged();
    void pump();
    void onReplyFinished();
    void onClientBytesWritten();
    void writeHead();
    void writeBody(const QByteArray &chunk);
    void failBeforeHead(int status, const QString &reason, const QString &recordError);
    QString clientStallReason() const;
    void abortUpstream(const QString &reason);
    void complete(bool notify = true);
    void releaseManager();
    void noteDelivery();
    void writeToClient(const QByteArray &bytes);

    QTcpSocket *m_client;
    ManagerPool *m_pool;
    Recorder *m_recorder;
    CaptureSettings m_settings;
    int m_id;
    RequestHead m_head;
    QUrl m_url;
    ManagerPool::Lease m_lease; // its manager is null when none is held
    QPointer<QNetworkReply> m_reply;
    qint64 m_ownNs = 0;
    qint64 m_bodyBytes = 0;
    qint64 m_headBytesOut = 0;
    QPointer<RequestBodyDevice> m_body;
    QByteArray m_wholeBody;
    qint64 m_bodyLength = -1; // request body bytes; -1 when there is none
    qint64 m_bytesSent = 0; // request body bytes sent upstream
    qint64 m_responseLength = -1; // the response's Content-Length, -1 when it has none
    qint64 m_lastWriteNs = -1; // when bytes were last handed to the client (on Clock::nowNs())
    bool m_delivered = false; // the client has the whole response
    bool m_headWritten = false;
    bool m_bodyless = false;
    bool m_chunked = false;
    bool m_closeDelimited = false;
    bool m_upstreamDone = false;
    bool m_truncated = false; // the client got a head and part of a body: its connection must close
    bool m_done = false;
    QString m_failure;
};
