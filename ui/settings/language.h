#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

/// The language Crawlscope speaks: the system's, or one chosen in Preferences. It installs Crawlscope's own
/// translation and Qt's (qtbase_*.qm, so standard dialogs and buttons match), and can be switched while the
/// window is open: installing a translator sends LanguageChange to every window, which Retranslator answers.
namespace Language {

/// The language codes there is a translation for, English (the source language) first.
QStringList available();
/// The language's own name for itself ("English", "한국어"); "System default" for an empty code.
QString displayName(const QString &code);
/// Installs the translators for code ("ko", "en"), or for the system locale when code is empty or unknown.
/// Returns the code that is now in effect ("en" when no translation matched: then the English plural forms
/// are installed, and Qt's own dialogs stay English too). system stands in for QLocale::system() in tests.
QString apply(const QString &code, const QLocale &system = QLocale::system());
/// The code apply() put in effect last; "en" before any call.
QString current();

} // namespace Language
