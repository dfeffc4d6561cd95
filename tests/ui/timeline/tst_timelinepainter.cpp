#include "charts/lessonruns.h"
#include "models/runmodel.h"
#include "timeline/timelinepainter.h"
#include "timeline/timelineview.h"

#include <QImage>
#include <QTest>

// What the painter says and draws where the lesson's users looked: gate tags after a drag of the slider, the
// headers of a narrow pane, and the ideal schedule in lanes.

class TestTimelinePainter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gateTagsMergeABurst();
    void headerElidesInTheMiddle();
    void headerShortensItsLeadBeforeTheWall();
    void emptyHintFitsAShortView();
    void idealShowsInLanes();
    void crawlRowsSayTheirPath();
};

void TestTimelinePainter::gateTagsMergeABurst()
{
    const QFontMetrics metrics {QFont()};
    // 3 → 7 by a drag: 4, 5, 6 and 7 within a few pixels, then 2 far later.
    const std::vector<std::pair<qint64, int>> changes {{50, 4}, {51, 5}, {52, 6}, {53, 7}, {900, 2}};
    const std::vector<int> xs {100, 101, 103, 104, 700};
    const QList<TimelinePainter::GateTag> tags = TimelinePainter::gateTags(changes, xs, 3, metrics);
    QCOMPARE(tags.size(), 2);
    QCOMPARE(tags.at(0).x, 100);
    QCOMPARE(tags.at(0).text, QStringLiteral("gate 3 → 7"));
    QCOMPARE(tags.at(1).x, 700);
    QCOMPARE(tags.at(1).text, QStringLiteral("gate → 2"));
}

void TestTimelinePainter::headerElidesInTheMiddle()
{
    // As RunCaption::header writes it: the measurement first, the settings after.
    const QString title = QStringLiteral(
        "Limited: semaphore of 3  ·  wall 8.02 s  ·  ideal 8.02 s  ·  2.5× faster than sequential  ·  "
        "predicted 8.00 s, overhead 15 ms (0.2 %)  ·  peak 3 in flight  ·  delay 1000 ms  ·  10 requests");
    const QFontMetrics metrics {QFont()};
    const int width = metrics.horizontalAdvance(title) / 2;
    const QString shown = TimelinePainter::headerText(title, metrics, width, QStringLiteral("Limited (3)"),
                                                      QStringLiteral("2.5× faster than sequential"));
    QVERIFY(metrics.horizontalAdvance(shown) <= width);
    QVERIFY(shown.startsWith(QStringLiteral("Limited")));
    // The settings give way before the measurement: the wall and the speed-up stay.
    QVERIFY2(shown.contains(QStringLiteral("wall 8.02 s")), qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("faster than sequential")), qPrintable(shown));
    QVERIFY2(!shown.contains(QStringLiteral("10 requests")), qPrintable(shown));
}

void TestTimelinePainter::headerShortensItsLeadBeforeTheWall()
{
    // A compare in a pane 500 px wide: the gather's wall must not give way to "(all at once)".
    const QString title = QStringLiteral(
        "Gather (all at once)  ·  wall 1.00 s  ·  ideal 1.00 s  ·  5.0× faster than sequential  ·  "
        "predicted 1.00 s, overhead 3.7 ms (0.4 %)  ·  peak 5 in flight  ·  5 requests");
    const QString expected = QStringLiteral("Gather  ·  wall 1.00 s  ·  5.0× faster than sequential  ·  …");
    const QFontMetrics metrics {QFont()};
    const int width = metrics.horizontalAdvance(expected) + 2;
    const QString gather = QStringLiteral("Gather");
    const QString speedUp = QStringLiteral("5.0× faster than sequential");
    QCOMPARE(TimelinePainter::headerText(title, metrics, width, gather, speedUp), expected);
    // Wide enough for the long lead with the facts after it: the lead stays long.
    const QString wide = QStringLiteral(
        "Gather (all at once)  ·  wall 1.00 s  ·  ideal 1.00 s  ·  5.0× faster than sequential  ·  …");
    QCOMPARE(
        TimelinePainter::headerText(title, metrics, metrics.horizontalAdvance(wide) + 2, gather, speedUp),
        wide);
    // Korean says the speed-up without a "×": it is kept because it is the speed-up, not by how it reads.
    const QString korean
        = QStringLiteral("동시 실행(gather, 모두 한꺼번에)  ·  실제 1.00초  ·  이상 1.00초  ·  "
                         "순차보다 5.0배 빠름  ·  예측 1.00초  ·  요청 5개");
    const QString koreanShown
        = QStringLiteral("동시 실행(gather, 모두 한꺼번에)  ·  실제 1.00초  ·  순차보다 5.0배 빠름  ·  …");
    QCOMPARE(TimelinePainter::headerText(korean, metrics, metrics.horizontalAdvance(koreanShown) + 2,
                                         QStringLiteral("동시 실행"), QStringLiteral("순차보다 5.0배 빠름")),
             koreanShown);
}

void TestTimelinePainter::emptyHintFitsAShortView()
{
    const QFontMetrics metrics {QFont()};
    const QString hint
        = QStringLiteral("No run yet. Press Run: every request becomes a bar here, from queued to done.");
    const QString keys
        = QStringLiteral("Ctrl+wheel zooms, Shift+wheel or dragging pans, F fits the whole run.");
    const int wide = metrics.horizontalAdvance(hint) + metrics.horizontalAdvance(keys);
    const auto height = [&](const QString &text, const QRect &box) {
        return metrics.boundingRect(box, Qt::AlignCenter | Qt::TextWordWrap, text).height();
    };

    // Room for everything: the keys go under the hint.
    const QRect tall(0, 0, wide, metrics.lineSpacing() * 6);
    QCOMPARE(TimelinePainter::emptyHint(hint, keys, metrics, tall), hint + QLatin1Char('\n') + keys);

    // A narrow strip just as high as the hint wrapped in it: the keys give way.
    const int narrowWidth = metrics.horizontalAdvance(hint) * 2 / 5;
    const QRect narrow(0, 0, narrowWidth, height(hint, QRect(0, 0, narrowWidth, 10'000)));
    QVERIFY(narrow.height() > metrics.lineSpacing()); // wrapped
    QCOMPARE(TimelinePainter::emptyHint(hint, keys, metrics, narrow), hint);

    // One line high (a projector's scale 2 in a 720-pixel window): the hint on one line, elided, drawn whole.
    const QRect strip(0, 0, metrics.horizontalAdvance(hint) / 2, metrics.lineSpacing() + 2);
    const QString shown = TimelinePainter::emptyHint(hint, keys, metrics, strip);
    QVERIFY(shown.startsWith(QStringLiteral("No run yet.")));
    QVERIFY(shown.endsWith(QChar(0x2026)));
    QVERIFY(height(shown, strip) <= strip.height());
    QVERIFY(metrics.horizontalAdvance(shown) <= strip.width());
}

void TestTimelinePainter::idealShowsInLanes()
{
    RunModel model;
    // A limited run slower than its ideal, so the ghosts stand apart from the bars.
    RunResult run = LessonRuns::scheduled(1, RunMode::Limited, QList<qint64>(6, 1000));
    for (RequestRecord &record : run.records)
        record.set(Mark::Issued, record.at(Mark::Issued) + 200 * LessonRuns::Ms);
    model.setRun(run);
    TimelineView view;
    view.resize(800, 300);
    view.setModels({&model});
    view.setLaneMode(true);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.fit();
    const auto grab = [&view] {
        QImage image(view.viewport()->size(), QImage::Format_ARGB32);
        view.viewport()->render(&image);
        return image;
    };
    const QImage without = grab();
    view.setShowIdeal(true);
    const QImage with = grab();
    int changed = 0;
    for (int y = 0; y < with.height(); ++y) {
        for (int x = 0; x < with.width(); ++x)
            changed += with.pixel(x, y) != without.pixel(x, y) ? 1 : 0;
    }
    QVERIFY2(changed > 100, qPrintable(QString::number(changed)));
}

void TestTimelinePainter::crawlRowsSayTheirPath()
{
    RunResult run = LessonRuns::scheduled(1, RunMode::Limited, QList<qint64>(3, 100));
    const QStringList paths {QStringLiteral("/"), QStringLiteral("/about"), QStringLiteral("/blog/post-1")};
    for (int i = 0; i < 3; ++i)
        run.records[i].url = QUrl(QStringLiteral("http://site.example") + paths.at(i));
    RunModel lesson;
    lesson.setRun(run);
    run.settings.crawl.enabled = true;
    RunModel crawl;
    crawl.setRun(run);
    TimelineView view;
    view.setModels({&lesson, &crawl});
    const auto &tracks = view.layout().tracks();
    QCOMPARE(int(tracks.size()), 2);
    for (int i = 0; i < 3; ++i) {
        // The lesson's bars say their time; a crawl's say which page first.
        QVERIFY(!TimelinePainter::barLabel(tracks[0], tracks[0].bars[std::size_t(i)])
                     .contains(paths.at(i) + u' '));
        const QString label = TimelinePainter::barLabel(tracks[1], tracks[1].bars[std::size_t(i)]);
        QVERIFY2(label.startsWith(paths.at(i) + QStringLiteral(" · ")), qPrintable(label));
    }
}

QTEST_MAIN(TestTimelinePainter)
#include "tst_timelinepainter.moc"
