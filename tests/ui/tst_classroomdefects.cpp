#include "charts/lessonruns.h"
#include "charts/summarycharts.h"
#include "closeguard.h"
#include "core/runcaption.h"
#include "export/exporter.h"
#include "exportfolder.h"
#include "input/samples.h"
#include "limitslider.h"
#include "mainwindow.h"
#include "models/requestselection.h"
#include "models/runmodel.h"
#include "models/runstablemodel.h"
#include "openedrunpanel.h"
#include "ownsettings.h"
#include "session/runsession.h"
#include "timeline/timelinelegend.h"
#include "timeline/timelinepanel.h"
#include "timeline/timelineview.h"
#include "urleditor.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

// The defects a new user met, each as that user met it, against the built-in demo server.

class TestClassroomDefects : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        keepSettingsIn(m_settings.path());
    }
    void init();
    void cleanup();
    void settingsTheEngineCannotChangeAreLockedWithAReason();
    void sliderIsLockedDuringCompareWithAReason();
    void closingDuringARunAsksFirst();
    void exportDialogProposesAPngAsAPng();
    void aTypedNameGetsTheChosenTypeAndAFailedFolderIsNotRemembered();
    void thePictureDialogsGiveATypedNameItsTypeToo();
    void aNamesTypeIsItsLongestExtension();
    void aNarrowRequestTableStillShowsTheOutcome();
    void aVeryNarrowRequestTableGivesTheOutcomeTheUrlsRoom();
    void aCrawlGivesTheLessonItsColoursBack();
    void requestTableListsEveryRunOfACompare();
    void openingARunShowsItsSettingsReadOnly();

private:
    QTemporaryDir m_settings;
    void startSlowRun(bool compare);
    /// File › Export…, found by its text as a user finds it.
    QAction *fileExportAction() const { return fileAction(QStringLiteral("&Export…")); }
    QAction *fileAction(const QString &text) const;
    /// Answers the next save dialog: the first type whose filter contains filterPattern, and file.
    void answerSaveDialog(const QString &filterPattern, const QString &file);

    MainWindow *m_window = nullptr;
};

void TestClassroomDefects::init()
{
    m_window = new MainWindow;
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestClassroomDefects::cleanup()
{
    m_window->stop();
    QTRY_VERIFY(!m_window->session()->isRunning());
    delete m_window;
    m_window = nullptr;
}

void TestClassroomDefects::startSlowRun(bool compare)
{
    m_window->urlEditor()->setText(QStringLiteral("{demo}/delay/5000"));
    m_window->urlEditor()->setRepeat(2);
    QTest::mouseClick(compare ? m_window->compareButton() : m_window->runButton(), Qt::LeftButton);
    QTRY_VERIFY(m_window->session()->isRunning());
}

void TestClassroomDefects::settingsTheEngineCannotChangeAreLockedWithAReason()
{
    QSpinBox *delay = m_window->delayBox();
    const QString ownTip = delay->toolTip();
    QVERIFY(delay->isEnabled());
    startSlowRun(false);
    QVERIFY(!delay->isEnabled());
    QVERIFY2(delay->toolTip().contains(QStringLiteral("Locked while a run goes on")),
             qPrintable(delay->toolTip()));
    // A single limited run resizes its gate live: the slider stays.
    QVERIFY(m_window->limitSlider()->isEnabled());
    m_window->stop();
    QTRY_VERIFY(!m_window->session()->isRunning());
    QVERIFY(delay->isEnabled());
    QCOMPARE(delay->toolTip(), ownTip);
}

void TestClassroomDefects::sliderIsLockedDuringCompareWithAReason()
{
    startSlowRun(true);
    QVERIFY(!m_window->limitSlider()->isEnabled());
    QVERIFY(m_window->limitSlider()->toolTip().contains(QStringLiteral("Compare")));
    m_window->stop();
    QTRY_VERIFY(!m_window->session()->isRunning());
    QVERIFY(m_window->limitSlider()->isEnabled());
}

void TestClassroomDefects::closingDuringARunAsksFirst()
{
    startSlowRun(false);
    auto *guard = m_window->findChild<CloseGuard *>();
    QVERIFY(guard);
    // First the user keeps the run going, then closes after all.
    bool keep = true;
    int asked = 0;
    connect(guard, &CloseGuard::asking, this, [&](QMessageBox *box) {
        ++asked;
        for (QAbstractButton *button : box->buttons()) {
            const bool isKeep = box->buttonRole(button) == QMessageBox::RejectRole;
            if (isKeep == keep) {
                button->click();
                return;
            }
        }
    });
    QVERIFY(!m_window->close());
    QCOMPARE(asked, 1);
    QVERIFY(m_window->isVisible());
    QVERIFY(m_window->session()->isRunning());
    keep = false;
    QVERIFY(m_window->close());
    QCOMPARE(asked, 2);
    QTRY_VERIFY(!m_window->session()->isRunning());
    // Nothing running: no question.
    m_window->show();
    QVERIFY(m_window->close());
    QCOMPARE(asked, 2);
}

QAction *TestClassroomDefects::fileAction(const QString &text) const
{
    for (QAction *action : m_window->menuBar()->actions().first()->menu()->actions()) {
        if (action->text() == text)
            return action;
    }
    return nullptr;
}

void TestClassroomDefects::answerSaveDialog(const QString &filterPattern, const QString &file)
{
    QTimer::singleShot(0, this, [filterPattern, file] {
        QTRY_VERIFY(qobject_cast<QFileDialog *>(QApplication::activeModalWidget()));
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        for (const QString &filter : dialog->nameFilters()) {
            if (filter.contains(filterPattern))
                dialog->selectNameFilter(filter);
        }
        dialog->selectFile(file);
        QMetaObject::invokeMethod(dialog, "accept"); // QFileDialog::accept() is protected
    });
}

void TestClassroomDefects::exportDialogProposesAPngAsAPng()
{
    QAction *exportAction = fileExportAction();
    QVERIFY(exportAction);
    QString filter;
    QString proposed;
    QTimer::singleShot(0, this, [&] {
        QTRY_VERIFY(qobject_cast<QFileDialog *>(QApplication::activeModalWidget()));
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        filter = dialog->selectedNameFilter();
        proposed = dialog->selectedFiles().value(0);
        dialog->reject();
    });
    exportAction->trigger();
    QVERIFY2(filter.contains(QStringLiteral("*.png")), qPrintable(filter));
    QVERIFY(proposed.endsWith(QStringLiteral("crawlscope.png")));
    // In the one folder every export starts in.
    QVERIFY(proposed.startsWith(ExportFolder::path()));
}

void TestClassroomDefects::aTypedNameGetsTheChosenTypeAndAFailedFolderIsNotRemembered()
{
    QAction *exportAction = fileExportAction();
    QVERIFY(exportAction);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto exportAs = [&](const QString &filterPattern, const QString &file) {
        answerSaveDialog(filterPattern, file);
        exportAction->trigger();
    };
    // "runs" typed with JSON chosen is runs.json, not an error about the missing type.
    QSignalSpy exported(m_window, &MainWindow::fileExported);
    exportAs(QStringLiteral("*.json"), dir.filePath(QStringLiteral("runs")));
    QVERIFY(exported.wait(10'000));
    QCOMPARE(exported.constLast().at(0).toString(), dir.filePath(QStringLiteral("runs.json")));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("runs.json"))));
    QCOMPARE(ExportFolder::path(), dir.path());

    // A folder the export could not write to is not where the next dialog opens.
    QTemporaryDir other;
    QVERIFY(other.isValid());
    const QString gone = other.path();
    QVERIFY(other.remove()); // the dialog was shown it, then it went
    int warnings = 0;
    QTimer closer;
    connect(&closer, &QTimer::timeout, this, [&] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            ++warnings;
            box->close();
        }
    });
    closer.start(10);
    exportAs(QStringLiteral("*.csv"), gone + QStringLiteral("/runs.csv"));
    QTRY_VERIFY(warnings > 0);
    QTRY_VERIFY(!QApplication::activeModalWidget());
    QCOMPARE(ExportFolder::path(), dir.path());
}

void TestClassroomDefects::thePictureDialogsGiveATypedNameItsTypeToo()
{
    m_window->session()->showRuns(LessonRuns::lesson());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // File › Export Slide…: "slide" typed with SVG chosen.
    QAction *slide = fileAction(QStringLiteral("Export &Slide…"));
    QVERIFY(slide);
    answerSaveDialog(QStringLiteral("*.svg"), dir.filePath(QStringLiteral("slide")));
    slide->trigger();
    QTRY_VERIFY(QFile::exists(dir.filePath(QStringLiteral("slide.svg"))));
    QCOMPARE(ExportFolder::path(), dir.path());
    // Export Chart: a dotted name that is no picture type gets the chosen one after it.
    answerSaveDialog(QStringLiteral("*.pdf"), dir.filePath(QStringLiteral("chart.v2")));
    m_window->charts()->exportWithDialog(0);
    QTRY_VERIFY(QFile::exists(dir.filePath(QStringLiteral("chart.v2.pdf"))));
    QFile pdf(dir.filePath(QStringLiteral("chart.v2.pdf")));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
    // "chart.jpg" typed with PNG chosen is a JPEG by that name, not "chart.jpg.png".
    answerSaveDialog(QStringLiteral("*.png"), dir.filePath(QStringLiteral("chart.jpg")));
    m_window->charts()->exportWithDialog(0);
    QTRY_VERIFY(QFile::exists(dir.filePath(QStringLiteral("chart.jpg"))));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("chart.jpg.png"))));
    QFile jpeg(dir.filePath(QStringLiteral("chart.jpg")));
    QVERIFY(jpeg.open(QIODevice::ReadOnly));
    QCOMPARE(jpeg.read(3), QByteArray("\xFF\xD8\xFF"));
}

void TestClassroomDefects::aNamesTypeIsItsLongestExtension()
{
    // What File › Export preselects for the last name used, and what a typed name is taken to be.
    const QList<ExportFolder::Type> types {
        {QStringLiteral("JSON (*.json)"), QStringLiteral(".json")},
        {QStringLiteral("TRACE.JSON (*.trace.json)"), QStringLiteral(".trace.json")},
        {QStringLiteral("PNG image (*.png)"), QStringLiteral(".png")},
        {QStringLiteral("JPEG image (*.jpg *.jpeg)"), QStringLiteral(".jpg"), {QStringLiteral(".jpeg")}}};
    QCOMPARE(ExportFolder::typeOf(QStringLiteral("runs.trace.json"), types), 1);
    QCOMPARE(ExportFolder::typeOf(QStringLiteral("runs.JSON"), types), 0);
    QCOMPARE(ExportFolder::typeOf(QStringLiteral("slide.png"), types), 2);
    QCOMPARE(ExportFolder::typeOf(QStringLiteral("chart.v2"), types), -1);
    QCOMPARE(ExportFolder::typeOf(QStringLiteral("chart.jpg"), types), 3);
    QCOMPARE(ExportFolder::typeOf(QStringLiteral("chart.JPEG"), types), 3);
}

void TestClassroomDefects::aNarrowRequestTableStillShowsTheOutcome()
{
    // A compare on a projector's 1280 × 720: the table shares its row with the request details, and the
    // status (and at 1600 × 1000 beside the docks, the outcome) was cut off at its right.
    m_window->resize(1280, 720);
    m_window->session()->showRuns(LessonRuns::lesson());
    QTableView *table = m_window->requestTable();
    using Column = RunModel::Column;
    const auto rightOf = [table](Column column) {
        return table->columnViewportPosition(int(column)) + table->columnWidth(int(column));
    };
    QTRY_VERIFY(table->viewport()->width() > 0);
    const int room = table->viewport()->width() - table->columnWidth(int(Column::Id))
        - table->columnWidth(int(Column::Outcome)) - table->columnWidth(int(Column::Status));
    QVERIFY2(room >= 160, "the table was meant to have room for the URL's least width");
    QTRY_VERIFY2(rightOf(Column::Status) <= table->viewport()->width(),
                 qPrintable(QStringLiteral("status ends at %1 of %2")
                                .arg(rightOf(Column::Status))
                                .arg(table->viewport()->width())));
    QVERIFY(table->columnWidth(int(Column::Url)) >= 160);
    // A URL cut short keeps its path: elided in the middle, which Qt does only without word wrap.
    QCOMPARE(table->textElideMode(), Qt::ElideMiddle);
    QVERIFY(!table->wordWrap());
    // A wider window gives the URL the room, without a run.
    const int narrowUrl = table->columnWidth(int(Column::Url));
    m_window->resize(1900, 1000);
    QTRY_VERIFY(table->columnWidth(int(Column::Url)) > narrowUrl);
    QTRY_VERIFY(rightOf(Column::Status) <= table->viewport()->width());
    // A width the user gave the URL stays, whatever the window does.
    table->horizontalHeader()->resizeSection(int(Column::Url), 333);
    m_window->resize(1280, 720);
    QTRY_VERIFY(table->viewport()->width() < 600);
    QCOMPARE(table->columnWidth(int(Column::Url)), 333);
}

void TestClassroomDefects::aVeryNarrowRequestTableGivesTheOutcomeTheUrlsRoom()
{
    // 1280 × 720 at a scale of 2 leaves the table about 240 pixels beside the details: less than the run's
    // name, the URL's least width and the outcome take. The outcome, which says what became of each request,
    // was out of sight at the right; the URL, in full in the details, is what gives way.
    m_window->resize(1280, 720);
    m_window->session()->showRuns(LessonRuns::lesson());
    QTableView *table = m_window->requestTable();
    auto *splitter = m_window->findChild<QSplitter *>(QStringLiteral("tableSplitter"));
    QVERIFY(splitter);
    QTRY_VERIFY(splitter->width() > 600);
    splitter->setSizes({240, splitter->width() - 240});
    using Column = RunModel::Column;
    const auto rightOf = [table](Column column) {
        return table->columnViewportPosition(int(column)) + table->columnWidth(int(column));
    };
    QTRY_VERIFY(table->viewport()->width() < 260);
    QVERIFY2(table->columnWidth(int(Column::Id)) + 160 + table->columnWidth(int(Column::Outcome))
                 > table->viewport()->width(),
             "the table was meant to be too narrow for the URL's least width");
    QTRY_VERIFY2(rightOf(Column::Outcome) <= table->viewport()->width(),
                 qPrintable(QStringLiteral("outcome ends at %1 of %2")
                                .arg(rightOf(Column::Outcome))
                                .arg(table->viewport()->width())));
    QVERIFY(table->columnWidth(int(Column::Url)) >= 24);
    // With the room back, so is the URL's least width.
    splitter->setSizes({splitter->width() - 200, 200});
    QTRY_VERIFY(table->columnWidth(int(Column::Url)) >= 160);
}

void TestClassroomDefects::aCrawlGivesTheLessonItsColoursBack()
{
    QVERIFY(!m_window->timelinePanel()->colourByHost());
    m_window->loadSample(crawlSamples().first());
    QTest::mouseClick(m_window->runButton(), Qt::LeftButton);
    QTRY_VERIFY(m_window->session()->isRunning());
    QVERIFY(m_window->timelinePanel()->colourByHost());
    m_window->stop();
    QTRY_VERIFY(!m_window->session()->isRunning());
    // The next lesson shows its phases again, in the legend too.
    m_window->loadSample(lessonSamples().first());
    QTest::mouseClick(m_window->runButton(), Qt::LeftButton);
    QTRY_VERIFY(m_window->session()->isRunning());
    QVERIFY(!m_window->timelinePanel()->colourByHost());
    QTRY_VERIFY(m_window->timeline()->legend()->hosts().isEmpty());
}

QTEST_MAIN(TestClassroomDefects)
#include "tst_classroomdefects.moc"

void TestClassroomDefects::requestTableListsEveryRunOfACompare()
{
    m_window->urlEditor()->setText(QStringLiteral("{demo}/delay/300"));
    m_window->urlEditor()->setRepeat(3);
    QSignalSpy finished(m_window->session(), &RunSession::finished);
    QTest::mouseClick(m_window->compareButton(), Qt::LeftButton);
    const auto &models = m_window->session()->models();
    QTRY_COMPARE(models.size(), 3);
    QAbstractItemModel *table = m_window->requestTable()->model();
    const auto recorded = [&] {
        int rows = 0;
        for (const RunModel *model : models)
            rows += model->rowCount();
        return rows;
    };
    // While Compare runs, the table lists the first run's requests, not the empty run still to come.
    QTRY_VERIFY(models.first()->rowCount() > 0);
    QVERIFY(m_window->session()->isRunning());
    QCOMPARE(table->rowCount(), recorded());
    QVERIFY(finished.wait(30'000));
    QCOMPARE(table->rowCount(), 9);

    // Each row says its run; the run filter offers every run and narrows the table to one.
    const QString firstId = table->index(0, int(RunModel::Column::Id)).data().toString();
    // Wide enough to read which run a row is.
    QTableView *view = m_window->requestTable();
    QVERIFY2(view->columnWidth(int(RunModel::Column::Id)) >= view->fontMetrics().horizontalAdvance(firstId),
             qPrintable(firstId));
    QVERIFY2(firstId.startsWith(RunCaption::label(models.first()->run().settings)), qPrintable(firstId));
    QComboBox *filter = nullptr;
    const QList<QComboBox *> combos = m_window->findChildren<QComboBox *>();
    for (QComboBox *combo : combos) {
        if (combo->findText(QStringLiteral("All runs")) >= 0)
            filter = combo;
    }
    QVERIFY(filter);
    QCOMPARE(filter->count(), 4);
    QCOMPARE(filter->currentText(), QStringLiteral("All runs"));
    filter->setCurrentIndex(3);
    Q_EMIT filter->activated(3);
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(m_window->requestRuns()->runAt(m_window->requestRuns()->index(0, 0)), models.last());

    // One selection: picking a request of the first run shows all runs again and selects its row.
    m_window->selection()->select(models.first(), 1);
    QCOMPARE(filter->currentText(), QStringLiteral("All runs"));
    QCOMPARE(table->rowCount(), 9);
    const QModelIndex current = m_window->requestTable()->currentIndex();
    QCOMPARE(current.data(RunModel::IdRole).toInt(), 1);
    QVERIFY2(current.data().toString().startsWith(RunCaption::label(models.first()->run().settings)),
             qPrintable(current.data().toString()));

    // Clicking a row of the last run selects that run's record.
    const int lastRow = table->rowCount() - 1;
    m_window->requestTable()->setCurrentIndex(table->index(lastRow, 0));
    QCOMPARE(m_window->selection()->model(), models.last());
    QCOMPARE(m_window->selection()->recordId(), table->index(lastRow, 0).data(RunModel::IdRole).toInt());
}

void TestClassroomDefects::openingARunShowsItsSettingsReadOnly()
{
    // A run with settings of its own, saved.
    m_window->urlEditor()->setText(QStringLiteral("{demo}/delay/10\n{demo}/bytes/100"));
    m_window->urlEditor()->setRepeat(1);
    m_window->modeBox()->setCurrentIndex(m_window->modeBox()->findData(int(RunMode::Limited)));
    m_window->limitSlider()->setValue(5);
    m_window->delayBox()->setValue(100);
    QSignalSpy finished(m_window->session(), &RunSession::finished);
    QTest::mouseClick(m_window->runButton(), Qt::LeftButton);
    QVERIFY(finished.wait(30'000));
    const RunResult saved = m_window->session()->models().last()->run();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("saved.json"));
    QString error;
    QVERIFY2(exportRuns({saved}, path, &error), qPrintable(error));

    // Other settings in the panel, then the file is opened.
    m_window->modeBox()->setCurrentIndex(m_window->modeBox()->findData(int(RunMode::Sequential)));
    m_window->delayBox()->setValue(0);
    m_window->urlEditor()->setText(QStringLiteral("{demo}/status/404"));
    QVERIFY2(m_window->openFile(path, &error), qPrintable(error));

    OpenedRunPanel *opened = m_window->openedRun();
    QVERIFY(opened->isShowingRun());
    QVERIFY(opened->isVisible());
    QCOMPARE(m_window->modeBox()->currentData().toInt(), int(RunMode::Limited));
    QCOMPARE(m_window->limitSlider()->value(), 5);
    QCOMPARE(m_window->delayBox()->value(), 100);
    QList<QUrl> savedUrls;
    for (const RequestRecord &record : saved.records)
        savedUrls.append(record.url);
    QCOMPARE(saved.records.size(), 2);
    QCOMPARE(m_window->urlEditor()->urls(), savedUrls);
    // Read-only: the fields are locked until the user runs again or edits.
    QVERIFY(!m_window->delayBox()->isEnabled());
    QVERIFY(!m_window->modeBox()->isEnabled());
    QVERIFY(!m_window->urlEditor()->isEnabled());

    // Run again: unlocked, and the run has the opened settings.
    QTest::mouseClick(opened->runAgainButton(), Qt::LeftButton);
    QVERIFY(!opened->isShowingRun());
    QVERIFY(!opened->isVisible());
    QVERIFY(m_window->delayBox()->isEnabled() || m_window->session()->isRunning());
    QVERIFY(finished.wait(30'000));
    QVERIFY(m_window->delayBox()->isEnabled());
    const RunSettings again = m_window->session()->models().last()->run().settings;
    QCOMPARE(again.mode, RunMode::Limited);
    QCOMPARE(again.limit, 5);
    QCOMPARE(again.delayMs, 100);

    // Opened again, and any edit (here a preset-like change of the mode) leaves the read-only state.
    QVERIFY2(m_window->openFile(path, &error), qPrintable(error));
    QVERIFY(opened->isShowingRun());
    m_window->modeBox()->setCurrentIndex(m_window->modeBox()->findData(int(RunMode::Gather)));
    QVERIFY(!opened->isShowingRun());
    QVERIFY(m_window->delayBox()->isEnabled());
}
