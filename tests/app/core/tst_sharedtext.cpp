#include "core/sharedtext.h"

#include <QSet>
#include <QTest>
#include <QThread>

#include <atomic>
#include <vector>

// A record's content type and error as one pointer: reads see the QString it was made from, copies share
// one node, and the node outlives every copy on any thread.
class TestSharedText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsOnePointer();
    void readsAsTheString_data();
    void readsAsTheString();
    void emptyHoldsNoNode();
    void copiesShareOneNode();
    void comparesAndHashesByText();
    void internsThroughASet();
    void copiesOnOtherThreadsKeepTheNode();
};

void TestSharedText::keepsOnePointer()
{
    static_assert(sizeof(SharedText) == sizeof(void *));
}

void TestSharedText::readsAsTheString_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("content type") << QStringLiteral("text/html; charset=utf-8");
    QTest::newRow("error") << QStringLiteral("Connection refused");
    QTest::newRow("non-ascii") << QStringLiteral("연결이 거부되었습니다 ✗");
}

void TestSharedText::readsAsTheString()
{
    QFETCH(QString, text);
    const SharedText shared(text);
    const QString &read = shared; // the conversion call sites use
    QCOMPARE(read, text);
    QCOMPARE(shared.toString(), text);
    QVERIFY(!shared.isEmpty());
    QVERIFY(shared == text);
    QVERIFY(!(shared != text));
    QVERIFY(shared != QString(text + u'x'));
    SharedText assigned;
    assigned = text;
    QCOMPARE(assigned.toString(), text);
}

void TestSharedText::emptyHoldsNoNode()
{
    const SharedText none;
    const SharedText fromEmpty {QString()};
    const SharedText fromBlank {QStringLiteral("")};
    QVERIFY(none.isEmpty() && fromEmpty.isEmpty() && fromBlank.isEmpty());
    // All three share "no node": equal without a comparison, and read as the same empty string.
    QVERIFY(none.sharesWith(fromEmpty) && none.sharesWith(fromBlank));
    QVERIFY(none == QString());
    QCOMPARE(&none.toString(), &fromBlank.toString());
    SharedText cleared(QStringLiteral("x"));
    cleared.clear();
    QVERIFY(cleared.isEmpty());
    QVERIFY(cleared == none);
}

void TestSharedText::copiesShareOneNode()
{
    SharedText original(QStringLiteral("text/html"));
    const SharedText copy = original;
    QVERIFY(copy.sharesWith(original));
    QCOMPARE(&copy.toString(), &original.toString());
    SharedText moved = std::move(original);
    QVERIFY(moved.sharesWith(copy));
    original = QStringLiteral("text/plain"); // a new node: the others keep theirs
    QVERIFY(!original.sharesWith(copy));
    QCOMPARE(copy.toString(), QStringLiteral("text/html"));
    moved = copy;
    moved = moved; // NOLINT(clang-diagnostic-self-assign-overloaded): must keep the node alive
    QCOMPARE(moved.toString(), QStringLiteral("text/html"));
}

void TestSharedText::comparesAndHashesByText()
{
    const SharedText a(QStringLiteral("Connection refused"));
    const SharedText b(QStringLiteral("Connection refused"));
    QVERIFY(!a.sharesWith(b)); // two nodes
    QVERIFY(a == b);
    QCOMPARE(qHash(a), qHash(b));
    QCOMPARE(qHash(a, 7), qHash(QStringLiteral("Connection refused"), 7));
    QVERIFY(a != SharedText(QStringLiteral("Connection reset")));
    QVERIFY(a != SharedText());
    QVERIFY(SharedText() != a);
}

void TestSharedText::internsThroughASet()
{
    // What the recorder does: the first node with a text is kept, later equal ones are replaced by it.
    QSet<SharedText> interned;
    SharedText first(QStringLiteral("text/html"));
    interned.insert(first);
    SharedText later(QStringLiteral("text/html"));
    const auto known = interned.constFind(later);
    QVERIFY(known != interned.cend());
    later = *known;
    QVERIFY(later.sharesWith(first));
}

void TestSharedText::copiesOnOtherThreadsKeepTheNode()
{
    // Records cross threads in queued signals: copies made and dropped on several threads at once must leave
    // the count right, so the last one standing still reads the text (ASan/TSan builds catch a wrong count).
    const SharedText shared(QStringLiteral("text/html; charset=utf-8"));
    std::atomic<int> mismatches = 0;
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back(QThread::create([&shared, &mismatches] {
            for (int i = 0; i < 20'000; ++i) {
                const SharedText copy = shared;
                SharedText other;
                other = copy;
                if (other.toString() != QLatin1String("text/html; charset=utf-8"))
                    ++mismatches;
            }
        }));
        threads.back()->start();
    }
    for (const auto &thread : threads)
        QVERIFY(thread->wait(60'000));
    QCOMPARE(mismatches.load(), 0);
    QCOMPARE(shared.toString(), QStringLiteral("text/html; charset=utf-8"));
}

QTEST_GUILESS_MAIN(TestSharedText)
#include "tst_sharedtext.moc"
