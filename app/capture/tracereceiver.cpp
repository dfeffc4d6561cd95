#include "tracereceiver.h"

#include "capturedsettings.h"
#include "loopbackpeer.h"
#include "recorder/recorder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>

#include <algorithm>

TraceReceiver::TraceReceiver(Recorder *recorder, int runId, QObject *parent)
    : QObject(parent)
    , m_recorder(recorder)
    , m_runId(runId)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &TraceReceiver::accept);
}

TraceReceiver::~TraceReceiver() = default;

bool TraceReceiver::listen(QString *error)
{
    if (m_server->listen(QHostAddress::LocalHost, 0)) {
        RunSettings settings;
        settings.mode = RunMode::Gather;
        settings.limit = 0;
        m_recorder->begin(m_runId, settings);
        return true;
    }
    if (error)
        *error = m_server->errorString();
    return false;
}

QString TraceReceiver::address() const
{
    return QStringLiteral("127.0.0.1:%1").arg(m_server->serverPort());
}

QString TraceReceiver::tracerDirectory()
{
    QStringList candidates;
    if (const QString dir = qEnvironmentVariable("CRAWLSCOPE_TRACER_DIR"); !dir.isEmpty())
        candidates << dir;
    else {
        candidates << QCoreApplication::applicationDirPath() + QLatin1String("/../share/crawlscope/tracer");
#ifdef CRAWLSCOPE_TRACER_SOURCE_DIR
        candidates << QStringLiteral(CRAWLSCOPE_TRACER_SOURCE_DIR);
#endif
    }
    for (const QString &candidate : std::as_const(candidates)) {
        if (QFileInfo::exists(candidate + QLatin1String("/crawlscope_trace/__main__.py")))
            return QDir::cleanPath(QFileInfo(candidate).absoluteFilePath());
    }
    return {};
}

void TraceReceiver::accept()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (!isLoopbackPeer(socket->peerAddress()) || m_finished) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        socket->setParent(this);
        // Bounded, so that the kernel holds what the loop has not read yet instead of Qt's buffer.
        socket->setReadBufferSize(4 * MaxEventBytes);
        ++m_open;
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            read(socket);
            m_buffers.remove(socket);
            m_skipping.remove(socket);
            socket->deleteLater();
            if (--m_open == 0)
                Q_EMIT connectionsClosed();
        });
    }
}

void TraceReceiver::read(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    // What arrives is read in pieces of at most one line's cap, so a line that never ends costs no more.
    while (socket->bytesAvailable() > 0) {
        buffer += socket->read(MaxEventBytes);
        if (m_skipping.contains(socket)) {
            const qsizetype end = buffer.indexOf('\n');
            if (end < 0) {
                buffer.clear();
                continue;
            }
            buffer.remove(0, end + 1);
            m_skipping.remove(socket);
        }
        qsizetype start = 0;
        for (qsizetype end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n', start)) {
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(buffer.mid(start, end - start), &error);
            start = end + 1;
            if (document.isObject() && !m_finished)
                handle(document.object());
            else if (!document.isObject())
                addProblem(tr("unreadable tracer event: %1").arg(error.errorString()));
        }
        buffer.remove(0, start);
        if (buffer.size() > MaxEventBytes) {
            addProblem(tr("a tracer event longer than %1 bytes was dropped").arg(MaxEventBytes));
            buffer.clear();
            m_skipping.insert(socket);
        }
    }
}

void TraceReceiver::addProblem(const QString &problem)
{
    if (m_problems.size() < MaxProblems)
        m_problems << problem;
    else
        ++m_problemsLeftOut;
}

QStringList TraceReceiver::problems() const
{
    QStringList all = m_problems;
    if (m_problemsLeftOut > 0)
        all << tr("… and %n more problem(s)", nullptr, m_problemsLeftOut);
    return all;
}

qint64 TraceReceiver::at(const QJsonObject &event, const char *key) const
{
    // The tracer's clock is time.monotonic_ns(), CLOCK_MONOTONIC: the one Crawlscope stamps with.
    return std::max<qint64>(0, m_recorder->sinceStartNs(qint64(event.value(QLatin1String(key)).toDouble())));
}

void TraceReceiver::handle(const QJsonObject &event)
{
    const QString kind = event.value(QLatin1String("e")).toString();
    if (kind == QLatin1String("hello")) {
        if (!m_active) {
            m_active = true;
            Q_EMIT tracerConnected();
        }
        return;
    }
    if (!m_active)
        return;
    if (kind == QLatin1String("problem")) {
        addProblem(event.value(QLatin1String("what")).toString());
        return;
    }
    const qint64 semaphore = qint64(event.value(QLatin1String("sem")).toDouble());
    if (kind == QLatin1String("semaphore")) {
        const int value = event.value(QLatin1String("value")).toInt();
        m_semaphores.insert(semaphore, value);
        m_stats.semaphoreValue = std::max(m_stats.semaphoreValue, value);
        return;
    }
    Task &task = m_tasks[event.value(QLatin1String("task")).toString()];
    if (kind == QLatin1String("wait")) {
        task.waitNs = at(event, "t");
        task.acquiredNs = -1;
    } else if (kind == QLatin1String("acquired")) {
        task.acquiredNs = at(event, "t");
        task.acquiredSemaphore = semaphore;
        task.waited = event.value(QLatin1String("waited")).toBool();
        m_stats.waits += task.waited ? 1 : 0;
    } else if (kind == QLatin1String("release")) {
        if (semaphore == task.acquiredSemaphore)
            closeOpen(task, at(event, "t"));
        task.waitNs = task.acquiredNs = -1;
        task.acquiredSemaphore = 0;
    } else if (kind == QLatin1String("sleep")) {
        // sleep(0) is how asyncio code (httpx's among it) yields to the loop: no delay, not the program's.
        if (event.value(QLatin1String("delay")).toDouble() <= 0)
            return;
        ++m_stats.sleeps;
        const bool inPermit = !event.value(QLatin1String("held")).toArray().isEmpty();
        m_stats.sleepsInPermit += inPermit ? 1 : 0;
        if (inPermit && task.openRecord >= 0) {
            task.sleptInPermit = true;
            m_sleepMs.push_back(qint64(event.value(QLatin1String("delay")).toDouble() * 1000));
        }
    } else if (kind == QLatin1String("request_start")) {
        closeOpen(task, -1);
        const QUrl url(event.value(QLatin1String("url")).toString());
        const int id = m_recorder->add(url);
        const qint64 start = at(event, "t");
        const bool held = !event.value(QLatin1String("held")).toArray().isEmpty() && task.acquiredNs >= 0;
        m_recorder->markAt(id, Mark::Queued, held && task.waitNs >= 0 ? task.waitNs : start);
        if (held)
            m_recorder->markAt(id, Mark::GateAcquired, task.acquiredNs);
        m_recorder->markAt(id, Mark::Issued, start);
        RequestRecord &record = m_recorder->edit(id);
        record.setMethod(event.value(QLatin1String("method")).toString());
        task.requests.append(id);
        ++m_stats.requests;
    } else if (kind == QLatin1String("request")) {
        if (task.requests.isEmpty())
            return;
        const int id = task.requests.takeFirst();
        m_recorder->markAt(id, Mark::Finished, at(event, "t1"));
        RequestRecord &record = m_recorder->edit(id);
        record.status = RequestRecord::statusFrom(event.value(QLatin1String("status")).toInteger());
        record.finalUrl = record.url;
        const QString error = event.value(QLatin1String("error")).toString();
        record.outcome = !error.isEmpty() ? Outcome::Failed
            : record.status >= 400        ? Outcome::HttpError
                                          : Outcome::Ok;
        record.error = error;
        if (record.reached(Mark::GateAcquired))
            task.openRecord = id;
    }
}

void TraceReceiver::closeOpen(Task &task, qint64 releasedNs)
{
    if (task.openRecord < 0)
        return;
    // The permit was held after the response only if the program slept inside it: that is the delay.
    if (releasedNs >= 0 && task.sleptInPermit)
        m_recorder->markAt(task.openRecord, Mark::DelayReleased, releasedNs);
    task.openRecord = -1;
    task.sleptInPermit = false;
}

void TraceReceiver::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_server->close();
    if (!m_active) {
        m_recorder->end(true);
        return;
    }
    for (Task &task : m_tasks) {
        for (const int id : std::as_const(task.requests)) {
            m_recorder->mark(id, Mark::Finished);
            RequestRecord &record = m_recorder->edit(id);
            record.outcome = Outcome::Cancelled;
            record.error = tr("the program ended before the request did");
        }
        task.requests.clear();
    }
    RunSettings settings = m_recorder->result().settings;
    if (m_stats.semaphoreValue > 0) {
        settings.mode = RunMode::Limited;
        settings.limit = m_stats.semaphoreValue;
        if (!m_sleepMs.empty()) {
            std::nth_element(m_sleepMs.begin(), m_sleepMs.begin() + std::ptrdiff_t(m_sleepMs.size() / 2),
                             m_sleepMs.end());
            settings.delayMs = int(m_sleepMs[m_sleepMs.size() / 2]);
        }
    } else {
        settings = capturedSettings(settings, m_recorder->result().records);
    }
    m_recorder->setSettings(settings);
    for (qsizetype i = 0; i < m_recorder->result().records.size(); ++i)
        m_recorder->edit(int(i)).mode = settings.mode;
    m_recorder->end(false);
}

int TraceReceiver::addWireTimings(RunResult &traced, const RunResult &proxied, qint64 proxyToTracedNs)
{
    std::vector<bool> taken(std::size_t(proxied.records.size()), false);
    int matched = 0;
    for (RequestRecord &record : traced.records) {
        if (!record.reached(Mark::Issued) || !record.reached(Mark::Finished))
            continue;
        const qint64 start = record.at(Mark::Issued);
        const qint64 end = record.at(Mark::Finished);
        qsizetype best = -1;
        for (qsizetype i = 0; i < proxied.records.size(); ++i) {
            const RequestRecord &wire = proxied.records[i];
            if (taken[std::size_t(i)] || wire.method() != record.method() || wire.url != record.url
                || !wire.reached(Mark::Finished))
                continue;
            const qint64 wireStart = wire.at(Mark::Queued) + proxyToTracedNs;
            const qint64 wireEnd = wire.at(Mark::Finished) + proxyToTracedNs;
            // The client's own work brackets what reached the proxy: it began before and ended after.
            if (wireStart < start || wireEnd > end + 1'000'000)
                continue;
            if (best < 0 || wireStart < proxied.records[best].at(Mark::Queued) + proxyToTracedNs)
                best = i;
        }
        if (best < 0)
            continue;
        taken[std::size_t(best)] = true;
        ++matched;
        const RequestRecord &wire = proxied.records[best];
        for (const Mark mark : {Mark::ConnectStarted, Mark::RequestSent, Mark::FirstByte}) {
            if (wire.reached(mark) && !record.reached(mark))
                record.set(mark, std::clamp(wire.at(mark) + proxyToTracedNs, start, end));
        }
        record.setConnection(wire.connection());
        record.setReusedConnection(wire.reusedConnection());
        record.bytes = wire.bytes;
        record.contentType = wire.contentType;
    }
    return matched;
}
