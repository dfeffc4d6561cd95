#include "charts/lessonruns.h"
#include "charts/summarycharts.h"
#include "mainwindow.h"
#include "models/runmodel.h"
#include "openedrunpanel.h"
#include "ownsettings.h"
#include "session/runsession.h"
#include "settings/language.h"
#include "timeline/inflightstrip.h"
#include "timeline/timelinelegend.h"
#include "timeline/timelinepanel.h"
#include "timeline/timelineview.h"
#include "urleditor.h"
#include "windowfit.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QFile>
#include <QFontDatabase>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

// The window on a 1280×720 projector, run at 100 %, at 200 % (QT_SCALE_FACTOR=2, a logical screen of
// 640×360) and at 200 % in Korean: the controls are on the screen, the lesson's rows keep their height, the
// legend leaves them room, and the charts' axes say their numbers instead of "…".

namespace {

/// The column of run settings that scrolls on a short screen.
QScrollArea *settingsScroll(const MainWindow *window)
{
    return window->findChild<QScrollArea *>(QStringLiteral("settingsScroll"));
}

} // namespace

class TestScreenFit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void fittedGeometryStaysOnTheScreen();
    void controlsAreOnTheScreen();
    void windowLeavesRoomForItsFrame();
    void settingsLeaveTheTimelineTheRoom();
    void urlCountIsAboveTheFold_data();
    void urlCountIsAboveTheFold();
    void lessonRowsAreAtLeastSixPixels();
    void legendLeavesTheRowsRoom();
    void chartAxisLabelsAreWhole();

private:
    MainWindow *m_window = nullptr;
};

void TestScreenFit::initTestCase()
{
    QCOMPARE(QGuiApplication::primaryScreen()->geometry().size()
                 * QGuiApplication::primaryScreen()->devicePixelRatio(),
             QSize(1280, 720));
    qInfo("device pixel ratio %g", QGuiApplication::primaryScreen()->devicePixelRatio());
    // The language, and with it the font, the system asks for: tst_screenfit_hidpi_ko runs these in Korean.
    const QString language = Language::apply(QString());
    qInfo("language %s", qPrintable(language));
    if (qEnvironmentVariable("LANGUAGE").startsWith(u"ko")) {
        QCOMPARE(language, QStringLiteral("ko"));
        QVERIFY2(!QFontDatabase::families(QFontDatabase::Korean).isEmpty(),
                 "no font writes Hangul: install fonts-noto-cjk (packaging/debian-packages.txt)");
    }
}

void TestScreenFit::init()
{
    m_window = new MainWindow;
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    const QList<qint64> durations(10, 1000);
    m_window->session()->showRuns({LessonRuns::scheduled(1, RunMode::Sequential, durations),
                                   LessonRuns::scheduled(2, RunMode::Gather, durations),
                                   LessonRuns::scheduled(3, RunMode::Limited, durations)});
    QCoreApplication::processEvents();
}

void TestScreenFit::cleanup()
{
    delete m_window;
    m_window = nullptr;
}

void TestScreenFit::fittedGeometryStaysOnTheScreen()
{
    const QRect projector(0, 0, 1280, 690);
    const QRect fitted = WindowFit::fittedGeometry(projector, QSize(1400, 860), QSize(600, 400), QRect());
    QVERIFY(projector.contains(fitted));
    // A saved geometry that no longer fits (a bigger screen last time) is not brought back.
    const QRect saved(100, 100, 1400, 860);
    QVERIFY(WindowFit::fittedGeometry(projector, QSize(1400, 860), QSize(600, 400), saved) != saved);
    const QRect fits(50, 40, 1000, 600);
    QCOMPARE(WindowFit::fittedGeometry(projector, QSize(1400, 860), QSize(600, 400), fits), fits);
    // On a big screen the preferred size, centred.
    const QRect big(0, 0, 2560, 1400);
    QCOMPARE(WindowFit::fittedGeometry(big, QSize(1400, 860), QSize(600, 400), QRect()).size(),
             QSize(1400, 860));
}

void TestScreenFit::controlsAreOnTheScreen()
{
    const QRect screen = m_window->screen()->availableGeometry();
    QVERIFY2(screen.contains(m_window->frameGeometry()),
             qPrintable(QStringLiteral("window %1,%2 %3×%4 on a screen of %5×%6")
                            .arg(m_window->frameGeometry().x())
                            .arg(m_window->frameGeometry().y())
                            .arg(m_window->frameGeometry().width())
                            .arg(m_window->frameGeometry().height())
                            .arg(screen.width())
                            .arg(screen.height())));
    for (QWidget *control :
         {static_cast<QWidget *>(m_window->runButton()), static_cast<QWidget *>(m_window->compareButton()),
          static_cast<QWidget *>(m_window->stopButton()), static_cast<QWidget *>(m_window->statusBar())}) {
        QVERIFY(control->isVisible());
        const QRect global(control->mapToGlobal(QPoint(0, 0)), control->size());
        QVERIFY2(screen.contains(global), control->metaObject()->className());
        QVERIFY(control->height() > 0 && control->width() > 10);
    }
}

void TestScreenFit::windowLeavesRoomForItsFrame()
{
    // The offscreen platform draws no title bar. In Korean at 200 % the window could not be made shorter
    // than 706 px of a 720 px screen, and a window manager's title bar pushed the status bar off it.
    const QSize room = m_window->screen()->availableGeometry().size() - WindowFit::FrameRoom;
    const QSize needed = m_window->minimumSizeHint();
    QVERIFY2(needed.height() <= room.height() && needed.width() <= room.width(),
             qPrintable(QStringLiteral("the window needs %1×%2 px of %3×%4")
                            .arg(needed.width())
                            .arg(needed.height())
                            .arg(room.width())
                            .arg(room.height())));
}

void TestScreenFit::settingsLeaveTheTimelineTheRoom()
{
    // At 200 % the settings column took more than half the width, and still scrolled sideways.
    auto *splitter = m_window->findChild<QSplitter *>(QStringLiteral("mainSplitter"));
    QVERIFY(splitter);
    const int settings = splitter->widget(0)->width();
    const int results = splitter->widget(1)->width();
    QVERIFY2(results >= settings,
             qPrintable(QStringLiteral("settings %1, results %2").arg(settings).arg(results)));
    QScrollArea *scroll = settingsScroll(m_window);
    QVERIFY(scroll);
    QVERIFY2(!scroll->horizontalScrollBar()->isVisible(),
             qPrintable(QStringLiteral("the settings need %1 of %2 px")
                            .arg(scroll->widget()->minimumSizeHint().width())
                            .arg(scroll->viewport()->width())));
}

void TestScreenFit::urlCountIsAboveTheFold_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("opened");
    const QString shortUrls = QStringLiteral("{demo}/delay/100\n{demo}/delay/200\n{demo}/delay/300");
    QTest::newRow("short URLs") << shortUrls << false;
    // Lines do not wrap: a URL wider than the column brings a scroll bar under the lines.
    QTest::newRow("a URL wider than the column")
        << shortUrls + QStringLiteral("\n{demo}/delay/100?") + QString(300, u'x') << false;
    // A run opened from a file: its note and buttons stand over the settings.
    QTest::newRow("an opened run") << QString() << true;
}

void TestScreenFit::urlCountIsAboveTheFold()
{
    // The settings scroll on a short screen. The text box took its full default height there, and the count
    // of URLs and requests under it, with the repeat, sat below the fold at 200 %: a teacher changing the
    // repeat had to scroll to see what it made.
    QFETCH(QString, text);
    QFETCH(bool, opened);
    UrlEditor *urls = m_window->urlEditor();
    if (opened) {
        RunResult run = m_window->session()->models().constLast()->run();
        for (RequestRecord &record : run.records)
            record.url = QUrl(QStringLiteral("http://127.0.0.1:8000/delay/%1").arg(record.id));
        m_window->openedRun()->showRun(run);
    } else
        urls->setText(text);
    QCOMPARE(m_window->openedRun()->isVisible(), opened);
    // The layout settles over a few turns of the event loop: the box's scroll bar, its new hint, the
    // settings' new minimum, the scroll area's new size. The checks then still wait for anything later.
    for (int turn = 0; turn < 8; ++turn)
        QCoreApplication::processEvents();

    // The text box still shows the four lines it asks for, above the scroll bar if there is one.
    const QPlainTextEdit *editor = urls->editor();
    const int lines = 4 * editor->fontMetrics().lineSpacing();
    QTRY_VERIFY2(editor->viewport()->height() >= lines,
                 qPrintable(QStringLiteral("%1 px for four lines of %2 px")
                                .arg(editor->viewport()->height())
                                .arg(lines / 4)));

    QScrollArea *scroll = settingsScroll(m_window);
    QVERIFY(scroll);
    QCOMPARE(scroll->verticalScrollBar()->value(), 0);
    for (QWidget *below :
         {static_cast<QWidget *>(urls->summaryLabel()), static_cast<QWidget *>(urls->repeatBox())}) {
        const auto shown
            = [&] { return QRect(below->mapTo(scroll->viewport(), QPoint(0, 0)), below->size()); };
        QTRY_VERIFY2(scroll->viewport()->rect().contains(shown()),
                     qPrintable(QStringLiteral("%1 at %2,%3 %4×%5 in a view of %6×%7 px")
                                    .arg(QString::fromLatin1(below->metaObject()->className()))
                                    .arg(shown().x())
                                    .arg(shown().y())
                                    .arg(shown().width())
                                    .arg(shown().height())
                                    .arg(scroll->viewport()->width())
                                    .arg(scroll->viewport()->height())));
    }
}

void TestScreenFit::lessonRowsAreAtLeastSixPixels()
{
    TimelineView *view = m_window->timeline();
    QTRY_COMPARE(view->rowCount(), 30);
    QVERIFY2(view->rowHeight() >= 6, qPrintable(QString::number(view->rowHeight())));
    // Enlarging the pane gives the rows their height again without pressing F.
    const double before = view->rowHeight();
    m_window->timelinePanel()->resize(m_window->timelinePanel()->width(),
                                      m_window->timelinePanel()->height() * 3);
    QCoreApplication::processEvents();
    QVERIFY(view->rowHeight() >= before);
}

void TestScreenFit::legendLeavesTheRowsRoom()
{
    TimelineView *view = m_window->timeline();
    TimelineLegend *legend = view->legend();
    const int wanted = legend->heightForWidth(view->width() - view->verticalScrollBar()->sizeHint().width());
    QRect rows = view->viewport()->geometry();
    // On the shortest view (Korean at 200 %) the rows come first: the legend gives way only where it would
    // leave them less than one and a half times its height.
    if (legend->isHidden()) {
        QVERIFY2(
            rows.height() - wanted < 3 * wanted / 2,
            qPrintable(QStringLiteral("rows %1 px, a legend of %2 hidden").arg(rows.height()).arg(wanted)));
        // It comes back when the view grows.
        m_window->timelinePanel()->resize(m_window->timelinePanel()->width(),
                                          m_window->timelinePanel()->height() * 3);
        QTRY_VERIFY(!legend->isHidden());
        rows = view->viewport()->geometry();
    }
    QVERIFY(!legend->geometry().intersects(rows));
    // At most a quarter of the view: the rest folds into the legend's "more" entry.
    QVERIFY2(legend->height() <= std::max(view->height() / 4, QFontMetrics(legend->font()).height() + 10),
             qPrintable(QStringLiteral("legend %1 of %2").arg(legend->height()).arg(view->height())));
    QVERIFY2(rows.height() >= 3 * legend->height() / 2,
             qPrintable(
                 QStringLiteral("rows %1 px over a legend of %2").arg(rows.height()).arg(legend->height())));
}

void TestScreenFit::chartAxisLabelsAreWhole()
{
    SummaryCharts *charts = m_window->charts();
    // The charts tab, shown at the size the window gives it.
    auto *tabs = qobject_cast<QTabWidget *>(charts->parentWidget()->parentWidget());
    QVERIFY(tabs);
    tabs->setCurrentWidget(charts);
    QCoreApplication::processEvents();
    for (int index = 0; index < SummaryCharts::ChartCount; ++index) {
        charts->setCurrentIndex(index);
        QCoreApplication::processEvents();
        QChartView *view = charts->chartView(index);
        QVERIFY(view->isVisible());
        int labels = 0;
        for (QGraphicsItem *item : view->scene()->items()) {
            QString text;
            if (auto *simple = dynamic_cast<QGraphicsSimpleTextItem *>(item))
                text = simple->text();
            else if (auto *rich = dynamic_cast<QGraphicsTextItem *>(item))
                text = rich->toPlainText();
            if (text.isEmpty() || !item->isVisible())
                continue;
            ++labels;
            QVERIFY2(!text.contains(QChar(0x2026)) && !text.endsWith(QStringLiteral("...")),
                     qPrintable(QStringLiteral("chart %1 shows \"%2\"").arg(index).arg(text)));
        }
        QVERIFY(labels > 0);
    }
}

int main(int argc, char *argv[])
{
    // A 1280×720 screen, as a classroom projector; the ctest entry for 200 % adds QT_SCALE_FACTOR=2.
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("screen.json"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        return 1;
    file.write(
        R"({"screens":[{"name":"projector","x":0,"y":0,"width":1280,"height":720,"logicalDpi":96,"logicalBaseDpi":96}]})");
    file.close();
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + config.toLocal8Bit());
    keepSettingsIn(dir.path()); // the three runs of this test (100 %, 200 %, Korean) go side by side
    QApplication app(argc, argv);
    TestScreenFit test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_screenfit.moc"
