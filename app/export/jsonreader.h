#pragma once

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <array>
#include <optional>

/// How a format spells its keys: our run file writes max_depth, HAR's custom fields maxDepth.
enum class KeyCase { Snake, Camel };

/// A key written once in snake case, spelled as the format spells it.
QString keyIn(QStringView snake, KeyCase keys);

/// Reads the fields of one JSON object by key or dotted path ("response.content.size"). The first problem is
/// kept with where it happened and later reads just return defaults, so parsing code reads straight through
/// and checks failed() once per object.
class JsonReader
{
    Q_DECLARE_TR_FUNCTIONS(JsonReader)

public:
    // Each format keeps the messages its users (and tests) know: HAR names paths as its spec writes them
    // ("timings.wait is missing"), our run file quotes keys ("\"status\" is missing"), and the two word
    // range and choice errors differently.
    enum class Wording { Har, RunFile };

    JsonReader(const QJsonObject &object, QString where, QString *error, Wording wording);

    /// The element at index as an object, or nullopt with the error set as a reader for where would set it.
    static std::optional<QJsonObject> objectAt(const QJsonArray &array, qsizetype index, const QString &where,
                                               QString *error);
    static QString typeName(const QJsonValue &value);

    bool failed() const { return m_failed; }
    void fail(const QString &message);

    QJsonValue value(const QString &path) const;
    bool has(const QString &path) const { return !value(path).isUndefined(); }
    /// The value if it has this type, else Undefined; a missing one is only a failure when required.
    QJsonValue field(const QString &path, QJsonValue::Type type, bool required = true);

    QJsonObject object(const QString &path, bool required = true)
    {
        return field(path, QJsonValue::Object, required).toObject();
    }
    QJsonArray array(const QString &path, bool required = true)
    {
        return field(path, QJsonValue::Array, required).toArray();
    }
    QString string(const QString &path, bool required = true)
    {
        return field(path, QJsonValue::String, required).toString();
    }
    double number(const QString &path, bool required = true)
    {
        return field(path, QJsonValue::Double, required).toDouble();
    }
    bool boolean(const QString &path, bool required = true)
    {
        return field(path, QJsonValue::Bool, required).toBool();
    }

    /// A whole number in [min, max], or fallback when it is optional and missing.
    qint64 integer(const QString &path, qint64 min, qint64 max, std::optional<qint64> fallback = {});
    /// An array of strings (required).
    QStringList strings(const QString &path);
    /// A URL string (required), resolved against base. Our run file writes "" for no URL; HAR needs one.
    QUrl url(const QString &path, const QUrl &base = {});
    /// The index in names of the string at path (required), or nullopt on failure.
    std::optional<qsizetype> choiceIndex(const QString &path, const QStringList &names);

    /// The value whose name is the string at path; nullopt when it is optional and missing, or on failure.
    template<typename Enum, std::size_t Count>
    std::optional<Enum> choice(const QString &path, const std::array<Enum, Count> &values,
                               QString (*name)(Enum), bool required = true)
    {
        if (!required && !has(path))
            return std::nullopt;
        QStringList names;
        for (auto value : values)
            names.append(name(value));
        const auto index = choiceIndex(path, names);
        return index ? std::optional(values[std::size_t(*index)]) : std::nullopt;
    }

private:
    QString name(const QString &path) const;

    QJsonObject m_object;
    QString m_where;
    QString *m_error;
    Wording m_wording;
    bool m_failed = false;
};
