#pragma once

#include "core/runresult.h"

#include <QFile>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

class JournalSink;
class RunSequence;

/// Journals every run of a RunSequence as it goes, so that a SIGKILL loses at most the last batch. It is a
/// consumer of the Recorder's batches, like the window's models: a record is written when it first appears
/// and again whenever a batch carries it done, so each request costs about two lines, one JSON object each.
/// Each batch is handed as it arrives, every Recorder::BatchIntervalMs, to a JournalSink, which serializes
/// and writes it to the file (not to a buffer of ours) on its own thread at once. One journal per sequence:
/// it starts with the sequence's first run and holds every run of it. The file is locked while its writer
/// lives, so `crawlscope recover` never takes a run that is still going.
class JournalWriter : public QObject
{
    Q_OBJECT

public:
    explicit JournalWriter(RunSequence *sequence, QString directory, QObject *parent = nullptr);
    ~JournalWriter() override;

    /// The journal of the latest sequence; empty before its first run or when it could not be written.
    QString path() const { return m_file.fileName(); }
    /// The latest sequence finished and its journal says so.
    bool isEnded() const { return m_ended; }
    /// Its runs are saved: the journal is not needed any more and goes.
    void discard();

Q_SIGNALS:
    /// The journal could not be written; the run goes on without one.
    void failed(const QString &message);

private:
    void open();
    void onRunStarted();
    void onRecordsChanged(int runId, const QList<RequestRecord> &changed);
    void onCapacityChanged(int runId, const CapacityChange &change);
    void onCrawlChanged(int runId, const QList<SkippedUrl> &skipped, const QList<CrawlHost> &hosts);
    void onRunFinished(const RunResult &result);
    void onSequenceFinished();
    void writeLines(QByteArray lines);
    void onSinkFailed(int generation, const QString &reason);
    void close();

    RunSequence *m_sequence;
    QString m_directory;
    QFile m_file;
    bool m_ended = true; // no sequence journaled yet
    int m_runId = -1;
    std::unique_ptr<JournalSink> m_sink; // while m_file is open
    int m_generation = 0; // of m_sink, so a late failure of a closed one is ignored
    QList<int> m_skipCounts; // the counts written, by position in the run's skipped URLs
    QList<CrawlHost> m_hosts; // as last written
};
