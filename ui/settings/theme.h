#pragma once

#include <QPalette>
#include <QString>
#include <QStringList>

/// Light or dark: the system's palette by default. Qt 6.4 does not hear the desktop's dark preference without
/// a platform theme plugin, so Preferences also offers Light and Dark outright. The timeline's colours follow
/// whichever palette is in effect (TimelinePalette::isDark()).
namespace Theme {

/// "" (the system's), "light", "dark".
QStringList available();
QString displayName(const QString &theme);
/// Sets the application's palette; the widgets repaint on their own.
void apply(const QString &theme);
QPalette darkPalette();

} // namespace Theme
