#pragma once

#include "core/crawltypes.h"

#include <QJsonObject>
#include <QString>

#include "jsonreader.h"

/// The crawl settings as one JSON object, for the run file's "crawl" and HAR's "_crawl".
QJsonObject crawlSettingsToJson(const CrawlSettings &crawl, KeyCase keys);
/// Reads the object at key: every field is required once it is there; without it, the defaults (no crawl).
CrawlSettings crawlSettingsFromJson(JsonReader &reader, const QString &key, KeyCase keys);
