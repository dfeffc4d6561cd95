#include "appsettings.h"

#include <QRegularExpression>
#include <QSettings>

#include <optional>

#include "export/exporter.h"
#include "language.h"
#include "pictureexport.h"
#include "theme.h"

namespace {

// Keys, so that load() and save() cannot drift apart.
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kSplitters = QStringLiteral("window/splitters");
const QString kUrls = QStringLiteral("run/urls");
const QString kRepeat = QStringLiteral("run/repeat");
const QString kMode = QStringLiteral("run/mode");
const QString kLimit = QStringLiteral("run/limit");
const QString kDelay = QStringLiteral("run/delayMs");
const QString kPerHost = QStringLiteral("run/perHost");
const QString kTimeout = QStringLiteral("run/timeoutMs");
const QString kCrawl = QStringLiteral("crawl/enabled");
const QString kDepth = QStringLiteral("crawl/maxDepth");
const QString kPages = QStringLiteral("crawl/maxPages");
const QString kScope = QStringLiteral("crawl/scope");
const QString kInclude = QStringLiteral("crawl/include");
const QString kExclude = QStringLiteral("crawl/exclude");
const QString kRobots = QStringLiteral("crawl/obeyRobots");
const QString kNofollow = QStringLiteral("crawl/honourNofollow");
const QString kSortQuery = QStringLiteral("crawl/sortQuery");
const QString kView = QStringLiteral("view");
const QString kRecent = QStringLiteral("files/recent");
const QString kExportFolder = QStringLiteral("files/exportFolder");
const QString kExportFormat = QStringLiteral("files/exportFormat");
const QString kLanguage = QStringLiteral("ui/language");
const QString kTheme = QStringLiteral("ui/theme");

void warn(const QSettings &settings, const QString &key, const QVariant &value, const QString &expected)
{
    qWarning("Settings %s: ignoring %s = \"%s\": %s", qPrintable(settings.fileName()), qPrintable(key),
             qPrintable(value.toString().left(80)), qPrintable(expected));
}

std::optional<int> readInt(const QSettings &settings, const QString &key, int minimum, int maximum)
{
    if (!settings.contains(key))
        return std::nullopt;
    const QVariant value = settings.value(key);
    bool ok = false;
    const int number = value.toString().toInt(&ok);
    if (!ok || number < minimum || number > maximum) {
        warn(settings, key, value,
             QStringLiteral("expected a whole number from %1 to %2").arg(minimum).arg(maximum));
        return std::nullopt;
    }
    return number;
}

std::optional<bool> readBool(const QSettings &settings, const QString &key)
{
    if (!settings.contains(key))
        return std::nullopt;
    const QVariant value = settings.value(key);
    const QString text = value.toString();
    if (text == QLatin1String("true"))
        return true;
    if (text == QLatin1String("false"))
        return false;
    warn(settings, key, value, QStringLiteral("expected true or false"));
    return std::nullopt;
}

std::optional<QString> readString(const QSettings &settings, const QString &key)
{
    if (!settings.contains(key))
        return std::nullopt;
    const QVariant value = settings.value(key);
    if (value.typeId() != QMetaType::QString) {
        warn(settings, key, value, QStringLiteral("expected text"));
        return std::nullopt;
    }
    return value.toString();
}

std::optional<QByteArray> readBytes(const QSettings &settings, const QString &key)
{
    if (!settings.contains(key))
        return std::nullopt;
    const QVariant value = settings.value(key);
    if (value.typeId() != QMetaType::QByteArray) {
        warn(settings, key, value, QStringLiteral("expected saved window data"));
        return std::nullopt;
    }
    return value.toByteArray();
}

std::optional<QStringList> readPatterns(const QSettings &settings, const QString &key)
{
    const auto text = readString(settings, key);
    if (!text)
        return std::nullopt;
    if (text->isEmpty())
        return QStringList {};
    if (const QRegularExpression pattern(*text); !pattern.isValid()) {
        warn(settings, key, *text, QStringLiteral("not a regular expression: %1").arg(pattern.errorString()));
        return std::nullopt;
    }
    return QStringList {*text};
}

template<typename T>
void take(T &target, const std::optional<T> &value)
{
    if (value)
        target = *value;
}

} // namespace

AppSettings AppSettings::load(QSettings &settings, const AppSettings &defaults)
{
    AppSettings result = defaults;
    take(result.geometry, readBytes(settings, kGeometry));
    take(result.windowState, readBytes(settings, kState));
    settings.beginGroup(kSplitters);
    const QStringList splitterNames = settings.childKeys();
    settings.endGroup();
    for (const QString &name : splitterNames) {
        if (const auto state = readBytes(settings, kSplitters + QLatin1Char('/') + name))
            result.splitters.insert(name, *state);
    }

    take(result.urlText, readString(settings, kUrls));
    take(result.repeat, readInt(settings, kRepeat, 1, MaxRepeat));
    if (const auto mode = readString(settings, kMode)) {
        if (const auto parsed = runModeFromName(*mode))
            result.run.mode = *parsed;
        else
            warn(settings, kMode, *mode, QStringLiteral("expected sequential, gather or limited"));
    }
    RunSettings &run = result.run;
    take(run.limit, readInt(settings, kLimit, 1, MaxLimit));
    take(run.delayMs, readInt(settings, kDelay, 0, MaxDelayMs));
    take(run.perHost, readInt(settings, kPerHost, 0, MaxPerHost));
    take(run.timeoutMs, readInt(settings, kTimeout, 1, MaxTimeoutMs));

    CrawlSettings &crawl = run.crawl;
    take(crawl.enabled, readBool(settings, kCrawl));
    take(crawl.maxDepth, readInt(settings, kDepth, 0, MaxDepth));
    take(crawl.maxPages, readInt(settings, kPages, 1, MaxPages));
    if (const auto scope = readString(settings, kScope)) {
        if (const auto parsed = scopeKindFromName(*scope))
            crawl.scope = *parsed;
        else
            warn(settings, kScope, *scope, QStringLiteral("expected host, site or any"));
    }
    take(crawl.includes, readPatterns(settings, kInclude));
    take(crawl.excludes, readPatterns(settings, kExclude));
    take(crawl.obeyRobots, readBool(settings, kRobots));
    take(crawl.honourNofollow, readBool(settings, kNofollow));
    take(crawl.sortQuery, readBool(settings, kSortQuery));

    settings.beginGroup(kView);
    const QStringList switches = settings.childKeys();
    settings.endGroup();
    for (const QString &name : switches) {
        if (const auto on = readBool(settings, kView + QLatin1Char('/') + name))
            result.viewSwitches.insert(name, *on);
    }

    if (settings.contains(kRecent)) {
        const QVariant value = settings.value(kRecent);
        // An empty list is stored as "@Invalid()" by QSettings' INI format, and read back as no value.
        if (!value.isValid()) {
            result.recentFiles.clear();
        } else if (value.typeId() == QMetaType::QStringList || value.typeId() == QMetaType::QString) {
            result.recentFiles.clear();
            for (const QString &path : value.toStringList()) {
                if (!path.isEmpty() && !result.recentFiles.contains(path)
                    && result.recentFiles.size() < MaxRecentFiles)
                    result.recentFiles.append(path);
            }
        } else {
            warn(settings, kRecent, value, QStringLiteral("expected a list of file paths"));
        }
    }
    take(result.exportFolder, readString(settings, kExportFolder));
    if (const auto format = readString(settings, kExportFormat)) {
        const QStringList formats = exportExtensions() + PictureExport::extensions();
        if (format->isEmpty() || formats.contains(*format)) // empty: nothing exported yet
            result.exportFormat = *format;
        else
            warn(settings, kExportFormat, *format,
                 QStringLiteral("expected one of %1").arg(formats.join(u' ')));
    }
    result.language = loadLanguage(settings);
    result.theme = loadTheme(settings);
    return result;
}

QString AppSettings::loadLanguage(QSettings &settings)
{
    const auto language = readString(settings, kLanguage);
    if (!language)
        return {};
    if (language->isEmpty() || Language::available().contains(*language))
        return *language;
    warn(settings, kLanguage, *language,
         QStringLiteral("expected empty (the system's) or one of %1").arg(Language::available().join(u' ')));
    return {};
}

void AppSettings::save(QSettings &settings) const
{
    settings.setValue(kGeometry, geometry);
    settings.setValue(kState, windowState);
    settings.remove(kSplitters);
    for (auto it = splitters.cbegin(); it != splitters.cend(); ++it)
        settings.setValue(kSplitters + QLatin1Char('/') + it.key(), it.value());
    settings.setValue(kUrls, urlText);
    settings.setValue(kRepeat, repeat);
    settings.setValue(kMode, runModeName(run.mode));
    settings.setValue(kLimit, run.limit);
    settings.setValue(kDelay, run.delayMs);
    settings.setValue(kPerHost, run.perHost);
    settings.setValue(kTimeout, run.timeoutMs);
    settings.setValue(kCrawl, run.crawl.enabled);
    settings.setValue(kDepth, run.crawl.maxDepth);
    settings.setValue(kPages, run.crawl.maxPages);
    settings.setValue(kScope, scopeKindName(run.crawl.scope));
    settings.setValue(kInclude, run.crawl.includes.value(0));
    settings.setValue(kExclude, run.crawl.excludes.value(0));
    settings.setValue(kRobots, run.crawl.obeyRobots);
    settings.setValue(kNofollow, run.crawl.honourNofollow);
    settings.setValue(kSortQuery, run.crawl.sortQuery);
    settings.remove(kView);
    for (auto it = viewSwitches.cbegin(); it != viewSwitches.cend(); ++it)
        settings.setValue(kView + QLatin1Char('/') + it.key(), it.value());
    settings.setValue(kRecent, recentFiles);
    settings.setValue(kExportFolder, exportFolder);
    settings.setValue(kExportFormat, exportFormat);
    settings.setValue(kLanguage, language);
    settings.setValue(kTheme, theme);
}

void AppSettings::addRecentFile(const QString &path)
{
    recentFiles.removeAll(path);
    recentFiles.prepend(path);
    while (recentFiles.size() > MaxRecentFiles)
        recentFiles.removeLast();
}

QString AppSettings::loadTheme(QSettings &settings)
{
    const auto theme = readString(settings, kTheme);
    if (!theme)
        return {};
    if (Theme::available().contains(*theme))
        return *theme;
    warn(settings, kTheme, *theme, QStringLiteral("expected empty (the system's), light or dark"));
    return {};
}
