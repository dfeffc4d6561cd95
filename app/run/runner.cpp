#include "runner.h"

#include "core/clock.h"
#include "core/hostkey.h"
#include "net/descriptorbudget.h"
#include "net/managerpool.h"

#include <QTimer>

#include <limits>

Runner::Runner(QObject *parent)
    : QObject(parent)
    , m_feedTimer(new QTimer(this))
    , m_timeouts(new QTimer(this))
    , m_pool(std::make_unique<ManagerPool>())
{
    // Precise: a coarse timer may fire up to 5 % early. It would do no harm (the fetches check the time
    // themselves), but it would fire twice.
    m_timeouts->setSingleShot(true);
    m_timeouts->setTimerType(Qt::PreciseTimer);
    connect(m_timeouts, &QTimer::timeout, this, &Runner::onTimeoutsDue);
    m_feedTimer->setSingleShot(true);
    m_feedTimer->setInterval(0);
    connect(m_feedTimer, &QTimer::timeout, this, &Runner::feed);
    connect(&m_recorder, &Recorder::recordsChanged, this, &Runner::recordsChanged);
    connect(&m_recorder, &Recorder::crawlChanged, this, &Runner::crawlChanged);
    connect(&m_recorder, &Recorder::clockTicked, this, &Runner::clockTicked);
    connect(&m_recorder, &Recorder::capacityChanged, this, &Runner::capacityChanged);
}

Runner::~Runner()
{
    // Replies must not call back into a half-destroyed runner, and the managers' threads must stop before
    // the process exits.
    for (auto *fetch : std::as_const(m_fetches))
        fetch->disconnect(this);
    qDeleteAll(m_fetches);
    m_fetches.clear();
    // Finished fetches still to be deleted go with their batches, this object's children.
    m_destinations.clear();
    m_retiredPools.clear();
    m_pool.reset();
}

int Runner::managerCount() const
{
    return m_pool ? m_pool->managerCount() : m_managersUsed;
}

void Runner::retirePool()
{
    if (!m_pool)
        return;
    m_managersUsed = m_pool->managerCount();
    // The pool may still be on the call stack (a run can start or end from inside the last reply's
    // finished()), so it goes away from the event loop.
    m_retiredPools.push_back(std::move(m_pool));
    QTimer::singleShot(0, this, [this] { m_retiredPools.clear(); });
}

void Runner::start(const QList<QUrl> &urls, const RunSettings &settings, int runId, Input input)
{
    if (m_running)
        cancel();

    // Old gates may still be on the call stack (a run can finish from inside a gate callback).
    if (m_gate)
        m_gate->deleteLater();
    if (m_scheduler)
        m_scheduler->deleteLater();
    // Fresh connections, so earlier runs don't warm this one up.
    retirePool();
    m_settings = settings;
    m_fetchSettings = std::make_shared<const RunSettings>(settings);
    m_running = true;
    m_cancelling = false;
    m_inputOpen = input == Input::Open;
    m_done = 0;
    m_peakInFlight = 0;
    m_recorder.begin(runId, settings);

    // More requests in flight than the process may open descriptors for would make GLib abort the whole
    // process when a manager's thread starts. Such a run is held to what fits: the rest waits in the gate,
    // recorded as waiting, and the result says why. The recorded capacity stays what was asked for, so the
    // ideal schedule shows what the cap cost.
    DescriptorBudget::raiseLimit();
    m_descriptorCap = DescriptorBudget::currentCap(&m_descriptorCapReason);
    // The budget counted a manager per lane's ConnectionsPerLane requests, which is never fewer managers than
    // the pool's lanes need; hosts get managers of their own within that, and share beyond it.
    m_pool = std::make_unique<ManagerPool>(ManagerPool::Proxy::System,
                                           m_descriptorCap > 0
                                               ? (m_descriptorCap + ManagerPool::ConnectionsPerLane - 1)
                                                   / ManagerPool::ConnectionsPerLane
                                               : 0,
                                           ManagerPool::RunLanes);
    m_gate = new Gate(gateSize(settings.gateCapacity()), this);
    m_recorder.recordCapacity(settings.gateCapacity());
    m_askedCapacity = settings.gateCapacity();
    m_capNoted = false;
    m_scheduler = new HostScheduler(m_gate, settings.perHost, this);

    m_destinations.clear(); // a cancelled run's are gone already; ids start again at 0
    m_lastDestination.reset();
    m_lastQueuedUrl.clear();
    m_feedUrls = urls;
    m_fed = 0;
    m_queuedNs = m_recorder.elapsedNs();
    m_recorder.reserve(int(urls.size()));
    noteCapIfBinding();
    Q_EMIT runStarted(runId);

    if (urls.isEmpty()) {
        if (!m_inputOpen)
            finish(false);
        return;
    }
    feed();
}

void Runner::feed()
{
    // A slice is a few milliseconds of work: the event loop turns between slices, and the requests fed first
    // are already on the wire while the rest are added. Requests the gate admits at once are never held back
    // by a slice, so a gather still sends everything before it reads the first response; only the ones that
    // would wait anyway are spread over the slices.
    constexpr qint64 SliceNs = 4'000'000;
    constexpr int CheckEvery = 64;
    const qint64 sliceEnd = m_recorder.elapsedNs() + SliceNs;
    while (m_fed < m_feedUrls.size() && m_running && !m_cancelling) {
        const QUrl &url = m_feedUrls.at(m_fed);
        const int id = m_recorder.add(url, -1, 0, m_queuedNs);
        ++m_fed;
        enqueue(id, url);
        if (m_fed % CheckEvery == 0 && !m_recorder.record(id).reached(Mark::GateAcquired)
            && m_recorder.elapsedNs() >= sliceEnd)
            break;
    }
    if (m_running && !m_cancelling && unfed() > 0)
        m_feedTimer->start();
}

void Runner::feedAll()
{
    while (m_fed < m_feedUrls.size() && m_running && !m_cancelling) {
        const QUrl &url = m_feedUrls.at(m_fed);
        const int id = m_recorder.add(url, -1, 0, m_queuedNs);
        ++m_fed;
        enqueue(id, url);
    }
}

int Runner::add(const QUrl &url, int parentId, int depth, RequestRole role, int attempt)
{
    if (!m_running || m_cancelling || !m_inputOpen)
        return -1;
    feedAll(); // ids follow start()'s list
    const int id = m_recorder.add(url, parentId, depth);
    noteCapIfBinding();
    RequestRecord &record = m_recorder.edit(id);
    record.role = role;
    record.attempt = RequestRecord::countFrom(attempt);
    enqueue(id, url);
    return id;
}

void Runner::closeInput()
{
    if (!m_inputOpen)
        return;
    m_inputOpen = false;
    if (m_running && !m_cancelling && m_done == total())
        finish(false);
}

void Runner::setHostInterval(const QString &host, int intervalMs)
{
    if (m_scheduler)
        m_scheduler->setInterval(host, intervalMs);
}

void Runner::pauseHost(const QString &host, qint64 untilNs)
{
    if (m_scheduler)
        m_scheduler->pauseUntil(host, untilNs);
}

int Runner::waiting() const
{
    return (m_scheduler ? m_scheduler->waiting() : 0) + (m_running ? unfed() : 0);
}

void Runner::enqueue(int id, const QUrl &url)
{
    // Kept here, not in the scheduler's closure: a closure of the id alone needs no allocation of its own.
    // A run's requests mostly go where the one before went (a list run many times, a crawl of one site):
    // the same URL is not parsed again, and the same host shares its strings, which compare at a glance.
    if (!m_lastDestination || url != m_lastQueuedUrl) {
        HostKey host = HostKey::fromUrl(url);
        if (!m_lastDestination || host != m_lastDestination->host) {
            QString origin = host.origin();
            m_lastDestination = Destination {std::move(host), std::move(origin), {}};
        }
        m_lastQueuedUrl = url;
    }
    Destination &destination = m_destinations.insert(id, *m_lastDestination).value();
    destination.url = url;
    m_scheduler->submit(id, destination.origin,
                        [this, id](qint64 admittedNs) { onAdmitted(id, admittedNs); });
}

void Runner::onAdmitted(int id, qint64 admittedNs)
{
    // The host's slot and the run's permit come together, so the whole wait was for both. The mark is the
    // moment the host's pacing counts from, so Crawl-delay spacing can be read off the records exactly.
    m_recorder.markAt(id, Mark::GateAcquired, m_recorder.sinceStartNs(admittedNs));
    issue(id, *m_destinations.constFind(id)); // issue() uses it only before the fetch starts
}

void Runner::issue(int id, const Destination &destination)
{
    auto *fetch = new Fetch(m_pool.get(), m_pool->acquire(destination.host), &m_recorder, id, m_fetchSettings,
                            [this](int done) { onFetchFinished(done); });
    m_fetches.insert(id, fetch);
    m_peakInFlight = std::max(m_peakInFlight, int(m_fetches.size()));
    fetch->start(destination.url);
    if (m_fetches.value(id) == fetch)
        armTimeouts(fetch->dueNs());
}

void Runner::armTimeouts(qint64 dueNs)
{
    if (dueNs == std::numeric_limits<qint64>::max() || (m_timeouts->isActive() && m_timeoutsDueNs <= dueNs))
        return;
    // Rounded up, so it never fires before the fetch is due.
    const qint64 waitMs = std::max<qint64>(0, (dueNs - Clock::nowNs() + 999'999) / 1'000'000);
    m_timeoutsDueNs = dueNs;
    m_timeouts->start(int(std::min<qint64>(waitMs, std::numeric_limits<int>::max())));
}

void Runner::onTimeoutsDue()
{
    const qint64 nowNs = Clock::nowNs();
    QList<int> due;
    for (auto it = m_fetches.cbegin(); it != m_fetches.cend(); ++it) {
        if (it.value()->dueNs() <= nowNs)
            due.append(it.key());
    }
    // By id: a fetch that ends here finishes synchronously, which changes m_fetches and may issue others.
    for (const int id : std::as_const(due)) {
        if (Fetch *fetch = m_fetches.value(id))
            fetch->checkTimeouts(nowNs);
    }
    qint64 next = std::numeric_limits<qint64>::max();
    for (const Fetch *fetch : std::as_const(m_fetches))
        next = std::min(next, fetch->dueNs());
    if (!m_timeouts->isActive() || next < m_timeoutsDueNs) {
        m_timeouts->stop();
        armTimeouts(next);
    }
}

void Runner::onFetchFinished(int id)
{
    Fetch *fetch = m_fetches.take(id);
    if (!fetch)
        return;
    const Destination destination = m_destinations.take(id);
    m_pool->release(fetch->lease(), destination.host);
    // With the others that finish before the event loop deletes them: one deleteLater for the batch.
    if (!m_finishedFetches || !m_finishedFetches->sameLoop())
        m_finishedFetches = new FinishedFetches(this);
    m_finishedFetches->add(fetch);
    if (m_cancelling)
        return; // cancel() settles the permits
    // Whoever reads the response first (the crawler pausing a host after a 429) does so before the host's
    // slot frees up, so nothing else slips out to that host in between.
    Q_EMIT responseArrived(id, fetch->response());
    if (m_cancelling)
        return; // cancelled from the handler
    m_scheduler->release(destination.origin);

    if (m_settings.delayMs <= 0) {
        releasePermit();
        return;
    }
    // The politeness delay is held inside the gate, like `await asyncio.sleep()` in `async with semaphore`.
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    timer->setTimerType(Qt::PreciseTimer);
    connect(timer, &QTimer::timeout, this, [this, id] { onDelayElapsed(id); });
    m_delays.insert(id, timer);
    timer->start(m_settings.delayMs);
}

void Runner::onDelayElapsed(int id)
{
    if (QTimer *timer = m_delays.take(id))
        timer->deleteLater();
    m_recorder.mark(id, Mark::DelayReleased);
    releasePermit();
}

void Runner::releasePermit()
{
    ++m_done;
    m_gate->release();
    if (!m_running || m_done != total())
        return;
    if (m_inputOpen)
        Q_EMIT drained(m_recorder.runId());
    else
        finish(false);
}

void Runner::setLimit(int limit)
{
    limit = std::max(1, limit);
    if (m_settings.mode != RunMode::Limited || limit == m_settings.limit)
        return;
    m_settings.limit = limit;
    if (!m_running)
        return;
    m_recorder.recordCapacity(limit);
    m_gate->setCapacity(gateSize(limit));
    m_askedCapacity = limit;
    noteCapIfBinding();
}

void Runner::noteCapIfBinding()
{
    // A gather of 5 under a cap of thousands was never held back: the run says it was capped only when the
    // cap keeps requests out that the gate asked for would have let in.
    if (m_capNoted || m_gate->capacity() == m_askedCapacity)
        return;
    const qint64 wanted = m_askedCapacity == 0 ? qint64(total()) : std::min<qint64>(total(), m_askedCapacity);
    if (wanted <= m_gate->capacity())
        return;
    m_capNoted = true;
    m_recorder.setConcurrencyCap({m_gate->capacity(), m_descriptorCapReason});
}

int Runner::gateSize(int asked) const
{
    if (m_descriptorCap <= 0)
        return asked;
    return asked == 0 ? m_descriptorCap : std::min(asked, m_descriptorCap);
}

void Runner::cancel()
{
    if (!m_running || m_cancelling)
        return;
    m_cancelling = true;

    m_inputOpen = false;

    // Waiters first, so that nothing released below admits anyone. Every URL of the list gets its record,
    // the ones never handed to the gate too.
    m_feedTimer->stop();
    QList<int> withdrawn = m_scheduler->withdrawAll();
    for (const int id : std::as_const(withdrawn))
        m_destinations.remove(id);
    for (; m_fed < m_feedUrls.size(); ++m_fed)
        withdrawn.append(m_recorder.add(m_feedUrls.at(m_fed), -1, 0, m_queuedNs));
    const QString waitingError = tr("cancelled while waiting for its turn");
    for (const int id : std::as_const(withdrawn)) {
        RequestRecord &record = m_recorder.edit(id);
        record.outcome = Outcome::Cancelled;
        record.error = waitingError;
    }

    const auto inFlight = m_fetches.values();
    for (auto *fetch : inFlight)
        fetch->cancel();

    for (auto it = m_delays.cbegin(); it != m_delays.cend(); ++it) {
        it.value()->stop();
        it.value()->deleteLater();
        m_recorder.mark(it.key(), Mark::DelayReleased);
    }
    m_delays.clear();

    finish(true);
}

void Runner::finish(bool cancelled)
{
    Q_EMIT finishing(cancelled);
    m_feedTimer->stop();
    m_timeouts->stop();
    m_feedUrls.clear();
    m_fed = 0;
    m_running = false;
    m_inputOpen = false;
    // The next run opens connections of its own, so the ones kept alive would only sit idle on the servers
    // (and hold a thread and descriptors per manager here) until then. Replies still being cancelled keep
    // theirs until the next run.
    if (m_fetches.isEmpty())
        retirePool();
    m_recorder.end(cancelled);
    Q_EMIT runFinished(m_recorder.result());
}
