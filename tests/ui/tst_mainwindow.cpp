#include "charts/summarycharts.h"
#include "crawl/frontierview.h"
#include "crawl/sitetreeview.h"
#include "crawlsettingsbox.h"
#include "demoserver/demoserver.h"
#include "export/filejob.h"
#include "input/samples.h"
#include "limitslider.h"
#include "mainwindow.h"
#include "models/frontiermodel.h"
#include "models/runmodel.h"
#include "models/sitetreemodel.h"
#include "requestdetails.h"
#include "run/runner.h"
#include "session/runsequence.h"
#include "session/runsession.h"
#include "sliderdrag.h"
#include "timeline/timelinepanel.h"
#include "timeline/timelineview.h"
#include "urleditor.h"

#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>

// The window as a user drives it: real clicks and keys, offscreen, against the built-in demo server.

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void startsOnTheLessonWithTheDemoServerRunning();
    void pastingFillsTheListAndMarksBadLines();
    void runEndsWithOneBarPerRequest();
    void sliderResizesTheGateDuringARun();
    void stopKeepsTheRecords();
    void hoveringABarShowsItsTimings();
    void clickingABarSelectsItsRow();
    void selectionSurvivesTheEndOfARun();
    void runMenuShowsAndTakesItsShortcuts();
    void compareStacksTheThreeModes();
    void savedRunsOpenAgain();
    void exportsAndOpensOnAWorker();
    void rerunWithANewKKeepsEarlierRuns();
    void crawlFillsTheFrontierAndTheSiteTree();
    void badCrawlPatternIsNamedAndBlocksRun();

private:
    void runAndWait(const QString &text, RunMode mode, int limit = 3);
    QPoint barCenter(int id) const;

    MainWindow *m_window = nullptr;
};

void TestMainWindow::init()
{
    m_window = new MainWindow;
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestMainWindow::cleanup()
{
    delete m_window;
    m_window = nullptr;
}

void TestMainWindow::runAndWait(const QString &text, RunMode mode, int limit)
{
    m_window->urlEditor()->setText(text);
    m_window->urlEditor()->setRepeat(1);
    m_window->modeBox()->setCurrentIndex(m_window->modeBox()->findData(int(mode)));
    m_window->limitSlider()->setValue(limit);
    QSignalSpy finished(m_window->session(), &RunSession::finished);
    QTest::mouseClick(m_window->runButton(), Qt::LeftButton);
    QVERIFY(finished.wait(30'000));
}

QPoint TestMainWindow::barCenter(int id) const
{
    RunModel *model = m_window->session()->models().first();
    return m_window->timeline()->barRect(model, id).center();
}

void TestMainWindow::startsOnTheLessonWithTheDemoServerRunning()
{
    QVERIFY(m_window->demoServer()->isRunning());
    const auto &urls = m_window->urlEditor()->urlList().urls;
    QCOMPARE(urls.size(), 1);
    QCOMPARE(m_window->urlEditor()->repeat(), 5);
    QCOMPARE(m_window->urlEditor()->urls().size(), 5);
    QCOMPARE(urls.first().url.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(urls.first().url.path(), QStringLiteral("/delay/1000"));
    QCOMPARE(RunMode(m_window->modeBox()->currentData().toInt()), lessonSamples().first().settings.mode);
    QVERIFY(m_window->runButton()->isEnabled());
}

void TestMainWindow::pastingFillsTheListAndMarksBadLines()
{
    QPlainTextEdit *editor = m_window->urlEditor()->editor();
    editor->clear();
    editor->setFocus();
    editor->insertPlainText(
        QStringLiteral("{demo}/delay/10\nmailto:someone@example.com\n{demo}/status/404\n"));
    QTRY_COMPARE(m_window->urlEditor()->urlList().urls.size(), 2);
    QCOMPARE(m_window->urlEditor()->urlList().errors.size(), 1);
    QCOMPARE(m_window->urlEditor()->urlList().errors.first().line, 2);
    QCOMPARE(editor->extraSelections().size(), 1);
}

void TestMainWindow::runEndsWithOneBarPerRequest()
{
    runAndWait(
        QStringLiteral(
            "{demo}/delay/30\n{demo}/delay/60\n{demo}/status/500\n{demo}/delay/20\n{demo}/bytes/100\n"),
        RunMode::Limited, 2);
    const auto &models = m_window->session()->models();
    QCOMPARE(models.size(), 1);
    QCOMPARE(models.first()->rowCount(), 5);
    QCOMPARE(m_window->requestTable()->model()->rowCount(), 5);
    for (int id = 0; id < 5; ++id) {
        const QRect bar = m_window->timeline()->barRect(models.first(), id);
        QVERIFY2(bar.isValid() && bar.width() >= 1, qPrintable(QString::number(id)));
        const auto hit = m_window->timeline()->requestAt(bar.center());
        QVERIFY(hit);
        QCOMPARE(hit->second, id);
    }
    // A finished run's status has nothing left to estimate.
    QTRY_VERIFY(m_window->statusLabel()->text().startsWith(QLatin1String("Done 5/5")));
    QVERIFY2(!m_window->statusLabel()->text().contains(QLatin1String("ETA")),
             qPrintable(m_window->statusLabel()->text()));
}

void TestMainWindow::sliderResizesTheGateDuringARun()
{
    m_window->urlEditor()->setText(QStringLiteral("{demo}/delay/400\n"));
    m_window->urlEditor()->setRepeat(12);
    m_window->modeBox()->setCurrentIndex(m_window->modeBox()->findData(int(RunMode::Limited)));
    m_window->limitSlider()->setValue(1);
    QSignalSpy finished(m_window->session(), &RunSession::finished);
    QTest::mouseClick(m_window->runButton(), Qt::LeftButton);
    QTRY_COMPARE(m_window->session()->progress().inFlight, 1);

    // Keyboard: one step right is 2 permits, admitted at once.
    QSlider *slider = m_window->limitSlider()->slider();
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_Right);
    QCOMPARE(m_window->limitSlider()->value(), 2);
    QCOMPARE(m_window->session()->progress().inFlight, 2);

    // Mouse: dragging the handle to the far right opens the gate wide.
    dragHandle(slider, slider->width() - 2);
    const int grown = m_window->limitSlider()->value();
    QCOMPARE(grown, 1000);
    QCOMPARE(m_window->session()->progress().inFlight,
             std::min(grown, 12 - m_window->session()->progress().done));

    QVERIFY(finished.wait(30'000));
    const RunResult run = m_window->session()->models().first()->run();
    QCOMPARE(run.capacityChanges.at(0).capacity, 1);
    QCOMPARE(run.capacityChanges.at(1).capacity, 2);
    QCOMPARE(run.capacityChanges.at(2).capacity, grown);
}

void TestMainWindow::stopKeepsTheRecords()
{
    m_window->urlEditor()->setText(QStringLiteral("{demo}/delay/20\n{demo}/delay/30000\n"));
    m_window->urlEditor()->setRepeat(3);
    m_window->modeBox()->setCurrentIndex(m_window->modeBox()->findData(int(RunMode::Limited)));
    m_window->limitSlider()->setValue(2);
    QSignalSpy finished(m_window->session(), &RunSession::finished);
    QTest::mouseClick(m_window->runButton(), Qt::LeftButton);
    QTRY_VERIFY(m_window->session()->progress().done >= 1);
    QVERIFY(m_window->stopButton()->isEnabled());
    QTest::mouseClick(m_window->stopButton(), Qt::LeftButton);
    QVERIFY(finished.size() == 1 || finished.wait(5'000));

    const RunResult run = m_window->session()->models().first()->run();
    QVERIFY(run.cancelled);
    QCOMPARE(run.records.size(), 6);
    const RunSummary summary = summarize(run);
    QVERIFY(summary.ok >= 1);
    QCOMPARE(summary.ok + summary.cancelled, 6);
    QCOMPARE(m_window->requestTable()->model()->rowCount(), 6);
    QVERIFY(m_window->runButton()->isEnabled());
    // The status bar says what a Stop left, not "Done 6/6" with an ETA.
    const RunSession::Progress progress = m_window->session()->progress();
    QVERIFY(progress.stopped);
    QCOMPARE(progress.done, summary.ok + summary.failed);
    QCOMPARE(progress.cancelled, summary.cancelled);
    QCOMPARE(m_window->statusLabel()->text().section(QStringLiteral("   "), 0, 0),
             QStringLiteral("Stopped: %1 done, %2 cancelled").arg(progress.done).arg(progress.cancelled));
}

void TestMainWindow::hoveringABarShowsItsTimings()
{
    runAndWait(QStringLiteral("{demo}/delay/50\n{demo}/delay/80\n"), RunMode::Gather);
    QWidget *surface = m_window->timeline()->viewport();
    const QPoint at = barCenter(1);
    QHelpEvent help(QEvent::ToolTip, at, surface->mapToGlobal(at));
    QCoreApplication::sendEvent(surface, &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY2(QToolTip::text().contains(QLatin1String("/delay/80")), qPrintable(QToolTip::text()));
    QVERIFY(QToolTip::text().contains(QLatin1String("ms")));
}

void TestMainWindow::clickingABarSelectsItsRow()
{
    runAndWait(QStringLiteral("{demo}/delay/30\n{demo}/delay/60\n{demo}/delay/90\n"), RunMode::Sequential);
    QTest::mouseClick(m_window->timeline()->viewport(), Qt::LeftButton, {}, barCenter(2));
    const QModelIndex current = m_window->requestTable()->currentIndex();
    QVERIFY(current.isValid());
    QCOMPARE(current.data(RunModel::IdRole).toInt(), 2);
    QVERIFY(m_window->details()->toPlainText().contains(QLatin1String("/delay/90")));
}

void TestMainWindow::selectionSurvivesTheEndOfARun()
{
    // Sequential: the first request is done long before the run is.
    m_window->urlEditor()->setText(QStringLiteral("{demo}/delay/20\n{demo}/delay/300\n{demo}/delay/300\n"));
    m_window->urlEditor()->setRepeat(1);
    m_window->modeBox()->setCurrentIndex(m_window->modeBox()->findData(int(RunMode::Sequential)));
    QSignalSpy finished(m_window->session(), &RunSession::finished);
    QTest::mouseClick(m_window->runButton(), Qt::LeftButton);
    RunModel *model = m_window->session()->models().first();
    QTRY_VERIFY(model->rowCount() == 3 && model->records().at(0).isDone());
    QTRY_VERIFY(m_window->timeline()->barRect(model, 0).isValid());
    QTest::mouseClick(m_window->timeline()->viewport(), Qt::LeftButton, {}, barCenter(0));
    QCOMPARE(m_window->requestTable()->currentIndex().data(RunModel::IdRole).toInt(), 0);
    QVERIFY(model->isLive());

    QSignalSpy reset(model, &RunModel::runReset);
    QVERIFY(finished.wait(30'000));
    QVERIFY(!model->isLive());
    QCOMPARE(reset.size(), 0); // the end of a run is not a reset
    const QModelIndex current = m_window->requestTable()->currentIndex();
    QVERIFY(current.isValid());
    QCOMPARE(current.data(RunModel::IdRole).toInt(), 0);
    QVERIFY(m_window->requestTable()->selectionModel()->isRowSelected(current.row()));
    const auto selected = m_window->timeline()->selection();
    QVERIFY(selected);
    QCOMPARE(selected->first, model);
    QCOMPARE(selected->second, 0);
    QVERIFY(m_window->details()->toPlainText().contains(QLatin1String("/delay/20")));
}

void TestMainWindow::runMenuShowsAndTakesItsShortcuts()
{
    // The menu shows Ctrl+R and Esc beside Run and Stop (they used to hide on the buttons).
    QMenu *runMenu = nullptr;
    for (QAction *action : m_window->menuBar()->actions()) {
        if (action->text() == QLatin1String("&Run"))
            runMenu = action->menu();
    }
    QVERIFY(runMenu);
    QAction *run = nullptr;
    QAction *stop = nullptr;
    for (QAction *action : runMenu->actions()) {
        if (action->text() == QLatin1String("&Run"))
            run = action;
        else if (action->text() == QLatin1String("&Stop"))
            stop = action;
    }
    QVERIFY(run && stop);
    QCOMPARE(run->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_R));
    QCOMPARE(stop->shortcut(), QKeySequence(Qt::Key_Escape));
    QVERIFY(run->isEnabled());
    QVERIFY(!stop->isEnabled());

    // And the keys do what the menu says.
    m_window->urlEditor()->setText(QStringLiteral("{demo}/delay/5000\n"));
    m_window->urlEditor()->setRepeat(3);
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    QSignalSpy finished(m_window->session(), &RunSession::finished);
    QTest::keyClick(m_window, Qt::Key_R, Qt::ControlModifier);
    QTRY_VERIFY(m_window->session()->isRunning());
    QVERIFY(!run->isEnabled());
    QVERIFY(stop->isEnabled());
    QTest::keyClick(m_window, Qt::Key_Escape);
    QVERIFY(finished.wait(10'000));
    QCOMPARE(finished.first().at(0).toBool(), true); // cancelled
}

void TestMainWindow::compareStacksTheThreeModes()
{
    m_window->urlEditor()->setText(QStringLiteral("{demo}/delay/40\n"));
    m_window->urlEditor()->setRepeat(4);
    m_window->limitSlider()->setValue(2);
    QSignalSpy finished(m_window->session(), &RunSession::finished);
    QTest::mouseClick(m_window->compareButton(), Qt::LeftButton);
    QVERIFY(finished.wait(30'000));
    const auto &models = m_window->session()->models();
    QCOMPARE(models.size(), 3);
    QCOMPARE(m_window->timeline()->models().size(), 3);
    const QList<int> peaks {1, 4, 2};
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(models[i]->rowCount(), 4);
        QCOMPARE(summarize(models[i]->run()).peakInFlight, peaks[i]);
        // Every bar of every run is on the shared axis.
        QVERIFY(m_window->timeline()->barRect(models[i], 3).isValid());
    }
    QCOMPARE(m_window->charts()->runs().size(), 3); // the summary charts follow the comparison
}

void TestMainWindow::savedRunsOpenAgain()
{
    runAndWait(QStringLiteral("{demo}/delay/20\n{demo}/status/503\n"), RunMode::Gather);
    const RunResult original = m_window->session()->models().first()->run();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("saved.json"));
    QString error;
    QVERIFY2(m_window->exportTo(path, &error), qPrintable(error));
    const QString picture = dir.filePath(QStringLiteral("shown.png"));
    QVERIFY2(m_window->exportTo(picture, &error), qPrintable(error));
    QVERIFY(QImage(picture).width() >= m_window->timelinePanel()->width());

    MainWindow other;
    QVERIFY2(other.openFile(path, &error), qPrintable(error));
    QCOMPARE(other.session()->models().size(), 1);
    QCOMPARE(other.session()->models().first()->run(), original); // bit for bit the same run
    QVERIFY(!other.openFile(dir.filePath(QStringLiteral("missing.json")), &error));
    QVERIFY(error.contains(QLatin1String("missing.json")));
}

void TestMainWindow::exportsAndOpensOnAWorker()
{
    runAndWait(QStringLiteral("{demo}/delay/20\n{demo}/status/503\n"), RunMode::Gather);
    const RunResult original = m_window->session()->models().first()->run();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("saved.csv"));
    FileJob *exportJob = m_window->exportInBackground(path);
    QVERIFY(exportJob);
    QSignalSpy exported(exportJob, &FileJob::finished);
    QVERIFY(exported.wait(30'000));
    QVERIFY2(exported.first().at(0).toBool(), qPrintable(exported.first().at(1).toString()));
    QVERIFY(!m_window->exportInBackground(dir.filePath(QStringLiteral("shown.svg")))); // pictures at once

    MainWindow other;
    FileJob *openJob = other.openInBackground(path);
    QVERIFY(openJob);
    QSignalSpy opened(openJob, &FileJob::finished);
    QVERIFY(opened.wait(30'000));
    QVERIFY2(opened.first().at(0).toBool(), qPrintable(opened.first().at(1).toString()));
    QCOMPARE(other.session()->models().size(), 1);
    const RunResult back = other.session()->models().first()->run();
    QCOMPARE(back.records, original.records);
    QCOMPARE(back.endNs, original.endNs); // the CSV keeps the run's end
}

void TestMainWindow::rerunWithANewKKeepsEarlierRuns()
{
    m_window->urlEditor()->setText(QStringLiteral("{demo}/delay/30\n"));
    m_window->urlEditor()->setRepeat(6);
    m_window->limitSlider()->setValue(2);
    QSignalSpy finished(m_window->session(), &RunSession::finished);
    QTest::mouseClick(m_window->compareButton(), Qt::LeftButton);
    QVERIFY(finished.wait(30'000));
    QCOMPARE(m_window->session()->models().size(), 3);

    m_window->modeBox()->setCurrentIndex(m_window->modeBox()->findData(int(RunMode::Limited)));
    m_window->limitSlider()->setValue(3);
    m_window->runKeepingEarlier();
    QVERIFY(finished.wait(30'000));
    const auto models = m_window->session()->models();
    QCOMPARE(models.size(), 4);
    QCOMPARE(models.last()->run().settings.limit, 3);
    QCOMPARE(summarize(models.last()->run()).peakInFlight, 3);
    QCOMPARE(summarize(models.first()->run()).ok, 6); // the earlier runs are untouched

    m_window->session()->removeRun(models.at(1));
    QCOMPARE(m_window->session()->models().size(), 3);
    QCOMPARE(m_window->timeline()->models().size(), 3);
    QVERIFY(!m_window->session()->models().contains(models.at(1)));
}

void TestMainWindow::crawlFillsTheFrontierAndTheSiteTree()
{
    m_window->urlEditor()->setText(QStringLiteral("{demo}/site/\n"));
    m_window->urlEditor()->setRepeat(1);
    QCOMPARE(m_window->crawlBox()->isChecked(), false);
    m_window->crawlBox()->setChecked(true);
    QCOMPARE(m_window->settings().perHost, CrawlSettings::DefaultPerHost); // polite by default
    m_window->crawlBox()->depthBox()->setValue(1);
    QSignalSpy finished(m_window->session(), &RunSession::finished);
    QTest::mouseClick(m_window->runButton(), Qt::LeftButton);
    QTRY_VERIFY(m_window->statusLabel()->text().contains(QStringLiteral("Pages")));
    QVERIFY(finished.wait(30'000));

    RunModel *model = m_window->session()->models().first();
    const RunResult &run = model->run();
    QVERIFY(run.settings.crawl.enabled);
    QVERIFY(m_window->timelinePanel()->colourByHost()); // turned on for a crawl
    QCOMPARE(run.records.first().role, RequestRole::Robots);
    const FrontierModel::Counts &counts = m_window->frontier()->frontier()->counts();
    QCOMPARE(counts.skippedBy[std::size_t(SkipReason::Robots)], 2);
    QVERIFY(counts.skippedBy[std::size_t(SkipReason::Depth)] > 0);
    QCOMPARE(counts.hosts, 1);
    // The summary is read where people read it: on its tab (a hidden one catches up when shown).
    auto *tabs = qobject_cast<QTabWidget *>(m_window->frontier()->parentWidget()->parentWidget());
    QVERIFY(tabs);
    tabs->setCurrentWidget(m_window->frontier());
    QVERIFY(m_window->frontier()->summaryLabel()->text().contains(QStringLiteral("skipped")));

    // The tree: the start page, and under it every page it linked to that was requested.
    SiteTreeModel *tree = m_window->siteTree()->siteTree();
    QCOMPARE(tree->rowCount(), 1);
    const QModelIndex root = tree->index(0, 0);
    const int seedId = root.data(SiteTreeModel::IdRole).toInt();
    QCOMPARE(run.records.at(seedId).url.path(), QStringLiteral("/site/"));
    QSet<QString> children;
    for (const auto &record : run.records) {
        if (record.parentId == seedId && record.role == RequestRole::Page)
            children.insert(record.url.toString());
    }
    QCOMPARE(tree->rowCount(root), children.size());

    // Clicking a request in the frontier selects it in the request table.
    QTableView *table = m_window->frontier()->table();
    const int target = run.records.size() - 1;
    m_window->frontier()->selectRecord(target);
    const QModelIndex current = table->currentIndex();
    QVERIFY(current.isValid());
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(current).center());
    QTRY_COMPARE(m_window->requestTable()->currentIndex().data(RunModel::IdRole).toInt(), target);
}

void TestMainWindow::badCrawlPatternIsNamedAndBlocksRun()
{
    m_window->crawlBox()->setChecked(true);
    QVERIFY(m_window->runButton()->isEnabled());
    QLineEdit *exclude = m_window->crawlBox()->excludeEdit();
    exclude->setFocus();
    QTest::keyClicks(exclude, QStringLiteral("a(b"));
    QVERIFY(!m_window->runButton()->isEnabled());
    QVERIFY(m_window->crawlBox()->problem().contains(QStringLiteral("\"a(b\"")));
    QVERIFY(exclude->toolTip().contains(QStringLiteral("a(b")));
    QTest::keyClick(exclude, Qt::Key_Backspace);
    QTest::keyClicks(exclude, QStringLiteral(")"));
    QVERIFY(m_window->runButton()->isEnabled());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
