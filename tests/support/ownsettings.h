#pragma once

#include <QSettings>
#include <QStandardPaths>
#include <QString>

/// Keeps what a window saves (geometry, splitters, language) in folder, this test process's own: Qt's test
/// paths, and QSettings' user scope. Other tests, and other runs of the same test, go side by side under
/// ctest -j.
inline void keepSettingsIn(const QString &folder)
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, folder);
}
