#include "openedrunpanel.h"

#include "core/runcaption.h"
#include "core/runresult.h"
#include "limitslider.h"
#include "urleditor.h"

#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

OpenedRunPanel::OpenedRunPanel(const Fields &fields, QWidget *parent)
    : QWidget(parent)
    , m_fields(fields)
    , m_note(new QLabel(this))
    , m_runAgain(new QPushButton(tr("Run again"), this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_note->setWordWrap(true);
    m_runAgain->setToolTip(tr("Unlock the settings and run them"));
    auto *edit = new QPushButton(tr("Edit"), this);
    edit->setToolTip(tr("Unlock the settings to change them before the next run"));
    connect(edit, &QPushButton::clicked, this, &OpenedRunPanel::release);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_runAgain, 1);
    buttons->addWidget(edit);
    layout->addWidget(m_note);
    layout->addLayout(buttons);
    hide();

    connect(m_runAgain, &QPushButton::clicked, this, [this] {
        release();
        Q_EMIT runAgainRequested();
    });
    // Whatever changes a field afterwards (a sample, a lesson, a preset) makes the settings the next run's.
    connect(fields.mode, &QComboBox::currentIndexChanged, this, &OpenedRunPanel::onEdited);
    connect(fields.limit, &LimitSlider::valueChanged, this, &OpenedRunPanel::onEdited);
    for (QSpinBox *box : {fields.delay, fields.perHost, fields.timeout, fields.deadline})
        connect(box, &QSpinBox::valueChanged, this, &OpenedRunPanel::onEdited);
    connect(fields.urls->editor(), &QPlainTextEdit::textChanged, this, &OpenedRunPanel::onEdited);
    connect(fields.urls->repeatBox(), &QSpinBox::valueChanged, this, &OpenedRunPanel::onEdited);
}

void OpenedRunPanel::showRun(const RunResult &run)
{
    const RunSettings &settings = run.settings;
    m_filling = true;
    m_fields.mode->setCurrentIndex(m_fields.mode->findData(int(settings.mode)));
    m_fields.limit->setValue(settings.limit);
    m_fields.delay->setValue(settings.delayMs);
    m_fields.perHost->setValue(settings.perHost);
    m_fields.timeout->setValue(settings.timeoutMs);
    m_fields.deadline->setValue(settings.deadlineMs);
    QStringList urls;
    urls.reserve(run.records.size());
    for (const RequestRecord &record : run.records)
        urls.append(record.url.toString());
    m_fields.urls->setRepeat(1);
    m_fields.urls->setText(urls.join(u'\n'));
    m_filling = false;

    m_showing = true;
    for (QWidget *box : std::as_const(m_fields.locked))
        box->setEnabled(false);
    m_note->setText(tr("These are the settings of the opened run (%1), shown read-only.")
                        .arg(RunCaption::label(settings)));
    show();
}

void OpenedRunPanel::release()
{
    if (!m_showing)
        return;
    m_showing = false;
    for (QWidget *box : std::as_const(m_fields.locked))
        box->setEnabled(true);
    hide();
}

void OpenedRunPanel::onEdited()
{
    if (!m_filling)
        release();
}
