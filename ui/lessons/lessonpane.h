#pragma once

#include <QUrl>
#include <QWidget>

#include <optional>
#include <utility>

#include "lessons/lesson.h"

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QVBoxLayout;

/// The Lesson pane beside the timeline: a lesson's title, its explanation, its Python program and what to
/// notice on the picture, with a button per run it sets up, and the prediction before the run and the
/// measurement after it. It follows the UI language: on a language change it reads the lessons again.
class LessonPane : public QWidget
{
    Q_OBJECT

public:
    explicit LessonPane(QWidget *parent = nullptr);

    /// The demo server the programs are written against.
    void setDemoBase(const QUrl &base);
    void showLesson(int index);
    int currentLesson() const { return m_current; }
    const QList<Lesson> &lessonList() const { return m_lessons; }

    /// Before Run: what the lesson's rules predict for the settings as they are.
    void setPrediction(const QString &text);
    /// After the run: the measurement beside the prediction; empty clears it.
    void setMeasurement(const QString &text);
    /// What the window would run now: the step it matches is checked; when it matches none, the pane says
    /// that what it explains is not what Run will do.
    void setWindowSetup(const QList<QUrl> &urls, const RunSettings &settings, const QList<int> &sweepLimits);
    /// The window is being given step `step` of lesson `lesson`: it shows as set up until setWindowSetup()
    /// says what the window holds, which comes once the controls have settled.
    void expectSetup(int lesson, int step);

    // For tests.
    QString titleText() const;
    QString explanationText() const;
    QString noticeText() const;
    QString programText() const;
    QString predictionText() const;
    QString measurementText() const;
    QList<QWidget *> stepButtons() const { return m_stepButtons; }
    /// The step of the current lesson the window is set up for; -1: none.
    int setUpStep() const { return m_setUpStep; }
    QString setupNoteText() const;

Q_SIGNALS:
    /// A button asked for this run to be set up.
    void stepChosen(const LessonStep &step);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fillLesson();
    void showSetupMatch();

    QList<Lesson> m_lessons;
    int m_current = 0;
    QUrl m_demoBase;
    QComboBox *m_chooser;
    QLabel *m_title;
    QLabel *m_explanation;
    QLabel *m_programHeading;
    QPlainTextEdit *m_program;
    QLabel *m_noticeHeading;
    QLabel *m_notice;
    QLabel *m_stepsHeading;
    QVBoxLayout *m_steps;
    QList<QWidget *> m_stepButtons;
    QLabel *m_setupNote;
    struct WindowSetup
    {
        QList<QUrl> urls;
        RunSettings settings;
        QList<int> sweepLimits;
    };
    std::optional<WindowSetup> m_windowSetup;
    int m_setUpStep = -1;
    std::optional<std::pair<int, int>> m_expected; // lesson, step: see expectSetup()
    QLabel *m_predictionHeading;
    QLabel *m_prediction;
    QLabel *m_measurement;
};
