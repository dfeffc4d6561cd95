#pragma once

#include <QObject>

#include "models/runmodel.h"
#include "recorder/recorder.h"

/// Feeds a RunModel the way a crawl does: requests and skips go into a Recorder, whose batches reach the
/// model through applyRecords and applyCrawl, records first. Nothing is sent until flush(), so a test decides
/// exactly what each batch holds.
class CrawlFeed
{
public:
    static constexpr auto Origin = "http://site.test";

    explicit CrawlFeed(RunModel *model, int runId = 1)
    {
        QObject::connect(&m_recorder, &Recorder::recordsChanged, model, &RunModel::applyRecords);
        QObject::connect(&m_recorder, &Recorder::crawlChanged, model, &RunModel::applyCrawl);
        RunSettings settings;
        settings.crawl.enabled = true;
        model->beginRun(runId, settings, QDateTime::currentDateTimeUtc());
        m_recorder.begin(runId, settings);
    }

    static QUrl url(const QString &path) { return QUrl(QString::fromLatin1(Origin) + path); }

    int page(const QString &path, int parentId = -1, int depth = 0, int attempt = 1)
    {
        const int id = m_recorder.add(url(path), parentId, depth);
        m_recorder.edit(id).attempt = attempt;
        return id;
    }

    int robots()
    {
        const int id = m_recorder.add(url(QStringLiteral("/robots.txt")));
        m_recorder.edit(id).role = RequestRole::Robots;
        CrawlHost host;
        host.origin = QString::fromLatin1(Origin);
        host.robotsRecordId = id;
        m_recorder.setHost(host);
        return id;
    }

    void robotsAnswered(RobotsStatus status, const QString &detail)
    {
        CrawlHost host = *m_recorder.host(QString::fromLatin1(Origin));
        host.robots = status;
        host.robotsDetail = detail;
        m_recorder.setHost(host);
    }

    void issue(int id)
    {
        m_recorder.mark(id, Mark::GateAcquired);
        m_recorder.mark(id, Mark::Issued);
    }

    void finish(int id, int status, const QString &contentType = QStringLiteral("text/html; charset=utf-8"))
    {
        if (!m_recorder.record(id).reached(Mark::Issued))
            issue(id);
        m_recorder.mark(id, Mark::Finished);
        RequestRecord &record = m_recorder.edit(id);
        record.status = status;
        record.contentType = contentType;
        record.outcome = status >= 400 ? Outcome::HttpError : Outcome::Ok;
        if (status >= 400)
            record.error = QStringLiteral("HTTP %1").arg(status);
    }

    void fail(int id, const QString &error)
    {
        m_recorder.mark(id, Mark::Finished);
        RequestRecord &record = m_recorder.edit(id);
        record.outcome = Outcome::Failed;
        record.error = error;
    }

    void skip(const QString &path, int parentId, int depth, SkipReason reason, const QString &detail = {})
    {
        m_recorder.skip(url(path), parentId, depth, reason, detail);
    }

    void flush() { m_recorder.flush(); }

    Recorder &recorder() { return m_recorder; }

private:
    Recorder m_recorder;
};
