#include "charts/lessonruns.h"
#include "exportactions.h"
#include "mainwindow.h"
#include "ownsettings.h"
#include "pictureexport.h"
#include "session/runsession.h"
#include "slideexport.h"
#include "timeline/timelinepalette.h"
#include "timeline/timelinepanel.h"
#include "timeline/timelineview.h"

#include <QImage>

#include <QScrollBar>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>
#include <cstdlib>

// The slide is laid out from the runs, not copied from the window: a shrunk window scrolled to its bottom
// still exports every run and every row, on 16:9, without scroll bars.

class TestSlideExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void slideHoldsEveryRunAndRowWhateverTheWindowShows();
    void fileExportWritesTheSlideNotTheView();
    void svgHasRealTextAndPdfATitle();
    void whatISeeIsItsOwnAction();

private:
    void shrinkAndScrollToTheBottom();

    MainWindow *m_window = nullptr;
    QTemporaryDir m_dir;
};

void TestSlideExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    keepSettingsIn(m_dir.path());
}

void TestSlideExport::init()
{
    m_window = new MainWindow;
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    // The lesson's third program, compared: ten requests per mode, thirty rows.
    const QList<qint64> durations(10, 1000);
    m_window->session()->showRuns({LessonRuns::scheduled(1, RunMode::Sequential, durations),
                                   LessonRuns::scheduled(2, RunMode::Gather, durations),
                                   LessonRuns::scheduled(3, RunMode::Limited, durations)});
}

void TestSlideExport::cleanup()
{
    delete m_window;
    m_window = nullptr;
}

void TestSlideExport::shrinkAndScrollToTheBottom()
{
    m_window->resize(700, 480);
    // The timeline squeezed by its splitter, as a user drags it down to read the table.
    QSplitter *splitter = nullptr;
    for (QWidget *up = m_window->timelinePanel()->parentWidget(); up && !splitter; up = up->parentWidget())
        splitter = qobject_cast<QSplitter *>(up);
    QVERIFY(splitter);
    splitter->setSizes({120, 600});
    QCoreApplication::processEvents();
    TimelineView *view = m_window->timeline();
    QScrollBar *bar = view->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    bar->setValue(bar->maximum());
    // What the window shows now is far from everything.
    QVERIFY(view->viewport()->height() < view->layout().contentHeight());
}

void TestSlideExport::slideHoldsEveryRunAndRowWhateverTheWindowShows()
{
    shrinkAndScrollToTheBottom();
    const SlideExport slide(m_window->session()->models(),
                            SlideExport::Options::of(m_window->timelinePanel()));
    const SlideExport::Layout &layout = slide.layout();
    QCOMPARE(layout.size, QSize(1920, 1080));
    QCOMPARE(layout.size.width() * 9, layout.size.height() * 16);
    QCOMPARE(layout.runs, 3);
    QCOMPARE(layout.trackRows, (QList<int> {10, 10, 10}));
    QVERIFY(layout.allRowsShown);
    QVERIFY(!layout.scrollBars);
    QVERIFY(layout.rowHeight >= 6);
    QVERIFY(layout.trackTitles.at(1).contains(QStringLiteral("faster than sequential")));
    QVERIFY(layout.titleText.contains(QStringLiteral("Sequential vs Gather vs Limited (3)")));
    QVERIFY(
        m_window->timelinePanel()->rect().contains(QRect(QPoint(0, 0), m_window->timelinePanel()->size())));
    QVERIFY(layout.timeline.bottom() <= layout.size.height());
    QVERIFY(layout.title.bottom() <= layout.timeline.top());
}

void TestSlideExport::fileExportWritesTheSlideNotTheView()
{
    shrinkAndScrollToTheBottom();
    const QString path = m_dir.filePath(QStringLiteral("lesson.png"));
    QString error;
    QVERIFY2(m_window->exportTo(path, &error), qPrintable(error));
    QImage image(path);
    QVERIFY(!image.isNull());
    // 16:9 at twice 1920×1080, whatever size the window had.
    QCOMPARE(image.size(), QSize(3840, 2160));
    // Every row is there: down the column of 0.5 s, each request that was waiting for its response then is
    // a bar of its own: the sequential run's first, the gather's ten and the limited run's first three.
    const QColor green = TimelinePalette::phaseColor(PhaseSpans::Phase::FirstByte);
    const auto isGreen = [&green](QRgb pixel) {
        return std::abs(qRed(pixel) - green.red()) < 40 && std::abs(qGreen(pixel) - green.green()) < 40
            && std::abs(qBlue(pixel) - green.blue()) < 40;
    };
    const int x = image.width() / 20;
    int bars = 0;
    bool inBar = false;
    for (int y = 0; y < image.height(); ++y) {
        const bool onBar = isGreen(image.pixel(x, y));
        bars += onBar && !inBar ? 1 : 0;
        inBar = onBar;
    }
    QCOMPARE(bars, 14);
}

void TestSlideExport::svgHasRealTextAndPdfATitle()
{
    shrinkAndScrollToTheBottom();
    QString error;
    const QString svg = m_dir.filePath(QStringLiteral("lesson.svg"));
    const QString pdf = m_dir.filePath(QStringLiteral("lesson.pdf"));
    QVERIFY2(m_window->exportTo(svg, &error), qPrintable(error));
    QVERIFY2(m_window->exportTo(pdf, &error), qPrintable(error));
    QFile svgFile(svg);
    QVERIFY(svgFile.open(QIODevice::ReadOnly));
    const QByteArray svgText = svgFile.readAll();
    QVERIFY(svgText.contains("<text"));
    QVERIFY(svgText.contains("faster than sequential"));
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    const QByteArray pdfBytes = pdfFile.readAll();
    QVERIFY(pdfBytes.startsWith("%PDF"));
    QVERIFY(pdfBytes.contains("/Title"));
}

void TestSlideExport::whatISeeIsItsOwnAction()
{
    shrinkAndScrollToTheBottom();
    ExportActions *actions = m_window->exportActions();
    QVERIFY(actions->slideAction()->text().contains(QStringLiteral("Slide")));
    QVERIFY(actions->whatISeeAction()->text().contains(QStringLiteral("What I See")));
    const QString path = m_dir.filePath(QStringLiteral("seen.png"));
    QString error;
    QVERIFY2(actions->exportWhatISee(path, &error), qPrintable(error));
    // The view as shown: the panel's size, not a slide's.
    QCOMPARE(QImage(path).size(), m_window->timelinePanel()->size() * 2);
}

QTEST_MAIN(TestSlideExport)
#include "tst_slideexport.moc"
