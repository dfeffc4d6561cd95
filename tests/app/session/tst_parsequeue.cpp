#include "session/parsequeue.h"

#include <QSignalSpy>
#include <QTest>

// The crawl's parse queue: results come back in arrival order, and the bodies being parsed at once never add
// up to more than the byte budget, however many threads there are and however many pages are waiting.
class TestParseQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesWithinTheByteBudgetInOrder();
    void aPageLargerThanTheBudgetIsParsedAlone();
    void clearDropsWaitingParses();

private:
    static ParseTask pageTask(int links, qsizetype padding);
    /// Pops every entry as it becomes ready, in order; returns how many links each had.
    static QList<qsizetype> drain(ParseQueue &queue, int count);
};

ParseTask TestParseQueue::pageTask(int links, qsizetype padding)
{
    ParseTask task;
    task.kind = ParseTask::Kind::Page;
    task.pageUrl = QUrl(QStringLiteral("http://example.com/"));
    task.contentType = QStringLiteral("text/html");
    for (int i = 0; i < links; ++i)
        task.body += "<a href=/p" + QByteArray::number(i) + ">x</a>";
    task.body += "<p>" + QByteArray(padding, 'w') + "</p>";
    return task;
}

QList<qsizetype> TestParseQueue::drain(ParseQueue &queue, int count)
{
    QList<qsizetype> links;
    QSignalSpy parsed(&queue, &ParseQueue::parsed);
    while (links.size() < count) {
        if (ParseQueue::Entry *head = queue.head()) {
            links.append(head->parsed.links().size());
            queue.pop();
            continue;
        }
        if (!parsed.wait(30'000))
            break;
    }
    return links;
}

void TestParseQueue::parsesWithinTheByteBudgetInOrder()
{
    ParseQueue queue;
    const qsizetype pageBytes = 1024 * 1024;
    queue.setByteBudget(2 * pageBytes + pageBytes / 2); // two pages fit, three do not
    QList<qsizetype> expected;
    for (int i = 0; i < 8; ++i) {
        ParseTask task = pageTask(i + 1, pageBytes);
        QVERIFY(task.body.size() > pageBytes && task.body.size() < pageBytes + 1024);
        queue.push({}, std::move(task));
        expected.append(i + 1);
        // Never more than the budget, even while all eight wait.
        QVERIFY2(queue.bytesInParse() <= queue.byteBudget(),
                 qPrintable(QString::number(queue.bytesInParse())));
    }
    QCOMPARE(drain(queue, 8), expected);
    QVERIFY(queue.isEmpty());
    QCOMPARE(queue.bytesInParse(), 0);
    QVERIFY2(queue.peakBytesInParse() <= queue.byteBudget(),
             qPrintable(QString::number(queue.peakBytesInParse())));
    QVERIFY(queue.peakBytesInParse() > pageBytes); // the budget lets two run side by side
}

void TestParseQueue::aPageLargerThanTheBudgetIsParsedAlone()
{
    ParseQueue queue;
    queue.setByteBudget(64 * 1024);
    ParseTask first = pageTask(3, 256 * 1024);
    const qsizetype largest = first.body.size();
    queue.push({}, std::move(first));
    queue.push({}, pageTask(2, 128 * 1024));
    queue.push({}, pageTask(1, 16));
    QCOMPARE(drain(queue, 3), (QList<qsizetype> {3, 2, 1}));
    // One at a time: the peak is the largest body alone, never two side by side.
    QCOMPARE(queue.peakBytesInParse(), largest);
}

void TestParseQueue::clearDropsWaitingParses()
{
    ParseQueue queue;
    queue.setByteBudget(1);
    for (int i = 0; i < 4; ++i)
        queue.push({}, pageTask(1, 64 * 1024));
    QVERIFY(queue.bytesInParse() > 0);
    queue.clear();
    QVERIFY(queue.isEmpty());
    // The parse that was running still gives its bytes back; the ones waiting never start.
    QTRY_COMPARE(queue.bytesInParse(), 0);
    const qint64 peak = queue.peakBytesInParse();
    queue.push({}, pageTask(5, 16));
    QCOMPARE(drain(queue, 1), (QList<qsizetype> {5}));
    QCOMPARE(queue.peakBytesInParse(), peak);
}

QTEST_GUILESS_MAIN(TestParseQueue)
#include "tst_parsequeue.moc"
