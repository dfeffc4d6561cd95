#include "lessons/lessonpane.h"

#include <QApplication>
#include <QHash>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>

// The Lesson pane: it shows each lesson whole, sets up its runs, and follows the UI language.

namespace {

// A translator with a few of the Korean lines of resources/translations/incoming/lesson.tsv: enough to see
// the pane read its texts again when the language changes.
class KoreanTranslator : public QTranslator
{
public:
    KoreanTranslator()
    {
        m_table.insert(
            {QByteArrayLiteral("Lessons"), QByteArrayLiteral("1. Sequential: one request at a time")},
            QStringLiteral("1. 순차: 한 번에 요청 하나"));
        m_table.insert({QByteArrayLiteral("LessonPane"), QByteArrayLiteral("What to notice")},
                       QStringLiteral("눈여겨볼 점"));
    }
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char * = nullptr,
                      int = -1) const override
    {
        return m_table.value({QByteArray(context), QByteArray(sourceText)});
    }

private:
    QHash<std::pair<QByteArray, QByteArray>, QString> m_table;
};

} // namespace

class TestLessonPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsEachLessonWhole();
    void buttonsSetUpTheLessonsRuns();
    void switchesLanguageWithTheUi();
};

void TestLessonPane::showsEachLessonWhole()
{
    LessonPane pane;
    pane.setDemoBase(QUrl(QStringLiteral("http://127.0.0.1:4321")));
    const QList<Lesson> &all = pane.lessonList();
    QCOMPARE(all.size(), 5);
    for (int i = 0; i < all.size(); ++i) {
        pane.showLesson(i);
        QCOMPARE(pane.currentLesson(), i);
        QCOMPARE(pane.titleText(), all[i].title);
        QCOMPARE(pane.explanationText(), all[i].explanation);
        QCOMPARE(pane.noticeText(), all[i].notice);
        QCOMPARE(pane.stepButtons().size(), all[i].steps.size());
        // Its program is written against the demo server it was given.
        QVERIFY(pane.programText().contains(QLatin1String("http://127.0.0.1:4321")));
    }
    pane.showLesson(0);
    QVERIFY(pane.programText().contains(QLatin1String("requests.get(")));
    pane.showLesson(2);
    QVERIFY(pane.programText().contains(QLatin1String("asyncio.Semaphore(3)")));
    QVERIFY(pane.programText().contains(QLatin1String("await asyncio.sleep(1.0)")));
    pane.showLesson(1);
    QVERIFY(pane.programText().contains(QLatin1String("asyncio.gather")));
}

void TestLessonPane::buttonsSetUpTheLessonsRuns()
{
    LessonPane pane;
    pane.show();
    pane.showLesson(3); // the hidden limits: three runs
    QCOMPARE(pane.stepButtons().size(), 3);
    QSignalSpy chosen(&pane, &LessonPane::stepChosen);
    QTest::mouseClick(qobject_cast<QPushButton *>(pane.stepButtons().at(1)), Qt::LeftButton);
    QCOMPARE(chosen.size(), 1);
    const auto step = chosen.first().first().value<LessonStep>();
    QCOMPARE(step.settings.perHost, 6);
    QCOMPARE(step.settings.mode, RunMode::Gather);

    pane.setPrediction(QStringLiteral("predicted 5.00 s"));
    QCOMPARE(pane.predictionText(), QStringLiteral("predicted 5.00 s"));
    pane.setMeasurement(QStringLiteral("measured 5.02 s"));
    QCOMPARE(pane.measurementText(), QStringLiteral("measured 5.02 s"));
    pane.showLesson(4); // another lesson: the old measurement does not belong to it
    QVERIFY(pane.measurementText().isEmpty());
}

void TestLessonPane::switchesLanguageWithTheUi()
{
    LessonPane pane;
    pane.showLesson(0);
    const QString english = pane.titleText();
    QCOMPARE(english, QStringLiteral("1. Sequential: one request at a time"));

    KoreanTranslator korean;
    QVERIFY(QCoreApplication::installTranslator(&korean)); // sends LanguageChange to every widget
    QTRY_COMPARE(pane.titleText(), QStringLiteral("1. 순차: 한 번에 요청 하나"));
    QVERIFY(pane.findChildren<QLabel *>().size() > 0);
    bool headingTranslated = false;
    for (const QLabel *label : pane.findChildren<QLabel *>())
        headingTranslated |= label->text() == QStringLiteral("눈여겨볼 점");
    QVERIFY(headingTranslated);
    QCOMPARE(pane.currentLesson(), 0); // the reader stays on their lesson

    QVERIFY(QCoreApplication::removeTranslator(&korean));
    QTRY_COMPARE(pane.titleText(), english);
}

QTEST_MAIN(TestLessonPane)
#include "tst_lessonpane.moc"
