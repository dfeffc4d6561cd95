#include "replaycontroller.h"

#include <QApplication>
#include <QDockWidget>
#include <QKeyEvent>
#include <QToolButton>

#include <algorithm>

#include "core/runcaption.h"
#include "gatepicture.h"
#include "models/runmodel.h"
#include "replay/replayclock.h"
#include "replaybar.h"
#include "replayscrubber.h"
#include "timeline/inflightstrip.h"
#include "timeline/timelinepanel.h"
#include "timeline/timelineview.h"

ReplayController::ReplayController(TimelinePanel *panel, QWidget *window)
    : QObject(window)
    , m_panel(panel)
    , m_window(window)
    , m_clock(new ReplayClock(this))
    , m_bar(new ReplayBar(m_clock, window))
    , m_gatePicture(new GatePicture(window))
    , m_gateDock(new QDockWidget(window))
{
    m_bar->hide();
    m_gateDock->setObjectName(QStringLiteral("gateDock"));
    m_gateDock->setWindowTitle(tr("Semaphore"));
    m_gateDock->setWidget(m_gatePicture);
    m_gateDock->hide();

    TimelineView *view = panel->view();
    connect(view, &TimelineView::visibleRangeChanged, m_bar->scrubber(), &ReplayScrubber::setVisibleRange);
    connect(view, &TimelineView::plotMarginsChanged, m_bar->scrubber(), &ReplayScrubber::setPlotMargins);
    m_bar->scrubber()->setVisibleRange(view->visibleStartNs(), view->visibleEndNs());
    connect(m_clock, &ReplayClock::timeChanged, this, &ReplayController::showTime);
    connect(m_clock, &ReplayClock::activityChanged, this, &ReplayController::activityChanged);
    connect(m_bar, &ReplayBar::closeRequested, this, &ReplayController::stop);
    qApp->installEventFilter(this);
}

ReplayController::~ReplayController()
{
    qApp->removeEventFilter(this);
}

bool ReplayController::start(const QList<RunModel *> &models)
{
    QList<RunResult> runs;
    for (const RunModel *model : models) {
        if (!model)
            continue;
        if (model->isLive())
            return false;
        runs.append(model->run());
    }
    if (runs.isEmpty())
        return false;
    for (const auto &model : std::as_const(m_models)) {
        if (model)
            model->disconnect(this);
    }
    m_models.clear();
    for (RunModel *model : models) {
        if (!model)
            continue;
        m_models.append(model);
        // A run started, opened or removed: the replay is of runs no longer shown.
        connect(model, &RunModel::runReset, this, &ReplayController::stop);
        connect(model, &QObject::destroyed, this, &ReplayController::stop);
    }
    m_clock->setRuns(runs);
    const bool wasActive = m_active;
    m_active = true;
    m_bar->show();
    m_gateDock->show();
    showTime(m_clock->timeNs());
    m_bar->playButton()->setFocus();
    if (!wasActive)
        Q_EMIT activeChanged(true);
    return true;
}

void ReplayController::stop()
{
    if (!m_active)
        return;
    m_active = false;
    m_clock->clear();
    for (const auto &model : std::as_const(m_models)) {
        if (model)
            model->disconnect(this);
    }
    m_models.clear();
    m_panel->setCutNs(-1);
    m_bar->hide();
    m_gateDock->hide();
    Q_EMIT activeChanged(false);
}

void ReplayController::showTime(qint64 ns)
{
    if (!m_active)
        return;
    m_panel->setCutNs(ns);
    QStringList labels;
    for (const auto &model : std::as_const(m_models))
        labels.append(model ? RunCaption::label(model->run().settings) : QString());
    m_gatePicture->setSnapshots(m_clock->snapshots(), labels);
}

bool ReplayController::ownsKeyboard() const
{
    const QWidget *focus = QApplication::focusWidget();
    if (!focus)
        return m_window && m_window->isActiveWindow();
    for (const QWidget *area : {static_cast<QWidget *>(m_bar), static_cast<QWidget *>(m_gateDock),
                                static_cast<QWidget *>(m_panel)}) {
        if (area == focus || area->isAncestorOf(focus))
            return true;
    }
    return false;
}

bool ReplayController::eventFilter(QObject *watched, QEvent *event)
{
    // Only the copy sent to the widget with the focus (or the window, when none has it), not the copies
    // that travel up to its parents.
    const QObject *receiver = QApplication::focusWidget() ? QApplication::focusWidget() : m_window.data();
    if (m_active && event->type() == QEvent::KeyPress && watched == receiver) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->modifiers() == Qt::NoModifier && ownsKeyboard()) {
            switch (key->key()) {
            case Qt::Key_Space:
                m_clock->togglePlaying();
                return true;
            case Qt::Key_Left:
                m_clock->stepBack();
                return true;
            case Qt::Key_Right:
                m_clock->stepForward();
                return true;
            default:
                break;
            }
        }
    }
    return QObject::eventFilter(watched, event);
}
