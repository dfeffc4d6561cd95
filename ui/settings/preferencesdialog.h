#pragma once

#include <QDialog>

class QComboBox;

/// Edit › Preferences…: the language of the window (the system's, or one with a translation). The choice
/// takes effect at once, without a restart.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(const QString &language, QWidget *parent = nullptr);

    /// The chosen language code; empty for the system's.
    QString language() const;
    QComboBox *languageBox() const { return m_language; }

private:
    QComboBox *m_language;
};
