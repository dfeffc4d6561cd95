#include "lessonpanels.h"

#include <QDockWidget>
#include <QEvent>
#include <QMainWindow>
#include <QMenu>
#include <QStringList>

#include "charts/sweepchart.h"
#include "codepane.h"
#include "core/durationformat.h"
#include "core/runcaption.h"
#include "lessonpane.h"
#include "lessons/lesson.h"
#include "lessons/pythonprogram.h"
#include "lessons/sweepcurve.h"
#include "presetmenu.h"

LessonPanels::LessonPanels(QMainWindow *window, const Prediction::LatencyOracle &latency)
    : QObject(window)
    , m_window(window)
    , m_latency(latency)
    , m_lessonPane(new LessonPane)
    , m_codePane(new CodePane)
    , m_sweepChart(new SweepChart)
    , m_lessonDock(new QDockWidget(window))
    , m_codeDock(new QDockWidget(window))
    , m_lessonsMenu(new QMenu(window))
    , m_presetsMenu(new PresetMenu(window))
{
    m_lessonDock->setObjectName(QStringLiteral("lessonDock"));
    m_lessonDock->setWidget(m_lessonPane);
    m_codeDock->setObjectName(QStringLiteral("codeDock"));
    m_codeDock->setWidget(m_codePane);
    window->addDockWidget(Qt::RightDockWidgetArea, m_lessonDock);
    window->addDockWidget(Qt::RightDockWidgetArea, m_codeDock);
    window->resizeDocks({m_lessonDock, m_codeDock}, {420, 420}, Qt::Horizontal);

    connect(m_lessonPane, &LessonPane::stepChosen, this, &LessonPanels::stepChosen);
    connect(static_cast<PresetMenu *>(m_presetsMenu), &PresetMenu::presetChosen, this,
            &LessonPanels::presetChosen);
    // The docks' titles and the menu's entries are ours to retranslate; the panes do their own.
    window->installEventFilter(this);
    m_settle.setSingleShot(true);
    m_settle.setInterval(SettleMs);
    connect(&m_settle, &QTimer::timeout, this, &LessonPanels::applySettings);
    retranslate();
}

bool LessonPanels::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && watched == m_window)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void LessonPanels::retranslate()
{
    m_lessonDock->setWindowTitle(tr("Lesson"));
    m_codeDock->setWindowTitle(tr("Code"));
    m_lessonsMenu->setTitle(tr("&Lessons"));
    fillLessonsMenu();
    // The prediction and the measurement carry numbers: said again, not looked up.
    if (m_measured)
        m_lessonPane->setMeasurement(measurement(*m_measured));
    if (m_settingsShown && !m_settle.isActive())
        applySettings();
}

void LessonPanels::fillLessonsMenu()
{
    m_lessonsMenu->clear();
    const QList<Lesson> all = lessons();
    for (int i = 0; i < all.size(); ++i) {
        m_lessonsMenu->addAction(all[i].title, this, [this, i] {
            m_lessonPane->expectSetup(i, 0); // the first step is set up below
            m_lessonPane->showLesson(i);
            m_lessonDock->show();
            m_lessonDock->raise();
            const QList<Lesson> &shown = m_lessonPane->lessonList();
            if (i < shown.size())
                Q_EMIT stepChosen(shown[i].steps.constFirst());
        });
    }
    m_lessonsMenu->addSeparator();
    m_lessonsMenu->addAction(m_lessonDock->toggleViewAction());
    m_lessonsMenu->addAction(m_codeDock->toggleViewAction());
}

void LessonPanels::setDemoBase(const QUrl &base)
{
    m_demoBase = base;
    m_lessonPane->setDemoBase(base);
}

void LessonPanels::showSettings(const QList<QUrl> &urls, const RunSettings &settings,
                                const QList<int> &sweepLimits)
{
    m_urls = urls;
    m_settings = settings;
    m_sweepLimits = sweepLimits;
    m_settle.start();
}

void LessonPanels::applySettings()
{
    m_settingsShown = true;
    const QList<QUrl> &urls = m_urls;
    const RunSettings &settings = m_settings;
    const QList<int> &sweepLimits = m_sweepLimits;
    RunSettings shown = settings;
    if (!sweepLimits.isEmpty())
        shown.limit = sweepLimits.constFirst();
    m_codePane->setProgram(PythonProgram::generate(urls, shown, m_demoBase));
    m_lessonPane->setWindowSetup(urls, settings, sweepLimits);
    if (urls.isEmpty()) {
        m_lessonPane->setPrediction(tr("No valid URL to predict."));
        return;
    }
    if (sweepLimits.isEmpty()) {
        m_lessonPane->setPrediction(RunCaption::predicted(Prediction::of(urls, settings, m_latency)));
        return;
    }
    QStringList lines;
    for (const int k : sweepLimits) {
        RunSettings run = settings;
        run.limit = k;
        lines << tr("k = %1: %2").arg(k).arg(RunCaption::predicted(Prediction::of(urls, run, m_latency)));
    }
    m_lessonPane->setPrediction(lines.join(QLatin1Char('\n')));
}

QList<LessonPanels::Measured> LessonPanels::measure(const QList<RunResult> &runs,
                                                    const Prediction::LatencyOracle &latency,
                                                    const KnownPrediction &known)
{
    QList<Measured> measured;
    for (const RunResult &run : runs) {
        Measured m;
        m.settings = run.settings;
        m.cancelled = run.cancelled;
        m.wallNs = run.endNs; // summarize()'s wall, without its ideal schedule and peak
        m.requests = int(run.records.size());
        for (const RequestRecord &record : run.records)
            m.done += record.isDone() && record.outcome != Outcome::Cancelled ? 1 : 0;
        if (!run.cancelled) {
            std::optional<Prediction> prediction = known ? known(run.runId) : std::nullopt;
            if (!prediction) {
                QList<QUrl> urls;
                urls.reserve(run.records.size());
                for (const RequestRecord &record : run.records)
                    urls.append(record.url);
                prediction = Prediction::of(urls, run.settings, latency, run.capacityChanges);
            }
            m.prediction = *prediction;
        }
        measured.append(m);
    }
    return measured;
}

QString LessonPanels::measurement(const QList<Measured> &runs)
{
    QStringList lines;
    for (const Measured &run : runs) {
        if (run.cancelled) {
            // What it did is in the timeline; only the comparison with a whole run's prediction is off.
            lines << tr("%1: stopped after %2 with %3 of %4 requests done; a stopped run is not measured "
                        "against the prediction")
                         .arg(RunCaption::label(run.settings), DurationFormat::text(run.wallNs))
                         .arg(run.done)
                         .arg(run.requests);
            continue;
        }
        lines << tr("%1: measured %2, %3")
                     .arg(RunCaption::label(run.settings), DurationFormat::text(run.wallNs),
                          RunCaption::measuredAgainst(run.prediction, run.wallNs));
    }
    return lines.join(QLatin1Char('\n'));
}

void LessonPanels::showRuns(const QList<RunResult> &runs, const KnownPrediction &known)
{
    m_measured = measure(runs, m_latency, known);
    m_lessonPane->setMeasurement(measurement(*m_measured));
    if (SweepCurve::isSweep(runs))
        m_sweepChart->setCurve(SweepCurve::of(runs, m_latency));
}
