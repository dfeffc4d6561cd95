#include "preferencesdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "language.h"

PreferencesDialog::PreferencesDialog(const QString &language, QWidget *parent)
    : QDialog(parent)
    , m_language(new QComboBox(this))
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
