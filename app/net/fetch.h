#pragma once

#include "core/runsettings.h"

#include <QByteArray>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QUrl>

/// What the crawler reads from a response besides its record.
struct FetchResponse
{
    QByteArray body; // with RunSettings::keepBodies, an HTML page's or a robots.txt's; otherwise empty
    QUrl location; // the Location of a redirect the fetch did not follow, resolved against the request URL
    QByteArray retryAfter; // the Retry-After header as sent
};

Q_DECLARE_METATYPE(FetchResponse)

class QNetworkAccessManager;
class QNetworkReply;
class Recorder;

/// One HTTP GET, from the moment it is issued to the network until it is done, stamping each phase into the
/// recorder as the reply reports it. It enforces the per-request limits (transfer timeout, body cap,
/// redirect count and schemes) and tells timeouts, limits, HTTP errors and cancellation apart.
class Fetch : public QObject
{
    Q_OBJECT

public:
    /// Above this many decompressed bytes Qt checks the compression ratio, to stop gzip bombs.
    static constexpr qint64 DecompressionCheckThreshold = 10LL * 1024 * 1024;

    Fetch(QNetworkAccessManager *manager, Recorder *recorder, int id, const RunSettings &settings,
          QObject *parent = nullptr);
    ~Fetch() override;

    /// Marks the request issued and sends it.
    void start();
    /// Aborts the request and records it as cancelled. finished() follows synchronously.
    void cancel();

    int id() const { return m_id; }
    QNetworkAccessManager *manager() const { return m_manager; }
    /// Complete once finished() was emitted.
    const FetchResponse &response() const { return m_response; }

Q_SIGNALS:
    void finished(int id);

private:
    void onMetaDataChanged();
    void onReadyRead();
    void onRedirected(const QUrl &url);
    void onFinished();
    void abortWith(QString reason, bool cancelled = false);

    QNetworkAccessManager *m_manager;
    Recorder *m_recorder;
    int m_id;
    RunSettings m_settings;
    QPointer<QNetworkReply> m_reply;
    FetchResponse m_response;
    bool m_keepBody = false; // keepBodies, and a body worth keeping: decided by the response's headers
    qint64 m_bytes = 0;
    int m_redirects = 0;
    QString m_abortReason;
    bool m_cancelled = false;
    bool m_done = false;
};
