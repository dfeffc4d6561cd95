// MainWindow, part one: the window's wiring, its runs, and the request it shows.
#include "mainwindow.h"

#include "core/runcaption.h"

#include "capture/capturedialog.h"
#include "charts/summarycharts.h"
#include "charts/sweepchart.h"
#include "closeguard.h"
#include "crawl/frontierview.h"
#include "crawl/sitetreeview.h"
#include "crawlsettingsbox.h"
#include "demoserver/demoserver.h"
#include "input/samples.h"
#include "journal/journalreader.h"
#include "journalkeeper.h"
#include "lessons/codepane.h"
#include "lessons/lesson.h"
#include "lessons/lessonpane.h"
#include "lessons/lessonpanels.h"
#include "lessons/sweepcurve.h"
#include "lessons/toolpreset.h"
#include "limitslider.h"
#include "models/requestselection.h"
#include "models/requestsortproxy.h"
#include "models/runmodel.h"
#include "models/runstablemodel.h"
#include "openedrunpanel.h"
#include "progresstext.h"
#include "progressvalue.h"
#include "replay/replaycontroller.h"
#include "requestdetails.h"
#include "requesttableview.h"
#include "runlocks.h"
#include "session/runsequence.h"
#include "session/runsession.h"
#include "timeline/timelinepanel.h"
#include "timeline/timelineview.h"
#include "urleditor.h"
#include "windowfit.h"

#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>

#include <algorithm>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_demoServer(new DemoServer(this))
    , m_session(new RunSession(this))
    , m_selection(new RequestSelection(this))
{
    setWindowTitle(tr("Crawlscope"));
    m_journal = new JournalKeeper(m_session, JournalReader::directory(), this);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("mainSplitter")); // object names: WindowSettings saves by them
    splitter->addWidget(buildSettingsPanel());
    splitter->addWidget(buildResultsPanel());
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({390, 1000});
    setCentralWidget(splitter);
    m_lessons = new LessonPanels(
        this, [server = m_demoServer](const QUrl &url) { return server->plannedLatencyNs(url); });
    m_session->setLatencyOracle(m_lessons->latencyOracle());
    m_resultsTabs->addTab(m_lessons->sweepChart(), tr("Sweep"));
    connect(m_lessons, &LessonPanels::stepChosen, this, &MainWindow::loadLessonStep);
    connect(m_lessons, &LessonPanels::presetChosen, this, &MainWindow::applyPreset);
    // The replay points at the Code pane's lines: how many requests wait, await and sleep at its time.
    connect(m_replay, &ReplayController::activityChanged, m_lessons->codePane(), &CodePane::setLineActivity);
    connect(m_replay, &ReplayController::activeChanged, m_lessons->codePane(), [this](bool active) {
        if (!active)
            m_lessons->codePane()->clearLineActivity();
    });
    addDockWidget(Qt::RightDockWidgetArea, m_replay->gateDock());
    buildMenus();

    m_statusLabel = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);
    // The status line may be cut on a narrow screen, never widen the window past it.
    m_statusLabel->setMinimumWidth(80);
    // Permanent, so that transient messages on the left never cover the run's numbers.
    statusBar()->addPermanentWidget(m_statusLabel);
    statusBar()->addPermanentWidget(m_progress);

    if (m_demoServer->start(0, &m_demoError)) {
        m_demoError.clear();
        m_urlEditor->setSubstitutions({{QStringLiteral("{demo}"), m_demoServer->baseUrl().toString()}});
        m_lessons->setDemoBase(m_demoServer->baseUrl());
    }
    showDemoServer();

    connect(m_session, &RunSession::modelsChanged, this, &MainWindow::onModelsChanged);
    // The engine ticks 30 times a second; the status bar's numbers are read by people, and QProgressBar
    // repaints at once on every change, so they follow at a few updates a second (and at once at the end).
    m_progressTimer.setSingleShot(true);
    m_progressTimer.setInterval(ProgressIntervalMs);
    connect(&m_progressTimer, &QTimer::timeout, this, &MainWindow::updateProgress);
    connect(m_session, &RunSession::progressChanged, this, [this] {
        if (!m_session->isRunning())
            updateProgress();
        else if (!m_progressTimer.isActive())
            m_progressTimer.start();
    });
    connect(m_session, &RunSession::finished, this, &MainWindow::onFinished);

    loadLessonStep(m_lessons->lessonPane()->lessonList().constFirst().steps.constFirst());
    updateControls();
    updateProgress();
    new WindowFit(this, QSize(1400, 860));
    // A narrow window (a 1280×720 projector at 200 %) shrinks the settings first, to 40 % of its width at
    // most: they scroll, the timeline cannot.
    const int settingsWidth
        = std::min(390, std::max(width() * 2 / 5, splitter->widget(0)->minimumSizeHint().width()));
    splitter->setSizes({settingsWidth, width() - settingsWidth});
    new CloseGuard(this, m_session);
}

MainWindow::~MainWindow()
{
    // The session's runs die after this window's members: a selected one must not call back in here.
    m_selection->disconnect(this);
}

void MainWindow::loadSample(const Sample &sample)
{
    m_urlEditor->setText(sample.urlText);
    m_urlEditor->setRepeat(sample.repeat);
    m_modeBox->setCurrentIndex(m_modeBox->findData(int(sample.settings.mode)));
    m_limitSlider->setValue(sample.settings.limit);
    m_delayBox->setValue(sample.settings.delayMs);
    m_perHostBox->setValue(sample.settings.perHost);
    m_timeoutBox->setValue(sample.settings.timeoutMs);
    m_deadlineBox->setValue(sample.settings.deadlineMs);
    m_crawlBox->setSettings(sample.settings.crawl);
    statusBar()->showMessage(tr("Loaded: %1. Press Run.").arg(sample.title), 5000);
}

void MainWindow::loadLessonStep(const LessonStep &step)
{
    Sample sample {step.label, step.urlText, step.repeat, step.settings};
    loadSample(sample);
    QStringList limits;
    for (const int k : step.sweepLimits)
        limits << QString::number(k);
    m_sweepLimits->setText(limits.join(QStringLiteral(", ")));
    if (step.isSweep())
        m_modeBox->setCurrentIndex(m_modeBox->findData(SweepModeData));
}

void MainWindow::applyPreset(const ToolPreset &preset)
{
    const RunSettings applied = preset.applyTo(settings());
    m_modeBox->setCurrentIndex(m_modeBox->findData(int(applied.mode)));
    m_limitSlider->setValue(applied.limit);
    m_perHostBox->setValue(applied.perHost);
    m_delayBox->setValue(applied.delayMs);
    statusBar()->showMessage(tr("Preset: %1 (source: %2)").arg(preset.name, preset.source), 8000);
}

bool MainWindow::isSweepMode() const
{
    return m_modeBox->currentData().toInt() == SweepModeData;
}

QList<int> MainWindow::sweepLimits() const
{
    QList<int> limits;
    for (const QString &part : m_sweepLimits->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int k = part.trimmed().toInt(&ok);
        if (ok && k > 0)
            limits.append(k);
    }
    if (limits.isEmpty())
        limits = RunSequence::defaultSweepLimits(int(m_urlEditor->urls().size()));
    return limits;
}

void MainWindow::showSettingsToLessons()
{
    if (!m_lessons)
        return; // still being built
    m_lessons->showSettings(m_urlEditor->urls(), settings(), isSweepMode() ? sweepLimits() : QList<int>());
}

RunSettings MainWindow::settings() const
{
    RunSettings settings;
    settings.mode = isSweepMode() ? RunMode::Limited : RunMode(m_modeBox->currentData().toInt());
    settings.limit = m_limitSlider->value();
    settings.delayMs = m_delayBox->value();
    settings.perHost = m_perHostBox->value();
    settings.timeoutMs = m_timeoutBox->value();
    settings.deadlineMs = m_deadlineBox->value();
    settings.crawl = m_crawlBox->settings();
    return settings;
}

TimelineView *MainWindow::timeline() const
{
    return m_timelinePanel->view();
}

void MainWindow::run()
{
    if (isSweepMode())
        startRuns(RunSequence::sweep(settings(), sweepLimits()), false);
    else
        startRuns({settings()}, false);
}

void MainWindow::compare()
{
    startRuns(RunSequence::comparison(settings()), false);
}

void MainWindow::runKeepingEarlier()
{
    startRuns({settings()}, true);
}

void MainWindow::startRuns(const QList<RunSettings> &plan, bool keepEarlier)
{
    m_openedRun->release(); // the settings become the run's own
    const QList<QUrl> urls = m_urlEditor->urls();
    if (urls.isEmpty()) {
        statusBar()->showMessage(tr("No valid URL to run."), 5000);
        return;
    }
    if (const QString problem = m_crawlBox->problem(); !problem.isEmpty()) {
        statusBar()->showMessage(tr("Cannot crawl: %1").arg(problem), 8000);
        return;
    }
    m_details->clearRecord();
    // A crawl is about hosts: their colours tell them apart from the first bar on. The user's own choice
    // comes back with the next run that is not a crawl, so the lesson's phase colours return.
    const bool crawl = plan.first().crawl.enabled;
    if (crawl && !m_crawlColours) {
        m_crawlColours = true;
        m_userColourByHost = m_colourByHost->isChecked();
        m_colourByHost->setChecked(true);
    } else if (!crawl && m_crawlColours) {
        m_crawlColours = false;
        m_colourByHost->setChecked(m_userColourByHost);
    }
    m_comparing = plan.size() > 1;
    m_session->start(urls, plan, keepEarlier);
    updateControls();
}

void MainWindow::fillRunsMenu()
{
    m_runsMenu->clear();
    const auto &models = m_session->models();
    if (models.isEmpty())
        m_runsMenu->addAction(tr("No runs yet"))->setEnabled(false);
    for (RunModel *model : models) {
        const RunSettings &run = model->run().settings;
        QString name = RunCaption::label(run);
        if (run.delayMs > 0)
            name += tr(", delay %1 ms").arg(run.delayMs);
        QAction *remove
            = m_runsMenu->addAction(tr("Remove %1, %n request(s)", nullptr, model->rowCount()).arg(name),
                                    this, [this, model] { m_session->removeRun(model); });
        remove->setEnabled(!(model->isLive() && m_session->isRunning()));
    }
}

void MainWindow::stop()
{
    m_session->stop();
}

void MainWindow::onModelsChanged()
{
    const auto &models = m_session->models();
    m_replay->stop();
    m_timelinePanel->setModels(models);
    if (!m_session->isRunning()) { // opened or removed runs
        const QList<RunResult> runs = m_session->results();
        m_charts->setRuns(runs);
        m_lessons->showRuns(runs, [this](int runId) { return m_session->predictionFor(runId); });
    }
    RunModel *shown = models.isEmpty() ? nullptr : models.last();
    m_runsTable->setRuns(models);
    m_frontier->setSource(shown);
    m_siteTree->setSource(shown);
    fitRequestColumns();
}

void MainWindow::fitRequestColumns()
{
    using Column = RunModel::Column;
    const QScopedValueRollback fitting(m_fittingColumns, true);
    m_table->resizeColumnToContents(int(Column::Id));
    if (m_urlColumnSizedByUser)
        return;
    const int viewport = m_table->viewport()->width();
    const int beside = m_table->columnWidth(int(Column::Id)) + m_table->columnWidth(int(Column::Outcome));
    int url = std::clamp(viewport - beside - m_table->columnWidth(int(Column::Status)), MinUrlColumnWidth,
                         MaxUrlColumnWidth);
    // Too narrow for the URL's least width and the outcome (1280 x 720 at a scale of 2): the outcome, which
    // says what became of each request, stays in sight, and the URL gives way. The details show it whole.
    if (beside + url > viewport)
        url = std::max(viewport - beside, LeastUrlColumnWidth);
    m_table->setColumnWidth(int(Column::Url), url);
}

void MainWindow::onFinished(bool cancelled)
{
    const QList<RunResult> runs = m_session->results();
    m_charts->setRuns(runs);
    m_lessons->showRuns(runs, [this](int runId) { return m_session->predictionFor(runId); });
    if (SweepCurve::isSweep(runs))
        m_resultsTabs->setCurrentWidget(m_lessons->sweepChart());
    updateControls();
    updateProgress();
    // Sized when the runs began, with no row yet: now each row's "Limited (3) #12" can be read whole.
    fitRequestColumns();
    timeline()->fit();
    if (cancelled) {
        statusBar()->showMessage(tr("Stopped. Everything recorded so far is kept."), 8000);
        return;
    }
    for (const RunResult &run : runs) {
        if (run.concurrencyCap.isCapped()) {
            statusBar()->showMessage(tr("%1 was capped at %2 requests in flight: %3")
                                         .arg(RunCaption::label(run.settings))
                                         .arg(run.concurrencyCap.maxInFlight)
                                         .arg(run.concurrencyCap.reason));
            break;
        }
        if (run.linksDropped > 0 || run.skippedBeyondKept > 0 || run.pagesCutShort > 0) {
            QString message = tr("Memory bounds: %1 links past %2 per page not read; %3 skipped URLs only "
                                 "counted")
                                  .arg(run.linksDropped)
                                  .arg(run.settings.crawl.maxLinksPerPage)
                                  .arg(run.skippedBeyondKept);
            if (run.pagesCutShort > 0) {
                message += u' '
                    + tr("On %n page(s), links after the first %1 were not read, nor counted.", nullptr,
                         int(run.pagesCutShort))
                          .arg(run.settings.crawl.maxLinksPerPage);
            }
            statusBar()->showMessage(message);
            break;
        }
    }
}

void MainWindow::showDemoServer()
{
    m_demoLabel->setText(
        m_demoError.isEmpty()
            ? tr("{demo} = %1, the built-in demo server").arg(m_demoServer->baseUrl().toString())
            : tr("The built-in demo server could not start: %1").arg(m_demoError));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        showDemoServer();
        m_deadlineBox->setSpecialValueText(tr("%1 × timeout").arg(RunSettings::DeadlineTimeoutFactor));
        updateProgress();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::updateProgress()
{
    m_progressTimer.stop();
    const RunSession::Progress progress = m_session->progress();
    m_progress->setVisible(progress.total > 0);
    m_progress->setRange(0, std::max(1, progress.total));
    setProgressValue(m_progress, progress.done);
    m_progress->setFormat(QStringLiteral("%v / %m"));
    m_statusLabel->setText(progressText(progress));
}

void MainWindow::updateControls()
{
    const bool running = m_session->isRunning();
    // The slider stays live in every mode: it is k for Compare, and resizes a running limited gate.
    m_runButton->setEnabled(!running && !m_urlEditor->urlList().urls.isEmpty()
                            && m_crawlBox->problem().isEmpty());
    m_compareButton->setEnabled(m_runButton->isEnabled());
    m_stopButton->setEnabled(running);
    if (m_runAction) {
        for (QAction *action : {m_runAction, m_compareAction, m_keepAction})
            action->setEnabled(m_runButton->isEnabled());
        m_stopAction->setEnabled(running);
    }
    m_modeBox->setEnabled(!running);
    m_crawlBox->setEnabled(!running);
    m_sweepLimits->setEnabled(!running && isSweepMode());
    m_runLocks->setState(running, running && m_comparing);
}

void MainWindow::showSelection(RunModel *model, int id)
{
    // The selected request is shown everywhere; its details follow it while its run goes on.
    for (RunModel *shown : m_session->models())
        disconnect(shown, &RunModel::recordsUpdated, m_details, nullptr);
    timeline()->setSelection(model, id);
    if (!model) {
        m_table->selectionModel()->clearSelection();
        m_details->clearRecord();
        return;
    }
    connect(model, &RunModel::recordsUpdated, m_details, [this, model, id](const QList<int> &ids) {
        if (std::binary_search(ids.cbegin(), ids.cend(), id))
            m_details->showRecord(model->records().at(id));
    });
    if (!m_runsTable->indexOf(model, id).isValid())
        m_runsTable->showOnly(-1); // the table filtered to another run: show them all
    const QModelIndex proxied = m_proxy->mapFromSource(m_runsTable->indexOf(model, id));
    if (proxied.isValid()) {
        m_table->selectionModel()->setCurrentIndex(
            proxied, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_table->scrollTo(proxied);
    }
    m_details->showRecord(model->records().at(id));
    if (m_frontier->source() != model)
        m_frontier->setSource(model);
    if (m_siteTree->source() != model)
        m_siteTree->setSource(model);
    m_frontier->selectRecord(id);
    m_siteTree->selectRecord(id);
}

CaptureDialog *MainWindow::captureDialog()
{
    if (!m_captureDialog)
        m_captureDialog = new CaptureDialog(m_session, m_demoServer->baseUrl(), this);
    return m_captureDialog;
}
