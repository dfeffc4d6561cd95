#include "traceformat.h"

#include "recordschema.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <array>
#include <map>

using namespace Qt::StringLiterals;

namespace {

constexpr auto Category = "request"_L1;

// Every run starts at ts 0 instead of at its wall-clock time, so runs of one comparison line up on Perfetto's
// axis. Trace time is microseconds; the fraction keeps every nanosecond.
double us(qint64 ns)
{
    return double(ns) / 1000.0;
}

struct Event
{
    qint64 ns = 0;
    QJsonObject json;
};

QString processName(const RunResult &run)
{
    const RunSettings &settings = run.settings;
    QString name = runModeName(settings.mode);
    if (settings.mode == RunMode::Limited)
        name += u'(' + QString::number(settings.limit) + u')';
    if (settings.delayMs > 0)
        name += u", delay "_s + QString::number(settings.delayMs) + u" ms"_s;
    if (settings.crawl.enabled)
        name += u", crawl"_s;
    const qsizetype count = run.records.size();
    name += u" — "_s + QString::number(count) + (count == 1 ? u" request"_s : u" requests"_s);
    if (settings.crawl.enabled)
        name += u", "_s + QString::number(run.skipped.size()) + u" skipped"_s;
    return name;
}

// What a crawl adds to a request's details; a plain run's requests are all first attempts of seeds.
void insertCrawlArgs(QJsonObject &args, const RequestRecord &record, const UrlById &urlById)
{
    for (const auto key : {u"role", u"attempt", u"depth", u"parent_id", u"parent_url"}) {
        const RecordField &field = recordField(key);
        const QJsonValue value = field.toJson(field.get(record, urlById));
        if (!value.isNull()) // a seed has no parent URL
            args.insert(field.jsonKey, value);
    }
}

Event metadata(int pid, const QString &name, const QJsonObject &args)
{
    return {0, {{u"ph"_s, u"M"_s}, {u"name"_s, name}, {u"pid"_s, pid}, {u"tid"_s, pid}, {u"args"_s, args}}};
}

// urlById is null for a run that is no crawl.
void appendRequest(QList<Event> &events, const RequestRecord &record, int pid, qsizetype index,
                   const UrlById *urlById)
{
    // Local ids are scoped to the process, so the index in the run is unique enough.
    const QJsonObject id {{u"local"_s, QString(u"0x"_s + QString::number(index, 16))}};
    const auto slice
        = [&](const QString &phase, const QString &name, qint64 ns, const QJsonObject &args = {}) {
              QJsonObject json {{u"ph"_s, phase}, {u"cat"_s, Category}, {u"name"_s, name},
                                {u"id2"_s, id},   {u"pid"_s, pid},      {u"tid"_s, pid}};
              if (!args.isEmpty())
                  json.insert(u"args"_s, args);
              events.append({ns, json});
          };
    const auto child = [&](const QString &name, qint64 from, qint64 to) {
        if (to <= from)
            return; // no time spent, as with a free permit: it did not happen
        slice(u"b"_s, name, from);
        slice(u"e"_s, name, to);
    };

    // Each phase runs from its mark to the next one reached, so a request cancelled in the queue was waiting
    // until the end, and one that failed while connecting was connecting until then.
    constexpr std::array Steps {Mark::Queued, Mark::Issued, Mark::RequestSent, Mark::FirstByte,
                                Mark::Finished};
    const std::array<QString, 4> names {u"waiting"_s, u"connecting"_s, u"waiting for first byte"_s,
                                        u"downloading"_s};
    const qint64 begin = record.at(Mark::Queued);
    QJsonObject args {{u"id"_s, record.id},
                      {u"url"_s, record.url.toString(QUrl::FullyEncoded)},
                      {u"status"_s, record.status},
                      {u"outcome"_s, outcomeName(record.outcome)},
                      {u"bytes"_s, record.bytes}};
    if (!record.error.isEmpty())
        args.insert(u"error"_s, record.error.toString());
    if (urlById)
        insertCrawlArgs(args, record, *urlById);
    QString name = record.url.toString(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
    if (name.isEmpty())
        name = record.url.toString();
    slice(u"b"_s, name, begin, args);

    qint64 end = begin;
    std::size_t phase = 0;
    for (std::size_t step = 1; step < Steps.size(); ++step) {
        if (!record.reached(Steps[step]))
            continue;
        const qint64 at = std::max(end, record.at(Steps[step]));
        child(names[phase], end, at);
        end = at;
        phase = step;
    }
    if (record.reached(Mark::Finished) && record.reached(Mark::DelayReleased)) {
        const qint64 released = std::max(end, record.at(Mark::DelayReleased));
        child(u"delay"_s, end, released);
        end = released;
    }
    slice(u"e"_s, name, end);
}

// In flight: issued and not finished. Waiting: queued and neither issued nor finished.
void appendConcurrency(QList<Event> &events, const RunResult &run, int pid)
{
    std::map<qint64, std::pair<int, int>> changes {{0, {0, 0}}}; // ns → change of in flight, of waiting
    for (const auto &record : run.records) {
        if (!record.reached(Mark::Queued))
            continue;
        const qint64 queued = record.at(Mark::Queued);
        ++changes[queued].second;
        const qint64 issued = record.reached(Mark::Issued) ? std::max(queued, record.at(Mark::Issued)) : -1;
        if (issued >= 0) {
            --changes[issued].second;
            ++changes[issued].first;
        }
        if (record.reached(Mark::Finished)) {
            auto &change = changes[std::max({queued, issued, record.at(Mark::Finished)})];
            if (issued >= 0)
                --change.first;
            else
                --change.second;
        }
    }
    int inFlight = 0;
    int waiting = 0;
    for (const auto &[ns, change] : changes) {
        inFlight += change.first;
        waiting += change.second;
        events.append({ns,
                       {{u"ph"_s, u"C"_s},
                        {u"name"_s, u"concurrency"_s},
                        {u"pid"_s, pid},
                        {u"tid"_s, pid},
                        {u"args"_s, QJsonObject {{u"in_flight"_s, inFlight}, {u"waiting"_s, waiting}}}}});
    }
}

} // namespace

QByteArray toTrace(const QList<RunResult> &runs)
{
    Progress progress;
    return toTrace(runs, progress);
}

QByteArray toTrace(const QList<RunResult> &runs, Progress &progress)
{
    progress.setTotal(recordCount(runs));
    QJsonArray traceEvents;
    for (qsizetype r = 0; r < runs.size(); ++r) {
        const RunResult &run = runs.at(r);
        const int pid = int(r) + 1;
        QList<Event> events {
            metadata(pid, u"process_name"_s, {{u"name"_s, processName(run)}}),
            metadata(pid, u"process_sort_index"_s, {{u"sort_index"_s, int(r)}}),
        };
        UrlById urlById;
        if (run.settings.crawl.enabled) {
            for (const auto &record : run.records)
                urlById.insert(record.id, record.url);
        }
        const UrlById *crawlUrls = run.settings.crawl.enabled ? &urlById : nullptr;
        for (qsizetype i = 0; i < run.records.size(); ++i) {
            if (run.records.at(i).reached(Mark::Queued))
                appendRequest(events, run.records.at(i), pid, i, crawlUrls);
            if (!progress.step())
                return {};
        }
        appendConcurrency(events, run, pid);
        // Stable, so a parent's begin stays before its first child's and a child's end before its parent's.
        std::stable_sort(events.begin(), events.end(),
                         [](const Event &a, const Event &b) { return a.ns < b.ns; });
        for (auto &event : events) {
            event.json.insert(u"ts"_s, us(event.ns));
            traceEvents.append(event.json);
        }
    }
    // Compact: traces grow large, and chrome://tracing gives up at about 256 MB.
    const QJsonObject trace {{u"traceEvents"_s, traceEvents}, {u"displayTimeUnit"_s, u"ms"_s}};
    return QJsonDocument(trace).toJson(QJsonDocument::Compact);
}
