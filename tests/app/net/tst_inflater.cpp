#include "net/inflater.h"

#include <QTest>

#include <zlib.h>

// The fetch's own gzip/deflate decoding: it decodes a body in pieces, names corrupt data, and never inflates
// past the bound its caller gives, which is what lets a fetch stop a compression bomb after its threshold
// instead of after the whole of a small chunk's hundreds of megabytes.
namespace {

QByteArray gzip(const QByteArray &data)
{
    z_stream z {};
    if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(qsizetype(deflateBound(&z, uLong(data.size()))), Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    z.avail_in = uInt(data.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    const int result = deflate(&z, Z_FINISH);
    out.resize(qsizetype(z.total_out));
    deflateEnd(&z);
    return result == Z_STREAM_END ? out : QByteArray();
}

} // namespace

class TestInflater : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesInPieces();
    void onlyKnownEncodings();
    void namesCorruptData();
    void stopsAtTheCallersBound();
};

void TestInflater::decodesInPieces()
{
    QByteArray text;
    for (int i = 0; i < 5000; ++i)
        text += "<a href=\"/page/" + QByteArray::number(i) + "\">page</a>\n";
    const QByteArray packed = gzip(text);
    QVERIFY(!packed.isEmpty());
    Inflater inflater;
    QVERIFY(inflater.begin("gzip"));
    QByteArray out;
    QString error;
    for (qsizetype at = 0; at < packed.size(); at += 777)
        out += inflater.feed(packed.mid(at, 777), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(out, text);
}

void TestInflater::onlyKnownEncodings()
{
    Inflater inflater;
    QVERIFY(!inflater.begin("br"));
    QVERIFY(!inflater.isActive());
    QVERIFY(inflater.begin(" GZIP "));
    QVERIFY(inflater.begin("deflate"));
}

void TestInflater::namesCorruptData()
{
    Inflater inflater;
    QVERIFY(inflater.begin("gzip"));
    QString error;
    // The size comes from the array: a count typed by hand read past the literal (found by ASan).
    static const char corrupt[] = "\x1f\x8b\x08\x00garbage that is not deflate";
    const QByteArray out = inflater.feed(QByteArray(corrupt, sizeof corrupt - 1), &error);
    QVERIFY(out.isEmpty());
    QVERIFY2(error.startsWith(QLatin1String("corrupt compressed body")), qPrintable(error));
}

void TestInflater::stopsAtTheCallersBound()
{
    // 64 MiB of zeros pack into about 64 KiB: one chunk of a bomb.
    const QByteArray bomb = gzip(QByteArray(64 * 1024 * 1024, '\0'));
    QVERIFY(!bomb.isEmpty() && bomb.size() < 256 * 1024);
    constexpr qint64 Bound = 1024 * 1024;
    Inflater inflater;
    QVERIFY(inflater.begin("gzip"));
    QString error;
    const QByteArray out = inflater.feed(bomb, &error, Bound);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // Past the bound, by at most the one buffer that crossed it.
    QVERIFY2(out.size() > Bound, qPrintable(QString::number(out.size())));
    QVERIFY2(out.size() <= Bound + 64 * 1024, qPrintable(QString::number(out.size())));

    // Without a bound the same chunk inflates whole.
    Inflater whole;
    QVERIFY(whole.begin("gzip"));
    QCOMPARE(whole.feed(bomb, &error).size(), qsizetype(64 * 1024 * 1024));
}

QTEST_GUILESS_MAIN(TestInflater)
#include "tst_inflater.moc"
