#include "codepane.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QVBoxLayout>

#include "codeview.h"
#include "export/atomicfile.h"

namespace {
// The phase colours of the timeline: waiting amber, in flight green, the delay grey-blue.
const QColor WaitingColour(0xd9, 0x8c, 0x1f);
const QColor InFlightColour(0x2e, 0x8b, 0x57);
const QColor SleepingColour(0x5a, 0x6e, 0x8c);
} // namespace

CodePane::CodePane(QWidget *parent)
    : QWidget(parent)
    , m_view(new CodeView(this))
    , m_caption(new QLabel(this))
    , m_copy(new QPushButton(this))
    , m_save(new QPushButton(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *bar = new QHBoxLayout;
    m_caption->setWordWrap(true);
    bar->addWidget(m_caption, 1);
    bar->addWidget(m_copy);
    bar->addWidget(m_save);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    connect(m_copy, &QPushButton::clicked, this, &CodePane::copyToClipboard);
    connect(m_save, &QPushButton::clicked, this, &CodePane::saveDialog);
    retranslate();
}

void CodePane::retranslate()
{
    m_caption->setText(tr("The Python program of these settings"));
    m_copy->setText(tr("&Copy"));
    m_copy->setToolTip(tr("Copy the program to the clipboard"));
    m_save->setText(tr("Save as .py…"));
    m_save->setToolTip(tr("Save the program as a Python file that runs as written"));
}

void CodePane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void CodePane::setProgram(const PythonProgram &program)
{
    if (program.text() == m_program.text() && m_view->document()->characterCount() > 1)
        return;
    m_program = program;
    // Keep the reader's place: a slider drag rewrites the program many times a second.
    const int scroll = m_view->verticalScrollBar()->value();
    m_view->setPlainText(program.text());
    m_view->verticalScrollBar()->setValue(scroll);
    showActivity();
}

void CodePane::setLineActivity(int waiting, int inFlight, int sleeping)
{
    m_waiting = waiting;
    m_inFlight = inFlight;
    m_sleeping = sleeping;
    showActivity();
}

void CodePane::clearLineActivity()
{
    setLineActivity(0, 0, 0);
}

void CodePane::showActivity()
{
    using Step = PythonProgram::Step;
    m_view->clearLineCounts();
    m_view->setLineCount(m_program.lineOf(Step::WaitForPermit), m_waiting, WaitingColour);
    m_view->setLineCount(m_program.lineOf(Step::Request), m_inFlight, InFlightColour);
    m_view->setLineCount(m_program.lineOf(Step::Sleep), m_sleeping, SleepingColour);
}

int CodePane::activityAt(int line) const
{
    return m_view->countAt(line);
}

bool CodePane::saveTo(const QString &path, QString *error) const
{
    return writeFileAtomically(path, m_program.text().toUtf8(), error);
}

void CodePane::copyToClipboard() const
{
    QApplication::clipboard()->setText(m_program.text());
}

void CodePane::saveDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the Python program"),
                                                      QStringLiteral("crawl.py"), tr("Python (*.py)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveTo(path, &error))
        QMessageBox::warning(this, tr("Cannot save"), error);
    else
        Q_EMIT saved(path);
}
