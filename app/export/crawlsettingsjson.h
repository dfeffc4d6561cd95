#pragma once

#include "core/crawltypes.h"

#include <QJsonObject>
#include <QString>

class JsonReader;

/// How a format spells its keys: our run file writes max_depth, HAR's custom fields maxDepth.
enum class KeyCase { Snake, Camel };

/// The crawl settings as one JSON object, for the run file's "crawl" and HAR's "_crawl".
QJsonObject crawlSettingsToJson(const CrawlSettings &crawl, KeyCase keys);
/// Reads the object at key: every field is required once it is there; without it, the defaults (no crawl).
CrawlSettings crawlSettingsFromJson(JsonReader &reader, const QString &key, KeyCase keys);
