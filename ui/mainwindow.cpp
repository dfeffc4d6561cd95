#include "mainwindow.h"

#include "core/durationformat.h"
#include "core/runcaption.h"

#include "capture/capturedialog.h"
#include "charts/summarycharts.h"
#include "charts/sweepchart.h"
#include "closeguard.h"
#include "crawl/frontierview.h"
#include "crawl/sitetreeview.h"
#include "crawlsettingsbox.h"
#include "demoserver/demoserver.h"
#include "export/atomicfile.h"
#include "export/exporter.h"
#include "export/exportjob.h"
#include "export/importjob.h"
#include "exportactions.h"
#include "exportfolder.h"
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
#include "pictureexport.h"
#include "presentationmode.h"
#include "progresstext.h"
#include "progressvalue.h"
#include "replay/replaybar.h"
#include "replay/replaycontroller.h"
#include "requestdetails.h"
#include "requesttable.h"
#include "requesttableview.h"
#include "runfilterbox.h"
#include "runlocks.h"
#include "session/runsequence.h"
#include "session/runsession.h"
#include "timeline/timelinepanel.h"
#include "timeline/timelineview.h"
#include "urleditor.h"
#include "windowfit.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace {
// The mode box's entry for a sweep: limited mode once per k, which RunMode does not name.
constexpr int SweepModeData = -1;
} // namespace

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

QWidget *MainWindow::buildSettingsPanel()
{
    // The settings scroll when the screen is short (a 1280×720 projector, 200 % scaling); the buttons under
    // them never do.
    auto *outer = new QWidget(this);
    auto *outerLayout = new QVBoxLayout(outer);
    outerLayout->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(outer);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setObjectName(QStringLiteral("settingsScroll"));
    scroll->setAccessibleName(tr("Run settings"));
    auto *panel = new QWidget(scroll);
    auto *layout = new QVBoxLayout(panel);
    scroll->setWidget(panel);
    outerLayout->addWidget(scroll, 1);

    auto *urlsBox = new QGroupBox(tr("URLs"), panel);
    auto *urlsLayout = new QVBoxLayout(urlsBox);
    m_urlEditor = new UrlEditor(urlsBox);
    m_demoLabel = new QLabel(urlsBox);
    m_demoLabel->setWordWrap(true);
    m_demoLabel->setStyleSheet(QStringLiteral("color: gray;"));
    m_demoLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    urlsLayout->addWidget(m_urlEditor, 1);
    urlsLayout->addWidget(m_demoLabel);
    layout->addWidget(urlsBox, 1);

    auto *runBox = new QGroupBox(tr("Run"), panel);
    auto *form = new QFormLayout(runBox);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows); // a narrow column puts a field under its label
    m_modeBox = new QComboBox(runBox);
    m_modeBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_modeBox->setMinimumContentsLength(12);
    m_modeBox->addItem(tr("Sequential"), int(RunMode::Sequential));
    m_modeBox->addItem(tr("Gather all"), int(RunMode::Gather));
    m_modeBox->addItem(tr("Limited (semaphore)"), int(RunMode::Limited));
    m_modeBox->addItem(tr("Sweep (limited once per k)"), SweepModeData);
    m_modeBox->setToolTip(tr("Sequential: one at a time. Gather all: every request at once. "
                             "Limited: at most k at once, behind a semaphore. "
                             "Sweep: limited once for each k, in order."));
    form->addRow(tr("&Mode:"), m_modeBox);
    m_sweepLimits = new QLineEdit(runBox);
    m_sweepLimits->setPlaceholderText(tr("1, 2, 4 … up to the number of URLs"));
    m_sweepLimits->setToolTip(tr("The sweep's k, in order, separated by commas"));
    form->addRow(tr("S&weep k:"), m_sweepLimits);

    m_limitSlider = new LimitSlider(runBox);
    form->addRow(tr("&Concurrency:"), m_limitSlider);

    m_delayBox = new QSpinBox(runBox);
    m_delayBox->setRange(0, 600'000);
    m_delayBox->setSingleStep(100);
    m_delayBox->setSuffix(tr(" ms"));
    m_delayBox->setToolTip(tr("Politeness delay after each response, held inside the gate"));
    form->addRow(tr("&Delay:"), m_delayBox);

    m_perHostBox = new QSpinBox(runBox);
    m_perHostBox->setRange(0, 1000);
    m_perHostBox->setSpecialValueText(tr("no cap"));
    m_perHostBox->setToolTip(tr("Connections per host; the wait it causes is drawn as waiting"));
    form->addRow(tr("&Per host:"), m_perHostBox);

    m_timeoutBox = new QSpinBox(runBox);
    m_timeoutBox->setRange(1, 3'600'000);
    m_timeoutBox->setSingleStep(1000);
    m_timeoutBox->setValue(RunSettings::DefaultTimeoutMs);
    m_timeoutBox->setSuffix(tr(" ms"));
    m_timeoutBox->setToolTip(tr("Fail a request after this long without data"));
    form->addRow(tr("&Timeout:"), m_timeoutBox);
    m_deadlineBox = new QSpinBox(runBox);
    m_deadlineBox->setRange(0, 24 * 3'600'000);
    m_deadlineBox->setSingleStep(1000);
    m_deadlineBox->setSuffix(tr(" ms"));
    m_deadlineBox->setSpecialValueText(tr("%1 × timeout").arg(RunSettings::DeadlineTimeoutFactor));
    m_deadlineBox->setToolTip(tr("Fail a request not complete this long after it was issued, however slowly "
                                 "its data trickles in"));
    form->addRow(tr("Deadli&ne:"), m_deadlineBox);
    layout->addWidget(runBox);
    m_openedRun = new OpenedRunPanel({m_modeBox,
                                      m_limitSlider,
                                      m_delayBox,
                                      m_perHostBox,
                                      m_timeoutBox,
                                      m_deadlineBox,
                                      m_urlEditor,
                                      {urlsBox, runBox}},
                                     panel);
    layout->insertWidget(0, m_openedRun);
    connect(m_openedRun, &OpenedRunPanel::runAgainRequested, this, &MainWindow::run);

    // The engine reads these when a run starts; the gate's size is the one setting it changes live.
    m_runLocks = new RunLocks(this);
    const QString fixed
        = tr("Locked while a run goes on: the engine reads it when a run starts. Stop, change "
             "it, and run again.");
    for (QWidget *box : {static_cast<QWidget *>(m_delayBox), static_cast<QWidget *>(m_perHostBox),
                         static_cast<QWidget *>(m_timeoutBox), static_cast<QWidget *>(m_deadlineBox)})
        m_runLocks->add(box, RunLocks::When::Running, fixed);
    m_runLocks->add(m_limitSlider, RunLocks::When::Comparing,
                    tr("Locked during Compare: its three runs share one k, the one it started with, so they "
                       "compare. Stop, change it, and compare again."));

    m_crawlBox = new CrawlSettingsBox(panel);
    layout->addWidget(m_crawlBox);
    connect(m_crawlBox, &QGroupBox::toggled, this, [this](bool crawl) {
        // A crawl is polite by default: two connections per host, as browsers and good crawlers keep.
        if (crawl && m_perHostBox->value() == 0)
            m_perHostBox->setValue(CrawlSettings::DefaultPerHost);
    });
    connect(m_crawlBox, &CrawlSettingsBox::changed, this, &MainWindow::updateControls);

    auto *buttons = new QHBoxLayout;
    m_runButton = new QPushButton(tr("Run"), outer);
    m_runButton->setDefault(true);
    m_runButton->setToolTip(tr("Run the URLs (Ctrl+R)"));
    m_stopButton = new QPushButton(tr("Stop"), outer);
    m_stopButton->setToolTip(tr("Stop the run, keeping everything recorded so far (Esc)"));
    m_compareButton = new QPushButton(tr("Compare"), outer);
    m_compareButton->setToolTip(tr("Run sequential, gather all and limited(k) on the same URLs, one after "
                                   "another, on one time axis (Ctrl+Shift+R)"));
    buttons->addWidget(m_runButton);
    buttons->addWidget(m_compareButton);
    buttons->addWidget(m_stopButton);
    buttons->setContentsMargins(9, 0, 9, 6);
    outerLayout->addLayout(buttons);

    connect(m_runButton, &QPushButton::clicked, this, &MainWindow::run);
    connect(m_stopButton, &QPushButton::clicked, this, &MainWindow::stop);
    connect(m_compareButton, &QPushButton::clicked, this, &MainWindow::compare);
    connect(m_modeBox, &QComboBox::currentIndexChanged, this, &MainWindow::updateControls);
    connect(m_urlEditor, &UrlEditor::urlsChanged, this, &MainWindow::updateControls);
    // The Code pane and the prediction follow every control that changes the run.
    connect(m_modeBox, &QComboBox::currentIndexChanged, this, &MainWindow::showSettingsToLessons);
    connect(m_urlEditor, &UrlEditor::urlsChanged, this, &MainWindow::showSettingsToLessons);
    connect(m_limitSlider, &LimitSlider::valueChanged, this, &MainWindow::showSettingsToLessons);
    for (QSpinBox *box : {m_delayBox, m_perHostBox, m_timeoutBox})
        connect(box, &QSpinBox::valueChanged, this, &MainWindow::showSettingsToLessons);
    connect(m_sweepLimits, &QLineEdit::textChanged, this, &MainWindow::showSettingsToLessons);
    connect(m_crawlBox, &CrawlSettingsBox::changed, this, &MainWindow::showSettingsToLessons);
    connect(m_limitSlider, &LimitSlider::valueChanged, this, [this](int limit) {
        // Live: the running gate is resized at once, and the timeline marks the moment.
        if (m_session->isRunning())
            m_session->setLimit(limit);
    });
    return outer;
}

QWidget *MainWindow::buildResultsPanel()
{
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("resultsSplitter"));

    m_timelinePanel = new TimelinePanel(splitter);
    connect(m_timelinePanel->view(), &TimelineView::requestActivated, m_selection, &RequestSelection::select);
    // The replay bar sits right over the time axis, so its scrubber lines up with it.
    auto *timelineBox = new QWidget(splitter);
    auto *timelineLayout = new QVBoxLayout(timelineBox);
    timelineLayout->setContentsMargins(0, 0, 0, 0);
    timelineLayout->setSpacing(0);
    m_replay = new ReplayController(m_timelinePanel, this);
    timelineLayout->addWidget(m_replay->bar());
    timelineLayout->addWidget(m_timelinePanel, 1);

    auto *tablePanel = new QWidget(splitter);
    auto *tableLayout = new QVBoxLayout(tablePanel);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    m_filter = new QLineEdit(tablePanel);
    m_filter->setPlaceholderText(tr("Filter requests by URL, outcome or error…"));
    m_filter->setClearButtonEnabled(true);
    auto *requestTable = new RequestTableView(tablePanel);
    m_table = requestTable;
    connect(requestTable, &RequestTableView::viewportResized, this, &MainWindow::fitRequestColumns);
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, this, [this](int column) {
        if (column == int(RunModel::Column::Url) && !m_fittingColumns)
            m_urlColumnSizedByUser = true;
    });
    m_proxy = new RequestSortProxy(this);
    m_runsTable = new RunsTableModel(this); // every run of the session, not only the last
    m_proxy->setSourceModel(m_runsTable);
    m_table->setModel(m_proxy);
    setUpRequestTable(m_table, int(RunModel::Column::Id));
    m_details = new RequestDetails(tablePanel);
    auto *tableSplitter = new QSplitter(Qt::Horizontal, tablePanel);
    tableSplitter->setObjectName(QStringLiteral("tableSplitter"));
    tableSplitter->addWidget(m_table);
    tableSplitter->addWidget(m_details);
    tableSplitter->setSizes({700, 300});
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(new RunFilterBox(m_runsTable, tablePanel));
    filterRow->addWidget(m_filter, 1);
    tableLayout->addLayout(filterRow);
    tableLayout->addWidget(tableSplitter, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!current.isValid())
                    return;
                if (RunModel *model = m_runsTable->runAt(m_proxy->mapToSource(current)))
                    m_selection->select(model, current.data(RunModel::IdRole).toInt());
            });

    // The requests in a table, or the runs in summary charts, under the timeline.
    auto *tabs = m_resultsTabs = new QTabWidget(splitter);
    tabs->setDocumentMode(true);
    tabs->addTab(tablePanel, tr("Requests"));
    m_charts = new SummaryCharts(tabs);
    tabs->addTab(m_charts, tr("Charts"));
    // A crawl's frontier (what it found, fetched and skipped, and why) and the pages as a tree.
    m_frontier = new FrontierView(tabs);
    tabs->addTab(m_frontier, tr("Frontier"));
    m_siteTree = new SiteTreeView(tabs);
    tabs->addTab(m_siteTree, tr("Site Tree"));
    connect(m_frontier, &FrontierView::requestActivated, m_selection, &RequestSelection::select);
    connect(m_siteTree, &SiteTreeView::requestActivated, m_selection, &RequestSelection::select);
    connect(m_selection, &RequestSelection::selectionChanged, this, &MainWindow::showSelection);

    splitter->addWidget(timelineBox);
    splitter->addWidget(tabs);
    splitter->setSizes({560, 260});
    return splitter;
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open…"), this, &MainWindow::openFileDialog);
    open->setShortcut(QKeySequence::Open);
    open->setToolTip(tr("A URL list (.txt), or saved runs (.json, .csv, .har)"));
    file->addAction(tr("&Capture…"), this, [this] {
        captureDialog()->show();
        captureDialog()->raise();
    });
    QAction *exportAction = file->addAction(tr("&Export…"), this, &MainWindow::exportDialog);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportActions = new ExportActions(file, this);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    // The shortcuts live on the menu's actions, so the menu shows them, and follow the buttons' state.
    QMenu *runMenu = menuBar()->addMenu(tr("&Run"));
    m_runAction = runMenu->addAction(tr("&Run"), this, &MainWindow::run);
    m_runAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_compareAction = runMenu->addAction(tr("&Compare the Three Modes"), this, &MainWindow::compare);
    m_compareAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_keepAction = runMenu->addAction(tr("Run and &Keep Earlier Runs"), this, &MainWindow::runKeepingEarlier);
    m_keepAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    m_keepAction->setToolTip(tr("Add a run with the current settings (a new k, say) beside the runs shown"));
    m_stopAction = runMenu->addAction(tr("&Stop"), this, &MainWindow::stop);
    m_stopAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_runsMenu = menuBar()->addMenu(tr("R&uns"));
    connect(m_runsMenu, &QMenu::aboutToShow, this, &MainWindow::fillRunsMenu);

    menuBar()->addMenu(m_lessons->lessonsMenu());
    menuBar()->addMenu(m_lessons->presetsMenu());
    QMenu *samples = menuBar()->addMenu(tr("&Samples"));
    for (const Sample &sample : crawlSamples())
        samples->addAction(sample.title, this, [this, sample] { loadSample(sample); });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    // F in the timeline; Ctrl+0 is the text size's, with Ctrl+= and Ctrl+-.
    view->addAction(tr("&Fit Whole Run"), timeline(), &TimelineView::fit);
    m_replayAction = view->addAction(tr("&Replay"));
    m_replayAction->setCheckable(true);
    m_replayAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_replayAction->setToolTip(tr("Play the finished runs back slowly, step by step, with their semaphore"));
    connect(m_replayAction, &QAction::triggered, this, [this](bool on) {
        if (!on)
            m_replay->stop();
        else if (!m_replay->start(m_session->models()))
            statusBar()->showMessage(tr("Replay needs a finished run: run one, or open a saved one."), 5000);
        m_replayAction->setChecked(m_replay->isActive());
    });
    connect(m_replay, &ReplayController::activeChanged, m_replayAction, &QAction::setChecked);
    QAction *lanes = view->addAction(tr("Pack Into &Lanes"));
    lanes->setCheckable(true);
    lanes->setObjectName(QStringLiteral("viewLanes"));
    lanes->setToolTip(tr("One lane per permit instead of one row per request"));
    connect(lanes, &QAction::toggled, timeline(), &TimelineView::setLaneMode);
    QAction *ideal = view->addAction(tr("Show &Ideal Schedule"));
    ideal->setCheckable(true);
    ideal->setObjectName(QStringLiteral("viewIdeal"));
    ideal->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    ideal->setToolTip(tr("Dashed ghost marks where the zero-overhead schedule would put each request"));
    connect(ideal, &QAction::toggled, timeline(), &TimelineView::setShowIdeal);
    view->addSeparator();
    m_colourByHost = view->addAction(tr("&Colour by Host"));
    m_colourByHost->setCheckable(true);
    m_colourByHost->setObjectName(QStringLiteral("viewColourByHost"));
    m_colourByHost->setToolTip(
        tr("Each host its own colour on the bars, the legend and the in-flight strip"));
    connect(m_colourByHost, &QAction::toggled, m_timelinePanel, &TimelinePanel::setColourByHost);
    QAction *group = view->addAction(tr("&Group Rows by Host"));
    group->setCheckable(true);
    group->setObjectName(QStringLiteral("viewGroupByHost"));
    group->setToolTip(tr("One labelled group of rows per host, in the order the crawl first needed them"));
    connect(group, &QAction::toggled, m_timelinePanel, &TimelinePanel::setGroupByHost);
    QAction *split = view->addAction(tr("&Split In-Flight by Host"));
    split->setCheckable(true);
    split->setObjectName(QStringLiteral("viewSplitInFlight"));
    split->setToolTip(tr("Stack the in-flight count per host, with the total on top"));
    connect(split, &QAction::toggled, m_timelinePanel, &TimelinePanel::setSplitInFlightByHost);
    m_presentation = new PresentationMode(this, view);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Crawlscope"), this, [this] {
        QMessageBox::about(this, tr("About Crawlscope"),
                           tr("<h3>Crawlscope %1</h3><p>See concurrency: every request a bar from start to "
                              "finish, sequential, gathered, or behind a semaphore.</p>"
                              "<p>Licence: GNU General Public License, version 3 or later.</p>"
                              "<p>Built with Qt %2, running on Qt %3.</p>")
                               .arg(QStringLiteral(CRAWLSCOPE_VERSION), QStringLiteral(QT_VERSION_STR),
                                    QString::fromLatin1(qVersion())));
    });
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
