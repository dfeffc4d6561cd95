#include "closeguard.h"
#include "exportfolder.h"
#include "input/samples.h"
#include "limitslider.h"
#include "mainwindow.h"
#include "session/runsession.h"
#include "timeline/timelinelegend.h"
#include "timeline/timelinepanel.h"
#include "timeline/timelineview.h"
#include "urleditor.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

// The defects a new user met, each as that user met it, against the built-in demo server.

class TestClassroomDefects : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();
    void settingsTheEngineCannotChangeAreLockedWithAReason();
    void sliderIsLockedDuringCompareWithAReason();
    void closingDuringARunAsksFirst();
    void exportDialogProposesAPngAsAPng();
    void aCrawlGivesTheLessonItsColoursBack();

private:
    void startSlowRun(bool compare);

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

void TestClassroomDefects::exportDialogProposesAPngAsAPng()
{
    QAction *exportAction = nullptr;
    for (QAction *action : m_window->menuBar()->actions().first()->menu()->actions()) {
        if (action->text() == QStringLiteral("&Export…"))
            exportAction = action;
    }
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
