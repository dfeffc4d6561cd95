#include "fetch.h"

#include "recorder/recorder.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

Fetch::Fetch(QNetworkAccessManager *manager, Recorder *recorder, int id, const RunSettings &settings,
             QObject *parent)
    : QObject(parent)
    , m_manager(manager)
    , m_recorder(recorder)
    , m_id(id)
    , m_settings(settings)
{ }

Fetch::~Fetch()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void Fetch::start()
{
    const QUrl url = m_recorder->record(m_id).url;
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::UserAgentHeader, m_settings.userAgent);
    request.setTransferTimeout(m_settings.timeoutMs);
    // A crawl follows redirects itself, so each hop is a request of its own and de-duplicated like a link.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         m_settings.crawl.enabled ? QNetworkRequest::ManualRedirectPolicy
                                                  : QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(m_settings.maxRedirects);
    request.setDecompressedSafetyCheckThreshold(DecompressionCheckThreshold);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);

    m_recorder->mark(m_id, Mark::Issued);
    m_reply = m_manager->get(request);
    connect(m_reply, &QNetworkReply::socketStartedConnecting, this, [this] {
        if (!m_recorder->record(m_id).reached(Mark::ConnectStarted))
            m_recorder->mark(m_id, Mark::ConnectStarted);
    });
    connect(m_reply, &QNetworkReply::requestSent, this, [this] {
        if (!m_recorder->record(m_id).reached(Mark::RequestSent))
            m_recorder->mark(m_id, Mark::RequestSent);
    });
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &Fetch::onMetaDataChanged);
    connect(m_reply, &QNetworkReply::readyRead, this, &Fetch::onReadyRead);
    connect(m_reply, &QNetworkReply::redirected, this, &Fetch::onRedirected);
    connect(m_reply, &QNetworkReply::finished, this, &Fetch::onFinished);
}

void Fetch::cancel()
{
    abortWith(tr("cancelled"), true);
}

void Fetch::onMetaDataChanged()
{
    // Redirect hops report headers too; the last headers are the final response's, so the mark moves on.
    m_recorder->mark(m_id, Mark::FirstByte);
    // Only HTML pages are read for links (and robots.txt for rules); any other body is counted, not kept.
    const RequestRecord &record = m_recorder->record(m_id);
    m_keepBody = m_settings.keepBodies
        && (record.role == RequestRole::Robots
            || isHtmlContentType(m_reply->header(QNetworkRequest::ContentTypeHeader).toString()));
    if (!m_keepBody)
        m_response.body.clear();
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    if (length.isValid() && length.toLongLong() > m_settings.maxBodyBytes) {
        abortWith(tr("body of %1 bytes exceeds the limit of %2 bytes")
                      .arg(length.toLongLong())
                      .arg(m_settings.maxBodyBytes));
    }
}

void Fetch::onReadyRead()
{
    const QByteArray chunk = m_reply->readAll();
    m_bytes += chunk.size();
    if (m_bytes > m_settings.maxBodyBytes) {
        abortWith(tr("body exceeds the limit of %1 bytes").arg(m_settings.maxBodyBytes));
        return;
    }
    if (m_keepBody)
        m_response.body += chunk;
}

void Fetch::onRedirected(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https")) {
        abortWith(tr("redirect to unsupported scheme \"%1\" (%2)").arg(scheme, url.toDisplayString()));
        return;
    }
    ++m_redirects;
}

void Fetch::abortWith(QString reason, bool cancelled)
{
    if (m_done || !m_reply)
        return;
    m_abortReason = std::move(reason);
    m_cancelled = cancelled;
    m_reply->abort();
    if (!m_done)
        onFinished(); // in case this Qt version reports the abort later
}

void Fetch::onFinished()
{
    if (m_done)
        return;
    m_done = true;
    if (m_reply->bytesAvailable() > 0)
        onReadyRead();

    m_recorder->mark(m_id, Mark::Finished);
    RequestRecord &record = m_recorder->edit(m_id);
    record.finalUrl = m_reply->url();
    record.redirects = m_redirects;
    record.bytes = m_bytes;
    record.status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (const QByteArray location = m_reply->rawHeader("Location"); !location.isEmpty())
        m_response.location = record.url.resolved(QUrl::fromEncoded(location));
    m_response.retryAfter = m_reply->rawHeader("Retry-After");
    record.contentType = m_reply->header(QNetworkRequest::ContentTypeHeader).toString();
    // Qt 6.4 joins a header's values across redirect hops ("text/html, text/html"); the final response's
    // value comes last.
    if (const auto comma = record.contentType.lastIndexOf(QLatin1String(", ")); m_redirects > 0 && comma >= 0)
        record.contentType = record.contentType.mid(comma + 2);

    const auto error = m_reply->error();
    if (m_cancelled) {
        record.outcome = Outcome::Cancelled;
        record.error = m_abortReason;
    } else if (!m_abortReason.isEmpty()) {
        record.outcome = Outcome::Failed;
        record.error = m_abortReason;
    } else if (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError) {
        // We did not abort it, so Qt's transfer timeout did.
        record.outcome = Outcome::Failed;
        record.error = tr("timed out: no data for %1 ms").arg(m_settings.timeoutMs);
    } else if (record.status >= 400) {
        record.outcome = Outcome::HttpError;
        record.error = QStringLiteral("HTTP %1 %2")
                           .arg(record.status)
                           .arg(m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
    } else if (error != QNetworkReply::NoError || record.status == 0) {
        record.outcome = Outcome::Failed;
        record.error = m_reply->errorString();
    } else {
        record.outcome = Outcome::Ok;
    }

    m_reply->disconnect(this);
    m_reply->deleteLater();
    m_reply = nullptr;
    Q_EMIT finished(m_id);
}
