#include "core/runresult.h"
#include "export/exporter.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

namespace {

const QString Python = QStringLiteral("/usr/bin/python3");

// The lesson's three programs (../shared/seed/async-crawler-lesson.md) as written there, with only the URL
// changed: "http://example.com" is now the {demo} URL crawlscope passes as the first argument, and the
// commented-out call at the end is made.
const char *const Program1 = R"(import sys
import requests
import time

def fetch_page(url):
    print(f"Fetching {url}...")
    response = requests.get(url)
    print(f"Finished {url}")
    return response.text

def main_sync():
    start_time = time.time()
    urls = [sys.argv[1]] * 5
    for url in urls:
        fetch_page(url)
    duration = time.time() - start_time
    print(f"Synchronous version took {duration:.2f} seconds.")

main_sync()
)";

const char *const Program2 = R"(import sys
import asyncio
import httpx
import time

async def fetch_page_async(client: httpx.AsyncClient, url: str):
    """This is a coroutine."""
    print(f"Fetching {url}...")
    response = await client.get(url)
    print(f"Finished {url}")
    return response.text

async def main_async():
    """The main coroutine that orchestrates everything."""
    start_time = time.time()
    urls = [sys.argv[1]] * 5
    async with httpx.AsyncClient() as client:
        tasks = [fetch_page_async(client, url) for url in urls]
        results = await asyncio.gather(*tasks)
    duration = time.time() - start_time
    print(f"Asynchronous version took {duration:.2f} seconds.")

asyncio.run(main_async())
)";

const char *const Program3 = R"(import sys
import asyncio
import httpx
import time

async def fetch_with_semaphore(
    semaphore: asyncio.Semaphore,
    client: httpx.AsyncClient,
    url: str
):
    async with semaphore:
        print(f"Semaphore acquired, fetching {url}...")
        response = await client.get(url)
        print(f"Finished {url}, releasing semaphore.")
        await asyncio.sleep(1)
        return response.text

async def main_with_rate_limit():
    start_time = time.time()
    urls = [sys.argv[1]] * 10
    semaphore = asyncio.Semaphore(3)
    async with httpx.AsyncClient() as client:
        tasks = [fetch_with_semaphore(semaphore, client, url) for url in urls]
        results = await asyncio.gather(*tasks)
    duration = time.time() - start_time
    print(f"Rate-limited async version took {duration:.2f} seconds.")

asyncio.run(main_with_rate_limit())
)";

// aiohttp honours the proxy variables only when asked to (trust_env=True).
const char *const AiohttpProgram = R"(import sys
import asyncio
import aiohttp

async def fetch(session, url):
    async with session.get(url) as response:
        return await response.text()

async def main():
    async with aiohttp.ClientSession(trust_env=True) as session:
        await asyncio.gather(*[fetch(session, sys.argv[1]) for _ in range(5)])
    print("done")

asyncio.run(main())
)";

bool hasModules(const QStringList &modules)
{
    QProcess probe;
    probe.start(Python, {QStringLiteral("-c"), QStringLiteral("import ") + modules.join(u',')});
    return probe.waitForFinished(30'000) && probe.exitStatus() == QProcess::NormalExit
        && probe.exitCode() == 0;
}

bool overlap(const RequestRecord &a, const RequestRecord &b)
{
    return a.at(Mark::Queued) < b.at(Mark::Finished) && b.at(Mark::Queued) < a.at(Mark::Finished);
}

} // namespace

/// `crawlscope capture --demo -- COMMAND` with real clients: the lesson's programs, aiohttp and curl.
class TestCaptureCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void lessonProgram1NeverOverlaps();
    void lessonProgram2AllInFlightTogether();
    void lessonProgram3PlateausAtThree();
    void lessonProgram3Traced();
    void anInactiveTracerChangesNothing();
    void aiohttpWithTrustEnv();
    void curlParallel();
    void uploadsFromRequestsAndHttpx();
    void passesTheExitStatusOn();
    void usageErrorIsTwo();

private:
    /// Runs capture with the program; the records come from its -o JSON export (the proxy's run, then the
    /// tracer's with --python). output: the program's and the summary's stdout; errors: stderr.
    QList<RunResult> captureRuns(const QStringList &options, const QStringList &command, int expectedExit = 0,
                                 QByteArray *output = nullptr, QByteArray *errors = nullptr,
                                 const QProcessEnvironment &environment
                                 = QProcessEnvironment::systemEnvironment());
    RunResult capture(const QStringList &command, int expectedExit = 0)
    {
        const QList<RunResult> runs = captureRuns({}, command, expectedExit);
        return runs.isEmpty() ? RunResult() : runs.first();
    }
    QString writeProgram(const QString &name, const char *text);

    QTemporaryDir m_dir;
};

void TestCaptureCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestCaptureCommand::writeProgram(const QString &name, const char *text)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(text);
    return path;
}

QList<RunResult> TestCaptureCommand::captureRuns(const QStringList &options, const QStringList &command,
                                                 int expectedExit, QByteArray *output, QByteArray *errors,
                                                 const QProcessEnvironment &environment)
{
    const QString exported = m_dir.filePath(QStringLiteral("capture.json"));
    QFile::remove(exported);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(CRAWLSCOPE_BINARY),
                  QStringList {QStringLiteral("capture"), QStringLiteral("--demo"), QStringLiteral("--json"),
                               QStringLiteral("-o"), exported}
                      + options + QStringList {QStringLiteral("--")} + command);
    if (!process.waitForFinished(120'000)) {
        process.kill();
        qWarning("capture did not finish");
        return {};
    }
    const QByteArray stdoutText = process.readAllStandardOutput();
    const QByteArray stderrText = process.readAllStandardError();
    if (output)
        *output = stdoutText;
    if (errors)
        *errors = stderrText;
    if (process.exitCode() != expectedExit) {
        qWarning("exit %d\n%s\n%s", process.exitCode(), stdoutText.constData(), stderrText.constData());
        return {};
    }
    if (!stdoutText.contains("{\"runs\":[{")) // the summary line, after the program's own output
        qWarning("no JSON summary: %s", stdoutText.constData());
    QString error;
    const auto runs = importRuns(exported, &error);
    if (!runs) {
        qWarning("%s", qPrintable(error));
        return {};
    }
    return *runs;
}

void TestCaptureCommand::lessonProgram1NeverOverlaps()
{
    if (!hasModules({QStringLiteral("requests")}))
        QSKIP("Debian's python3-requests is not installed (packaging/debian-packages.txt)");
    const RunResult run = capture(
        {Python, writeProgram(QStringLiteral("p1.py"), Program1), QStringLiteral("{demo}/delay/1000")});
    QCOMPARE(run.records.size(), 5);
    for (const RequestRecord &record : run.records) {
        QCOMPARE(record.outcome, Outcome::Ok);
        QCOMPARE(record.status, 200);
    }
    for (qsizetype i = 0; i < run.records.size(); ++i) {
        for (qsizetype j = i + 1; j < run.records.size(); ++j)
            QVERIFY2(!overlap(run.records[i], run.records[j]),
                     qPrintable(QStringLiteral("%1 %2").arg(i).arg(j)));
    }
    QCOMPARE(peakInFlight(run.records), 1);
    // Named by what it did: the lesson's first program is sequential.
    QCOMPARE(run.settings.mode, RunMode::Sequential);
    for (const RequestRecord &record : run.records)
        QCOMPARE(record.mode, RunMode::Sequential);
    // requests.get() makes a new session, so each request comes on a connection of its own.
    QList<int> connections;
    for (const RequestRecord &record : run.records)
        connections << record.connection();
    std::sort(connections.begin(), connections.end());
    QCOMPARE(std::unique(connections.begin(), connections.end()) - connections.begin(), 5);
}

void TestCaptureCommand::lessonProgram2AllInFlightTogether()
{
    if (!hasModules({QStringLiteral("httpx")}))
        QSKIP("Debian's python3-httpx is not installed (packaging/debian-packages.txt)");
    const RunResult run = capture(
        {Python, writeProgram(QStringLiteral("p2.py"), Program2), QStringLiteral("{demo}/delay/1000")});
    QCOMPARE(run.records.size(), 5);
    qint64 lastStart = 0;
    qint64 firstEnd = std::numeric_limits<qint64>::max();
    for (const RequestRecord &record : run.records) {
        QCOMPARE(record.outcome, Outcome::Ok);
        lastStart = std::max(lastStart, record.at(Mark::Queued));
        firstEnd = std::min(firstEnd, record.at(Mark::Finished));
    }
    QVERIFY(lastStart < firstEnd);
    QCOMPARE(peakInFlight(run.records), 5);
    QCOMPARE(run.settings.mode, RunMode::Gather);
}

void TestCaptureCommand::lessonProgram3PlateausAtThree()
{
    if (!hasModules({QStringLiteral("httpx")}))
        QSKIP("Debian's python3-httpx is not installed (packaging/debian-packages.txt)");
    const RunResult run = capture(
        {Python, writeProgram(QStringLiteral("p3.py"), Program3), QStringLiteral("{demo}/delay/1000")});
    QCOMPARE(run.records.size(), 10);
    for (const RequestRecord &record : run.records)
        QCOMPARE(record.outcome, Outcome::Ok);
    QCOMPARE(peakInFlight(run.records), 3);
    // Seen from outside, a semaphore of 3: the header's ideal is three at a time, not all ten at once.
    QCOMPARE(run.settings.mode, RunMode::Limited);
    QCOMPARE(run.settings.limit, 3);
    QCOMPARE(run.records.constFirst().mode, RunMode::Limited);
    // The permit is held through the sleep after each response, so the 4th request starts only after the
    // first three have finished: what the proxy sees is three, a gap, three more.
    QList<qint64> starts;
    qint64 firstRoundEnd = 0;
    for (const RequestRecord &record : run.records)
        starts << record.at(Mark::Queued);
    std::sort(starts.begin(), starts.end());
    QList<RequestRecord> byStart = run.records;
    std::sort(byStart.begin(), byStart.end(), [](const RequestRecord &a, const RequestRecord &b) {
        return a.at(Mark::Queued) < b.at(Mark::Queued);
    });
    for (int i = 0; i < 3; ++i)
        firstRoundEnd = std::max(firstRoundEnd, byStart[i].at(Mark::Finished));
    QVERIFY(byStart[3].at(Mark::Queued) > firstRoundEnd);
}

void TestCaptureCommand::lessonProgram3Traced()
{
    if (!hasModules({QStringLiteral("httpx")}))
        QSKIP("Debian's python3-httpx is not installed (packaging/debian-packages.txt)");
    QByteArray output;
    QByteArray errors;
    const QList<RunResult> runs = captureRuns(
        {QStringLiteral("--python")},
        {Python, writeProgram(QStringLiteral("p3.py"), Program3), QStringLiteral("{demo}/delay/500")}, 0,
        &output, &errors);
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs[0].records.size(), 10); // the proxy's
    const RunResult &traced = runs[1];
    QCOMPARE(traced.records.size(), 10);
    QCOMPARE(traced.settings.mode, RunMode::Limited);
    QCOMPARE(traced.settings.limit, 3);
    QCOMPARE(traced.settings.delayMs, 1000);
    QCOMPARE(peakInFlight(traced.records), 3);
    int waited = 0;
    for (const RequestRecord &record : traced.records) {
        QCOMPARE(record.outcome, Outcome::Ok);
        QCOMPARE(record.status, 200);
        // Each request inside its permit, and the sleep after it too: the permit goes back after the sleep.
        QVERIFY(record.reached(Mark::GateAcquired));
        QVERIFY(record.at(Mark::Queued) <= record.at(Mark::GateAcquired));
        QVERIFY(record.at(Mark::GateAcquired) <= record.at(Mark::Issued));
        QVERIFY(record.reached(Mark::DelayReleased));
        QVERIFY(record.at(Mark::DelayReleased) - record.at(Mark::Finished) >= 1'000'000'000);
        waited += record.at(Mark::GateAcquired) - record.at(Mark::Queued) > 100'000'000 ? 1 : 0;
        // The proxy's wire marks, matched in: sent and first byte inside the traced request.
        QVERIFY(record.reached(Mark::RequestSent) && record.reached(Mark::FirstByte));
        QVERIFY(record.at(Mark::Issued) <= record.at(Mark::RequestSent));
        QVERIFY(record.at(Mark::RequestSent) <= record.at(Mark::FirstByte));
        QVERIFY(record.at(Mark::FirstByte) <= record.at(Mark::Finished));
        QVERIFY(record.connection() >= 0);
    }
    QCOMPARE(waited, 7); // all but the first three waited for a permit
    QVERIFY2(output.contains("\"sleeps\":10,\"sleeps_in_permit\":10"), output.constData());
    QVERIFY2(output.contains("\"waits\":7"), output.constData());
    // The program printed what it prints untraced: 10 + 10 lines, and its total.
    QCOMPARE(output.count("Semaphore acquired, fetching http://127.0.0.1:"), 10);
    QCOMPARE(output.count(", releasing semaphore.\n"), 10);
    QCOMPARE(output.count("Rate-limited async version took "), 1);
}

void TestCaptureCommand::anInactiveTracerChangesNothing()
{
    QTemporaryDir empty;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("CRAWLSCOPE_TRACER_DIR"), empty.path());
    QByteArray output;
    QByteArray errors;
    const QList<RunResult> runs
        = captureRuns({QStringLiteral("--python")},
                      {Python, writeProgram(QStringLiteral("hello.py"), "print('hello', 6 * 7)\n")}, 0,
                      &output, &errors, environment);
    QCOMPARE(runs.size(), 1);
    QVERIFY(output.startsWith("hello 42\n"));
    QVERIFY2(errors.contains("tracer was not active"), errors.constData());
}

void TestCaptureCommand::aiohttpWithTrustEnv()
{
    if (!hasModules({QStringLiteral("aiohttp")}))
        QSKIP("Debian's python3-aiohttp is not installed (packaging/debian-packages.txt)");
    const RunResult run = capture(
        {Python, writeProgram(QStringLiteral("aio.py"), AiohttpProgram), QStringLiteral("{demo}/delay/500")});
    QCOMPARE(run.records.size(), 5);
    for (const RequestRecord &record : run.records)
        QCOMPARE(record.outcome, Outcome::Ok);
    QCOMPARE(peakInFlight(run.records), 5);
}

void TestCaptureCommand::curlParallel()
{
    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    if (curl.isEmpty())
        QSKIP("curl is not installed");
    QStringList command {curl, QStringLiteral("--silent"), QStringLiteral("--fail"),
                         QStringLiteral("--parallel"), QStringLiteral("--parallel-immediate")};
    for (int i = 0; i < 4; ++i)
        command << QStringLiteral("-o") << QStringLiteral("/dev/null") << QStringLiteral("{demo}/delay/500");
    const RunResult run = capture(command);
    QCOMPARE(run.records.size(), 4);
    for (const RequestRecord &record : run.records)
        QCOMPARE(record.outcome, Outcome::Ok);
    QCOMPARE(peakInFlight(run.records), 4);
}

void TestCaptureCommand::uploadsFromRequestsAndHttpx()
{
    if (!hasModules({QStringLiteral("requests"), QStringLiteral("httpx")}))
        QSKIP(
            "Debian's python3-requests and python3-httpx are not installed (packaging/debian-packages.txt)");
    QByteArray output;
    const QList<RunResult> runs = captureRuns({}, {Python, QFINDTESTDATA("upload.py")}, 0, &output);
    QCOMPARE(runs.size(), 1);
    QVERIFY2(output.contains("uploads match\n"), output.constData()); // the server got every body whole
    const RunResult &run = runs.first();
    QCOMPARE(run.records.size(), 4);
    QList<qint64> sent;
    for (const RequestRecord &record : run.records) {
        QCOMPARE(record.outcome, Outcome::Ok);
        QCOMPARE(record.status, 200);
        QVERIFY(record.method() == QLatin1String("POST") || record.method() == QLatin1String("PUT"));
        sent << record.bytesSent();
    }
    std::sort(sent.begin(), sent.end());
    QCOMPARE(sent, (QList<qint64> {1000003, 1000003, 5 * 1024 * 1024, 5 * 1024 * 1024}));
}

void TestCaptureCommand::passesTheExitStatusOn()
{
    const RunResult run
        = capture({Python, QStringLiteral("-c"), QStringLiteral("import sys; sys.exit(7)")}, 7);
    QCOMPARE(run.records.size(), 0);
    QVERIFY(run.startedAt.isValid());
}

void TestCaptureCommand::usageErrorIsTwo()
{
    QProcess process;
    process.start(QStringLiteral(CRAWLSCOPE_BINARY),
                  {QStringLiteral("capture"), QStringLiteral("--port"), QStringLiteral("nope"),
                   QStringLiteral("--"), Python, QStringLiteral("-c"), QStringLiteral("pass")});
    QVERIFY(process.waitForFinished(30'000));
    QCOMPARE(process.exitCode(), 2);
    process.start(QStringLiteral(CRAWLSCOPE_BINARY),
                  {QStringLiteral("capture"), QStringLiteral("--"), Python, QStringLiteral("{demo}")});
    QVERIFY(process.waitForFinished(30'000));
    QCOMPARE(process.exitCode(), 2);
}

QTEST_GUILESS_MAIN(TestCaptureCommand)
#include "tst_capturecommand.moc"
