#include "preferencesdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "language.h"
#include "theme.h"

PreferencesDialog::PreferencesDialog(const QString &language, const QString &theme, QWidget *parent)
    : QDialog(parent)
    , m_language(new QComboBox(this))
    , m_theme(new QComboBox(this))
{
    setWindowTitle(tr("Preferences"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_language->addItem(Language::displayName(QString()), QString());
    for (const QString &code : Language::available())
        m_language->addItem(Language::displayName(code), code);
    m_language->setCurrentIndex(std::max(0, m_language->findData(language)));
    m_language->setAccessibleName(tr("Language"));
    m_language->setToolTip(tr("The language of the window, its dialogs and its pictures"));
    form->addRow(tr("&Language:"), m_language);
    for (const QString &name : Theme::available())
        m_theme->addItem(Theme::displayName(name), name);
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(theme)));
    m_theme->setAccessibleName(tr("Theme"));
    m_theme->setToolTip(tr("Light or dark; the system's follows the desktop's palette"));
    form->addRow(tr("&Theme:"), m_theme);
    layout->addLayout(form);
    auto *note = new QLabel(tr("The command line follows the system's language (LANG)."), this);
    note->setWordWrap(true);
    layout->addWidget(note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QString PreferencesDialog::language() const
{
    return m_language->currentData().toString();
}

QString PreferencesDialog::theme() const
{
    return m_theme->currentData().toString();
}
