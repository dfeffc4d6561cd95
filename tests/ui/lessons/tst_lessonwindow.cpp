#include "charts/sweepchart.h"
#include "core/runcaption.h"
#include "demoserver/demoserver.h"
#include "lessons/codepane.h"
#include "lessons/lessonpane.h"
#include "lessons/lessonpanels.h"
#include "limitslider.h"
#include "mainwindow.h"
#include "models/runmodel.h"
#include "session/runsession.h"
#include "timeline/timelinepanel.h"
#include "urleditor.h"

#include <QComboBox>
#include <QImage>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

// The lessons in the window: the Lessons and Presets menus set the controls, the Code pane and the
// prediction follow them live, the measurement stands beside the prediction, and the sweep is a mode.

class TestLessonWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void lessonsMenuSetsUpEachLesson();
    void codeAndPredictionFollowTheControls();
    void thePaneSaysWhenTheWindowLeftTheLessonsRun();
    void presetsSetTheControls();
    void measurementStandsBesideThePrediction();
    void aRemovedRunLeavesTheMeasurement();
    void sweepRunsEachKInOrderAndChartsThem();

private:
    QMenu *menuNamed(const QString &title) const;

    MainWindow *m_window = nullptr;
};

void TestLessonWindow::init()
{
    m_window = new MainWindow;
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestLessonWindow::cleanup()
{
    delete m_window;
    m_window = nullptr;
}

QMenu *TestLessonWindow::menuNamed(const QString &title) const
{
    for (QAction *action : m_window->menuBar()->actions()) {
        if (action->text() == title)
            return action->menu();
    }
    return nullptr;
}

void TestLessonWindow::lessonsMenuSetsUpEachLesson()
{
    QMenu *menu = menuNamed(QStringLiteral("&Lessons"));
    QVERIFY(menu);
    // The lessons are no longer under Samples, which keeps the crawl of the demo site.
    QMenu *samples = menuNamed(QStringLiteral("&Samples"));
    QVERIFY(samples);
    for (QAction *action : samples->actions())
        QVERIFY(!action->text().contains(QLatin1String("Lesson")));

    LessonPane *pane = m_window->lessons()->lessonPane();
    const QList<Lesson> &all = pane->lessonList();
    for (int i = 0; i < all.size(); ++i) {
        menu->actions().at(i)->trigger();
        QCOMPARE(pane->currentLesson(), i);
        QCOMPARE(pane->titleText(), all[i].title);
        const LessonStep &step = all[i].steps.first();
        QCOMPARE(m_window->urlEditor()->urls().size(), step.urls(m_window->demoServer()->baseUrl()).size());
        QCOMPARE(m_window->isSweepMode(), step.isSweep());
        QCOMPARE(m_window->settings().mode, step.settings.mode);
        QCOMPARE(m_window->settings().delayMs, step.settings.delayMs);
        if (step.isSweep())
            QCOMPARE(m_window->sweepLimits(), step.sweepLimits);
        // The prediction is there before anything runs: one per k for the sweep.
        QTRY_VERIFY2(pane->predictionText().startsWith(
                         QLatin1String(step.isSweep() ? "k = 1: predicted" : "predicted")),
                     qPrintable(pane->predictionText()));
    }
    menu->actions().at(2)->trigger(); // Semaphore(3) with the sleep inside: the seed's 8 s
    QTRY_COMPARE(pane->predictionText(), QStringLiteral("predicted 8.00 s"));
    menu->actions().at(1)->trigger();
    QTRY_COMPARE(pane->predictionText(), QStringLiteral("predicted 1.00 s"));
}

void TestLessonWindow::codeAndPredictionFollowTheControls()
{
    CodePane *code = m_window->lessons()->codePane();
    LessonPane *pane = m_window->lessons()->lessonPane();
    m_window->modeBox()->setCurrentIndex(m_window->modeBox()->findData(int(RunMode::Limited)));
    m_window->limitSlider()->setValue(3);
    QTRY_VERIFY(code->text().contains(QLatin1String("asyncio.Semaphore(3)")));
    m_window->limitSlider()->setValue(4);
    QTRY_VERIFY(code->text().contains(QLatin1String("asyncio.Semaphore(4)")));
    // Five requests of 1 s on 4 permits: two rounds.
    QTRY_VERIFY2(pane->predictionText().contains(QLatin1String("2.00 s")),
                 qPrintable(pane->predictionText()));
    QSpinBox *delay = nullptr;
    for (QSpinBox *box : m_window->findChildren<QSpinBox *>()) {
        if (box->maximum() == 600'000)
            delay = box;
    }
    QVERIFY(delay);
    delay->setValue(500);
    QTRY_VERIFY(code->text().contains(QLatin1String("await asyncio.sleep(0.5")));
    m_window->modeBox()->setCurrentIndex(m_window->modeBox()->findData(int(RunMode::Sequential)));
    QTRY_VERIFY(code->text().contains(QLatin1String("requests.get(")));
    m_window->urlEditor()->setText(QStringLiteral("{demo}/delay/200\n"));
    QTRY_VERIFY(code->text().contains(QLatin1String("/delay/200")));
    // Another server's latency is not known: the pane says so.
    m_window->urlEditor()->setText(QStringLiteral("http://example.invalid/\n"));
    QTRY_VERIFY2(pane->predictionText().contains(QLatin1String("not known")),
                 qPrintable(pane->predictionText()));
}

void TestLessonWindow::thePaneSaysWhenTheWindowLeftTheLessonsRun()
{
    LessonPane *pane = m_window->lessons()->lessonPane();
    QMenu *menu = menuNamed(QStringLiteral("&Lessons"));
    QVERIFY(menu);
    menu->actions().at(3)->trigger(); // the hidden limits: three runs
    QCOMPARE(pane->setUpStep(), 0);
    QVERIFY(pane->setupNoteText().isEmpty());
    QTRY_COMPARE(pane->setUpStep(), 0);
    QVERIFY(pane->setupNoteText().isEmpty());
    auto *third = qobject_cast<QPushButton *>(pane->stepButtons().at(2));
    QVERIFY(third);
    third->click();
    // At once, before the window's controls have settled: no moment of the old step or of the note.
    QCOMPARE(pane->setUpStep(), 2);
    QVERIFY(pane->setupNoteText().isEmpty());
    QTRY_COMPARE(pane->setUpStep(), 2);
    QVERIFY(third->isChecked());
    QVERIFY(!qobject_cast<QPushButton *>(pane->stepButtons().at(0))->isChecked());
    // Another number of permits: no longer one of the lesson's runs, and the pane says so.
    m_window->limitSlider()->setValue(m_window->limitSlider()->value() + 1);
    QTRY_COMPARE(pane->setUpStep(), -1);
    QVERIFY(!third->isChecked());
    QVERIFY2(pane->setupNoteText().contains(QLatin1String("different run")),
             qPrintable(pane->setupNoteText()));
    // Back to it by hand: the note goes.
    m_window->limitSlider()->setValue(m_window->limitSlider()->value() - 1);
    QTRY_COMPARE(pane->setUpStep(), 2);
    QVERIFY(pane->setupNoteText().isEmpty());
    // Another URL list, with the lesson's settings.
    m_window->urlEditor()->setText(QStringLiteral("{demo}/delay/200\n"));
    QTRY_COMPARE(pane->setUpStep(), -1);
    QVERIFY(!pane->setupNoteText().isEmpty());
}

void TestLessonWindow::presetsSetTheControls()
{
    QMenu *menu = menuNamed(QStringLiteral("&Presets"));
    QVERIFY(menu);
    QCOMPARE(menu->actions().size(), 7);
    for (QAction *action : menu->actions())
        QVERIFY(action->toolTip().startsWith(QLatin1String("Source: ")));
    menu->actions().at(0)->trigger(); // Scrapy's defaults
    QCOMPARE(m_window->settings().mode, RunMode::Limited);
    QCOMPARE(m_window->settings().limit, 16);
    QCOMPARE(m_window->settings().perHost, 8);
    QCOMPARE(m_window->settings().delayMs, 0);
    menu->actions().at(1)->trigger(); // Scrapy's template
    QCOMPARE(m_window->settings().perHost, 1);
    QCOMPARE(m_window->settings().delayMs, 1000);
    menu->actions().at(2)->trigger(); // a browser
    QCOMPARE(m_window->settings().mode, RunMode::Gather);
    QCOMPARE(m_window->settings().perHost, 6);
    QCOMPARE(m_window->settings().delayMs, 0);
    // The Code pane shows the cap as a semaphore per host.
    QTRY_VERIFY(m_window->lessons()->codePane()->text().contains(QLatin1String("asyncio.Semaphore(6)")));
}

void TestLessonWindow::measurementStandsBesideThePrediction()
{
    m_window->urlEditor()->setText(QStringLiteral("{demo}/delay/30\n"));
    m_window->urlEditor()->setRepeat(4);
    m_window->modeBox()->setCurrentIndex(m_window->modeBox()->findData(int(RunMode::Limited)));
    m_window->limitSlider()->setValue(2);
    LessonPane *pane = m_window->lessons()->lessonPane();
    QTRY_VERIFY(pane->predictionText().contains(QLatin1String("predicted 60")));
    QSignalSpy finished(m_window->session(), &RunSession::finished);
    QTest::mouseClick(m_window->runButton(), Qt::LeftButton);
    QVERIFY(finished.wait(30'000));
    // After the run: the measurement, the prediction and the overhead, in the pane and in the run's header.
    QVERIFY2(pane->measurementText().contains(QLatin1String("measured")),
             qPrintable(pane->measurementText()));
    QVERIFY(pane->measurementText().contains(QLatin1String("predicted 60")));
    QVERIFY(pane->measurementText().contains(QLatin1String("overhead")));
    RunModel *model = m_window->session()->models().first();
    QVERIFY(model->prediction().has_value());
    QCOMPARE(model->prediction()->makespanNs(), 60 * 1'000'000LL);
    RunCaption::Facts facts;
    facts.requests = 4;
    facts.prediction = model->prediction();
    const QString header = RunCaption::header(model->run(), facts);
    QVERIFY2(header.contains(QLatin1String("predicted 60")) && header.contains(QLatin1String("overhead")),
             qPrintable(header));
}

void TestLessonWindow::aRemovedRunLeavesTheMeasurement()
{
    m_window->urlEditor()->setText(QStringLiteral("{demo}/delay/10\n"));
    m_window->urlEditor()->setRepeat(3);
    QSignalSpy finished(m_window->session(), &RunSession::finished);
    m_window->compare();
    QVERIFY(finished.wait(30'000));
    LessonPane *pane = m_window->lessons()->lessonPane();
    const QList<RunModel *> models = m_window->session()->models();
    QCOMPARE(models.size(), 3);
    const QString gather = RunCaption::label(models.at(1)->run().settings);
    QVERIFY2(pane->measurementText().contains(gather + u':'), qPrintable(pane->measurementText()));
    // Taken off the comparison (Runs › Remove): its numbers go from the pane too.
    m_window->session()->removeRun(models.at(1));
    QTRY_VERIFY(!pane->measurementText().contains(gather + u':'));
    QVERIFY(pane->measurementText().contains(RunCaption::label(models.at(0)->run().settings) + u':'));
}

void TestLessonWindow::sweepRunsEachKInOrderAndChartsThem()
{
    m_window->urlEditor()->setText(QStringLiteral("{demo}/delay/20\n"));
    m_window->urlEditor()->setRepeat(8);
    m_window->modeBox()->setCurrentIndex(m_window->modeBox()->findData(int(RunMode::Limited)));
    QVERIFY(!m_window->isSweepMode());
    // The Sweep entry of the mode box, by its text: RunMode has no sweep.
    const int sweepIndex = m_window->modeBox()->count() - 1;
    QVERIFY(m_window->modeBox()->itemText(sweepIndex).startsWith(QLatin1String("Sweep")));
    m_window->modeBox()->setCurrentIndex(sweepIndex);
    QVERIFY(m_window->isSweepMode());
    QVERIFY(m_window->sweepLimitsEdit()->isEnabled());
    // Without ks: 1, 2, 4 ... up to the number of URLs.
    m_window->sweepLimitsEdit()->clear();
    QCOMPARE(m_window->sweepLimits(), (QList<int> {1, 2, 4, 8}));
    m_window->sweepLimitsEdit()->setText(QStringLiteral("1, 2, 4, 8, 16"));
    const QList<int> ks {1, 2, 4, 8, 16};
    QCOMPARE(m_window->sweepLimits(), ks);

    QSignalSpy finished(m_window->session(), &RunSession::finished);
    QTest::mouseClick(m_window->runButton(), Qt::LeftButton);
    QVERIFY(finished.wait(60'000));
    QCOMPARE(finished.first().first().toBool(), false);
    const QList<RunResult> runs = m_window->session()->results();
    QCOMPARE(runs.size(), ks.size());
    for (qsizetype i = 0; i < runs.size(); ++i) {
        QCOMPARE(runs[i].settings.mode, RunMode::Limited);
        QCOMPARE(runs[i].settings.limit, ks[i]);
        QVERIFY(!runs[i].cancelled);
        QCOMPARE(runs[i].records.size(), 8);
        for (const RequestRecord &record : runs[i].records)
            QCOMPARE(record.outcome, Outcome::Ok);
        if (i > 0) // in order: each run started after the one before it
            QVERIFY(runs[i].startedAt >= runs[i - 1].startedAt);
    }
    SweepChart *chart = m_window->lessons()->sweepChart();
    QCOMPARE(chart->measuredPointCount(), ks.size());
    QCOMPARE(chart->predictedPointCount(), ks.size());
    QCOMPARE(chart->curve().points().at(2).predictedNs, 2 * 20 * 1'000'000LL);
    QVERIFY(chart->isVisible()); // the window turned to the chart

    // The picture export draws the sweep chart, not the timeline.
    QTemporaryDir dir;
    QString error;
    const QString path = dir.filePath(QStringLiteral("sweep.png"));
    QVERIFY2(m_window->exportTo(path, &error), qPrintable(error));
    QImage image(path);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), chart->size() * 2);
}

QTEST_MAIN(TestLessonWindow)
#include "tst_lessonwindow.moc"
