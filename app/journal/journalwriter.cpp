#include "journalwriter.h"

#include "export/jsonformat.h"
#include "export/runjson.h"
#include "journalreader.h"
#include "journalsink.h"
#include "run/runner.h"
#include "session/runsequence.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <sys/file.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

QByteArray line(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

QJsonObject tagged(const QString &type, QJsonObject object)
{
    object.insert(u"t"_s, type);
    return object;
}

} // namespace

JournalWriter::JournalWriter(RunSequence *sequence, QString directory, QObject *parent)
    : QObject(parent)
    , m_sequence(sequence)
    , m_directory(std::move(directory))
{
    const Runner *runner = sequence->runner();
    connect(sequence, &RunSequence::runStarted, this, [this] {
        if (m_ended)
            open();
    });
    connect(runner, &Runner::runStarted, this, &JournalWriter::onRunStarted);
    connect(runner, &Runner::recordsChanged, this, &JournalWriter::onRecordsChanged);
    connect(runner, &Runner::capacityChanged, this, &JournalWriter::onCapacityChanged);
    connect(runner, &Runner::crawlChanged, this, &JournalWriter::onCrawlChanged);
    connect(sequence, &RunSequence::runFinished, this, &JournalWriter::onRunFinished);
    connect(sequence, &RunSequence::finished, this, &JournalWriter::onSequenceFinished);
}

JournalWriter::~JournalWriter()
{
    close();
}

void JournalWriter::open()
{
    // A failure not handled yet (it comes queued) would be lost with its sink: it is handled now.
    if (m_sink && !m_sink->failure().isEmpty())
        onSinkFailed(m_generation, m_sink->failure());
    close();
    m_ended = false;
    m_runId = -1;
    if (!QDir().mkpath(m_directory)) {
        Q_EMIT failed(QCoreApplication::translate("JournalWriter", "Cannot create the journal folder \"%1\"")
                          .arg(QDir::toNativeSeparators(m_directory)));
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // The pid and a counter keep two windows, or two sequences of one, from sharing a file.
    static int serial = 0;
    const QString name = u"run-"_s + now.toString(u"yyyyMMdd-HHmmss-zzz"_s) + u'-'
        + QString::number(QCoreApplication::applicationPid()) + u'-' + QString::number(++serial)
        + JournalReader::fileSuffix();
    m_file.setFileName(QDir(m_directory).filePath(name));
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::NewOnly | QIODevice::Unbuffered)
        || ::flock(m_file.handle(), LOCK_EX | LOCK_NB) != 0) {
        const QString error = m_file.errorString();
        m_file.close();
        m_file.setFileName(QString());
        Q_EMIT failed(QCoreApplication::translate("JournalWriter", "Cannot write the journal \"%1\": %2")
                          .arg(QDir::toNativeSeparators(QDir(m_directory).filePath(name)), error));
        return;
    }
    const int generation = ++m_generation;
    m_sink = std::make_unique<JournalSink>(m_file.handle(), [this, generation](const QString &reason) {
        QMetaObject::invokeMethod(
            this, [this, generation, reason] { onSinkFailed(generation, reason); }, Qt::QueuedConnection);
    });
    writeLines(line(tagged(u"journal"_s,
                           {
                               {u"format"_s, u"crawlscope-journal"_s},
                               {u"version"_s, 1},
                               {u"created_at"_s, now.toString(Qt::ISODateWithMs)},
                               {u"pid"_s, QCoreApplication::applicationPid()},
                               {u"crawlscope"_s, QStringLiteral(CRAWLSCOPE_VERSION)},
                           })));
}

void JournalWriter::onRunStarted()
{
    if (!m_file.isOpen())
        return;
    // The run's settings, start and gate as a run file writes them, without the requests: those follow as
    // the batches bring them.
    RunResult header = m_sequence->runner()->recorder().result();
    header.records.clear();
    header.skipped.clear();
    header.hosts.clear();
    m_runId = header.runId;
    m_skipCounts.clear();
    m_hosts.clear();
    m_sink->startRun(line(tagged(u"run"_s, RunJson::run(header))));
}

void JournalWriter::onRecordsChanged(int runId, const QList<RequestRecord> &changed)
{
    if (m_file.isOpen() && runId == m_runId)
        m_sink->writeRecords(changed); // shared, not copied: the sink serializes it on its thread
}

void JournalWriter::onCapacityChanged(int runId, const CapacityChange &change)
{
    if (m_file.isOpen() && runId == m_runId)
        writeLines(line(tagged(u"cap"_s, RunJson::capacityChange(change))));
}

void JournalWriter::onCrawlChanged(int runId, const QList<SkippedUrl> &skipped, const QList<CrawlHost> &hosts)
{
    if (!m_file.isOpen() || runId != m_runId)
        return;
    // Skipped URLs only grow, and only their counts change: new ones and changed counts are written, by
    // position.
    QByteArray lines;
    const UrlById noUrls;
    for (qsizetype i = 0; i < skipped.size(); ++i) {
        if (i < m_skipCounts.size() && m_skipCounts.at(i) == skipped.at(i).count)
            continue;
        QJsonObject object = tagged(u"skip"_s, RunJson::skipped(skipped.at(i), noUrls));
        object.insert(u"i"_s, i);
        lines += line(object);
        if (i < m_skipCounts.size())
            m_skipCounts[i] = skipped.at(i).count;
        else
            m_skipCounts.append(skipped.at(i).count);
    }
    if (hosts != m_hosts) {
        QJsonArray array;
        for (const CrawlHost &host : hosts)
            array.append(RunJson::host(host));
        lines += line(QJsonObject {{u"t"_s, u"hosts"_s}, {u"hosts"_s, array}});
        m_hosts = hosts;
    }
    writeLines(lines);
}

void JournalWriter::onRunFinished(const RunResult &result)
{
    if (!m_file.isOpen() || result.runId != m_runId)
        return;
    QJsonObject end {
        {u"t"_s, u"end"_s},
        {u"end_ns"_s, result.endNs},
        {u"cancelled"_s, result.cancelled},
    };
    if (result.concurrencyCap.isCapped())
        end.insert(u"concurrency_cap"_s, concurrencyCapToJson(result.concurrencyCap));
    writeLines(line(end));
    m_runId = -1;
}

void JournalWriter::onSequenceFinished()
{
    if (m_file.isOpen()) {
        writeLines(line(QJsonObject {{u"t"_s, u"done"_s}}));
        m_sink->drain(); // whoever reads the journal once the sequence is over finds all of it
    }
    // Still locked: the runs live on in this process until they are saved or it ends.
    m_ended = true;
}

void JournalWriter::writeLines(QByteArray lines)
{
    if (m_sink)
        m_sink->writeLines(std::move(lines));
}

void JournalWriter::onSinkFailed(int generation, const QString &reason)
{
    if (generation != m_generation || !m_file.isOpen())
        return;
    const QString message
        = QCoreApplication::translate("JournalWriter", "Cannot write the journal \"%1\": %2")
              .arg(QDir::toNativeSeparators(m_file.fileName()), reason);
    close();
    m_file.remove();
    m_file.setFileName(QString());
    Q_EMIT failed(message);
}

void JournalWriter::discard()
{
    if (m_file.fileName().isEmpty())
        return;
    m_sink.reset(); // its thread writes no more to the file
    m_file.remove(); // closes it too, which drops the lock
    m_file.setFileName(QString());
}

void JournalWriter::close()
{
    m_sink.reset(); // writes what it was handed first
    if (m_file.isOpen())
        m_file.close();
}
