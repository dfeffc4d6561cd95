#include "lessonpane.h"

#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include "lessons/pythonprogram.h"

namespace {

QLabel *wrapped(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLabel *heading(QWidget *parent)
{
    auto *label = new QLabel(parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

LessonPane::LessonPane(QWidget *parent)
    : QWidget(parent)
    , m_chooser(new QComboBox(this))
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(4, 4, 4, 4);
    outer->addWidget(m_chooser);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *body = new QWidget(scroll);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(0, 0, 0, 0);

    m_title = wrapped(body);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    m_title->setFont(titleFont);
    m_explanation = wrapped(body);
    m_programHeading = heading(body);
    m_program = new QPlainTextEdit(body);
    m_program->setReadOnly(true);
    m_program->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_program->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_program->setMinimumHeight(160);
    m_programHeading->setBuddy(m_program); // a screen reader names the program by its heading
    m_noticeHeading = heading(body);
    m_notice = wrapped(body);
    m_stepsHeading = heading(body);
    m_steps = new QVBoxLayout;
    m_setupNote = wrapped(body);
    m_setupNote->setVisible(false);
    m_predictionHeading = heading(body);
    m_prediction = wrapped(body);
    m_measurement = wrapped(body);

    layout->addWidget(m_title);
    layout->addWidget(m_explanation);
    layout->addWidget(m_stepsHeading);
    layout->addLayout(m_steps);
    layout->addWidget(m_setupNote);
    layout->addWidget(m_predictionHeading);
    layout->addWidget(m_prediction);
    layout->addWidget(m_measurement);
    layout->addWidget(m_noticeHeading);
    layout->addWidget(m_notice);
    layout->addWidget(m_programHeading);
    layout->addWidget(m_program, 1);
    scroll->setWidget(body);
    outer->addWidget(scroll, 1);

    // Lesson titles are long; the dock may be narrow on a projector, so the box elides rather than widens it.
    m_chooser->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_chooser->setMinimumContentsLength(14);
    connect(m_chooser, &QComboBox::activated, this, &LessonPane::showLesson);
    retranslate();
}

void LessonPane::retranslate()
{
    m_lessons = lessons();
    m_current = std::clamp(m_current, 0, int(m_lessons.size()) - 1);
    m_chooser->blockSignals(true);
    m_chooser->clear();
    for (const Lesson &lesson : std::as_const(m_lessons))
        m_chooser->addItem(lesson.title);
    m_chooser->setCurrentIndex(m_current);
    m_chooser->blockSignals(false);
    m_programHeading->setText(tr("The program"));
    m_noticeHeading->setText(tr("What to notice"));
    m_stepsHeading->setText(tr("Set up the run, then press Run"));
    m_predictionHeading->setText(tr("Prediction and measurement"));
    fillLesson();
}

void LessonPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void LessonPane::setDemoBase(const QUrl &base)
{
    m_demoBase = base;
    fillLesson();
}

void LessonPane::showLesson(int index)
{
    if (index < 0 || index >= m_lessons.size())
        return;
    m_current = index;
    m_chooser->setCurrentIndex(index);
    setMeasurement({});
    fillLesson();
}

void LessonPane::fillLesson()
{
    qDeleteAll(m_stepButtons);
    m_stepButtons.clear();
    if (m_lessons.isEmpty())
        return;
    const Lesson &lesson = m_lessons.at(m_current);
    m_title->setText(lesson.title);
    m_explanation->setText(lesson.explanation);
    m_notice->setText(lesson.notice);
    for (qsizetype i = 0; i < lesson.steps.size(); ++i) {
        const LessonStep &step = lesson.steps.at(i);
        auto *button = new QPushButton(step.label, this);
        button->setToolTip(tr("Put this run's URLs and settings in the window"));
        // Checked while the window holds this run; a click always sets it up, and the check follows that.
        button->setCheckable(true);
        connect(button, &QPushButton::clicked, this, [this, step, i] {
            expectSetup(m_current, int(i));
            Q_EMIT stepChosen(step);
        });
        m_steps->addWidget(button);
        m_stepButtons.append(button);
    }
    showSetupMatch();
    // The program of the lesson's first run; a sweep's is the program of its first k.
    const LessonStep &first = lesson.steps.constFirst();
    RunSettings settings = first.settings;
    if (first.isSweep())
        settings.limit = first.sweepLimits.constFirst();
    const QUrl base = m_demoBase.isValid() ? m_demoBase : QUrl(QStringLiteral("http://127.0.0.1:8080"));
    m_program->setPlainText(PythonProgram::generate(first.urls(base), settings, base).text());
}

void LessonPane::setPrediction(const QString &text)
{
    m_prediction->setText(text);
}

void LessonPane::setMeasurement(const QString &text)
{
    m_measurement->setText(text);
    m_measurement->setVisible(!text.isEmpty());
}

void LessonPane::setWindowSetup(const QList<QUrl> &urls, const RunSettings &settings,
                                const QList<int> &sweepLimits)
{
    m_windowSetup = WindowSetup {urls, settings, sweepLimits};
    m_expected.reset();
    showSetupMatch();
}

void LessonPane::expectSetup(int lesson, int step)
{
    m_expected = std::pair {lesson, step};
    showSetupMatch();
}

void LessonPane::showSetupMatch()
{
    m_setUpStep = -1;
    const bool expecting = m_expected && m_expected->first == m_current;
    if (expecting) {
        m_setUpStep = m_expected->second;
    } else if (m_windowSetup && !m_lessons.isEmpty()) {
        const QUrl base = m_demoBase.isValid() ? m_demoBase : QUrl(QStringLiteral("http://127.0.0.1:8080"));
        const QList<LessonStep> &steps = m_lessons.at(m_current).steps;
        for (qsizetype i = 0; i < steps.size() && m_setUpStep < 0; ++i) {
            if (steps.at(i).isSetUp(m_windowSetup->urls, m_windowSetup->settings, m_windowSetup->sweepLimits,
                                    base))
                m_setUpStep = int(i);
        }
    }
    for (qsizetype i = 0; i < m_stepButtons.size(); ++i) {
        if (auto *button = qobject_cast<QPushButton *>(m_stepButtons.at(i)))
            button->setChecked(i == m_setUpStep);
    }
    // Before the window has said what it holds, there is nothing to compare.
    m_setupNote->setVisible(m_windowSetup && m_setUpStep < 0 && !expecting);
    m_setupNote->setText(m_stepButtons.size() == 1
                             ? tr("The window is now set up for a different run. What this lesson says is "
                                  "about its own run: press the button above to set that up.")
                             : tr("The window is now set up for a different run. What this lesson says is "
                                  "about its own runs: press a button above to set one up."));
}

QString LessonPane::setupNoteText() const
{
    return m_setupNote->isHidden() ? QString() : m_setupNote->text();
}

QString LessonPane::titleText() const
{
    return m_title->text();
}

QString LessonPane::explanationText() const
{
    return m_explanation->text();
}

QString LessonPane::noticeText() const
{
    return m_notice->text();
}

QString LessonPane::programText() const
{
    return m_program->toPlainText();
}

QString LessonPane::predictionText() const
{
    return m_prediction->text();
}

QString LessonPane::measurementText() const
{
    return m_measurement->text();
}
