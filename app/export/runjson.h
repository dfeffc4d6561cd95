#pragma once

#include "core/runresult.h"
#include "recordschema.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include <optional>

/// The pieces of Crawlscope's run file (jsonformat.h), one object at a time, for files that carry a run in
/// parts as it goes (the journal). Each reads and checks exactly as the whole file does; errors say where.
namespace RunJson {

/// A run with its settings and whatever it holds so far.
QJsonObject run(const RunResult &run);
std::optional<RunResult> run(const QJsonObject &object, const QString &where, QString *error);
QJsonObject record(const RequestRecord &record, const UrlById &urls);
std::optional<RequestRecord> record(const QJsonObject &object, const QString &where, QString *error);
/// record() as one line, `{"t":"<tag>",…}` and a newline, appended to out without a QJsonObject in between.
void appendRecordLine(QByteArray &out, QByteArrayView tag, const RequestRecord &record, const UrlById &urls);
QJsonObject skipped(const SkippedUrl &skipped, const UrlById &urls);
std::optional<SkippedUrl> skipped(const QJsonObject &object, const QString &where, QString *error);
QJsonObject host(const CrawlHost &host);
std::optional<CrawlHost> host(const QJsonObject &object, const QString &where, QString *error);
QJsonObject capacityChange(const CapacityChange &change);
std::optional<CapacityChange> capacityChange(const QJsonObject &object, const QString &where, QString *error);

} // namespace RunJson
