#include "runner.h"

#include "net/fetch.h"
#include "net/managerpool.h"

#include <QTimer>

Runner::Runner(QObject *parent)
    : QObject(parent)
    , m_pool(std::make_unique<ManagerPool>())
{
    connect(&m_recorder, &Recorder::recordsChanged, this, &Runner::recordsChanged);
}

Runner::~Runner()
{
    // Replies must not call back into a half-destroyed runner, and the managers' threads must stop before
    // the process exits.
    for (auto *fetch : std::as_const(m_fetches))
        fetch->disconnect(this);
    qDeleteAll(m_fetches);
    m_fetches.clear();
    m_retiredPools.clear();
    m_pool.reset();
}

int Runner::managerCount() const
{
    return m_pool->managerCount();
}

void Runner::start(const QList<QUrl> &urls, const RunSettings &settings, int runId)
{
    if (m_running)
        cancel();

    // Old gates may still be on the call stack (a run can finish from inside a gate callback).
    if (m_gate)
        m_gate->deleteLater();
    for (auto *gate : std::as_const(m_hostGates))
        gate->deleteLater();
    m_hostGates.clear();
    // Fresh connections, so earlier runs don't warm this one up. The old pool may still be on the call stack
    // (a run can start from inside the last reply's finished()), so it goes away from the event loop.
    m_retiredPools.push_back(std::move(m_pool));
    QTimer::singleShot(0, this, [this] { m_retiredPools.clear(); });
    m_pool = std::make_unique<ManagerPool>();

    m_settings = settings;
    m_running = true;
    m_cancelling = false;
    m_done = 0;
    m_peakInFlight = 0;
    m_recorder.begin(runId, settings);

    m_gate = new Gate(settings.gateCapacity(), this);
    m_recorder.recordCapacity(settings.gateCapacity());
    connect(m_gate, &Gate::capacityChanged, this,
            [this](int capacity) { m_recorder.recordCapacity(capacity); });

    for (const QUrl &url : urls)
        m_recorder.add(url);
    Q_EMIT runStarted(runId);

    for (int id = 0; id < m_recorder.count() && m_running && !m_cancelling; ++id)
        enqueue(id);
    if (m_recorder.count() == 0)
        finish(false);
}

void Runner::enqueue(int id)
{
    m_gateWaiters.insert(id, 0);
    const Gate::Ticket ticket = m_gate->acquire([this, id] { onGateAcquired(id); });
    if (m_gateWaiters.contains(id)) // not admitted synchronously
        m_gateWaiters[id] = ticket;
}

void Runner::onGateAcquired(int id)
{
    m_gateWaiters.remove(id);
    m_recorder.mark(id, Mark::GateAcquired);
    if (m_settings.perHost <= 0) {
        issue(id);
        return;
    }
    m_hostWaiters.insert(id, 0);
    const Gate::Ticket ticket = hostGate(m_recorder.record(id).url)->acquire([this, id] { issue(id); });
    if (m_hostWaiters.contains(id))
        m_hostWaiters[id] = ticket;
}

Gate *Runner::hostGate(const QUrl &url)
{
    const QString key = ManagerPool::hostKey(url);
    Gate *&gate = m_hostGates[key];
    if (!gate)
        gate = new Gate(m_settings.perHost, this);
    return gate;
}

void Runner::issue(int id)
{
    m_hostWaiters.remove(id);
    const QUrl url = m_recorder.record(id).url;
    auto *fetch = new Fetch(m_pool->acquire(url), &m_recorder, id, m_settings, this);
    m_fetches.insert(id, fetch);
    m_peakInFlight = std::max(m_peakInFlight, int(m_fetches.size()));
    connect(fetch, &Fetch::finished, this, &Runner::onFetchFinished);
    fetch->start();
}

void Runner::onFetchFinished(int id)
{
    Fetch *fetch = m_fetches.take(id);
    if (!fetch)
        return;
    const QUrl url = m_recorder.record(id).url;
    m_pool->release(fetch->manager(), url);
    fetch->deleteLater();
    if (m_cancelling)
        return; // cancel() settles the permits
    if (m_settings.perHost > 0)
        hostGate(url)->release();

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
    if (m_running && m_done == m_recorder.count())
        finish(false);
}

void Runner::setLimit(int limit)
{
    limit = std::max(1, limit);
    if (m_settings.mode != RunMode::Limited || limit == m_settings.limit)
        return;
    m_settings.limit = limit;
    if (m_running)
        m_gate->setCapacity(limit);
}

void Runner::cancel()
{
    if (!m_running || m_cancelling)
        return;
    m_cancelling = true;

    // Waiters first, so that nothing released below admits anyone.
    const auto dropWaiters = [this](QHash<int, Gate::Ticket> &waiters, const QString &reason) {
        for (auto it = waiters.cbegin(); it != waiters.cend(); ++it) {
            RequestRecord &record = m_recorder.edit(it.key());
            record.outcome = Outcome::Cancelled;
            record.error = reason;
        }
        waiters.clear();
    };
    dropWaiters(m_gateWaiters, tr("cancelled while waiting for the gate"));
    dropWaiters(m_hostWaiters, tr("cancelled while waiting for a connection to its host"));

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
    m_running = false;
    m_recorder.end(cancelled);
    Q_EMIT runFinished(m_recorder.result());
}
