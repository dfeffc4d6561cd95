#include "core/printable.h"

#include <QTest>

class TestPrintable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bytes_data();
    void bytes();
    void text();
};

void TestPrintable::bytes_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QByteArray("120") << QStringLiteral("120");
    QTest::newRow("escape sequence") << QByteArray("\x1b[2J") << QStringLiteral("\\x1b[2J");
    QTest::newRow("invalid UTF-8") << QByteArray("caf\xe9") << QStringLiteral("caf\\xe9");
    QTest::newRow("valid UTF-8 kept") << QByteArray("caf\xc3\xa9") << QStringLiteral("caf\u00e9");
    QTest::newRow("C1 control") << QByteArray("\xc2\x9b"
                                              "31m")
                                << QStringLiteral("\\x9b31m");
    QTest::newRow("bidi override") << QByteArray("a\xe2\x80\xae"
                                                 "b")
                                   << QStringLiteral("a\\u202eb");
    QTest::newRow("backslash doubled") << QByteArray("a\\x1b") << QStringLiteral("a\\\\x1b");
    QTest::newRow("overlong") << QByteArray("\xc0\xaf") << QStringLiteral("\\xc0\\xaf");
}

void TestPrintable::bytes()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    QCOMPARE(printableText(QByteArrayView(input)), expected);
}

void TestPrintable::text()
{
    QCOMPARE(printableText(QStringView(u"a\u0007b\nc")), QStringLiteral("a\\x07b\\x0ac"));
    const QString longText(1000, u'x');
    const QString cut = printableText(QStringView(longText), 10);
    QCOMPARE(cut.size(), 11);
    QVERIFY(cut.endsWith(QChar(0x2026)));
}

QTEST_GUILESS_MAIN(TestPrintable)
#include "tst_printable.moc"
