#include "fetch.h"

#include "core/clock.h"
#include "core/printable.h"
#include "recorder/recorder.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>

#include <algorithm>

Fetch::Fetch(QNetworkAccessManager *manager, Recorder *recorder, int id, const RunSettings &settings,
             QObject *parent)
    : QObject(parent)
    , m_manager(manager)
    , m_recorder(recorder)
    , m_id(id)
    , m_settings(settings)
{
    // Precise: a coarse timer may fire up to 5 % early, and a timeout must never fire before its time.
    for (QTimer *timer : {&m_idleTimer, &m_deadlineTimer}) {
        timer->setSingleShot(true);
        timer->setTimerType(Qt::PreciseTimer);
    }
    connect(&m_idleTimer, &QTimer::timeout, this, &Fetch::onIdleTimeout);
    connect(&m_deadlineTimer, &QTimer::timeout, this, &Fetch::onDeadline);
}

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
    request.setTransferTimeout(0); // ours: see the class comment
    // A crawl follows redirects itself, so each hop is a request of its own and de-duplicated like a link.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         m_settings.crawl.enabled ? QNetworkRequest::ManualRedirectPolicy
                                                  : QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(m_settings.maxRedirects);
    // Asked for by us, so Qt hands the body over as it came and the fetch decompresses it itself (Inflater).
    request.setRawHeader("Accept-Encoding", "gzip, deflate");
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);

    m_recorder->mark(m_id, Mark::Issued);
    m_issuedNs = m_lastActivityNs = Clock::nowNs();
    if (m_settings.timeoutMs > 0)
        m_idleTimer.start(m_settings.timeoutMs);
    if (const int deadline = m_settings.effectiveDeadlineMs(); deadline > 0)
        m_deadlineTimer.start(deadline);
    m_reply = m_manager->get(request);
    const auto markOnce = [this](Mark mark) {
        onActivity();
        if (!m_recorder->record(m_id).reached(mark))
            m_recorder->mark(m_id, mark);
    };
    connect(m_reply, &QNetworkReply::socketStartedConnecting, this,
            [markOnce] { markOnce(Mark::ConnectStarted); });
    connect(m_reply, &QNetworkReply::encrypted, this, [markOnce] { markOnce(Mark::Encrypted); });
    connect(m_reply, &QNetworkReply::requestSent, this, [markOnce] { markOnce(Mark::RequestSent); });
    // Certificate errors are never ignored: they end the request, and the record names them.
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        for (const QSslError &error : errors)
            m_sslErrors.append(error.errorString());
    });
    connect(m_reply, &QNetworkReply::downloadProgress, this, &Fetch::onActivity);
    connect(m_reply, &QNetworkReply::uploadProgress, this, &Fetch::onActivity);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &Fetch::onMetaDataChanged);
    connect(m_reply, &QNetworkReply::readyRead, this, &Fetch::onReadyRead);
    connect(m_reply, &QNetworkReply::redirected, this, &Fetch::onRedirected);
    connect(m_reply, &QNetworkReply::finished, this, &Fetch::onFinished);
}

void Fetch::cancel()
{
    abortWith(tr("cancelled"), true);
}

void Fetch::onActivity()
{
    // Only noted: the idle timer, when it fires, waits out what is left since the last activity. Restarting
    // it on every chunk would cost a timer registration per chunk.
    m_lastActivityNs = Clock::nowNs();
}

void Fetch::onIdleTimeout()
{
    if (m_done || !m_reply)
        return;
    if (m_reply->isFinished()) {
        onFinished(); // complete, only not yet reported: never a timeout
        return;
    }
    const qint64 idleMs = (Clock::nowNs() - m_lastActivityNs) / 1'000'000;
    if (idleMs < m_settings.timeoutMs) {
        m_idleTimer.start(int(m_settings.timeoutMs - idleMs));
        return;
    }
    // Qt reports nothing of a response until its whole header is in, so before that "no data" may be
    // untrue: a header can trickle in, or be too large for Qt to accept.
    if (!m_sawHeader)
        abortWith(tr("timed out: no complete response header within %1 ms").arg(m_settings.timeoutMs));
    else
        abortWith(tr("timed out: no data for %1 ms").arg(m_settings.timeoutMs));
}

void Fetch::onDeadline()
{
    if (m_done || !m_reply)
        return;
    if (m_reply->isFinished()) {
        onFinished();
        return;
    }
    const int deadline = m_settings.effectiveDeadlineMs();
    const qint64 elapsedMs = (Clock::nowNs() - m_issuedNs) / 1'000'000;
    if (elapsedMs < deadline) {
        m_deadlineTimer.start(int(deadline - elapsedMs));
        return;
    }
    abortWith(tr("deadline exceeded: not complete %1 ms after it was issued").arg(deadline));
}

void Fetch::onMetaDataChanged()
{
    onActivity();
    m_sawHeader = true;
    // Redirect hops report headers too; the last headers are the final response's, so the mark moves on.
    m_recorder->mark(m_id, Mark::FirstByte);
    qint64 headerBytes = 0;
    for (const auto &[name, value] : m_reply->rawHeaderPairs())
        headerBytes += name.size() + value.size() + 4; // "name: value\r\n"
    if (m_settings.maxHeaderBytes > 0 && headerBytes > m_settings.maxHeaderBytes) {
        abortWith(tr("response header of %1 bytes exceeds the limit of %2 bytes")
                      .arg(headerBytes)
                      .arg(m_settings.maxHeaderBytes));
        return;
    }
    // Only HTML pages are read for links (and robots.txt for rules); any other body is counted, not kept.
    const RequestRecord &record = m_recorder->record(m_id);
    m_keepBody = m_settings.keepBodies
        && (record.role == RequestRole::Robots
            || isHtmlContentType(m_reply->header(QNetworkRequest::ContentTypeHeader).toString()));
    if (!m_keepBody)
        m_response.body.clear();
    // A redirect hop's body was never read; the final response's encoding is the one that counts.
    m_inflater.begin(m_reply->rawHeader("Content-Encoding"));
    m_bytes = m_wireBytes = 0;
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    if (length.isValid() && length.toLongLong() > m_settings.maxBodyBytes) {
        abortWith(tr("body of %1 bytes exceeds the limit of %2 bytes")
                      .arg(length.toLongLong())
                      .arg(m_settings.maxBodyBytes));
    }
}

void Fetch::onReadyRead()
{
    onActivity();
    QByteArray chunk = m_reply->readAll();
    m_wireBytes += chunk.size();
    if (m_inflater.isActive()) {
        QString error;
        // Inflate no further than the first check below can stop: past the threshold and the ratio, or past
        // the body cap, whichever comes first.
        const qint64 bombAt = std::max(DecompressionCheckThreshold, MaxCompressionRatio * m_wireBytes);
        const qint64 room = std::min(bombAt, m_settings.maxBodyBytes) - m_bytes;
        chunk = m_inflater.feed(chunk, &error, std::max<qint64>(room, 0));
        if (!error.isEmpty()) {
            abortWith(error);
            return;
        }
    }
    m_bytes += chunk.size();
    if (m_inflater.isActive() && m_bytes > DecompressionCheckThreshold
        && m_bytes > MaxCompressionRatio * std::max<qint64>(m_wireBytes, 1)) {
        abortWith(tr("decompression stopped: %1 compressed bytes inflated to over %2 bytes, a ratio over %3 "
                     "to 1 that only a compression bomb has")
                      .arg(m_wireBytes)
                      .arg(m_bytes)
                      .arg(MaxCompressionRatio));
        return;
    }
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
        abortWith(tr("redirect to unsupported scheme \"%1\" (%2)")
                      .arg(printableText(scheme), printableText(url.toDisplayString())));
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
    m_idleTimer.stop();
    m_deadlineTimer.stop();
    m_reply->abort();
    if (!m_done)
        onFinished(); // in case this Qt version reports the abort later
}

void Fetch::onFinished()
{
    if (m_done)
        return;
    m_done = true;
    m_idleTimer.stop();
    m_deadlineTimer.stop();
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
    } else if (error == QNetworkReply::SslHandshakeFailedError || !m_sslErrors.isEmpty()) {
        record.outcome = Outcome::Failed;
        record.error = m_sslErrors.isEmpty() ? tr("TLS error: %1").arg(m_reply->errorString())
                                             : tr("TLS error: %1").arg(m_sslErrors.join(QLatin1String("; ")));
    } else if (const QUrl target = m_response.location; error != QNetworkReply::NoError
               && record.status >= 300 && record.status < 400 && target.isValid()
               && target.scheme() != QLatin1String("http") && target.scheme() != QLatin1String("https")) {
        // Qt refused to follow it before telling us (onRedirected): say why in our words.
        record.outcome = Outcome::Failed;
        record.error = tr("redirect to unsupported scheme \"%1\" (%2)")
                           .arg(printableText(target.scheme()), printableText(target.toDisplayString()));
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
