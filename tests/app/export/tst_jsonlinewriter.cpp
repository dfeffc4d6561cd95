#include "export/jsonlinewriter.h"
#include "export/runjson.h"
#include "sampleruns.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;

class TestJsonLineWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stringsReadBackExactly_data();
    void stringsReadBackExactly();
    void plainTextIsWrittenAsQtWritesIt();
    void integersAtTheirBounds();
    void recordLineReadsBackAsTheRecordObject();
    void eachLineNamesItsOwnUrl();
};

void TestJsonLineWriter::stringsReadBackExactly_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("plain") << u"text/html; charset=utf-8"_s;
    QTest::newRow("quotes and backslashes") << u"say \"hi\" \\ there"_s;
    QTest::newRow("control characters") << u"tab\there\nnew line\r\u0001\u001f"_s;
    QTest::newRow("delete") << u"a\u007fb"_s;
    QTest::newRow("unicode") << u"bücher straße 한국어 €"_s;
    QTest::newRow("surrogate pair") << u"emoji \U0001F600 end"_s;
}

void TestJsonLineWriter::stringsReadBackExactly()
{
    QFETCH(QString, text);
    QByteArray out;
    JsonLineWriter line(out);
    line.begin();
    line.addString("s", text);
    line.end();
    QVERIFY(out.endsWith("}\n"));
    QCOMPARE(out.count('\n'), 1); // one line, whatever the text holds
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(out, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(document.object().value(u"s"_s).toString(), text);
    // Byte for byte what Qt writes, so the journal reads as it did.
    QCOMPARE(out.chopped(1), QJsonDocument(QJsonObject {{u"s"_s, text}}).toJson(QJsonDocument::Compact));
}

void TestJsonLineWriter::plainTextIsWrittenAsQtWritesIt()
{
    QByteArray out = "x";
    JsonLineWriter line(out);
    line.begin();
    line.addPlainString("a", "rec");
    line.addBool("b", true);
    line.addBool("c", false);
    line.addNull("d");
    line.addInteger("e", 0);
    line.end();
    QCOMPARE(out,
             QByteArray(R"(x{"a":"rec","b":true,"c":false,"d":null,"e":0})"
                        "\n"));
}

void TestJsonLineWriter::integersAtTheirBounds()
{
    const QList<qint64> values {0,
                                -1,
                                7,
                                -1234567890123,
                                (qint64(1) << 53) + 1,
                                std::numeric_limits<qint64>::max(),
                                std::numeric_limits<qint64>::min()};
    for (const qint64 value : values) {
        QByteArray out;
        JsonLineWriter line(out);
        line.begin();
        line.addInteger("n", value);
        line.end();
        QCOMPARE(out, "{\"n\":" + QByteArray::number(value) + "}\n");
    }
}

void TestJsonLineWriter::recordLineReadsBackAsTheRecordObject()
{
    // Every outcome, unreached marks, unicode and quotes in URLs and errors, times past 2^53 ns.
    QList<RequestRecord> records;
    for (const RunResult &run : {SampleRuns::limitedRun(), SampleRuns::crawlRun()})
        records += run.records;
    QVERIFY(records.size() >= 5);
    records[1].error = u"line one\nline \"two\" \u0007 ✓"_s;
    records[2].setRequestHeaders(u"Accept: */*\r\nX-Name: 이름"_s);
    const UrlById urls {{0, QUrl(u"http://example.org/parent"_s)}};
    for (const RequestRecord &record : std::as_const(records)) {
        QByteArray out;
        RunJson::appendRecordLine(out, "rec", record, urls);
        QVERIFY(out.endsWith('\n'));
        QCOMPARE(out.count('\n'), 1);
        QJsonObject expected = RunJson::record(record, urls);
        expected.insert(u"t"_s, u"rec"_s);
        QJsonParseError error;
        const QJsonObject written = QJsonDocument::fromJson(out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(written, expected);
        QString readError;
        const auto back = RunJson::record(written, u"line 1"_s, &readError);
        QVERIFY2(back, qPrintable(readError));
        QCOMPARE(*back, record);
    }
}

void TestJsonLineWriter::eachLineNamesItsOwnUrl()
{
    // The same URL over and over, then URLs QUrl calls equal that are written apart, one after the other.
    const QStringList urls {u"http://127.0.0.1:8123/delay/0"_s,
                            u"http://127.0.0.1:8123/delay/0"_s,
                            u"http://127.0.0.1:8123/delay/1"_s,
                            u"file:/x"_s,
                            u"file:///x"_s,
                            u"file:/x"_s,
                            u"http://127.0.0.1:8123/delay/0"_s,
                            u"http://bücher.example/ä"_s};
    QVERIFY(QUrl(u"file:/x"_s) == QUrl(u"file:///x"_s)); // why the URL's own text must be written each time
    for (const QString &text : urls) {
        RequestRecord record;
        record.url = QUrl(text);
        record.finalUrl = record.url;
        QByteArray out;
        RunJson::appendRecordLine(out, "rec", record, {});
        const QJsonObject written = QJsonDocument::fromJson(out).object();
        QCOMPARE(written.value(u"url"_s).toString(), record.url.toString(QUrl::FullyEncoded));
        QCOMPARE(written.value(u"final_url"_s).toString(), record.url.toString(QUrl::FullyEncoded));
    }
}

QTEST_GUILESS_MAIN(TestJsonLineWriter)
#include "tst_jsonlinewriter.moc"
