#include "export/jsonreader.h"
#include "export/recordschema.h"

#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

using Format = RecordField::Format;

class TestRecordSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keysAreUniqueAndSpelledOnce();
    void defaultsAreTheRecordsOwn();
    void everyFieldRoundTripsThroughJson();
    void missingFieldsFollowOneRule();
    void choicesUseTheCoreNames();
};

void TestRecordSchema::keysAreUniqueAndSpelledOnce()
{
    QSet<QString> json;
    QSet<QString> csv;
    QSet<QString> har;
    for (const RecordField &field : recordFields()) {
        QVERIFY2(!json.contains(field.jsonKey), qPrintable(field.jsonKey));
        json.insert(field.jsonKey);
        csv.insert(field.csvColumn);
        har.insert(field.harKey);
        QVERIFY(field.formats != RecordField::Formats());
        QCOMPARE(&recordField(field.key), &field);
    }
    QCOMPARE(csv.size(), json.size());
    QCOMPARE(har.size(), json.size());
    QCOMPARE(recordField(u"parent_id").harKey, u"_parentId"_s);
    QCOMPARE(recordField(u"attempt").harKey, u"_attempt"_s);
    QCOMPARE(recordField(u"first_byte").jsonKey, u"first_byte_ns"_s);
    QCOMPARE(recordField(u"first_byte").csvColumn, u"first_byte_ms"_s);
    QCOMPARE(recordField(u"status").csvColumn, u"status"_s);
}

// A file without a field means what a fresh record holds, so there is one default per field.
void TestRecordSchema::defaultsAreTheRecordsOwn()
{
    const RequestRecord fresh;
    int withDefault = 0;
    for (const RecordField &field : recordFields()) {
        QVERIFY2(!field.sinceCrawlMode || field.absent, qPrintable(field.key)); // older files lack it
        if (!field.absent)
            continue;
        ++withDefault;
        QVERIFY2(field.get(fresh, {}) == *field.absent, qPrintable(field.key));
    }
    // redirects, error, parent_id, depth, role, attempt, parent_url, encrypted; a capture's method,
    // connection, reused_connection, bytes_sent, proxy_ns, request_headers
    QCOMPARE(withDefault, 14);
}

void TestRecordSchema::everyFieldRoundTripsThroughJson()
{
    RequestRecord record;
    record.id = 12;
    record.url = QUrl(u"http://example.org/a%2Cb?x=1"_s);
    record.finalUrl = QUrl(u"http://example.org/b"_s);
    record.mode = RunMode::Gather;
    record.outcome = Outcome::HttpError;
    record.status = 503;
    record.bytes = qint64(1) << 40;
    record.contentType = u"text/html"_s;
    record.error = u"Service Unavailable"_s;
    record.redirects = 2;
    record.parentId = 3;
    record.depth = 4;
    record.role = RequestRole::Robots;
    record.attempt = 3;
    for (int i = 0; i < MarkCount; i += 2)
        record.set(Mark(i), qint64(i) * 1'000'000'007);
    const UrlById urls {{3, QUrl(u"http://example.org/"_s)}};

    for (const auto &[format, keys] :
         {std::pair {Format::Json, KeyCase::Snake}, {Format::Har, KeyCase::Camel}}) {
        QJsonObject object;
        for (const RecordField &field : recordFields()) {
            if (field.in(format)) {
                const QString key = format == Format::Json ? field.jsonKey : field.harKey;
                object.insert(key, field.toJson(field.get(record, urls)));
            }
        }
        QCOMPARE(object.value(format == Format::Json ? u"parent_url"_s : u"_parentUrl"_s).toString(),
                 u"http://example.org/"_s);
        QCOMPARE(object.value(format == Format::Json ? u"role"_s : u"_role"_s).toString(), u"robots"_s);

        QString error;
        JsonReader reader(object, u"record"_s, &error,
                          keys == KeyCase::Snake ? JsonReader::Wording::RunFile : JsonReader::Wording::Har);
        RequestRecord back;
        for (const RecordField &field : recordFields()) {
            if (!field.in(format))
                continue;
            const QString key = format == Format::Json ? field.jsonKey : field.harKey;
            const auto value = field.fromJson(reader, key, true);
            QVERIFY2(value, qPrintable(error));
            if (field.set)
                field.set(back, *value);
            QVERIFY2(field.get(back, urls) == field.get(record, urls) || !field.set, qPrintable(field.key));
        }
    }
}

void TestRecordSchema::missingFieldsFollowOneRule()
{
    QString error;
    JsonReader reader(QJsonObject(), u"record 0"_s, &error, JsonReader::Wording::RunFile);
    QCOMPARE(recordField(u"attempt").fromJson(reader, u"attempt"_s, false),
             std::optional(FieldValue(qint64(1))));
    QCOMPARE(recordField(u"role").fromJson(reader, u"role"_s, false),
             std::optional(FieldValue(qint64(RequestRole::Page))));
    QCOMPARE(recordField(u"parent_url").fromJson(reader, u"parent_url"_s, false),
             std::optional(FieldValue()));
    QVERIFY(!reader.failed());
    // A field without a default: the caller works it out (HAR numbers entries by position).
    QCOMPARE(recordField(u"id").fromJson(reader, u"_id"_s, false), std::nullopt);
    QVERIFY(!reader.failed());
    QCOMPARE(recordField(u"status").fromJson(reader, u"status"_s, true), std::nullopt);
    QCOMPARE(error, u"record 0: \"status\" is missing"_s);
}

void TestRecordSchema::choicesUseTheCoreNames()
{
    const RecordField &outcome = recordField(u"outcome");
    QCOMPARE(outcome.choiceNames.size(), qsizetype(Outcomes.size()));
    for (Outcome value : Outcomes)
        QCOMPARE(outcome.choiceName(qint64(value)), outcomeName(value));
    const RecordField &mode = recordField(u"mode");
    for (RunMode value : RunModes)
        QCOMPARE(mode.choiceName(qint64(value)), runModeName(value));
    QCOMPARE(recordField(u"role").choiceNames, (QStringList {u"page"_s, u"robots"_s, u"tunnel"_s}));
}

QTEST_GUILESS_MAIN(TestRecordSchema)
#include "tst_recordschema.moc"
