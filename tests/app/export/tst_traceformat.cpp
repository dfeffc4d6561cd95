#include "export/traceformat.h"

#include "sampleruns.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 MsNs = 1'000'000;

// Four 100 ms requests queued at once, as the lesson runs them: one after another, all at once, or two at a
// time.
RunResult comparisonRun(RunMode mode, int limit)
{
    RunResult run;
    run.settings.mode = mode;
    run.settings.limit = limit;
    run.startedAt = QDateTime(QDate(2024, 5, 1), QTime(12, 0), QTimeZone::utc());
    const int slots = mode == RunMode::Sequential ? 1 : mode == RunMode::Gather ? 4 : limit;
    for (int i = 0; i < 4; ++i) {
        const qint64 start = (i / slots) * 100 * MsNs;
        RequestRecord record
            = SampleRuns::record(i, u"http://127.0.0.1:8123/item/"_s + QString::number(i), mode, Outcome::Ok,
                                 {{Mark::Queued, 0},
                                  {Mark::GateAcquired, start},
                                  {Mark::Issued, start},
                                  {Mark::ConnectStarted, start},
                                  {Mark::RequestSent, start + MsNs},
                                  {Mark::FirstByte, start + 50 * MsNs},
                                  {Mark::Finished, start + 100 * MsNs}});
        record.status = 200;
        run.records.append(record);
        run.endNs = start + 100 * MsNs;
    }
    return run;
}

QList<RunResult> comparison()
{
    return {comparisonRun(RunMode::Sequential, 1), comparisonRun(RunMode::Gather, 0),
            comparisonRun(RunMode::Limited, 2)};
}

QJsonArray traceEvents(const QByteArray &trace)
{
    return QJsonDocument::fromJson(trace).object().value(u"traceEvents"_s).toArray();
}

QString where(qsizetype index, const QJsonObject &event)
{
    return u"event "_s + QString::number(index) + u' '
        + QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Compact)) + u": "_s;
}

// Checks what Perfetto and chrome://tracing rely on; returns the first problem, or an empty string. Async
// slices are matched like a stack per id, so an end that is not the latest open begin of its id, or a child
// that outlives its parent, is caught.
QString validate(const QByteArray &trace)
{
    QJsonParseError parseError;
    const QJsonObject root = QJsonDocument::fromJson(trace, &parseError).object();
    if (parseError.error != QJsonParseError::NoError)
        return u"not JSON: "_s + parseError.errorString();
    if (root.value(u"displayTimeUnit"_s).toString() != u"ms"_s)
        return u"displayTimeUnit is not \"ms\""_s;
    if (!root.value(u"traceEvents"_s).isArray())
        return u"traceEvents is not an array"_s;

    struct Open
    {
        QString name;
        double ts;
    };
    QHash<QString, QList<Open>> open; // by pid, category and id
    QHash<int, double> lastTs;
    QSet<int> pids;
    QSet<int> named;
    QSet<int> sortIndexed;
    const QJsonArray events = root.value(u"traceEvents"_s).toArray();
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QJsonObject event = events.at(i).toObject();
        const QString at = where(i, event);
        const QString ph = event.value(u"ph"_s).toString();
        const int pid = event.value(u"pid"_s).toInt(-1);
        if (pid < 1 || !event.value(u"tid"_s).isDouble() || !event.value(u"ts"_s).isDouble())
            return at + u"no pid, tid or ts"_s;
        const double ts = event.value(u"ts"_s).toDouble();
        if (ts < 0 || (lastTs.contains(pid) && ts < lastTs.value(pid)))
            return at + u"ts is negative or out of order"_s;
        lastTs.insert(pid, ts);
        pids.insert(pid);
        const QJsonObject args = event.value(u"args"_s).toObject();
        const QString key = QString::number(pid) + u'/' + event.value(u"cat"_s).toString() + u'/'
            + event.value(u"id2"_s).toObject().value(u"local"_s).toString();
        if (ph == u"M"_s) {
            if (event.value(u"name"_s) == u"process_name"_s && !args.value(u"name"_s).toString().isEmpty())
                named.insert(pid);
            else if (event.value(u"name"_s) == u"process_sort_index"_s
                     && args.value(u"sort_index"_s).isDouble())
                sortIndexed.insert(pid);
            else
                return at + u"unexpected metadata"_s;
        } else if (ph == u"b"_s) {
            if (event.value(u"cat"_s).toString().isEmpty() || event.value(u"name"_s).toString().isEmpty()
                || !event.value(u"id2"_s).toObject().value(u"local"_s).toString().startsWith(u"0x"_s))
                return at + u"a begin needs cat, name and id2.local"_s;
            open[key].append({event.value(u"name"_s).toString(), ts});
        } else if (ph == u"e"_s) {
            if (open.value(key).isEmpty())
                return at + u"an end without a begin"_s;
            const Open begin = open[key].takeLast();
            if (begin.name != event.value(u"name"_s).toString() || ts < begin.ts)
                return at + u"does not end \""_s + begin.name + u"\" begun at "_s + QString::number(begin.ts);
        } else if (ph == u"C"_s) {
            if (event.value(u"name"_s) != u"concurrency"_s || !args.value(u"in_flight"_s).isDouble()
                || !args.value(u"waiting"_s).isDouble())
                return at + u"a counter needs in_flight and waiting"_s;
            if (args.value(u"in_flight"_s).toInt() < 0 || args.value(u"waiting"_s).toInt() < 0)
                return at + u"a negative counter"_s;
        } else {
            return at + u"unexpected phase"_s;
        }
    }
    for (auto it = open.cbegin(); it != open.cend(); ++it) {
        if (!it.value().isEmpty())
            return it.key() + u": \""_s + it.value().last().name + u"\" never ends"_s;
    }
    for (int pid : pids) {
        if (!named.contains(pid) || !sortIndexed.contains(pid))
            return u"process "_s + QString::number(pid) + u" has no process_name or process_sort_index"_s;
    }
    return {};
}

QList<QJsonObject> eventsOf(const QByteArray &trace, int pid, const QString &ph)
{
    QList<QJsonObject> found;
    for (const auto &value : traceEvents(trace)) {
        const QJsonObject event = value.toObject();
        if (event.value(u"pid"_s).toInt() == pid && event.value(u"ph"_s).toString() == ph)
            found.append(event);
    }
    return found;
}

// "b waiting 1.001": phase, name and ts in µs of every slice event of one request.
QStringList requestSlices(const QByteArray &trace, int pid, const QString &id)
{
    QStringList slices;
    for (const auto &value : traceEvents(trace)) {
        const QJsonObject event = value.toObject();
        if (event.value(u"pid"_s).toInt() == pid
            && event.value(u"id2"_s).toObject().value(u"local"_s).toString() == id)
            slices.append(event.value(u"ph"_s).toString() + u' ' + event.value(u"name"_s).toString() + u' '
                          + QString::number(event.value(u"ts"_s).toDouble(), 'f', 3));
    }
    return slices;
}

} // namespace

class TestTraceFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesTheEnvelope();
    void isValid_data();
    void isValid();
    void validationCatchesBrokenTraces_data();
    void validationCatchesBrokenTraces();
    void namesOneProcessPerRun();
    void nestsPhasesInMicroseconds();
    void putsDetailsOnTheBegin();
    void putsCrawlDetailsOnTheBegin();
    void countsConcurrency();
};

void TestTraceFormat::writesTheEnvelope()
{
    const QJsonObject root = QJsonDocument::fromJson(toTrace({})).object();
    QCOMPARE(root, (QJsonObject {{u"traceEvents"_s, QJsonArray()}, {u"displayTimeUnit"_s, u"ms"_s}}));
}

void TestTraceFormat::isValid_data()
{
    QTest::addColumn<QList<RunResult>>("runs");

    QTest::newRow("samples") << SampleRuns::all();
    QTest::newRow("comparison") << comparison();
    QTest::newRow("nothing") << QList<RunResult>();
}

void TestTraceFormat::isValid()
{
    QFETCH(QList<RunResult>, runs);

    const QString problem = validate(toTrace(runs));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestTraceFormat::validationCatchesBrokenTraces_data()
{
    QTest::addColumn<QByteArray>("trace");
    QTest::addColumn<QString>("problem");

    const QJsonArray events = traceEvents(toTrace(comparison()));
    const auto traceWith = [](const QJsonArray &events) {
        return QJsonDocument(QJsonObject {{u"traceEvents"_s, events}, {u"displayTimeUnit"_s, u"ms"_s}})
            .toJson();
    };
    // The first event (or the last, for a negative pid) of a kind in one process.
    const auto indexOf = [&](const QString &ph, int pid, const QString &name = {}) {
        qsizetype found = -1;
        for (qsizetype i = 0; i < events.size(); ++i) {
            const QJsonObject event = events.at(i).toObject();
            if (event.value(u"ph"_s) == ph && event.value(u"pid"_s).toInt() == qAbs(pid)
                && (name.isEmpty() || event.value(u"name"_s) == name) && (found < 0 || pid < 0))
                found = i;
        }
        return found;
    };

    QJsonArray broken = events;
    broken.removeAt(indexOf(u"e"_s, -3)); // the end of the last request
    QTest::newRow("an end dropped") << traceWith(broken) << u"never ends"_s;

    broken = events;
    const qsizetype parentEnd = indexOf(u"e"_s, 1, u"/item/0"_s);
    broken.insert(parentEnd - 1, broken.takeAt(parentEnd));
    QTest::newRow("child outlives its parent") << traceWith(broken) << u"does not end \"downloading\""_s;

    broken = events;
    broken.insert(2, broken.takeAt(indexOf(u"C"_s, -2)));
    QTest::newRow("out of order") << traceWith(broken) << u"out of order"_s;

    broken = events;
    QJsonObject counter = broken.at(indexOf(u"C"_s, 3)).toObject();
    counter.insert(u"args"_s, QJsonObject {{u"in_flight"_s, -1}, {u"waiting"_s, 0}});
    broken.replace(indexOf(u"C"_s, 3), counter);
    QTest::newRow("negative counter") << traceWith(broken) << u"a negative counter"_s;

    broken = events;
    broken.removeAt(indexOf(u"M"_s, 2, u"process_name"_s));
    QTest::newRow("unnamed process") << traceWith(broken) << u"process 2 has no process_name"_s;
}

void TestTraceFormat::validationCatchesBrokenTraces()
{
    QFETCH(QByteArray, trace);
    QFETCH(QString, problem);

    const QString found = validate(trace);
    QVERIFY2(found.contains(problem), qPrintable(found));
}

void TestTraceFormat::namesOneProcessPerRun()
{
    // "0 sequential — 4 requests": the sort index and name of each process, by pid.
    const auto processes = [](const QByteArray &trace) {
        QStringList processes;
        for (int pid = 1; pid <= 4; ++pid) {
            QString sortIndex;
            QString name;
            for (const auto &event : eventsOf(trace, pid, u"M"_s)) {
                const QJsonObject args = event.value(u"args"_s).toObject();
                if (event.value(u"name"_s) == u"process_name"_s)
                    name = args.value(u"name"_s).toString();
                else if (event.value(u"name"_s) == u"process_sort_index"_s)
                    sortIndex = QString::number(args.value(u"sort_index"_s).toInt());
            }
            if (!name.isEmpty())
                processes.append(sortIndex + u' ' + name);
        }
        return processes;
    };
    QCOMPARE(processes(toTrace(comparison())),
             (QStringList {u"0 sequential — 4 requests"_s, u"1 gather — 4 requests"_s,
                           u"2 limited(2) — 4 requests"_s}));
    QCOMPARE(processes(toTrace(SampleRuns::all())),
             (QStringList {u"0 limited(2), delay 100 ms — 5 requests"_s, u"1 sequential — 1 request"_s,
                           u"2 gather — 0 requests"_s, u"3 limited(4), crawl — 9 requests, 6 skipped"_s}));
}

void TestTraceFormat::nestsPhasesInMicroseconds()
{
    const QByteArray trace = toTrace(SampleRuns::all());
    QCOMPARE(requestSlices(trace, 1, u"0x0"_s),
             (QStringList {u"b /fast 0.000"_s, u"b waiting 0.000"_s, u"e waiting 1.001"_s,
                           u"b connecting 1.001"_s, u"e connecting 90.000"_s,
                           u"b waiting for first byte 90.000"_s, u"e waiting for first byte 12345.678"_s,
                           u"b downloading 12345.678"_s, u"e downloading 13000.001"_s, u"b delay 13000.001"_s,
                           u"e delay 113000.001"_s, u"e /fast 113000.001"_s}));
    // Failed while connecting: it was connecting until the timeout.
    QCOMPARE(requestSlices(trace, 1, u"0x2"_s),
             (QStringList {u"b /straße/€?q=naïve 0.000"_s, u"b waiting 0.000"_s, u"e waiting 113000.002"_s,
                           u"b connecting 113000.002"_s, u"e connecting 5113000.002"_s,
                           u"e /straße/€?q=naïve 5113000.002"_s}));
    // Cancelled in the queue: it was waiting all along.
    QCOMPARE(requestSlices(trace, 1, u"0x3"_s),
             (QStringList {u"b /a%2Cb/c d 0.000"_s, u"b waiting 0.000"_s, u"e waiting 2345678.901"_s,
                           u"e /a%2Cb/c d 2345678.901"_s}));
    // Still queued when the run was saved: a slice of no length, with nothing inside. (A double holds 2^53 +
    // 1 ns only to within a nanosecond or so.)
    QCOMPARE(requestSlices(trace, 1, u"0x4"_s),
             (QStringList {u"b /pending 9007199254740.992"_s, u"e /pending 9007199254740.992"_s}));
    // No time spent waiting, so no waiting slice.
    QCOMPARE(requestSlices(trace, 2, u"0x0"_s),
             (QStringList {u"b / 0.000"_s, u"b connecting 0.000"_s, u"e connecting 0.001"_s,
                           u"b waiting for first byte 0.001"_s, u"e waiting for first byte 30000.000"_s,
                           u"b downloading 30000.000"_s, u"e downloading 40000.000"_s, u"e / 40000.000"_s}));
    for (const auto &event : eventsOf(trace, 1, u"b"_s))
        QCOMPARE(event.value(u"cat"_s).toString(), u"request"_s);
}

void TestTraceFormat::putsDetailsOnTheBegin()
{
    const QList<QJsonObject> begins = eventsOf(toTrace(SampleRuns::all()), 1, u"b"_s);
    const auto argsOf = [&](const QString &id) {
        for (const auto &event : begins) {
            if (event.value(u"id2"_s).toObject().value(u"local"_s) == id && event.contains(u"args"_s))
                return event.value(u"args"_s).toObject();
        }
        return QJsonObject();
    };
    QCOMPARE(argsOf(u"0x0"_s),
             (QJsonObject {{u"id"_s, 0},
                           {u"url"_s, u"http://127.0.0.1:8123/fast"_s},
                           {u"status"_s, 200},
                           {u"outcome"_s, u"ok"_s},
                           {u"bytes"_s, 5120}}));
    const QJsonObject failed = argsOf(u"0x2"_s);
    QCOMPARE(failed.value(u"status"_s).toInt(), 0);
    QCOMPARE(failed.value(u"outcome"_s).toString(), u"failed"_s);
    QCOMPARE(failed.value(u"error"_s).toString(), SampleRuns::limitedRun().records.at(2).error);
    QCOMPARE(failed.value(u"url"_s).toString(),
             u"http://xn--bcher-kva.example/stra%C3%9Fe/%E2%82%AC?q=na%C3%AFve#frag"_s);
    int withArgs = 0;
    for (const auto &event : begins)
        withArgs += event.contains(u"args"_s) ? 1 : 0;
    QCOMPARE(withArgs, 5); // the requests, not their phases
}

void TestTraceFormat::putsCrawlDetailsOnTheBegin()
{
    const RunResult crawl = SampleRuns::crawlRun();
    const QList<QJsonObject> begins = eventsOf(toTrace({crawl}), 1, u"b"_s);
    QHash<QString, QJsonObject> argsById;
    for (const auto &event : begins) {
        if (event.contains(u"args"_s))
            argsById.insert(event.value(u"id2"_s).toObject().value(u"local"_s).toString(),
                            event.value(u"args"_s).toObject());
    }
    QCOMPARE(argsById.size(), crawl.records.size());
    QCOMPARE(argsById.value(u"0x5"_s),
             (QJsonObject {{u"id"_s, 5},
                           {u"url"_s, u"http://example.org/new?a=1&b=2"_s},
                           {u"status"_s, 200},
                           {u"outcome"_s, u"ok"_s},
                           {u"bytes"_s, 0},
                           {u"role"_s, u"page"_s},
                           {u"attempt"_s, 1},
                           {u"depth"_s, 1},
                           {u"parent_id"_s, 4},
                           {u"parent_url"_s, u"http://example.org/old?b=2&a=1"_s}}));
    // A seed's robots.txt has no parent to name.
    const QJsonObject robots = argsById.value(u"0x0"_s);
    QCOMPARE(robots.value(u"role"_s).toString(), u"robots"_s);
    QCOMPARE(robots.value(u"parent_id"_s).toInt(), -1);
    QVERIFY(!robots.contains(u"parent_url"_s));
    QCOMPARE(argsById.value(u"0x3"_s).value(u"attempt"_s).toInt(), 2);
    QCOMPARE(argsById.value(u"0x7"_s).value(u"depth"_s).toInt(), 2);

    // The same requests in a plain run say nothing of crawling.
    RunResult plain = crawl;
    plain.settings.crawl.enabled = false;
    for (const auto &event : eventsOf(toTrace({plain}), 1, u"b"_s))
        QVERIFY(!event.value(u"args"_s).toObject().contains(u"role"_s));
}

void TestTraceFormat::countsConcurrency()
{
    const QByteArray trace = toTrace(comparison());
    const QList<std::pair<int, int>> peaks {{1, 3}, {4, 0}, {2, 2}}; // in flight, waiting
    const QList<double> ends {400'000, 100'000, 200'000};
    for (int pid = 1; pid <= 3; ++pid) {
        const QList<QJsonObject> counters = eventsOf(trace, pid, u"C"_s);
        QVERIFY(!counters.isEmpty());
        QCOMPARE(counters.first().value(u"ts"_s).toDouble(), 0.0);
        std::pair<int, int> peak {0, 0};
        for (const auto &counter : counters) {
            const QJsonObject args = counter.value(u"args"_s).toObject();
            peak.first = std::max(peak.first, args.value(u"in_flight"_s).toInt());
            peak.second = std::max(peak.second, args.value(u"waiting"_s).toInt());
        }
        QCOMPARE(peak, peaks.at(pid - 1));
        // A completed run ends with nothing in flight and nothing waiting.
        QCOMPARE(counters.last().value(u"args"_s).toObject(),
                 (QJsonObject {{u"in_flight"_s, 0}, {u"waiting"_s, 0}}));
        QCOMPARE(counters.last().value(u"ts"_s).toDouble(), ends.at(pid - 1));
    }

    // The sample's last request is still queued, and one was cancelled before it was issued.
    const RunResult limited = SampleRuns::limitedRun();
    const QList<QJsonObject> counters = eventsOf(toTrace({limited}), 1, u"C"_s);
    QStringList changes;
    for (const auto &counter : counters) {
        const QJsonObject args = counter.value(u"args"_s).toObject();
        changes.append(QString::number(counter.value(u"ts"_s).toDouble(), 'f', 3) + u": "_s
                       + QString::number(args.value(u"in_flight"_s).toInt()) + u'/'
                       + QString::number(args.value(u"waiting"_s).toInt()));
    }
    QCOMPARE(changes,
             (QStringList {u"0.000: 0/4"_s, u"0.003: 1/3"_s, u"1.001: 2/2"_s, u"5000.100: 1/2"_s,
                           u"13000.001: 0/2"_s, u"113000.002: 1/1"_s, u"2345678.901: 1/0"_s,
                           u"5113000.002: 0/0"_s, u"9007199254740.992: 0/1"_s}));
    int peak = 0;
    for (const auto &counter : counters)
        peak = std::max(peak, counter.value(u"args"_s).toObject().value(u"in_flight"_s).toInt());
    QCOMPARE(peak, peakInFlight(limited.records));
}

QTEST_GUILESS_MAIN(TestTraceFormat)
#include "tst_traceformat.moc"
