#include "jsonreader.h"

#include <limits>
#include <utility>

QString keyIn(QStringView snake, KeyCase keys)
{
    if (keys == KeyCase::Snake)
        return snake.toString();
    QString camel;
    bool upper = false;
    for (const QChar c : snake) {
        if (c == u'_') {
            upper = true;
            continue;
        }
        camel += upper ? c.toUpper() : c;
        upper = false;
    }
    return camel;
}

JsonReader::JsonReader(const QJsonObject &object, QString where, QString *error, Wording wording)
    : m_object(object)
    , m_where(std::move(where))
    , m_error(error)
    , m_wording(wording)
{ }

std::optional<QJsonObject> JsonReader::objectAt(const QJsonArray &array, qsizetype index,
                                                const QString &where, QString *error)
{
    const QJsonValue value = array.at(index);
    if (value.isObject())
        return value.toObject();
    JsonReader({}, where, error, Wording::Har).fail(tr("must be an object, not %1").arg(typeName(value)));
    return std::nullopt;
}

QString JsonReader::typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return tr("null");
    case QJsonValue::Bool:
        return tr("a boolean");
    case QJsonValue::Double:
        return tr("a number");
    case QJsonValue::String:
        return tr("a string");
    case QJsonValue::Array:
        return tr("an array");
    case QJsonValue::Object:
        return tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return tr("missing");
}

void JsonReader::fail(const QString &message)
{
    if (m_failed)
        return;
    m_failed = true;
    if (m_error)
        *m_error = m_where.isEmpty() ? message : tr("%1: %2").arg(m_where, message);
}

QJsonValue JsonReader::value(const QString &path) const
{
    QJsonValue value = m_object;
    for (const auto &key : path.split(u'.'))
        value = value.toObject().value(key);
    return value;
}

QJsonValue JsonReader::field(const QString &path, QJsonValue::Type type, bool required)
{
    if (m_failed)
        return QJsonValue::Undefined;
    QJsonValue value = this->value(path);
    if (value.isUndefined()) {
        if (required)
            fail(tr("%1 is missing").arg(name(path)));
        return QJsonValue::Undefined;
    }
    if (value.type() != type) {
        fail(tr("%1 must be %2, not %3").arg(name(path), typeName(QJsonValue(type)), typeName(value)));
        return QJsonValue::Undefined;
    }
    return value;
}

qint64 JsonReader::integer(const QString &path, qint64 min, qint64 max, std::optional<qint64> fallback)
{
    const QJsonValue value = field(path, QJsonValue::Double, !fallback);
    if (value.isUndefined())
        return fallback.value_or(min);
    // toInteger() gives 0 for fractions and out-of-range numbers, so compare it with the double.
    const double number = value.toDouble();
    const qint64 whole = value.toInteger();
    const bool isWhole = double(whole) == number;
    if (isWhole && whole >= min && whole <= max)
        return whole;
    if (m_wording == Wording::Har)
        fail(tr("%1 is %2, expected a whole number from %3 to %4").arg(path).arg(number).arg(min).arg(max));
    else if (!isWhole)
        fail(tr("%1 is %2, expected a whole number").arg(name(path)).arg(number));
    else if (whole < min && max == std::numeric_limits<qint64>::max())
        fail(tr("%1 is %2, expected %3 or more").arg(name(path)).arg(whole).arg(min));
    else
        fail(tr("%1 is %2, expected %3 to %4").arg(name(path)).arg(whole).arg(min).arg(max));
    return fallback.value_or(min);
}

QStringList JsonReader::strings(const QString &path)
{
    const QJsonArray array = this->array(path);
    QStringList strings;
    for (qsizetype i = 0; i < array.size() && !m_failed; ++i) {
        if (!array.at(i).isString()) {
            fail(m_wording == Wording::RunFile
                     ? tr("%1 item %2 must be a string, not %3")
                           .arg(name(path))
                           .arg(i)
                           .arg(typeName(array.at(i)))
                     : tr("%1[%2] must be a string, not %3").arg(path).arg(i).arg(typeName(array.at(i))));
        }
        strings.append(array.at(i).toString());
    }
    return strings;
}

QString JsonReader::name(const QString &path) const
{
    return m_wording == Wording::RunFile ? u'"' + path + u'"' : path;
}

std::optional<qsizetype> JsonReader::choiceIndex(const QString &path, const QStringList &names)
{
    const QString text = string(path);
    if (m_failed)
        return std::nullopt;
    const qsizetype index = names.indexOf(text);
    if (index >= 0)
        return index;
    fail(m_wording == Wording::RunFile
             ? tr("%1 is \"%2\", expected one of %3").arg(name(path), text, names.join(u", "))
             : tr("%1 \"%2\" is not one of %3").arg(path, text, names.join(u", ")));
    return std::nullopt;
}

QUrl JsonReader::url(const QString &path, const QUrl &base)
{
    const QString text = string(path);
    if (m_failed || (text.isEmpty() && m_wording == Wording::RunFile))
        return {};
    // HAR writes Location as browsers got it, so it is resolved; our run file writes whole URLs.
    const QUrl parsed(text, QUrl::TolerantMode);
    QUrl url = m_wording == Wording::Har ? base.resolved(parsed) : parsed;
    if (text.isEmpty())
        fail(tr("%1 is empty").arg(path));
    else if (!url.isValid() && m_wording == Wording::RunFile)
        fail(tr("%1 is not a valid URL: %2").arg(name(path), url.errorString()));
    else if (!url.isValid())
        fail(tr("%1 \"%2\" is not a valid URL: %3").arg(path, text, url.errorString()));
    return url;
}
