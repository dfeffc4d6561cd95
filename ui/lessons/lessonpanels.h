#pragma once

#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

#include "core/prediction.h"
#include "core/runresult.h"

class CodePane;
class LessonPane;
class QDockWidget;
class QMainWindow;
class QMenu;
class SweepChart;
struct LessonStep;
struct ToolPreset;

/// What the lessons add to a window, kept out of the window's own code: the Lesson pane and the Code pane
/// as docks beside the timeline, the Lessons and Presets menus, and the sweep chart. The window tells it the
/// settings as they change and the runs as they finish; it says which run a lesson or a preset asks for.
class LessonPanels : public QObject
{
    Q_OBJECT

public:
    /// The panes take a change of settings this long after the last one, so typing a URL list or dragging
    /// the slider does not regenerate the program and the prediction at every step.
    static constexpr int SettleMs = 60;

    LessonPanels(QMainWindow *window, const Prediction::LatencyOracle &latency);

    /// The demo server's base URL, for the programs' URLs.
    void setDemoBase(const QUrl &base);
    /// The settings as the window shows them: the Code pane and the prediction follow, a moment later, so a
    /// slider drag over a long URL list writes the program once, not on every step.
    void showSettings(const QList<QUrl> &urls, const RunSettings &settings, const QList<int> &sweepLimits);
    /// A run's prediction as it is already known (RunModel keeps one), or nullopt to work it out again.
    using KnownPrediction = std::function<std::optional<Prediction>(int runId)>;

    /// Runs finished (or were opened): the measurement beside the prediction, and the sweep chart. A known
    /// prediction spares asking the latency oracle for every URL again at the end of a long run.
    void showRuns(const QList<RunResult> &runs, const KnownPrediction &known = {});

    LessonPane *lessonPane() const { return m_lessonPane; }
    CodePane *codePane() const { return m_codePane; }
    SweepChart *sweepChart() const { return m_sweepChart; }
    QMenu *lessonsMenu() const { return m_lessonsMenu; }
    QMenu *presetsMenu() const { return m_presetsMenu; }
    const Prediction::LatencyOracle &latencyOracle() const { return m_latency; }

    /// What the measurement of a finished run says: a few numbers, kept to be said again in another language.
    struct Measured
    {
        RunSettings settings;
        bool cancelled = false;
        qint64 wallNs = 0;
        int requests = 0;
        int done = 0;
        Prediction prediction;
    };
    static QList<Measured> measure(const QList<RunResult> &runs, const Prediction::LatencyOracle &latency,
                                   const KnownPrediction &known = {});
    /// The measurement of finished runs against their predictions, one line per run.
    static QString measurement(const QList<Measured> &runs);
    static QString measurement(const QList<RunResult> &runs, const Prediction::LatencyOracle &latency,
                               const KnownPrediction &known = {})
    {
        return measurement(measure(runs, latency, known));
    }

Q_SIGNALS:
    void stepChosen(const LessonStep &step);
    void presetChosen(const ToolPreset &preset);

private:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void fillLessonsMenu();
    void retranslate();
    void applySettings();

    QMainWindow *m_window;
    Prediction::LatencyOracle m_latency;
    LessonPane *m_lessonPane;
    CodePane *m_codePane;
    SweepChart *m_sweepChart;
    QDockWidget *m_lessonDock;
    QDockWidget *m_codeDock;
    QMenu *m_lessonsMenu;
    QMenu *m_presetsMenu;
    QUrl m_demoBase;
    QTimer m_settle;
    QList<QUrl> m_urls;
    RunSettings m_settings;
    QList<int> m_sweepLimits;
    std::optional<QList<Measured>> m_measured; // the runs last shown, if any
    bool m_settingsShown = false; // a prediction was made for the window's settings
};
