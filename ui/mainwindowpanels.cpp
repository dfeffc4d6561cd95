// MainWindow, part three: the settings panel, the results panel and the menus it is built from.
#include "mainwindow.h"

#include "capture/capturedialog.h"
#include "charts/summarycharts.h"
#include "crawl/frontierview.h"
#include "crawl/sitetreeview.h"
#include "crawlsettingsbox.h"
#include "exportactions.h"
#include "input/samples.h"
#include "lessons/lessonpanels.h"
#include "limitslider.h"
#include "models/requestselection.h"
#include "models/requestsortproxy.h"
#include "models/runmodel.h"
#include "models/runstablemodel.h"
#include "openedrunpanel.h"
#include "presentationmode.h"
#include "replay/replaybar.h"
#include "replay/replaycontroller.h"
#include "requestdetails.h"
#include "requesttable.h"
#include "requesttableview.h"
#include "runfilterbox.h"
#include "runlocks.h"
#include "session/runsession.h"
#include "timeline/timelinepanel.h"
#include "timeline/timelineview.h"
#include "urleditor.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

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
