#include "core/storedurl.h"
#include "core/urlarena.h"

#include <QTest>

// A record keeps its URLs as encoded bytes; every URL must come back as the QUrl it was, valid or not, and
// compare and hash like it.
class TestStoredUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void givesTheSameUrlBack_data();
    void givesTheSameUrlBack();
    void keepsOneAllocationForAValidUrl();
    void sharesBytesWhenCopied();
    void parsesAUrlReadAgainOnce();
    void arenaPacksUrlsThatOutliveIt();
    void arenaKeepsWhatItCannotPack();
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

void TestStoredUrl::keepsOneAllocationForAValidUrl()
{
    const StoredUrl stored(QUrl(QStringLiteral("http://example.test/a?b=c")));
    QCOMPARE(stored.encoded(), QByteArray("http://example.test/a?b=c"));
    QCOMPARE(stored.encoded().capacity(), stored.encoded().size()); // no room kept to grow: it never does
}

void TestStoredUrl::sharesBytesWhenCopied()
{
    const StoredUrl stored(QUrl(QStringLiteral("http://example.test/a")));
    const StoredUrl copy
        = stored; // NOLINT(performance-unnecessary-copy-initialization): the copy is the point
    QCOMPARE(copy.encoded().constData(), stored.encoded().constData());
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
        // Packed: the second URL's bytes follow the first one's and its terminating zero.
        QCOMPARE(stored[1].encoded().constData(),
                 stored[0].encoded().constData() + stored[0].encoded().size() + 1);
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

QTEST_GUILESS_MAIN(TestStoredUrl)
#include "tst_storedurl.moc"
