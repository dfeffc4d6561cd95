#include "replay/replaycontroller.h"

#include <QDockWidget>
#include <QLineEdit>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QVBoxLayout>

#include "export/exporter.h"
#include "mainwindow.h"
#include "models/runmodel.h"
#include "replay/gatepicture.h"
#include "replay/replaybar.h"
#include "replay/replayclock.h"
#include "replay/replayscrubber.h"
#include "semaphorelesson.h"
#include "session/runsession.h"
#include "timeline/inflightstrip.h"
#include "timeline/timelinepanel.h"
#include "timeline/timelineview.h"

using SemaphoreLesson::Ms;

// Replay in a window: the clock, the timeline's cut, the strip, the scrubber and the gate picture move
// together, and the keys go to the replay only while it has the keyboard.
class TestReplayController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void gatePictureCountsAreTheRecords_data();
    void gatePictureCountsAreTheRecords();
    void everythingMovesTogether();
    void keysPlayAndStepWhenReplayHasTheKeyboard();
    void keysAreLeftToTheUrlEditor();
    void stopShowsTheRunsWhole();
    void aLiveRunIsNotReplayed();
    void aNewRunEndsTheReplay();
    void theWindowReplaysAnOpenedFile_data();
    void theWindowReplaysAnOpenedFile();

private:
    RunResult m_run;
    std::unique_ptr<QWidget> m_window;
    RunModel *m_model = nullptr;
    TimelinePanel *m_panel = nullptr;
    QLineEdit *m_editor = nullptr;
    ReplayController *m_replay = nullptr;
};

void TestReplayController::init()
{
    m_run = SemaphoreLesson::run();
    m_window = std::make_unique<QWidget>();
    m_model = new RunModel(m_window.get());
    m_model->setRun(m_run);
    m_editor = new QLineEdit(m_window.get());
    m_panel = new TimelinePanel(m_window.get());
    m_panel->setModels({m_model});
    m_replay = new ReplayController(m_panel, m_window.get());
    auto *layout = new QVBoxLayout(m_window.get());
    layout->addWidget(m_editor);
    layout->addWidget(m_replay->bar());
    layout->addWidget(m_panel, 1);
    layout->addWidget(m_replay->gateDock());
    m_window->resize(1000, 700);
}

void TestReplayController::cleanup()
{
    m_window.reset();
}

void TestReplayController::gatePictureCountsAreTheRecords_data()
{
    QTest::addColumn<qint64>("atMs");
    for (const qint64 ms : {0,    1,    2,    500,  995,  1000, 1001, 1500, 2000, 2001,
                            2500, 3500, 4004, 4500, 6009, 6500, 7018, 7500, 8017, 8018})
        QTest::addRow("%lld ms", ms) << qint64(ms);
}

void TestReplayController::gatePictureCountsAreTheRecords()
{
    QFETCH(qint64, atMs);
    QVERIFY(m_replay->start({m_model}));
    m_replay->clock()->seek(atMs * Ms);
    const GatePicture *picture = m_replay->gatePicture();
    QCOMPARE(picture->runCount(), 1);
    const ReplaySnapshot &shown = picture->snapshot(0);
    const SemaphoreLesson::Counts expected = SemaphoreLesson::countsAt(m_run, atMs * Ms);
    QCOMPARE(shown.atNs, atMs * Ms);
    QCOMPARE(shown.waiting, expected.waiting);
    QCOMPARE(shown.inFlight, expected.inFlight);
    QCOMPARE(shown.delaying, expected.delaying);
    QCOMPARE(shown.held, expected.inFlight + expected.delaying); // seats taken
    QCOMPARE(shown.capacity, 3);
    QCOMPARE(picture->caption(0),
             QStringLiteral(
                 "Semaphore(3): %1 taken, %2 free · %3 waiting · %4 in flight · %5 sleeping with a permit")
                 .arg(shown.held)
                 .arg(3 - shown.held)
                 .arg(expected.waiting)
                 .arg(expected.inFlight)
                 .arg(expected.delaying));
}

void TestReplayController::everythingMovesTogether()
{
    QSignalSpy activity(m_replay, &ReplayController::activityChanged);
    QVERIFY(m_replay->start({m_model}));
    QVERIFY(m_replay->bar()->isVisibleTo(m_window.get()));
    QCOMPARE(m_panel->view()->cutNs(), 0);
    m_replay->bar()->scrubber()->seekRequested(2500 * Ms);
    QCOMPARE(m_replay->clock()->timeNs(), 2500 * Ms);
    QCOMPARE(m_panel->view()->cutNs(), 2500 * Ms);
    QCOMPARE(m_panel->strip()->cutNs(), 2500 * Ms);
    QCOMPARE(m_replay->bar()->scrubber()->timeNs(), 2500 * Ms);
    QCOMPARE(m_replay->gatePicture()->snapshot(0).atNs, 2500 * Ms);
    QCOMPARE(activity.last(), (QList<QVariant> {4, 3, 0}));
    // The timeline's track is drawn as at 2.5 s: request 3 is in flight, cut there.
    const TimelineLayout::Track &track = m_panel->view()->layout().tracks().front();
    QCOMPARE(track.nowNs(), 2500 * Ms);
    QCOMPARE(track.bars[3].at(track.nowNs()).t[5], 2500 * Ms);
}

void TestReplayController::keysPlayAndStepWhenReplayHasTheKeyboard()
{
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY(m_replay->start({m_model}));
    QToolButton *play = m_replay->bar()->playButton();
    QTRY_COMPARE(QApplication::focusWidget(), play);
    ReplayClock *clock = m_replay->clock();
    QTest::keyClick(play, Qt::Key_Right);
    QCOMPARE(clock->timeNs(), clock->timeline().events().at(1));
    QTest::keyClick(play, Qt::Key_Right);
    QCOMPARE(clock->timeNs(), clock->timeline().events().at(2));
    QTest::keyClick(play, Qt::Key_Left);
    QCOMPARE(clock->timeNs(), clock->timeline().events().at(1));
    QTest::keyClick(play, Qt::Key_Space);
    QVERIFY(clock->isPlaying());
    QTest::keyClick(play, Qt::Key_Space);
    QVERIFY(!clock->isPlaying());
    // With the focus on the timeline too.
    m_panel->view()->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), m_panel->view());
    QTest::keyClick(m_panel->view(), Qt::Key_Right);
    QCOMPARE(clock->timeNs(), clock->timeline().events().at(2));
}

void TestReplayController::keysAreLeftToTheUrlEditor()
{
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY(m_replay->start({m_model}));
    m_editor->setText(QStringLiteral("http://a.test/"));
    m_editor->setFocus();
    m_editor->setCursorPosition(0);
    QTRY_COMPARE(QApplication::focusWidget(), m_editor);
    QTest::keyClick(m_editor, Qt::Key_Right);
    QTest::keyClick(m_editor, Qt::Key_Right);
    QTest::keyClick(m_editor, Qt::Key_Left);
    QTest::keyClick(m_editor, Qt::Key_Space);
    QCOMPARE(m_editor->text(), QStringLiteral("h ttp://a.test/"));
    QCOMPARE(m_replay->clock()->timeNs(), 0);
    QVERIFY(!m_replay->clock()->isPlaying());
}

void TestReplayController::stopShowsTheRunsWhole()
{
    QSignalSpy active(m_replay, &ReplayController::activeChanged);
    QVERIFY(m_replay->start({m_model}));
    m_replay->clock()->seek(3000 * Ms);
    m_replay->stop();
    QCOMPARE(active.count(), 2);
    QVERIFY(!m_replay->isActive());
    QCOMPARE(m_panel->view()->cutNs(), -1);
    QCOMPARE(m_panel->strip()->cutNs(), -1);
    QVERIFY(!m_replay->bar()->isVisibleTo(m_window.get()));
    QVERIFY(!m_replay->gateDock()->isVisibleTo(m_window.get()));
    const TimelineLayout::Track &track = m_panel->view()->layout().tracks().front();
    QCOMPARE(track.nowNs(), m_model->endNs());
}

void TestReplayController::aLiveRunIsNotReplayed()
{
    m_model->beginRun(7, m_run.settings, QDateTime::currentDateTimeUtc());
    QVERIFY(!m_replay->start({m_model}));
    QVERIFY(!m_replay->isActive());
    QVERIFY(m_replay->clock()->isEmpty());
}

void TestReplayController::aNewRunEndsTheReplay()
{
    QVERIFY(m_replay->start({m_model}));
    m_replay->clock()->seek(3000 * Ms);
    m_model->beginRun(8, m_run.settings, QDateTime::currentDateTimeUtc());
    QVERIFY(!m_replay->isActive());
    QCOMPARE(m_panel->view()->cutNs(), -1);
}

void TestReplayController::theWindowReplaysAnOpenedFile_data()
{
    QTest::addColumn<QString>("extension");
    QTest::newRow("json") << QStringLiteral("json");
    QTest::newRow("csv") << QStringLiteral("csv");
    QTest::newRow("har") << QStringLiteral("har");
}

void TestReplayController::theWindowReplaysAnOpenedFile()
{
    QFETCH(QString, extension);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lesson3.") + extension);
    QString error;
    QVERIFY2(exportRuns({m_run}, path, &error), qPrintable(error));
    MainWindow window;
    QVERIFY2(window.openFile(path, &error), qPrintable(error));
    QTRY_COMPARE(window.session()->models().size(), 1);
    QAction *replay = nullptr;
    for (QAction *menu : window.menuBar()->actions()) {
        for (QAction *action : menu->menu()->actions()) {
            if (action->text() == MainWindow::tr("&Replay"))
                replay = action;
        }
    }
    QVERIFY(replay);
    replay->trigger();
    QVERIFY(window.replay()->isActive());
    QVERIFY(replay->isChecked());
    ReplayClock *clock = window.replay()->clock();
    QCOMPARE(clock->endNs(), m_run.endNs);
    for (const qint64 ms : {500, 1500, 2500, 7500}) {
        clock->seek(ms * Ms);
        const SemaphoreLesson::Counts expected = SemaphoreLesson::countsAt(m_run, ms * Ms);
        const ReplaySnapshot &shown = window.replay()->gatePicture()->snapshot(0);
        QCOMPARE(shown.waiting, expected.waiting);
        QCOMPARE(shown.inFlight, expected.inFlight);
        QCOMPARE(shown.delaying, expected.delaying);
        QCOMPARE(window.timeline()->cutNs(), ms * Ms);
    }
    replay->trigger();
    QVERIFY(!window.replay()->isActive());
    QCOMPARE(window.timeline()->cutNs(), -1);
}

QTEST_MAIN(TestReplayController)
#include "tst_replaycontroller.moc"
