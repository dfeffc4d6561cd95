#pragma once

#include <QObject>
#include <QPointer>

#include "appsettings.h"

class MainWindow;
class QMenu;
class QSettings;

/// Remembers a MainWindow between launches through QSettings: restores what was saved when attached, saves
/// when the window closes, and adds Edit › Preferences… and Edit › Reset to Defaults, and File › Open Recent.
/// Reset brings back what the window looked like before anything was restored. Tests point QSettings at a
/// temporary folder (QStandardPaths::setTestModeEnabled), never at the user's file.
class WindowSettings : public QObject
{
    Q_OBJECT

public:
    /// Restores the saved state into window at once; the object lives as the window's child.
    static WindowSettings *attach(MainWindow *window);

    /// The window's state as values.
    AppSettings current() const;
    /// Puts values into the window: geometry (ignored, with a warning, when it would leave the window off
    /// every screen), splitters, URLs and run settings, View switches.
    void apply(const AppSettings &settings);
    void save();
    void resetToDefaults();
    void showPreferences();

    const AppSettings &defaults() const { return m_defaults; }
    QMenu *recentMenu() const { return m_recentMenu; }

private:
    explicit WindowSettings(MainWindow *window);
    bool eventFilter(QObject *watched, QEvent *event) override;
    void buildMenus();
    void fillRecentMenu();
    void noteFile(const QString &path);
    void noteExport(const QString &path);

    QPointer<MainWindow> m_window;
    AppSettings m_defaults; // the window as built, before anything was restored
    AppSettings m_remembered; // what only this object knows: recent files, export folder, language
    QMenu *m_recentMenu = nullptr;
};
