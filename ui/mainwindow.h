#pragma once

#include <QMainWindow>
#include <QStringList>
#include <QTimer>

class CaptureDialog;
class CrawlSettingsBox;
class LessonPanels;
class ExportActions;
class PresentationMode;
class RunLocks;
class OpenedRunPanel;
class RunsTableModel;
class FileJob;
class QAction;
class LimitSlider;
class QComboBox;
class QLabel;
class QMenu;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;
class DemoServer;
class FrontierView;
class JournalKeeper;
class SiteTreeView;
class RequestDetails;
class SummaryCharts;
class ReplayController;
class RequestSelection;
class RunModel;
class RunSession;
class TimelinePanel;
class TimelineView;
class UrlEditor;
struct RunResult;
struct RunSettings;
struct Sample;
struct LessonStep;
struct ToolPreset;
class QTabWidget;

/// Crawlscope's window: paste URLs, pick a mode, drag the concurrency slider, press Run, and watch every
/// request grow as a bar on the timeline, with the in-flight strip, the request table and its details.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void loadSample(const Sample &sample);
    /// Sets up the run a lesson asks for (a sweep puts the window in Sweep mode with its ks).
    void loadLessonStep(const LessonStep &step);
    /// Sets the mode and limits a real tool uses.
    void applyPreset(const ToolPreset &preset);
    /// The ks a sweep runs, in order: the Sweep field's, or 1, 2, 4 ... up to the number of URLs.
    QList<int> sweepLimits() const;
    bool isSweepMode() const;
    RunSettings settings() const;
    bool openUrlFile(const QString &path, QString *error);
    /// Opens a saved or imported run (.json, .csv, .har) onto the timeline.
    bool openRunFile(const QString &path, QString *error);
    /// Opens either kind of file, by its extension.
    bool openFile(const QString &path, QString *error);
    /// Writes the shown runs: pictures of the timeline as shown, or the data, by extension.
    bool exportTo(const QString &path, QString *error);
    /// What File › Export and File › Open do with the chosen file: data and saved runs go through a job on a
    /// worker, with a progress dialog, and problems are shown in a message box. The job, which deletes itself
    /// once finished, or nullptr when the work was done at once (pictures, URL lists).
    FileJob *exportInBackground(const QString &path);
    FileJob *openInBackground(const QString &path);

    // For tests and scripting.
    UrlEditor *urlEditor() const { return m_urlEditor; }
    LimitSlider *limitSlider() const { return m_limitSlider; }
    QSpinBox *delayBox() const { return m_delayBox; }
    CrawlSettingsBox *crawlBox() const { return m_crawlBox; }
    QComboBox *modeBox() const { return m_modeBox; }
    QPushButton *runButton() const { return m_runButton; }
    QPushButton *stopButton() const { return m_stopButton; }
    QPushButton *compareButton() const { return m_compareButton; }
    TimelineView *timeline() const;
    TimelinePanel *timelinePanel() const { return m_timelinePanel; }
    QTableView *requestTable() const { return m_table; }
    /// What the request table lists: every run of the session, or the one its run filter picked.
    RunsTableModel *requestRuns() const { return m_runsTable; }
    RequestDetails *details() const { return m_details; }
    SummaryCharts *charts() const { return m_charts; }
    FrontierView *frontier() const { return m_frontier; }
    SiteTreeView *siteTree() const { return m_siteTree; }
    RunSession *session() const { return m_session; }
    /// The one selected request, which every view of the window follows.
    RequestSelection *selection() const { return m_selection; }
    DemoServer *demoServer() const { return m_demoServer; }
    QLabel *statusLabel() const { return m_statusLabel; }
    /// File › Capture…, made when first asked for.
    CaptureDialog *captureDialog();
    ReplayController *replay() const { return m_replay; }
    LessonPanels *lessons() const { return m_lessons; }
    QLineEdit *sweepLimitsEdit() const { return m_sweepLimits; }
    ExportActions *exportActions() const { return m_exportActions; }
    PresentationMode *presentation() const { return m_presentation; }
    /// The opened run's settings, read-only, over the settings panel.
    OpenedRunPanel *openedRun() const { return m_openedRun; }
    QAction *runAction() const { return m_runAction; }
    QAction *compareAction() const { return m_compareAction; }
    QAction *stopAction() const { return m_stopAction; }
    /// Journals the runs, and offers at launch to recover those an earlier Crawlscope left unsaved.
    JournalKeeper *journal() const { return m_journal; }
    /// Where File › Export proposes to write: the last folder and format (WindowSettings keeps them).
    void setExportSuggestion(const QString &path) { m_exportSuggestion = path; }

Q_SIGNALS:
    void fileOpened(const QString &path);
    void fileExported(const QString &path);

public Q_SLOTS:
    void run();
    /// Sequential, gather and limited(k) on the same list, one after another, on one time axis.
    void compare();
    /// Runs the current settings as one more run beside the ones shown (a new k, say), keeping them.
    void runKeepingEarlier();
    void stop();

protected:
    /// The texts that carry a number or a URL are formatted again; the Retranslator does the fixed ones.
    void changeEvent(QEvent *event) override;

private:
    void buildMenus();
    /// The line under the URLs saying where {demo} points, or why the demo server is not there.
    void showDemoServer();
    void startRuns(const QList<RunSettings> &plan, bool keepEarlier);
    void fillRunsMenu();
    QWidget *buildSettingsPanel();
    QWidget *buildResultsPanel();
    void onModelsChanged();
    /// The request table's run-and-number column whole, and the URL column what is left after the outcome
    /// and the status, so a narrow table still shows how each request ended; a URL column the user sized
    /// stays as they left it.
    void fitRequestColumns();
    void onFinished(bool cancelled);
    void updateProgress();
    void updateControls();
    void showSelection(RunModel *model, int id);
    void openFileDialog();
    void exportDialog();
    void showOpenedRuns(const QString &path, const QList<RunResult> &runs, const QStringList &warnings = {});
    void watchFileJob(FileJob *job, const QString &label);
    void showSettingsToLessons();

    DemoServer *m_demoServer;
    RunSession *m_session;
    RequestSelection *m_selection;
    JournalKeeper *m_journal = nullptr;
    /// The mode box's entry for a sweep: limited mode once per k, which RunMode does not name.
    static constexpr int SweepModeData = -1;
    static constexpr int ProgressIntervalMs = 200;
    static constexpr int MinUrlColumnWidth = 160;
    static constexpr int MaxUrlColumnWidth = 480;
    static constexpr int LeastUrlColumnWidth = 24; // only when the outcome would be out of sight
    bool m_fittingColumns = false;
    bool m_urlColumnSizedByUser = false;
    QTimer m_progressTimer;
    UrlEditor *m_urlEditor = nullptr;
    QComboBox *m_modeBox = nullptr;
    LimitSlider *m_limitSlider = nullptr;
    QSpinBox *m_delayBox = nullptr;
    QSpinBox *m_perHostBox = nullptr;
    QSpinBox *m_timeoutBox = nullptr;
    QLineEdit *m_sweepLimits = nullptr;
    QSpinBox *m_deadlineBox = nullptr;
    CrawlSettingsBox *m_crawlBox = nullptr;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_stopButton = nullptr;
    QPushButton *m_compareButton = nullptr;
    QAction *m_runAction = nullptr;
    QAction *m_compareAction = nullptr;
    QAction *m_keepAction = nullptr;
    QAction *m_stopAction = nullptr;
    QLabel *m_demoLabel = nullptr;
    QString m_demoError; // why the demo server did not start, if it did not
    QMenu *m_runsMenu = nullptr;
    QAction *m_colourByHost = nullptr;
    QAction *m_replayAction = nullptr;

    TimelinePanel *m_timelinePanel = nullptr;
    ReplayController *m_replay = nullptr;
    QLineEdit *m_filter = nullptr;
    QTableView *m_table = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    RunsTableModel *m_runsTable = nullptr;
    RequestDetails *m_details = nullptr;
    SummaryCharts *m_charts = nullptr;
    FrontierView *m_frontier = nullptr;
    SiteTreeView *m_siteTree = nullptr;
    QTabWidget *m_resultsTabs = nullptr;
    LessonPanels *m_lessons = nullptr;

    ExportActions *m_exportActions = nullptr;
    PresentationMode *m_presentation = nullptr;
    RunLocks *m_runLocks = nullptr;
    OpenedRunPanel *m_openedRun = nullptr;
    bool m_comparing = false;
    bool m_crawlColours = false; // a crawl turned colour by host on
    bool m_userColourByHost = false; // what it was before
    QLabel *m_statusLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QString m_exportSuggestion = QStringLiteral("crawlscope.png");
    CaptureDialog *m_captureDialog = nullptr;
};
