#include "core/storedurl.h"
#include "core/urlarena.h"

#include <QHash>
#include <QTest>

#include <memory>

// A record keeps its URLs as encoded bytes; every URL must come back as the QUrl it was, valid or not, and
// compare and hash like it.
class TestStoredUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void givesTheSameUrlBack_data();
    void givesTheSameUrlBack();
    void keepsOnePointer();
    void sharesBytesWhenCopied();
    void copiesOutliveTheOriginal_data();
    void copiesOutliveTheOriginal();
    void comparesAndHashesByUrl();
    void parsesAUrlReadAgainOnce();
    void arenaPacksUrlsThatOutliveIt();
    void arenaKeepsWhatItCannotPack();
    void arenaStoresARepeatedUrlOnce();
};

void TestStoredUrl::givesTheSameUrlBack_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::newRow("empty") << QUrl();
    QTest::newRow("plain") << QUrl(QStringLiteral("http://127.0.0.1:4000/delay/0?i=5"));
    QTest::newRow("non-ascii path") << QUrl(QStringLiteral("http://example.test/ä b"));
    QTest::newRow("encoded slash") << QUrl(QStringLiteral("http://example.test/a%2Fb%41?q=a%20b#frag"));
    QTest::newRow("upper-case scheme and host") << QUrl(QStringLiteral("HTTP://Example.TEST/a/../b"));
    QTest::newRow("query and fragment") << QUrl(QStringLiteral("http://example.test/a?b=c&d=e#f"));
    QTest::newRow("sub-delimiters") << QUrl(QStringLiteral("http://example.test/a+b;c=d,e!$'()*?x=1+2&y=~"));
    QTest::newRow("brackets and braces") << QUrl(QStringLiteral("http://example.test/a[b]?y={z}|^`"));
    QTest::newRow("empty query") << QUrl(QStringLiteral("http://example.test/?"));
    QTest::newRow("ipv6") << QUrl(QStringLiteral("http://[::1]:80/p"));
    QTest::newRow("user and password") << QUrl(QStringLiteral("https://user:pw@example.test/"));
    QTest::newRow("idn") << QUrl(QStringLiteral("http://예시.테스트/경로"));
    QTest::newRow("relative") << QUrl(QStringLiteral("relative/path"));
    QTest::newRow("invalid") << QUrl(QStringLiteral("http://a b/"));
}

void TestStoredUrl::givesTheSameUrlBack()
{
    QFETCH(QUrl, url);
    const StoredUrl stored(url);
    QCOMPARE(stored.toUrl(), url);
    QCOMPARE(stored.toUrl().errorString(), url.errorString());
    QCOMPARE(stored.isValid(), url.isValid());
    QCOMPARE(stored.isEmpty(), url.isEmpty());
    QCOMPARE(stored.toString(QUrl::FullyEncoded), url.toString(QUrl::FullyEncoded));
    QCOMPARE(stored.toString(), url.toString());
    QCOMPARE(stored.toDisplayString(), url.toDisplayString());
    QCOMPARE(stored.toEncoded(), url.toEncoded());
    QCOMPARE(stored.host(), url.host());
    QCOMPARE(stored.path(), url.path());
    QVERIFY(stored == url);
    QVERIFY(url == stored);
    QVERIFY(stored == StoredUrl(url));
    QCOMPARE(qHash(stored), qHash(StoredUrl(url)));
    const QUrl other(QStringLiteral("http://other.test/"));
    QVERIFY(stored != StoredUrl(other));
    QVERIFY(stored != other);
}

void TestStoredUrl::keepsOnePointer()
{
    static_assert(sizeof(StoredUrl) == sizeof(void *)); // two in every record of a million-request run
    const StoredUrl stored(QUrl(QStringLiteral("http://example.test/a?b=c")));
    QCOMPARE(stored.encoded(), QByteArray("http://example.test/a?b=c"));
    QCOMPARE(stored.encodedView(), QByteArrayView("http://example.test/a?b=c"));
    QCOMPARE(stored.encoded().constData(), stored.encodedView().data()); // shared, not copied
    QCOMPARE(stored.encoded().constData()[stored.encoded().size()], '\0');
    QByteArray changed = stored.encoded();
    changed[0] = 'H'; // a change detaches: the stored bytes stay as they were
    changed.append("#x");
    QCOMPARE(stored.encoded(), QByteArray("http://example.test/a?b=c"));
    QCOMPARE(stored.toUrl(), QUrl(QStringLiteral("http://example.test/a?b=c")));
}

void TestStoredUrl::sharesBytesWhenCopied()
{
    const StoredUrl stored(QUrl(QStringLiteral("http://example.test/a")));
    const StoredUrl copy
        = stored; // NOLINT(performance-unnecessary-copy-initialization): the copy is the point
    QCOMPARE(copy.encoded().constData(), stored.encoded().constData());
}

void TestStoredUrl::copiesOutliveTheOriginal_data()
{
    QTest::addColumn<QUrl>("url");
    QTest::newRow("valid") << QUrl(QStringLiteral("http://example.test/kept?i=1"));
    QTest::newRow("invalid") << QUrl(QStringLiteral("http://a b/"));
    QTest::newRow("empty") << QUrl();
    QTest::newRow("long") << QUrl(QStringLiteral("http://example.test/") + QString(70000, u'a'));
}

void TestStoredUrl::copiesOutliveTheOriginal()
{
    QFETCH(QUrl, url);
    StoredUrl copy;
    StoredUrl moved;
    {
        auto original = std::make_unique<StoredUrl>(url);
        copy = *original;
        StoredUrl second(*original);
        moved = std::move(second);
        QVERIFY(second.isEmpty()); // NOLINT(bugprone-use-after-move): a moved-from URL is empty
        original.reset();
    }
    QCOMPARE(copy.toUrl(), url);
    QCOMPARE(moved.toUrl(), url);
    QCOMPARE(copy.toUrl().errorString(), url.errorString());
    QCOMPARE(copy.isValid(), url.isValid());
    QCOMPARE(copy.isEmpty(), url.isEmpty());
    QCOMPARE(copy.toEncoded(), url.toEncoded());
    QVERIFY(copy == moved);
    copy = copy; // NOLINT(clang-diagnostic-self-assign-overloaded): keeps its reference
    QCOMPARE(copy.toUrl(), url);
    copy.clear();
    QVERIFY(copy.isEmpty());
    QCOMPARE(moved.toUrl(), url);
}

void TestStoredUrl::comparesAndHashesByUrl()
{
    const QUrl valid(QStringLiteral("http://example.test/same"));
    const QUrl invalid(QStringLiteral("http://a b/"));
    UrlArena arena;
    const StoredUrl packed = arena.store(valid);
    const StoredUrl alone(valid);
    // Different blocks, the same URL: equal, and the same hash, so a QHash<StoredUrl, …> finds either.
    QVERIFY(packed.encodedView().data() != alone.encodedView().data());
    QVERIFY(packed == alone);
    QCOMPARE(qHash(packed, 7), qHash(alone, 7));
    const StoredUrl invalidA(invalid);
    const StoredUrl invalidB = arena.store(invalid);
    QVERIFY(invalidA == invalidB);
    QCOMPARE(qHash(invalidA), qHash(invalidB));
    QVERIFY(!(invalidA == packed));
    QVERIFY(!(packed == invalidA));
    QVERIFY(!(StoredUrl() == packed));
    QVERIFY(!(StoredUrl() == invalidA));
    QVERIFY(StoredUrl() == StoredUrl(QUrl()));
    QVERIFY(!(arena.store(QUrl(QStringLiteral("http://example.test/samf"))) == packed));
    QHash<StoredUrl, int> counts;
    ++counts[packed];
    ++counts[alone];
    ++counts[invalidA];
    ++counts[invalidB];
    QCOMPARE(counts.size(), 2);
    QCOMPARE(counts.value(StoredUrl(valid)), 2);
    QCOMPARE(counts.value(StoredUrl(invalid)), 2);
}

void TestStoredUrl::parsesAUrlReadAgainOnce()
{
    const StoredUrl stored(QUrl(QStringLiteral("http://example.test/again")));
    const StoredUrl copy
        = stored; // NOLINT(performance-unnecessary-copy-initialization): another record's copy
    QUrl first = stored.toUrl();
    QUrl second = copy.toUrl();
    QCOMPARE(second, first);
    QCOMPARE(second.data_ptr(), first.data_ptr()); // the same parse, shared
}

void TestStoredUrl::arenaPacksUrlsThatOutliveIt()
{
    QList<QUrl> urls;
    QList<StoredUrl> stored;
    {
        UrlArena arena;
        for (int i = 0; i < 5000; ++i) { // more than one buffer's worth
            urls.append(QUrl(QStringLiteral("http://127.0.0.1:4000/delay/0?i=%1").arg(i)));
            stored.append(arena.store(urls.last()));
        }
        // Packed: the second URL's bytes follow the first one's, its terminating zero, the alignment and the
        // second one's 4-byte header.
        const QByteArrayView first = stored[0].encodedView();
        const qsizetype gap = stored[1].encodedView().data() - (first.data() + first.size() + 1);
        QVERIFY2(gap >= 4 && gap < 8, QByteArray::number(gap).constData());
        arena.clear();
        stored.append(arena.store(urls.first()));
        urls.append(urls.first());
    } // the arena is gone; its buffers live on in the URLs
    QByteArray changed = stored[0].encoded();
    changed.append("#x"); // a copy that grows must not write into the next URL's bytes
    changed[0] = 'H';
    for (qsizetype i = 0; i < urls.size(); ++i) {
        QCOMPARE(stored[i].encoded(), urls[i].toEncoded());
        QCOMPARE(stored[i].encoded().constData()[stored[i].encoded().size()], '\0');
        QCOMPARE(stored[i].toUrl(), urls[i]);
        QCOMPARE(stored[i].toDisplayString(), urls[i].toDisplayString());
        QVERIFY(stored[i] == StoredUrl(urls[i]));
        QCOMPARE(qHash(stored[i]), qHash(StoredUrl(urls[i])));
    }
}

void TestStoredUrl::arenaKeepsWhatItCannotPack()
{
    UrlArena arena;
    const QUrl invalid(QStringLiteral("http://a b/"));
    QCOMPARE(arena.store(invalid).toUrl().errorString(), invalid.errorString());
    QVERIFY(arena.store(QUrl()).isEmpty());
    const QUrl longUrl(QStringLiteral("http://example.test/") + QString(20000, u'a'));
    QCOMPARE(arena.store(longUrl).toUrl(), longUrl);
}

// A run of --repeat N stores one URL N times in a row: it takes the room of one, and reads back whole.
void TestStoredUrl::arenaStoresARepeatedUrlOnce()
{
    UrlArena arena;
    const QUrl url(QStringLiteral("http://127.0.0.1:4000/delay/100"));
    const StoredUrl first = arena.store(url);
    const StoredUrl again = arena.store(QUrl(url.toString())); // equal, not a copy of the same QUrl
    QCOMPARE(again.encodedView().data(), first.encodedView().data());
    QCOMPARE(again.toUrl(), url);

    // Only the last one: another URL in between is packed after it, and the first comes back new.
    const QUrl other(QStringLiteral("http://127.0.0.1:4000/delay/200"));
    const StoredUrl between = arena.store(other);
    QVERIFY(between.encodedView().data() > first.encodedView().data());
    const StoredUrl third = arena.store(url);
    QVERIFY(third.encodedView().data() > between.encodedView().data());
    QCOMPARE(third.toUrl(), url);
    QCOMPARE(arena.store(other).toUrl(), other);

    arena.clear(); // what it handed out stays valid, and the next store packs anew
    QCOMPARE(first.toUrl(), url);
    QVERIFY(arena.store(url).encodedView().data() != third.encodedView().data());
}

QTEST_GUILESS_MAIN(TestStoredUrl)
#include "tst_storedurl.moc"
