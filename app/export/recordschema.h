#pragma once

#include "core/requestrecord.h"
#include "core/runresult.h"

#include <QFlags>
#include <QHash>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <optional>
#include <variant>

class JsonReader;

/// A record field's value as the formats see it: null (a mark not reached, no parent), a whole number (an
/// enum by its value), text, or a URL.
// A URL as the records keep it: writing one out needs its encoded bytes only, not a parse back into a QUrl.
using FieldValue = std::variant<std::monostate, qint64, QString, StoredUrl>;
/// Each record's URL by its id, for the fields that name another record.
using UrlById = QHash<int, StoredUrl>; // the records' own bytes: a QUrl each would be 370 B a record more
/// The run's records' URLs by id.
UrlById urlsById(const RunResult &run);

/// One field of a RequestRecord as the files carry it. recordFields() is the one list of them: JSON and CSV
/// walk it to write and read records, and HAR's custom fields ("_attempt") are its entries marked Har, so
/// a field added to the records is one more line there. Each field has one rule for a file without it.
struct RecordField
{
    enum class Type {
        Int, // a whole number from min to max
        Text,
        Url, // "" for none
        Choice, // an enum, written by name
        Mark, // a time on the run's clock, null when not reached: "queued_ns" in JSON, "queued_ms" in CSV
        ParentUrl, // the parent's URL, for readers that do not look parent_id up; reading only checks it
    };
    enum class Format { Json = 0x1, Csv = 0x2, Har = 0x4 };
    Q_DECLARE_FLAGS(Formats, Format)

    QString key; // snake case, as JSON and CSV spell it (marks without their unit)
    Type type = Type::Int;
    Formats formats;
    bool sinceCrawlMode = false; // our files from before crawl mode lack it
    // What a file without it means: our older files for sinceCrawlMode fields, and HARs of other tools for
    // HAR fields. None: our files always have it, and HAR works out its own (an id from the position).
    std::optional<FieldValue> absent;
    qint64 min = 0;
    qint64 max = 0;
    QStringList choiceNames; // in the order messages list them
    QList<qint64> choiceValues;
    Mark mark = Mark::Queued;
    std::function<FieldValue(const RequestRecord &record, const UrlById &urls)> get;
    std::function<void(RequestRecord &record, const FieldValue &value)> set; // none for ParentUrl

    // Spelled once, when the list is made.
    QString jsonKey; // marks with "_ns"
    QString csvColumn; // marks with "_ms"
    QString harKey; // "_parentId"

    bool in(Format format) const { return formats.testFlag(format); }
    QString choiceName(qint64 value) const;

    /// Writes a value as JSON: null, a number, or a string (a URL fully encoded, an enum by name).
    QJsonValue toJson(const FieldValue &value) const;
    /// Reads the field at key; when it is missing, required fails and otherwise absent is returned.
    /// nullopt on failure, or when it is missing and has no absent value.
    std::optional<FieldValue> fromJson(JsonReader &reader, const QString &key, bool required) const;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(RecordField::Formats)

const QList<RecordField> &recordFields();
/// The field with this key; it must exist.
const RecordField &recordField(QStringView key);
