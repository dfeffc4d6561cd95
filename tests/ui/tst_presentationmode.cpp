#include "limitslider.h"
#include "mainwindow.h"
#include "ownsettings.h"
#include "presentationmode.h"
#include "timeline/timelinepanel.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

// View › Presentation as a teacher uses it: F11 in, everything larger, the slim bar drives the run, the text
// zooms with Ctrl+= / Ctrl+- / Ctrl+0, and Esc comes back to the window as it was.

class TestPresentationMode : public QObject
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
    void f11FoldsThePanelsAndEnlargesTheText();
    void slimBarDrivesTheWindowsControls();
    void ctrlKeysZoomTheText();
    void escapeLeaves();

private:
    QTemporaryDir m_settings;
    QWidget *settingsPanel() const;

    MainWindow *m_window = nullptr;
    double m_basePointSize = 0;
};

void TestPresentationMode::init()
{
    m_basePointSize = QApplication::font().pointSizeF();
    m_window = new MainWindow;
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestPresentationMode::cleanup()
{
    m_window->presentation()->setActive(false);
    m_window->presentation()->setTextZoom(1.0);
    delete m_window;
    m_window = nullptr;
    QCOMPARE(QApplication::font().pointSizeF(), m_basePointSize);
}

QWidget *TestPresentationMode::settingsPanel() const
{
    return qobject_cast<QSplitter *>(m_window->centralWidget())->widget(0);
}

void TestPresentationMode::f11FoldsThePanelsAndEnlargesTheText()
{
    QVERIFY(settingsPanel()->isVisible());
    auto *lessonDock = m_window->findChild<QDockWidget *>(QStringLiteral("lessonDock"));
    QVERIFY(lessonDock);
    lessonDock->show();
    QVERIFY(lessonDock->isVisible());
    QTest::keyClick(m_window, Qt::Key_F11);
    PresentationMode *presentation = m_window->presentation();
    QVERIFY(presentation->isActive());
    QVERIFY(m_window->windowState() & Qt::WindowFullScreen);
    QVERIFY(!settingsPanel()->isVisible());
    QVERIFY(presentation->bar()->isVisible());
    // The timeline alone under the bar: the table and charts are folded away too.
    QSplitter *results = nullptr;
    for (QWidget *up = m_window->timelinePanel()->parentWidget(); up && !results; up = up->parentWidget())
        results = qobject_cast<QSplitter *>(up);
    QVERIFY(results);
    QWidget *below = results->widget(1);
    QVERIFY(!below->isVisible());
    // The lesson's and code's docks fold away with the panels, and come back on leaving.
    for (const QDockWidget *dock : m_window->findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly))
        QVERIFY2(!dock->isVisible(), qPrintable(dock->objectName()));
    QCOMPARE(QApplication::font().pointSizeF(), m_basePointSize * PresentationMode::PresentationZoom);
    // The timeline's text follows the application's.
    QTRY_COMPARE(m_window->timelinePanel()->font().pointSizeF(), QApplication::font().pointSizeF());
}

void TestPresentationMode::slimBarDrivesTheWindowsControls()
{
    m_window->presentation()->setActive(true);
    PresentationMode *presentation = m_window->presentation();
    presentation->barModeBox()->setCurrentIndex(2);
    QCOMPARE(m_window->modeBox()->currentIndex(), 2);
    presentation->barSlider()->setValue(7);
    QCOMPARE(m_window->limitSlider()->value(), 7);
    m_window->limitSlider()->setValue(4);
    QCOMPARE(presentation->barSlider()->value(), 4);
    const QList<QAction *> actions = presentation->bar()->actions();
    QVERIFY(actions.contains(m_window->runAction()));
    QVERIFY(actions.contains(m_window->compareAction()));
    QVERIFY(actions.contains(m_window->stopAction()));
}

void TestPresentationMode::ctrlKeysZoomTheText()
{
    QTest::keyClick(m_window, Qt::Key_Equal, Qt::ControlModifier);
    QVERIFY(QApplication::font().pointSizeF() > m_basePointSize);
    QTest::keyClick(m_window, Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(QApplication::font().pointSizeF(), m_basePointSize);
    QTest::keyClick(m_window, Qt::Key_Minus, Qt::ControlModifier);
    QVERIFY(QApplication::font().pointSizeF() < m_basePointSize);
}

void TestPresentationMode::escapeLeaves()
{
    QTest::keyClick(m_window, Qt::Key_F11);
    QVERIFY(m_window->presentation()->isActive());
    QTest::keyClick(m_window, Qt::Key_Escape);
    QVERIFY(!m_window->presentation()->isActive());
    QVERIFY(!(m_window->windowState() & Qt::WindowFullScreen));
    QVERIFY(settingsPanel()->isVisible());
    QSplitter *results = nullptr;
    for (QWidget *up = m_window->timelinePanel()->parentWidget(); up && !results; up = up->parentWidget())
        results = qobject_cast<QSplitter *>(up);
    QVERIFY(results);
    QVERIFY(results->widget(1)->isVisible());
    QVERIFY(!m_window->presentation()->bar()->isVisible());
    QCOMPARE(QApplication::font().pointSizeF(), m_basePointSize);
}

QTEST_MAIN(TestPresentationMode)
#include "tst_presentationmode.moc"
