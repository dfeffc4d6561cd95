#include "fetch.h"

#include "baserequest.h"
#include "core/clock.h"
#include "core/printable.h"
#include "recorder/recorder.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>
#include <QThread>

#include <algorithm>
#include <limits>
#include <optional>
#include <utility>

Fetch::Fetch(ManagerPool *pool, ManagerPool::Lease lease, Recorder *recorder, int id,
             std::shared_ptr<const RunSettings> settings, Finished finished, QObject *parent)
    : QObject(parent)
    , m_pool(pool)
    , m_lease(lease)
    , m_recorder(recorder)
    , m_id(id)
    , m_settings(std::move(settings))
    , m_finished(std::move(finished))
{
    s_existing.fetch_add(1, std::memory_order_relaxed);
}

Fetch::~Fetch()
{
    s_existing.fetch_sub(1, std::memory_order_relaxed);
    if (m_reply) {
        m_reply->disconnect(this);
        if (!m_done)
            m_reply->abort();
        m_reply->deleteLater();
    }
}

void Fetch::disposeReply()
{
    Q_ASSERT(m_done);
    QNetworkReply *reply = m_reply.data(); // null if its manager went first, and the reply with it
    m_reply = nullptr;
    delete reply;
}

FinishedFetches::FinishedFetches(QObject *parent)
    : QObject(parent)
    , m_loopLevel(QThread::currentThread()->loopLevel())
{
    deleteLater();
}

FinishedFetches::~FinishedFetches()
{
    for (Fetch *fetch : m_fetches) {
        fetch->disposeReply();
        delete fetch;
    }
}

bool FinishedFetches::sameLoop() const
{
    return QThread::currentThread()->loopLevel() == m_loopLevel;
}

namespace {

/// A header field's name, as QNetworkReply::rawHeader() matches it: case-insensitively.
bool isField(const QByteArray &name, QByteArrayView wanted)
{
    return name.size() == wanted.size() && name.compare(wanted, Qt::CaseInsensitive) == 0;
}

/// The statuses Qt 6.4 follows as redirects.
bool isRedirectStatus(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 305 || status == 307 || status == 308;
}

/// Everything of a request but its URL, built once for the settings of a run: setting the header and
/// attributes again for each request cost as much as all the rest the fetch adds to QNAM's own work.
const QNetworkRequest &requestTemplate(const RunSettings &settings)
{
    struct Template
    {
        QByteArray userAgent;
        QNetworkRequest request;
    };
    thread_local std::optional<Template> cached;
    if (cached && cached->userAgent == settings.userAgent)
        return cached->request;
    cached = Template {settings.userAgent, baseRequest(settings.userAgent)};
    return cached->request;
}

/// The fields of a response the fetch reads, each the first of its name.
struct ResponseFields
{
    QByteArray location;
    QByteArray retryAfter;
    QByteArray contentLength;
};

/// Reads them in one pass: rawHeader() would scan every field again for each.
ResponseFields responseFields(const QNetworkReply &reply)
{
    ResponseFields fields;
    for (const auto &[name, value] : reply.rawHeaderPairs()) {
        if (fields.location.isNull() && isField(name, "Location"))
            fields.location = value;
        else if (fields.retryAfter.isNull() && isField(name, "Retry-After"))
            fields.retryAfter = value;
        else if (fields.contentLength.isNull() && isField(name, "Content-Length"))
            fields.contentLength = value;
    }
    // Qt joins repeated fields with ", ", which no valid URL holds: the first is the one Qt would follow.
    if (const qsizetype comma = fields.location.indexOf(", "); comma >= 0)
        fields.location.truncate(comma);
    return fields;
}

} // namespace

void Fetch::start(const QUrl &url)
{
    // The fetch follows redirects itself, by one set of rules for every request: Qt would copy a lane's name
    // to the next hop, where another https host's certificate would be checked against it (and Qt 6.4's
    // UserVerifiedRedirectPolicy cannot help: it ends a chain after two hops, status 100). A crawl follows
    // none: each hop is a request of its own, de-duplicated like a link.
    m_followsRedirects = !m_settings->crawl.enabled;
    QNetworkRequest request = requestTemplate(*m_settings);
    request.setUrl(url);
    ManagerPool::applyLane(request, m_lease.lane);

    m_recorder->mark(m_id, Mark::Issued);
    m_issuedNs = m_lastActivityNs = Clock::nowNs();
    send(m_lease.manager, request);
}

void Fetch::send(QNetworkAccessManager *manager, const QNetworkRequest &request)
{
    m_reply = manager->get(request);
    connect(m_reply, &QNetworkReply::socketStartedConnecting, this,
            [this] { markOnce(Mark::ConnectStarted); });
    connect(m_reply, &QNetworkReply::requestSent, this, [this] { markOnce(Mark::RequestSent); });
    if (request.url().scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0)
        watchTls();
    // Activity is every signal above and below; readyRead comes with each chunk of the body, so the
    // progress signals would only repeat it, at two more connections per request.
    // The reply is not disconnected when it is done (a disconnect of everything walks all its signals, a
    // twentieth of the fetch's cost), so what it says after that is ignored here.
    connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] {
        if (!m_done)
            onMetaDataChanged();
    });
    connect(m_reply, &QNetworkReply::readyRead, this, [this] {
        if (!m_done)
            onReadyRead();
    });
    connect(m_reply, &QNetworkReply::finished, this, &Fetch::onFinished);
}

void Fetch::markOnce(Mark mark)
{
    if (m_done)
        return;
    onActivity();
    if (!m_recorder->record(m_id).reached(mark))
        m_recorder->mark(m_id, mark);
}

void Fetch::watchTls()
{
    // Only an https request (or a redirect to one) can say these: a connection each costs about a
    // microsecond per request, which a plain-http run of tens of thousands of requests pays for nothing.
    if (m_watchingTls)
        return;
    m_watchingTls = true;
    connect(m_reply, &QNetworkReply::encrypted, this, [this] { markOnce(Mark::Encrypted); });
    // Certificate errors are never ignored: they end the request, and the record names them.
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        if (m_done)
            return;
        for (const QSslError &error : errors)
            m_sslErrors.append(error.errorString());
    });
}

void Fetch::cancel()
{
    abortWith(tr("cancelled"), true);
}

void Fetch::onActivity()
{
    // Only noted: the watcher, when the idle timeout comes due, waits out what is left since the last
    // activity. Moving a timer on every chunk would cost a timer registration per chunk.
    m_lastActivityNs = Clock::nowNs();
}

qint64 Fetch::dueNs() const
{
    qint64 due = std::numeric_limits<qint64>::max();
    if (m_done || !m_reply)
        return due;
    if (m_settings->timeoutMs > 0)
        due = m_lastActivityNs + qint64(m_settings->timeoutMs) * 1'000'000;
    if (const int deadline = m_settings->effectiveDeadlineMs(); deadline > 0)
        due = std::min(due, m_issuedNs + qint64(deadline) * 1'000'000);
    return due;
}

void Fetch::checkTimeouts(qint64 nowNs)
{
    if (m_done || !m_reply)
        return;
    const qint64 idleDueNs = m_settings->timeoutMs > 0
        ? m_lastActivityNs + qint64(m_settings->timeoutMs) * 1'000'000
        : std::numeric_limits<qint64>::max();
    const int deadline = m_settings->effectiveDeadlineMs();
    const qint64 deadlineDueNs
        = deadline > 0 ? m_issuedNs + qint64(deadline) * 1'000'000 : std::numeric_limits<qint64>::max();
    if (std::min(idleDueNs, deadlineDueNs) > nowNs)
        return;
    if (m_reply->isFinished()) {
        onFinished(); // complete, only not yet reported: never a timeout
        return;
    }
    // Whichever ran out first, as two timers would have fired.
    if (deadlineDueNs <= idleDueNs) {
        abortWith(m_headerFieldsDropped
                      ? headerRefusedReason()
                      : tr("deadline exceeded: not complete %1 ms after it was issued").arg(deadline));
        return;
    }
    // Qt reports nothing of a response until its whole header is in, so before that "no data" may be
    // untrue: a header can trickle in, or be too large for Qt to accept.
    if (!m_sawHeader)
        abortWith(tr("timed out: no complete response header within %1 ms").arg(m_settings->timeoutMs));
    else if (m_headerFieldsDropped)
        abortWith(headerRefusedReason());
    else
        abortWith(tr("timed out: no data for %1 ms").arg(m_settings->timeoutMs));
}

qint64 Fetch::announcedBodyBytes(int status, const QByteArray &raw)
{
    // No body follows these, whatever their Content-Length says (RFC 9110 6.4.1).
    if (status == 204 || status == 304 || (status >= 100 && status < 200))
        return -1;
    // Qt 6.4 joins a header's values across redirect hops ("162, 5000"): the final response's comes last.
    bool ok = false;
    const qint64 length = raw.mid(raw.lastIndexOf(',') + 1).trimmed().toLongLong(&ok);
    return ok && length >= 0 ? length : -1;
}

QString Fetch::headerRefusedReason() const
{
    return tr("response header refused: Qt kept the status line and dropped every field, as it does when the "
              "header is too large for it (larger than our limit of %1 bytes too) or malformed; without a "
              "length, the body never ended")
        .arg(m_settings->maxHeaderBytes);
}

void Fetch::onMetaDataChanged()
{
    onActivity();
    m_sawHeader = true;
    // Redirect hops report headers too; the last headers are the final response's, so the mark moves on.
    m_recorder->mark(m_id, Mark::FirstByte);
    qint64 headerBytes = 0;
    const auto &fields = m_reply->rawHeaderPairs();
    const QByteArray *contentEncoding = nullptr;
    for (const auto &[name, value] : fields) {
        headerBytes += name.size() + value.size() + 4; // "name: value\r\n"
        if (!contentEncoding && isField(name, "Content-Encoding"))
            contentEncoding = &value;
    }
    // Qt 6.4 reads a header byte by byte and reports nothing until it is all in; then, when one field is
    // larger than it takes (somewhere between 80 and 200 KB) it keeps the status line and drops every field,
    // Content-Length included. The response then looks header-less and waits for a close that a keep-alive
    // server never sends. A real response with no field at all ends by its close, so this is only said if
    // the request times out.
    m_headerFieldsDropped
        = fields.isEmpty() && m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() > 0;
    if (m_settings->maxHeaderBytes > 0 && headerBytes > m_settings->maxHeaderBytes) {
        abortWith(tr("response header of %1 bytes exceeds the limit of %2 bytes")
                      .arg(headerBytes)
                      .arg(m_settings->maxHeaderBytes));
        return;
    }
    // A redirect the fetch follows: its body is not the response's, as a browser's would not be either.
    m_redirectHop = m_followsRedirects
        && isRedirectStatus(m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
    if (m_redirectHop)
        return;
    // Only HTML pages are read for links (and robots.txt for rules); any other body is counted, not kept.
    const RequestRecord &record = m_recorder->record(m_id);
    m_keepBody = m_settings->keepBodies
        && (record.role == RequestRole::Robots
            || isHtmlContentType(m_reply->header(QNetworkRequest::ContentTypeHeader).toString()));
    if (!m_keepBody)
        m_response.body.clear();
    // Appending to an unreserved array leaves up to half of it unused capacity: 15 MB more for a 30 MB page.
    if (const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
        m_keepBody && length.isValid() && length.toLongLong() > 0)
        m_response.body.reserve(qsizetype(std::min(length.toLongLong(), m_settings->maxBodyBytes)));
    // A redirect hop's body was never read; the final response's encoding is the one that counts.
    m_inflater.begin(contentEncoding ? *contentEncoding : QByteArray());
    m_bytes = m_wireBytes = 0;
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    if (length.isValid() && length.toLongLong() > m_settings->maxBodyBytes) {
        abortWith(tr("body of %1 bytes exceeds the limit of %2 bytes")
                      .arg(length.toLongLong())
                      .arg(m_settings->maxBodyBytes));
    }
}

void Fetch::onReadyRead()
{
    onActivity();
    // A body that is only counted is skipped, not read into a new array for each chunk. A redirect's body is
    // not the response's, but it has the same limit.
    if (m_redirectHop || (!m_keepBody && !m_inflater.isActive())) {
        const qint64 skipped = m_reply->skip(m_reply->bytesAvailable());
        if (skipped <= 0)
            return;
        m_wireBytes += skipped;
        if (!m_redirectHop)
            m_bytes += skipped;
        if (m_wireBytes > m_settings->maxBodyBytes)
            abortWith(tr("body exceeds the limit of %1 bytes").arg(m_settings->maxBodyBytes));
        return;
    }
    QByteArray chunk = m_reply->readAll();
    m_wireBytes += chunk.size();
    if (m_inflater.isActive()) {
        QString error;
        // Inflate no further than the first check below can stop: past the threshold and the ratio, or past
        // the body cap, whichever comes first.
        const qint64 bombAt = std::max(DecompressionCheckThreshold, MaxCompressionRatio * m_wireBytes);
        const qint64 room = std::min(bombAt, m_settings->maxBodyBytes) - m_bytes;
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
    if (m_bytes > m_settings->maxBodyBytes) {
        abortWith(tr("body exceeds the limit of %1 bytes").arg(m_settings->maxBodyBytes));
        return;
    }
    if (m_keepBody)
        m_response.body += chunk;
}

bool Fetch::followRedirect()
{
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_reply->error() != QNetworkReply::NoError || !isRedirectStatus(status))
        return false;
    m_followsRedirects = false; // from here on, whatever ends this hop is its end
    const QByteArray location = responseFields(*m_reply).location;
    const QUrl url = location.isEmpty() ? QUrl() : m_reply->url().resolved(QUrl::fromEncoded(location));
    if (!url.isValid()) {
        abortWith(tr("redirect (HTTP %1) without a valid Location").arg(status));
        return true;
    }
    if (m_redirects >= m_settings->maxRedirects) {
        abortWith(tr("too many redirects: more than %1").arg(m_settings->maxRedirects));
        return true;
    }
    if (const QString scheme = url.scheme();
        scheme != QLatin1String("http") && scheme != QLatin1String("https")) {
        abortWith(tr("redirect to unsupported scheme \"%1\" (%2)")
                      .arg(printableText(scheme), printableText(url.toDisplayString())));
        return true;
    }
    const QUrl from = m_reply->url();
    // As the managers' policy (NoLessSafeRedirectPolicy) would refuse it.
    if (from.scheme() == QLatin1String("https") && url.scheme() == QLatin1String("http")) {
        abortWith(tr("redirect from https to http refused (%1)").arg(printableText(url.toDisplayString())));
        return true;
    }
    ++m_redirects;
    // The hop goes out as Qt would send it. To the same host: on the manager and in the lane of the
    // connection the redirect came on, which Qt reuses. To another plain-http host: from the same manager, in
    // the same lane, a group of that host's own (as a hop of Qt's would be, the pool does not count it). To
    // another https host: on a lease of its own, in that lease's lane, named for the new host whose
    // certificate is checked against the name; every lane's hops to that host would otherwise share one group
    // of 6 connections and wait in Qt's hidden queue. The record stays one request; its phases go on from
    // where the first hop left them.
    QNetworkReply *hop = m_reply;
    hop->disconnect(this);
    hop->deleteLater(); // inside its finished signal
    const ManagerPool::Lease &current = m_hopLease.manager ? m_hopLease : m_lease;
    QNetworkAccessManager *manager = current.manager;
    int lane = current.lane;
    if (HostKey to = HostKey::fromUrl(url);
        to.scheme() == QLatin1String("https") && to != HostKey::fromUrl(from)) {
        lane = 0;
        if (m_pool) {
            releaseHopLease();
            m_hopHost = std::move(to);
            m_hopLease = m_pool->acquire(m_hopHost);
            manager = m_hopLease.manager;
            lane = m_hopLease.lane;
        }
    }
    QNetworkRequest request = requestTemplate(*m_settings);
    request.setUrl(url);
    ManagerPool::applyLane(request, lane);
    m_followsRedirects = true;
    m_sentAgain = true;
    m_redirectHop = false;
    m_sawHeader = m_headerFieldsDropped = false;
    m_bytes = m_wireBytes = 0;
    m_response.body.clear();
    m_watchingTls = false; // the new reply's signals
    onActivity();
    send(manager, request);
    return true;
}

void Fetch::releaseHopLease()
{
    if (m_pool && m_hopLease.manager) {
        m_pool->release(m_hopLease, m_hopHost);
        m_hopLease = {};
    }
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
    if (m_done || (m_followsRedirects && followRedirect()))
        return;
    m_done = true;
    releaseHopLease();
    if (m_reply->bytesAvailable() > 0)
        onReadyRead();

    m_recorder->mark(m_id, Mark::Finished);
    RequestRecord &record = m_recorder->edit(m_id);
    // Without a redirect the reply's URL is the request's: the record keeps one copy of it for both.
    if (const QUrl finalUrl = m_reply->url(); !m_sentAgain && finalUrl == m_reply->request().url())
        record.finalUrl = record.url;
    else
        record.finalUrl = finalUrl;
    record.redirects = RequestRecord::countFrom(m_redirects);
    record.bytes = m_bytes;
    record.status
        = RequestRecord::statusFrom(m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
    ResponseFields fields = responseFields(*m_reply);
    m_response.retryAfter = std::move(fields.retryAfter);
    if (!fields.location.isEmpty())
        m_response.location = m_reply->url().resolved(QUrl::fromEncoded(fields.location));
    record.contentType = m_reply->header(QNetworkRequest::ContentTypeHeader).toString();

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
    } else if (record.status >= 400) {
        record.outcome = Outcome::HttpError;
        record.error = QStringLiteral("HTTP %1 %2")
                           .arg(record.status)
                           .arg(m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
    } else if (error != QNetworkReply::NoError || record.status == 0) {
        record.outcome = Outcome::Failed;
        record.error = m_reply->errorString();
    } else if (const qint64 announced = announcedBodyBytes(record.status, fields.contentLength);
               announced >= 0 && m_wireBytes < announced) {
        // Qt 6.4 now and then reports a connection reset mid-body as a clean end: the length the server
        // announced says it was not.
        record.outcome = Outcome::Failed;
        record.error
            = tr("connection closed after %1 of the %2 bytes announced").arg(m_wireBytes).arg(announced);
    } else {
        record.outcome = Outcome::Ok;
    }

    // The reply stays connected (see start()) and is deleted with the fetch: see FinishedFetches.
    m_finished(m_id);
}
