#pragma once

#include <QDialog>

class QComboBox;

/// Edit › Preferences…: the language of the window (the system's, or one with a translation) and its theme
/// (the system's palette, light or dark). Both take effect at once, without a restart.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(const QString &language, const QString &theme, QWidget *parent = nullptr);

    /// The chosen language code; empty for the system's.
    QString language() const;
    /// "" for the system's palette, "light" or "dark".
    QString theme() const;
    QComboBox *languageBox() const { return m_language; }
    QComboBox *themeBox() const { return m_theme; }

private:
    QComboBox *m_language;
    QComboBox *m_theme;
};
