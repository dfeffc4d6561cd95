#pragma once

#include "core/runsettings.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

class QSettings;

/// What Crawlscope remembers between launches, as plain values: the window's geometry and splitters, the
/// run's URLs and settings, the View switches, recent files, the last export folder and format, and the
/// language. load() takes only what is valid: a corrupt or out-of-range value is left at its default, each
/// with a warning naming the key, so a damaged settings file can never crash the app or hide the window.
struct AppSettings
{
    static constexpr int MaxRecentFiles = 10;
    static constexpr int MaxRepeat = 100'000;
    static constexpr int MaxLimit = 1000;
    static constexpr int MaxDelayMs = 600'000;
    static constexpr int MaxPerHost = 1000;
    static constexpr int MaxTimeoutMs = 3'600'000;
    static constexpr int MaxDepth = 1000;
    static constexpr int MaxPages = 1'000'000;

    QByteArray geometry; // QWidget::saveGeometry()
    QByteArray windowState; // QMainWindow::saveState()
    QHash<QString, QByteArray> splitters; // by object name
    QString urlText;
    int repeat = 1;
    RunSettings run;
    QHash<QString, bool> viewSwitches; // checkable actions, by object name
    QStringList recentFiles; // most recent first
    QString exportFolder;
    QString exportFormat; // an extension such as ".json"
    QString language; // empty: the system's
    QString theme; // empty: the system's palette; "light" or "dark"

    /// Reads what was saved. Keys that are absent keep the values of defaults.
    static AppSettings load(QSettings &settings, const AppSettings &defaults);
    static AppSettings load(QSettings &settings) { return load(settings, AppSettings()); }
    void save(QSettings &settings) const;
    /// Only the language, checked as load() checks it: the window is built in it, before the rest is read.
    static QString loadLanguage(QSettings &settings);
    static QString loadTheme(QSettings &settings);

    /// path first, without duplicates, at most MaxRecentFiles.
    void addRecentFile(const QString &path);
};
