#include "crawler.h"

#include "core/clock.h"
#include "core/hostkey.h"
#include "core/printable.h"
#include "crawler/retryafter.h"
#include "crawler/urlnormalizer.h"
#include "net/managerpool.h"
#include "run/runner.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>

namespace {

QList<QRegularExpression> compile(const QStringList &patterns)
{
    QList<QRegularExpression> compiled;
    for (const QString &pattern : patterns)
        compiled.append(QRegularExpression(pattern));
    return compiled;
}

bool isRetryStatus(int status)
{
    return status == 429 || status == 503;
}

QUrl robotsUrlOf(const QUrl &url)
{
    QUrl robots;
    robots.setScheme(url.scheme());
    robots.setHost(url.host());
    robots.setPort(url.port());
    robots.setPath(QStringLiteral("/robots.txt"));
    return normalizeUrl(robots);
}

} // namespace

Crawler::Crawler(Runner *runner, QObject *parent)
    : QObject(parent)
    , m_runner(runner)
{
    connect(runner, &Runner::responseArrived, this, &Crawler::onResponse);
    connect(runner, &Runner::drained, this, [this](int runId) {
        if (runId == m_runId)
            closeInputIfDone();
    });
    connect(&m_queue, &ParseQueue::parsed, this, &Crawler::processQueue);
    connect(runner, &Runner::finishing, this, &Crawler::onFinishing);
    connect(runner, &Runner::runFinished, this, &Crawler::onRunFinished);
}

QString Crawler::checkSettings(const CrawlSettings &settings)
{
    if (settings.maxDepth < 0)
        return tr("the maximum depth must be 0 or more, not %1").arg(settings.maxDepth);
    if (settings.maxPages < 1)
        return tr("the page limit must be 1 or more, not %1").arg(settings.maxPages);
    if (settings.maxRetries < 0)
        return tr("the retry count must be 0 or more, not %1").arg(settings.maxRetries);
    const auto check = [](const QStringList &patterns, const QString &kind) -> QString {
        for (const QString &pattern : patterns) {
            const QRegularExpression re(pattern);
            if (!re.isValid()) {
                return tr("bad %1 pattern \"%2\": %3 at offset %4")
                    .arg(kind, pattern, re.errorString())
                    .arg(re.patternErrorOffset());
            }
        }
        return {};
    };
    if (QString error = check(settings.includes, tr("include")); !error.isEmpty())
        return error;
    return check(settings.excludes, tr("exclude"));
}

void Crawler::start(const QList<QUrl> &seeds, const RunSettings &settings, int runId)
{
    Q_ASSERT(settings.crawl.enabled);
    Q_ASSERT(checkSettings(settings.crawl).isEmpty());
    // A run still going ends first, and with it whatever crawl it was (its held URLs are noted as cancelled).
    if (m_runner->isRunning())
        m_runner->cancel();
    m_settings = settings;
    m_settings.keepBodies = true; // links are read from the bodies
    m_runId = runId;
    m_seen.clear();
    m_origins.clear();
    m_hops.clear();
    m_pageRequests = 0;
    m_heldCount = 0;
    m_queue.clear(); // what an earlier crawl still had to read is of no use to this one

    QList<QUrl> normalizedSeeds;
    for (const QUrl &seed : seeds)
        normalizedSeeds.append(normalizeUrl(seed, m_settings.crawl.sortQuery));
    m_scope.emplace(normalizedSeeds, m_settings.crawl.scope, compile(m_settings.crawl.includes),
                    compile(m_settings.crawl.excludes));

    m_running = true;
    m_runner->start({}, m_settings, runId, Runner::Input::Open);
    for (const QUrl &seed : std::as_const(normalizedSeeds)) {
        if (!m_running)
            return;
        consider(seed, -1, 0, 0);
    }
    // Nothing to fetch at all (every seed skipped): there is nothing to wait for either.
    if (m_running && m_runner->total() == 0 && m_heldCount == 0)
        m_runner->closeInput();
}

Crawler::Origin &Crawler::origin(const QUrl &url)
{
    const QString key = HostKey::fromUrl(url).origin();
    auto it = m_origins.find(key);
    if (it == m_origins.end()) {
        it = m_origins.insert(key, Origin {});
        it->host.origin = key;
        if (!m_settings.crawl.obeyRobots) {
            it->rules = RobotsRules::allowAll();
            it->host.robots = RobotsStatus::Ignored;
            it->host.robotsDetail = tr("robots.txt ignored, by choice");
            updateHost(*it);
        }
    }
    return *it;
}

void Crawler::updateHost(const Origin &origin)
{
    m_runner->recorder().setHost(origin.host);
}

void Crawler::consider(const QUrl &url, int parentId, int depth, int hops)
{
    const bool sortQuery = m_settings.crawl.sortQuery;
    const QUrl normalized = normalizeUrl(url, sortQuery);
    considerNormalized(normalized, urlKey(normalized, sortQuery), parentId, depth, hops);
}

void Crawler::considerNormalized(const QUrl &normalized, const QString &key, int parentId, int depth,
                                 int hops)
{
    Recorder &recorder = m_runner->recorder();
    if (m_seen.contains(key)) {
        recorder.skip(normalized, parentId, depth, SkipReason::Duplicate, tr("already requested"));
        return;
    }
    if (const QString reason = m_scope->reasonOutOfScope(normalized); !reason.isEmpty()) {
        recorder.skip(normalized, parentId, depth, SkipReason::Scope, reason);
        return;
    }
    if (depth > m_settings.crawl.maxDepth) {
        recorder.skip(normalized, parentId, depth, SkipReason::Depth,
                      tr("depth %1 is beyond the maximum of %2").arg(depth).arg(m_settings.crawl.maxDepth));
        return;
    }
    if (hops > m_settings.maxRedirects) {
        recorder.skip(normalized, parentId, depth, SkipReason::RedirectLimit,
                      tr("more than %1 redirects in a row").arg(m_settings.maxRedirects));
        return;
    }

    m_seen.insert(key);
    Origin &host = origin(normalized);
    if (!host.rules) {
        // Its robots.txt decides first; the first URL of a host asks for it.
        if (host.host.robotsRecordId < 0)
            requestRobots(host, robotsUrlOf(normalized), -1);
        host.held.append({normalized, parentId, depth, hops});
        ++m_heldCount;
        return;
    }
    admit(normalized, parentId, depth, hops);
}

void Crawler::admit(const QUrl &url, int parentId, int depth, int hops)
{
    Origin &host = origin(url);
    if (!host.rules->isAllowed(url)) {
        m_runner->recorder().skip(url, parentId, depth, SkipReason::Robots,
                                  host.host.robots == RobotsStatus::DisallowAll
                                      ? host.host.robotsDetail
                                      : tr("disallowed by %1/robots.txt").arg(host.host.origin));
        return;
    }
    requestPage(url, parentId, depth, hops, 1);
}

void Crawler::requestPage(const QUrl &url, int parentId, int depth, int hops, int attempt)
{
    if (m_pageRequests >= m_settings.crawl.maxPages) {
        // Not seen after all: met again, it counts as one more URL the limit kept out.
        m_seen.remove(urlKey(url, m_settings.crawl.sortQuery));
        m_runner->recorder().skip(
            url, parentId, depth, SkipReason::PageLimit,
            attempt > 1
                ? tr("no page left for retry %1 (limit %2)").arg(attempt).arg(m_settings.crawl.maxPages)
                : tr("the limit of %1 pages was reached").arg(m_settings.crawl.maxPages));
        return;
    }
    const int id = m_runner->add(url, parentId, depth, RequestRole::Page, attempt);
    if (id < 0)
        return;
    ++m_pageRequests;
    m_hops.insert(id, hops);
    Origin &host = origin(url);
    ++host.host.pages;
    updateHost(host);
}

void Crawler::requestRobots(Origin &origin, const QUrl &url, int parentId)
{
    const int id = m_runner->add(url, parentId, 0, RequestRole::Robots, 1);
    if (id < 0)
        return;
    if (origin.host.robotsRecordId < 0)
        origin.host.robotsDetail = tr("fetching %1").arg(url.toDisplayString());
    origin.host.robotsRecordId = id;
    origin.host.robots = RobotsStatus::Fetching;
    updateHost(origin);
}

void Crawler::onResponse(int id, const FetchResponse &response)
{
    if (!m_running || m_runner->recorder().runId() != m_runId)
        return;
    ParseQueue::Entry entry;
    entry.record = m_runner->recorder().record(id);
    const RequestRecord &record = entry.record;
    // The pause cannot wait for the response's turn: the host's slot frees up as soon as this returns.
    if (isRetryStatus(record.status) && record.outcome != Outcome::Cancelled) {
        const Origin *robotsHost = robotsOrigin(record.id);
        if (record.role == RequestRole::Page || (robotsHost && !robotsHost->rules))
            entry.retryWaitMs = pauseHostFor(record, response);
    }
    ParseTask task = parseTaskFor(record, response);
    entry.response = response;
    m_queue.push(std::move(entry), std::move(task));
    processQueue();
}

ParseTask Crawler::parseTaskFor(const RequestRecord &record, const FetchResponse &response)
{
    ParseTask task;
    if (record.outcome != Outcome::Ok
        || (record.status >= 300 && record.status < 400 && response.location.isValid()))
        return task;
    if (record.role == RequestRole::Robots) {
        const Origin *host = robotsOrigin(record.id);
        if (!host || host->rules || record.status < 200 || record.status >= 300)
            return task;
        task.kind = ParseTask::Kind::Robots;
        task.userAgent = m_settings.userAgent;
    } else {
        if (!isHtmlContentType(record.contentType))
            return task;
        task.kind = ParseTask::Kind::Page;
        task.pageUrl = record.finalUrl.isValid() ? record.finalUrl : record.url;
        task.contentType = record.contentType;
        task.sortQuery = m_settings.crawl.sortQuery;
        task.maxLinks = m_settings.crawl.maxLinksPerPage;
    }
    task.body = response.body;
    return task;
}

void Crawler::processQueue()
{
    // Acting on a response may add requests, and one of those may answer at once; it waits its turn.
    if (m_processing)
        return;
    m_processing = true;
    QElapsedTimer slice;
    slice.start();
    const quint64 generation = m_queue.generation();
    const auto current = [&] { return m_running && m_queue.generation() == generation; };
    while (current()) {
        ParseQueue::Entry *entry = m_queue.head();
        if (!entry)
            break;
        if (!entry->begun) {
            entry->begun = true;
            if (entry->record.role == RequestRole::Robots)
                onRobotsResponse(*entry);
            else
                onPageResponse(*entry);
            if (!current())
                break;
        }
        // A page of a million links must not hold the event loop for seconds, so they go a slice at a time.
        QList<QList<ParsedLink>> &chunks = entry->parsed.linkChunks;
        while (!chunks.isEmpty() && slice.elapsed() < SliceMs) {
            QList<ParsedLink> &links = chunks.first();
            follow(entry->record, links.constFirst());
            if (!current())
                break;
            links.removeFirst(); // so a link's memory goes in the slice that acted on it
            if (links.isEmpty())
                chunks.removeFirst();
        }
        if (!current())
            break;
        if (!chunks.isEmpty()) {
            scheduleSlice();
            break;
        }
        m_queue.pop();
    }
    m_processing = false;
    closeInputIfDone();
}

void Crawler::scheduleSlice()
{
    if (m_sliceScheduled)
        return;
    m_sliceScheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_sliceScheduled = false;
        processQueue();
    });
}

void Crawler::closeInputIfDone()
{
    // Every request is done, every response acted on and no URL waits for a robots.txt, or it would have
    // been requested: nothing more can be found.
    if (m_running && m_runner->isRunning() && m_heldCount == 0 && m_queue.isEmpty()
        && m_runner->done() == m_runner->total())
        m_runner->closeInput();
}

qint64 Crawler::pauseHostFor(const RequestRecord &record, const FetchResponse &response)
{
    // The server asked for fewer requests: the whole host waits, whether or not this URL is asked again.
    // Retry-After when it gave one, else 1 s, 2 s, 4 s ... for the attempts so far; never beyond
    // MaxRetryWaitMs, so one answer cannot stall a crawl for a day.
    const qint64 backoffMs = FirstBackoffMs << std::min(record.attempt - 1, 16);
    const std::optional<qint64> asked = retryAfterMs(response.retryAfter, QDateTime::currentDateTimeUtc());
    const qint64 waitMs = asked.value_or(backoffMs);
    if (!asked && !response.retryAfter.isEmpty()) {
        // Said on the record, so that a backoff where the server seemed to ask for a wait is explained.
        SharedText &error = m_runner->recorder().edit(record.id).error;
        error = error.toString() + QStringLiteral("; ")
            + tr("Retry-After \"%1\" is unreadable: backed off %2 ms instead")
                  .arg(printableText(response.retryAfter))
                  .arg(backoffMs);
    }
    m_runner->pauseHost(HostKey::fromUrl(record.url).origin(),
                        Clock::nowNs() + std::min(waitMs, MaxRetryWaitMs) * 1'000'000);
    return waitMs;
}

bool Crawler::retryLater(const RequestRecord &record, qint64 waitMs)
{
    // Why there is no retry goes on the record, next to the status that asked for one.
    const auto giveUp = [&](const QString &why) {
        RequestRecord &final = m_runner->recorder().edit(record.id);
        final.error = final.error.toString() + QStringLiteral("; ") + why;
        return false;
    };
    // The record counts attempts in two bytes: a retry count beyond them stops where they do.
    if (record.attempt > m_settings.crawl.maxRetries || record.attempt >= RequestRecord::MaxCount)
        return giveUp(tr("not retried: %n attempt(s) made", nullptr, record.attempt));
    if (waitMs > MaxRetryWaitMs) {
        return giveUp(tr("not retried: Retry-After asks for %1 s, more than the %2 s a crawl waits")
                          .arg(waitMs / 1000)
                          .arg(MaxRetryWaitMs / 1000));
    }
    if (record.role == RequestRole::Page && m_pageRequests >= m_settings.crawl.maxPages) {
        requestPage(record.url, record.parentId, record.depth, m_hops.value(record.id), record.attempt + 1);
        return giveUp(tr("not retried: the limit of %1 pages was reached").arg(m_settings.crawl.maxPages));
    }

    if (record.role == RequestRole::Robots) {
        const int id = m_runner->add(record.url, record.parentId, 0, RequestRole::Robots, record.attempt + 1);
        Origin *host = robotsOrigin(record.id);
        if (id >= 0 && host) {
            host->host.robotsRecordId = id;
            updateHost(*host);
        }
        return id >= 0;
    }
    requestPage(record.url, record.parentId, record.depth, m_hops.value(record.id), record.attempt + 1);
    return true;
}

void Crawler::onPageResponse(const ParseQueue::Entry &entry)
{
    const RequestRecord &record = entry.record;
    if (record.outcome == Outcome::Cancelled)
        return;
    if (entry.retryWaitMs >= 0 && retryLater(record, entry.retryWaitMs))
        return;

    if (record.status >= 300 && record.status < 400 && entry.response.location.isValid()) {
        // A redirect is the same page under another URL: same depth, one more hop.
        consider(entry.response.location, record.id, record.depth, m_hops.value(record.id) + 1);
        return;
    }
    // A leaf (an asset, an error or an empty answer) has no links; a page's are followed by processQueue().
    if (entry.parsed.linksDropped > 0 || entry.parsed.cutShort)
        m_runner->recorder().dropLinks(entry.parsed.linksDropped, entry.parsed.cutShort);
}

void Crawler::follow(const RequestRecord &page, const ParsedLink &link)
{
    if (link.nofollow && m_settings.crawl.honourNofollow) {
        m_runner->recorder().skip(link.url, page.id, page.depth + 1, SkipReason::Nofollow,
                                  tr("nofollow on <%1>, or in the page's robots meta tag").arg(link.source));
        return;
    }
    considerNormalized(link.url, link.key, page.id, page.depth + 1, 0);
}

Crawler::Origin *Crawler::robotsOrigin(int recordId)
{
    // Not always the record's own host: robots.txt may redirect to another one.
    for (Origin &origin : m_origins) {
        if (origin.host.robotsRecordId == recordId)
            return &origin;
    }
    return nullptr;
}

void Crawler::onRobotsResponse(const ParseQueue::Entry &entry)
{
    const RequestRecord &record = entry.record;
    const FetchResponse &response = entry.response;
    Origin *found = robotsOrigin(record.id);
    if (!found || record.outcome == Outcome::Cancelled || found->rules)
        return;
    Origin &host = *found;

    const int status = record.status;
    const QString file = record.url.toDisplayString();
    if (entry.retryWaitMs >= 0 && retryLater(record, entry.retryWaitMs))
        return;
    if (status >= 300 && status < 400 && response.location.isValid()) {
        if (host.robotsRedirects < MaxRobotsRedirects) {
            ++host.robotsRedirects;
            requestRobots(host, normalizeUrl(response.location), record.id);
            return;
        }
        decideRobots(host, RobotsStatus::AllowAll, RobotsRules::allowAll(),
                     tr("%1 redirected more than %2 times: treated as missing, everything is allowed")
                         .arg(file)
                         .arg(MaxRobotsRedirects));
        return;
    }
    if (status >= 200 && status < 300 && record.outcome == Outcome::Ok) {
        Q_ASSERT(entry.parsed.rules); // parsed on a worker thread
        decideRobots(host, RobotsStatus::Parsed, entry.parsed.rules.value_or(RobotsRules::allowAll()),
                     tr("%1 answered %2: its rules apply").arg(file).arg(status));
        return;
    }
    // RFC 9309 lets a crawler read 4xx as "no rules"; a 429 that stayed a 429 is a server asking for less,
    // so it counts as unreachable, like a 5xx.
    if (status >= 400 && status < 500 && status != 429) {
        decideRobots(host, RobotsStatus::AllowAll, RobotsRules::allowAll(),
                     tr("%1 answered %2: everything is allowed").arg(file).arg(status));
        return;
    }
    const QString why = status >= 500 ? tr("answered %1").arg(status)
        : record.error.isEmpty()      ? tr("gave no usable answer")
                                      : tr("failed: %1").arg(record.error);
    decideRobots(host, RobotsStatus::DisallowAll, RobotsRules::disallowAll(),
                 tr("%1 %2: nothing is allowed for this crawl").arg(file, why));
}

void Crawler::decideRobots(Origin &origin, RobotsStatus status, std::optional<RobotsRules> rules,
                           const QString &detail)
{
    origin.rules = std::move(rules);
    origin.host.robots = status;
    origin.host.robotsDetail = detail;
    if (const auto delay = origin.rules->crawlDelayMs(); delay && *delay > 0) {
        origin.host.crawlDelayMs = std::min(*delay, MaxCrawlDelayMs);
        if (*delay > MaxCrawlDelayMs) {
            origin.host.robotsDetail
                += tr("; Crawl-delay of %1 ms capped at %2 ms").arg(*delay).arg(MaxCrawlDelayMs);
        }
        m_runner->setHostInterval(origin.host.origin, origin.host.crawlDelayMs);
    }
    updateHost(origin);

    const QList<Held> held = std::exchange(origin.held, {});
    m_heldCount -= int(held.size());
    for (const Held &url : held) {
        if (!m_running)
            return;
        admit(url.url, url.parentId, url.depth, url.hops);
    }
}

void Crawler::onFinishing(bool cancelled)
{
    if (!m_running || !cancelled)
        return;
    m_queue.clear(); // responses not acted on yet find nothing more: the crawl is over
    // The crawl stops before these hosts' robots.txt answered; their URLs stay on record.
    for (Origin &host : m_origins) {
        for (const Held &url : std::as_const(host.held)) {
            m_runner->recorder().skip(url.url, url.parentId, url.depth, SkipReason::Cancelled,
                                      tr("still waiting for %1/robots.txt").arg(host.host.origin));
        }
        host.held.clear();
    }
    m_heldCount = 0;
}

void Crawler::onRunFinished()
{
    m_running = false;
    m_queue.clear();
}
