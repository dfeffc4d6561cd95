#include "export/csvformat.h"
#include "export/jsonformat.h"

#include "sampleruns.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// What a CSV file can carry: runs with requests, and only the run fields that have a column.
QList<RunResult> csvView(const QList<RunResult> &runs)
{
    QList<RunResult> kept;
    for (const auto &run : runs) {
        if (run.records.isEmpty())
            continue;
        RunResult view;
        view.runId = run.runId;
        view.settings.mode = run.settings.mode;
        view.settings.limit = run.settings.limit;
        view.settings.delayMs = run.settings.delayMs;
        view.settings.perHost = run.settings.perHost;
        view.startedAt = run.startedAt;
        view.endNs = run.endNs;
        view.records = run.records;
        kept.append(view);
    }
    return kept;
}

const QString Header
    = u"run_id,mode,limit,delay_ms,per_host,started_at,id,url,final_url,outcome,status,bytes,"
      "content_type,redirects,error,parent_id,depth,queued_ms,gate_acquired_ms,issued_ms,"
      "connect_started_ms,encrypted_ms,request_sent_ms,first_byte_ms,finished_ms,delay_released_ms,role,"
      "attempt,parent_url,"
      "run_end_ms"_s;
constexpr int EndColumns = 1; // run_end_ms, which files from before it lack
constexpr int LaterColumns
    = 4; // role, attempt, parent_url and run_end_ms, which files from before crawl mode lack

// One plain row (no quoting needed) matching Header.
QStringList plainRow()
{
    return {u"1"_s,
            u"limited"_s,
            u"3"_s,
            u"0"_s,
            u"0"_s,
            u"2024-05-01T12:00:00.000Z"_s,
            u"0"_s,
            u"http://127.0.0.1:8123/"_s,
            u"http://127.0.0.1:8123/"_s,
            u"ok"_s,
            u"200"_s,
            u"12"_s,
            u"text/html"_s,
            u"0"_s,
            QString(),
            u"-1"_s,
            u"0"_s,
            u"0.000000"_s,
            u"0.000001"_s,
            u"0.001000"_s,
            QString(),
            QString(),
            u"1.000000"_s,
            u"2.500000"_s,
            u"3.000000"_s,
            QString(),
            u"page"_s,
            u"1"_s,
            QString(),
            u"3.000000"_s};
}

// Drops the last columns of every line; only for files without quoted fields.
QByteArray withoutLastColumns(const QByteArray &csv, int count)
{
    QStringList lines = QString::fromUtf8(csv).split(u"\r\n"_s, Qt::SkipEmptyParts);
    for (auto &line : lines) {
        QStringList fields = line.split(u',');
        fields.resize(fields.size() - count);
        line = fields.join(u',');
    }
    return (lines.join(u"\r\n"_s) + u"\r\n"_s).toUtf8();
}

QByteArray csvWith(int column, const QString &value)
{
    QStringList row = plainRow();
    row[column] = value;
    return (Header + u"\r\n"_s + row.join(u',') + u"\r\n"_s).toUtf8();
}

} // namespace

class TestCsvFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripsRecordsAndRunColumns();
    void writesHeaderAndExactMilliseconds();
    void quotesFieldsPerRfc4180();
    void readsPlainRowExactly();
    void writesCrawlColumns();
    void keepsTheRunsEnd();
    void readsFilesFromBeforeCrawlMode();
    void readsLenientVariants_data();
    void readsLenientVariants();
    void splitsRunsByRunId();
    void rejectsMalformedInput_data();
    void rejectsMalformedInput();
    void survivesTruncationAndCorruption();
};

void TestCsvFormat::roundTripsRecordsAndRunColumns()
{
    const QList<RunResult> runs = SampleRuns::all();
    QString error;
    const auto back = runsFromCsv(toCsv(runs), &error);
    QVERIFY2(back, qPrintable(error));
    const QList<RunResult> expected = csvView(runs);
    QCOMPARE(back->size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(back->at(i).settings, expected.at(i).settings);
        QCOMPARE(back->at(i).startedAt, expected.at(i).startedAt);
        QCOMPARE(back->at(i).records.size(), expected.at(i).records.size());
        for (qsizetype r = 0; r < expected.at(i).records.size(); ++r) {
            QCOMPARE(back->at(i).records.at(r).url, expected.at(i).records.at(r).url);
            QCOMPARE(back->at(i).records.at(r).error, expected.at(i).records.at(r).error);
            QVERIFY(back->at(i).records.at(r) == expected.at(i).records.at(r));
        }
    }
    QVERIFY(*back == expected);
    QCOMPARE(toCsv(*back), toCsv(runs));
}

void TestCsvFormat::writesHeaderAndExactMilliseconds()
{
    const QString csv = QString::fromUtf8(toCsv({SampleRuns::limitedRun()}));
    QVERIFY(csv.startsWith(Header + u"\r\n"_s));
    QVERIFY(csv.endsWith(u"\r\n"));
    QCOMPARE(csv.count(u"\r\n"_s), 1 + 5 + 1); // header, five rows, and the CRLF inside the quoted error

    const QString firstRow = csv.section(u"\r\n"_s, 1, 1);
    QCOMPARE(
        firstRow,
        u"7,limited,2,100,1,2024-05-01T12:30:45.123Z,0,http://127.0.0.1:8123/fast,"
        "http://127.0.0.1:8123/fast/,ok,200,5120,text/html; charset=utf-8,1,,-1,0,"
        "0.000000,0.000001,0.001001,0.002500,,0.090000,12.345678,13.000001,113.000001,page,1,,2345.678901"_s);
    // Beyond a double's 53 bits, and NotReached; its parent's URL after them.
    QVERIFY(
        csv.contains(u",9007199254.740993,,,,,,,,,page,1,https://example.org/a%2Cb/c%20d,2345.678901\r\n"_s));
}

void TestCsvFormat::quotesFieldsPerRfc4180()
{
    const QString csv = QString::fromUtf8(toCsv({SampleRuns::limitedRun(), SampleRuns::sequentialRun()}));
    QVERIFY(csv.contains(u",\"Operation timed out, after 5000 ms: \"\"GET\"\" failed\n"
                         "second line\r\nthird, with ünïcödé and 中文\","_s));
    QVERIFY(csv.contains(u",\"text/html, \"\"quoted\"\"\","_s));
    // Encoding keeps a comma in a URL as it is, so such a URL is quoted.
    QVERIFY(csv.contains(u",\"http://127.0.0.1:8123/missing?a=1,2&b=%22x%22\","_s));
    QVERIFY(csv.contains(u",http://xn--bcher-kva.example/stra%C3%9Fe/%E2%82%AC?q=na%C3%AFve#frag,"_s));
}

void TestCsvFormat::readsPlainRowExactly()
{
    QString error;
    const auto runs = runsFromCsv(csvWith(0, u"1"_s), &error);
    QVERIFY2(runs, qPrintable(error));
    QCOMPARE(runs->size(), 1);
    const RunResult &run = runs->at(0);
    QCOMPARE(run.runId, 1);
    QCOMPARE(run.settings.mode, RunMode::Limited);
    QCOMPARE(run.settings.limit, 3);
    QCOMPARE(run.startedAt, QDateTime(QDate(2024, 5, 1), QTime(12, 0), QTimeZone::utc()));
    QCOMPARE(run.records.size(), 1);
    const RequestRecord &record = run.records.at(0);
    QCOMPARE(record.mode, RunMode::Limited);
    QCOMPARE(record.outcome, Outcome::Ok);
    QCOMPARE(record.bytes, 12);
    QCOMPARE(record.error, QString());
    QCOMPARE(record.at(Mark::GateAcquired), 1);
    QCOMPARE(record.at(Mark::Issued), 1'000);
    QCOMPARE(record.at(Mark::RequestSent), 1'000'000);
    QCOMPARE(record.at(Mark::ConnectStarted), RequestRecord::NotReached);
    QCOMPARE(record.at(Mark::FirstByte), 2'500'000);
    QCOMPARE(record.at(Mark::DelayReleased), RequestRecord::NotReached);
}

void TestCsvFormat::writesCrawlColumns()
{
    const QStringList rows = QString::fromUtf8(toCsv({SampleRuns::crawlRun()})).split(u"\r\n"_s);
    QCOMPARE(rows.first(), Header);
    // Each record's id, parent_id and depth, then the crawl columns at the end.
    QStringList crawlCells;
    for (qsizetype r = 1; r < rows.size() && !rows.at(r).isEmpty(); ++r) {
        const QStringList fields = rows.at(r).split(u',');
        crawlCells.append(fields.at(6) + u' ' + fields.at(15) + u' ' + fields.at(16) + u' '
                          + fields.mid(fields.size() - 4, 3).join(u' '));
    }
    QCOMPARE(crawlCells,
             (QStringList {u"0 -1 0 robots 1 "_s, u"1 -1 0 page 1 "_s, u"2 1 1 page 1 http://example.org/"_s,
                           u"3 1 1 page 2 http://example.org/"_s, u"4 1 1 page 1 http://example.org/"_s,
                           u"5 4 1 page 1 http://example.org/old?b=2&a=1"_s, u"6 -1 0 robots 1 "_s,
                           u"7 3 2 page 1 http://example.org/about"_s, u"8 -1 0 robots 1 "_s}));
}

// `crawlscope run --import x.csv` of our own CSV reported a wall time of 0 when the file did not keep the
// end.
void TestCsvFormat::keepsTheRunsEnd()
{
    RunResult run = SampleRuns::limitedRun();
    run.endNs = 7'000'123'457; // after the last release, as a cancelled run's end can be
    QVERIFY(run.endNs > lastReleaseNs(run.records));
    QString error;
    const auto back = runsFromCsv(toCsv({run}), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->size(), 1);
    QCOMPARE(back->first().endNs, run.endNs);
    QCOMPARE(summarize(back->first()).wallNs, run.endNs);
    QCOMPARE(summaryToJson(back->first()).value(u"wall_ms"_s).toDouble(), 7000.123);
}

void TestCsvFormat::readsFilesFromBeforeCrawlMode()
{
    const RunResult crawl = SampleRuns::crawlRun();
    const QByteArray old = withoutLastColumns(toCsv({crawl}), LaterColumns);
    QVERIFY(!old.contains("role"));
    QString error;
    const auto runs = runsFromCsv(old, &error);
    QVERIFY2(runs, qPrintable(error));
    QList<RunResult> expected = csvView({crawl});
    expected.first().endNs = lastReleaseNs(crawl.records); // without run_end_ms, the records say it
    QVERIFY(expected.first().endNs > 0);
    for (auto &record : expected.first().records) {
        record.role = RequestRole::Page;
        record.attempt = 1;
    }
    QCOMPARE(runs->first().records.at(5).parentId, 4); // parent_id and depth are older than crawl mode
    QVERIFY(*runs == expected);
}

void TestCsvFormat::readsLenientVariants_data()
{
    QTest::addColumn<QByteArray>("data");

    const QByteArray plain = csvWith(0, u"1"_s);
    QTest::newRow("CRLF") << plain;
    QTest::newRow("LF only") << QByteArray(plain).replace("\r\n", "\n");
    QTest::newRow("no final line end") << plain.chopped(2);
    QTest::newRow("UTF-8 BOM") << "\xEF\xBB\xBF" + plain;
    QTest::newRow("blank lines") << QByteArray(plain).replace("\r\n", "\r\n\r\n\n");
    QTest::newRow("quoted plain fields") << QByteArray(plain).replace(",limited,", ",\"limited\",");
    QTest::newRow("fewer ms decimals")
        << QByteArray(plain).replace(",0.001000,", ",0.001,").replace(",1.000000,", ",1,");

    // Columns reordered and one extra column, as a spreadsheet might save it.
    QStringList header = Header.split(u',');
    QStringList row = plainRow();
    header.move(0, header.size() - 1);
    row.move(0, row.size() - 1);
    header.prepend(u"note"_s);
    row.prepend(u"checked, twice"_s);
    row[0] = u'"' + row[0] + u'"';
    QTest::newRow("reordered with extra column")
        << (header.join(u',') + u'\n' + row.join(u',') + u'\n').toUtf8();
    QTest::newRow("from before crawl mode") << withoutLastColumns(plain, LaterColumns);
    QTest::newRow("from before run_end_ms") << withoutLastColumns(plain, EndColumns); // ends at finished_ms
}

void TestCsvFormat::readsLenientVariants()
{
    QFETCH(QByteArray, data);

    QString error;
    const auto runs = runsFromCsv(data, &error);
    QVERIFY2(runs, qPrintable(error));
    const auto expected = runsFromCsv(csvWith(0, u"1"_s), nullptr);
    QVERIFY(expected);
    QVERIFY(*runs == *expected);
}

void TestCsvFormat::splitsRunsByRunId()
{
    const QStringList a = plainRow();
    QStringList b = a;
    b[6] = u"1"_s;
    QStringList c = a;
    c[0] = u"2"_s;
    c[1] = u"gather"_s;
    // Run 1 again after run 2 is a separate run, as it was in the list the file came from.
    const QByteArray csv
        = (QStringList {Header, a.join(u','), b.join(u','), c.join(u','), a.join(u',')}.join(u"\n")).toUtf8();
    QString error;
    const auto runs = runsFromCsv(csv, &error);
    QVERIFY2(runs, qPrintable(error));
    QCOMPARE(runs->size(), 3);
    QCOMPARE(runs->at(0).records.size(), 2);
    QCOMPARE(runs->at(1).runId, 2);
    QCOMPARE(runs->at(1).settings.mode, RunMode::Gather);
    QCOMPARE(runs->at(1).records.at(0).mode, RunMode::Gather);
    QCOMPARE(runs->at(2).runId, 1);
}

void TestCsvFormat::rejectsMalformedInput_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("expectedError");

    const QByteArray plain = csvWith(0, u"1"_s);
    QTest::newRow("empty") << QByteArray() << u"line 1: no header row"_s;
    QTest::newRow("only blank lines") << QByteArray("\r\n\n") << u"line 1: no header row"_s;
    QTest::newRow("missing column") << QByteArray(plain).replace("final_url,", "")
                                    << u"line 1: no \"final_url\" column"_s;
    QTest::newRow("duplicate column")
        << QByteArray(plain).replace("content_type", "url") << u"line 1, column 13: \"url\" appears twice"_s;
    QTest::newRow("too few fields") << QByteArray(plain).replace(",text/html,", ",")
                                    << u"line 2: 29 fields, expected 30 as in the header"_s;
    QTest::newRow("unterminated quote") << csvWith(14, u"\"timed out\r\nand then"_s)
                                        << u"line 2, column 15: the quoted field starting here never ends"_s;
    QTest::newRow("text after closing quote")
        << csvWith(12, u"\"text/html\"x"_s) << u"line 2, column 13: a closing quote must be followed by"_s;
    QTest::newRow("quote inside unquoted field")
        << csvWith(12, u"text/\"html\""_s) << u"line 2, column 13: a quote inside an unquoted field"_s;
    QTest::newRow("status not a number")
        << csvWith(10, u"abc"_s) << u"line 2, column 11 (status): \"abc\" is not a whole number"_s;
    QTest::newRow("status out of range")
        << csvWith(10, u"1000"_s) << u"line 2, column 11 (status): 1000 is out of range, expected 0 to 999"_s;
    // The record keeps status, redirects and attempt in two bytes: a value past them is refused, not wrapped.
    QTest::newRow("status beyond two bytes")
        << csvWith(10, u"70000"_s)
        << u"line 2, column 11 (status): 70000 is out of range, expected 0 to 999"_s;
    QTest::newRow("redirects beyond two bytes")
        << csvWith(13, u"70000"_s)
        << u"line 2, column 14 (redirects): 70000 is out of range, expected 0 to 32767"_s;
    QTest::newRow("attempt beyond two bytes")
        << csvWith(27, u"70000"_s)
        << u"line 2, column 28 (attempt): 70000 is out of range, expected 1 to 32767"_s;
    QTest::newRow("id beyond int") << csvWith(6, u"4294967296"_s)
                                   << u"line 2, column 7 (id): 4294967296 is out of range, "
                                      "expected 0 to 2147483647"_s;
    QTest::newRow("bytes overflow")
        << csvWith(11, u"99999999999999999999"_s)
        << u"line 2, column 12 (bytes): \"99999999999999999999\" is not a whole number"_s;
    QTest::newRow("seven decimals") << csvWith(17, u"0.0000001"_s)
                                    << u"line 2, column 18 (queued_ms): \"0.0000001\" is not a time "
                                       "in milliseconds"_s;
    QTest::newRow("negative time") << csvWith(18, u"-1.000000"_s)
                                   << u"line 2, column 19 (gate_acquired_ms)"_s;
    QTest::newRow("time overflow") << csvWith(19, u"9999999999999.000000"_s)
                                   << u"line 2, column 20 (issued_ms)"_s;
    QTest::newRow("time with exponent") << csvWith(19, u"1e3"_s) << u"line 2, column 20 (issued_ms)"_s;
    QTest::newRow("time without digits") << csvWith(19, u"."_s) << u"line 2, column 20 (issued_ms)"_s;
    QTest::newRow("bogus outcome")
        << csvWith(9, u"bogus"_s)
        << u"line 2, column 10 (outcome): \"bogus\" is not one of ok, http_error, failed, "
           "cancelled, pending"_s;
    QTest::newRow("bogus mode") << csvWith(1, u"parallel"_s)
                                << u"line 2, column 2 (mode): \"parallel\" is not one of"_s;
    QTest::newRow("bad start time") << csvWith(5, u"noon"_s)
                                    << u"line 2, column 6 (started_at): \"noon\" is not an ISO"_s;
    QTest::newRow("invalid url") << csvWith(7, u"http://exa mple.com/"_s)
                                 << u"line 2, column 8 (url): not a valid URL: "_s;
    QTest::newRow("bogus role") << csvWith(26, u"favicon"_s)
                                << u"line 2, column 27 (role): \"favicon\" is not one of page, robots"_s;
    QTest::newRow("empty role") << csvWith(26, QString())
                                << u"line 2, column 27 (role): \"\" is not one of page, robots"_s;
    QTest::newRow("attempt zero") << csvWith(27, u"0"_s)
                                  << u"line 2, column 28 (attempt): 0 is out of range, expected 1 to 32767"_s;
    QTest::newRow("attempt not a number")
        << csvWith(27, u"second"_s) << u"line 2, column 28 (attempt): \"second\" is not a whole number"_s;
    QTest::newRow("invalid parent url")
        << csvWith(28, u"http://exa mple.com/"_s) << u"line 2, column 29 (parent_url): not a valid URL: "_s;
    QTest::newRow("run end not a time") << csvWith(29, u"soon"_s)
                                        << u"line 2, column 30 (run_end_ms): \"soon\" is not a time in "
                                           "milliseconds"_s;
    QTest::newRow("empty run end") << csvWith(29, QString()) << u"line 2, column 30 (run_end_ms): \"\""_s;
    QTest::newRow("not UTF-8") << QByteArray(plain).replace("text/html", "text/\xff\xfe")
                               << u"not UTF-8 text"_s;

    const QStringList row = plainRow();
    QStringList otherLimit = row;
    otherLimit[2] = u"4"_s;
    QTest::newRow("run columns disagree")
        << (QStringList {Header, row.join(u','), otherLimit.join(u',')}.join(u"\r\n")).toUtf8()
        << u"line 3, column 3 (limit): \"4\" differs from \"3\" on line 2, where run 1 starts"_s;
    QStringList otherEnd = row;
    otherEnd[29] = u"4.000000"_s;
    QTest::newRow("run ends disagree")
        << (QStringList {Header, row.join(u','), otherEnd.join(u',')}.join(u"\r\n")).toUtf8()
        << u"line 3, column 30 (run_end_ms): \"4.000000\" differs from \"3.000000\" on line 2"_s;
    QStringList multiLine = row;
    multiLine[14] = u"\"a\nb\""_s;
    QStringList badOutcome = row;
    badOutcome[9] = u"what"_s;
    QTest::newRow("line numbers count newlines inside quotes")
        << (QStringList {Header, multiLine.join(u','), badOutcome.join(u',')}.join(u"\n")).toUtf8()
        << u"line 4, column 10 (outcome)"_s;
}

void TestCsvFormat::rejectsMalformedInput()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, expectedError);

    QString error;
    QVERIFY(!runsFromCsv(data, &error));
    QVERIFY2(error.contains(expectedError), qPrintable(error));
    QVERIFY(!runsFromCsv(data, nullptr));
}

void TestCsvFormat::survivesTruncationAndCorruption()
{
    const QByteArray valid = toCsv({SampleRuns::limitedRun()});
    for (qsizetype size = 0; size < valid.size(); ++size) {
        QString error;
        if (!runsFromCsv(valid.left(size), &error))
            QVERIFY(!error.isEmpty());
    }
    QRandomGenerator random(42);
    for (int round = 0; round < 2000; ++round) {
        QByteArray corrupt = valid;
        for (int flips = 0; flips < 3; ++flips)
            corrupt[random.bounded(int(corrupt.size()))] = "\",\r\nx0.-"[random.bounded(8)];
        QString error;
        if (!runsFromCsv(corrupt, &error))
            QVERIFY(!error.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestCsvFormat)
#include "tst_csvformat.moc"
