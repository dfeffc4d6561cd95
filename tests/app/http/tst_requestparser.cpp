#include "http/requestparser.h"

#include <QTest>

/// How the capture proxy and the demo server read client requests (libhttp-parser underneath).
class TestRequestParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsAbsoluteFormHeads();
    void readsAHeadFedByteByByte();
    void leavesPipelinedBytesToTheCaller();
    void refusesMalformedRequests_data();
    void refusesMalformedRequests();
    void ignoresUpgradesWhenAsked();
    void readsBodies_data();
    void readsBodies();
    void refusesMalformedBodies_data();
    void refusesMalformedBodies();
};

void TestRequestParser::readsAbsoluteFormHeads()
{
    RequestParser parser(1024);
    const QByteArray request = "GET http://example.org:8080/a?b=1 HTTP/1.1\r\nHost: example.org:8080\r\n"
                               "Accept-Encoding: gzip\r\nAuthorization: Basic c2VjcmV0\r\n\r\n";
    QCOMPARE(parser.feed(request), RequestParser::Result::Complete);
    QCOMPARE(parser.consumed(), request.size());
    const RequestHead &head = parser.head();
    QCOMPARE(head.method, QByteArray("GET"));
    QCOMPARE(head.target, QByteArray("http://example.org:8080/a?b=1"));
    QCOMPARE(head.headers.size(), 3);
    QCOMPARE(head.header("accept-encoding"), QByteArray("gzip"));
    QVERIFY(head.keepAlive);
    QVERIFY(!head.hasBody);
}

void TestRequestParser::readsAHeadFedByteByByte()
{
    RequestParser parser(1024);
    const QByteArray request = "HEAD http://h/ HTTP/1.0\r\nX-Long: abc\r\n def\r\n\r\n";
    for (qsizetype i = 0; i + 1 < request.size(); ++i)
        QCOMPARE(parser.feed(request.mid(i, 1)), RequestParser::Result::NeedMore);
    QCOMPARE(parser.feed(request.right(1)), RequestParser::Result::Complete);
    QCOMPARE(parser.consumed(), 1);
    QCOMPARE(parser.head().method, QByteArray("HEAD"));
    QVERIFY(!parser.head().keepAlive); // HTTP/1.0 without keep-alive
}

void TestRequestParser::leavesPipelinedBytesToTheCaller()
{
    RequestParser parser(1024);
    const QByteArray first = "GET http://h/1 HTTP/1.1\r\n\r\n";
    const QByteArray second = "GET http://h/2 HTTP/1.1\r\n\r\n";
    QCOMPARE(parser.feed(QByteArray(first + second)), RequestParser::Result::Complete);
    QCOMPARE(parser.consumed(), first.size());
    parser.reset();
    QCOMPARE(parser.feed(second), RequestParser::Result::Complete);
    QCOMPARE(parser.head().target, QByteArray("http://h/2"));

    // After CONNECT the rest is the tunnel's.
    parser.reset();
    const QByteArray connect = "CONNECT h:443 HTTP/1.1\r\nHost: h:443\r\n\r\n";
    QCOMPARE(parser.feed(QByteArray(connect + "\x16\x03\x01")), RequestParser::Result::Complete);
    QCOMPARE(parser.consumed(), connect.size());
    QCOMPARE(parser.head().target, QByteArray("h:443"));
}

void TestRequestParser::refusesMalformedRequests_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<bool>("unsupportedMethod");
    QTest::addColumn<QString>("reason");
    QTest::newRow("unknown method") << QByteArray("FETCH http://h/ HTTP/1.1\r\n\r\n") << true
                                    << "unknown method";
    QTest::newRow("control character in header name")
        << QByteArray("GET http://h/ HTTP/1.1\r\nBad\x01Header: x\r\n\r\n") << false << "malformed";
    QTest::newRow("no version") << QByteArray("GET http://h/ XTTP/1.1\r\n\r\n") << false << "malformed";
    QTest::newRow("two lengths") << QByteArray("GET http://h/ HTTP/1.1\r\nContent-Length: 1\r\n"
                                               "Content-Length: 2\r\n\r\n")
                                 << false << "malformed";
    QTest::newRow("over-long head") << "GET http://h/ HTTP/1.1\r\nX: " + QByteArray(2000, 'a') + "\r\n\r\n"
                                    << false << "longer than 1024";
    QTest::newRow("gzip transfer-encoding") << QByteArray(
        "POST http://h/ HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\nGET http://h/x HTTP/1.1\r\n\r\n")
                                            << false << "Transfer-Encoding";
    QTest::newRow("websocket upgrade")
        << QByteArray("GET http://h/ HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n") << true
        << "Upgrade";
}

void TestRequestParser::refusesMalformedRequests()
{
    QFETCH(QByteArray, request);
    QFETCH(bool, unsupportedMethod);
    QFETCH(QString, reason);
    RequestParser parser(1024);
    QCOMPARE(parser.feed(request), RequestParser::Result::Error);
    QCOMPARE(parser.errorIsUnsupportedMethod(), unsupportedMethod);
    QCOMPARE(parser.errorIsHeadTooLong(), reason.startsWith(QLatin1String("longer than")));
    QVERIFY2(parser.error().contains(reason), qPrintable(parser.error()));
}

// A server that speaks only HTTP/1.1 may answer an Upgrade request as an ordinary one; the demo server does.
void TestRequestParser::ignoresUpgradesWhenAsked()
{
    RequestParser parser(1024, RequestParser::Upgrades::Ignore);
    const QByteArray request = "GET /delay/1 HTTP/1.1\r\nHost: h\r\nConnection: Upgrade, HTTP2-Settings\r\n"
                               "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA\r\n\r\n";
    const QByteArray next = "GET /delay/2 HTTP/1.1\r\nHost: h\r\n\r\n";
    QCOMPARE(parser.feed(QByteArray(request + next)), RequestParser::Result::Complete);
    QCOMPARE(parser.consumed(), request.size());
    QVERIFY(parser.head().upgrade);
    QCOMPARE(parser.head().target, QByteArray("/delay/1"));
    QVERIFY(!parser.head().hasBody);

    parser.reset(); // and the next request on the connection reads as usual
    QCOMPARE(parser.feed(next), RequestParser::Result::Complete);
    QVERIFY(!parser.head().upgrade);
    QCOMPARE(parser.head().target, QByteArray("/delay/2"));
}

void TestRequestParser::readsBodies_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QByteArray>("body"); // as sent
    QTest::addColumn<QByteArray>("decoded");
    QTest::addColumn<int>("piece"); // bytes fed at a time
    const QByteArray length = "POST http://h/p HTTP/1.1\r\nContent-Length: 11\r\n\r\n";
    const QByteArray chunked = "PUT http://h/p HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n";
    const QByteArray chunks = "5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n";
    QTest::newRow("content-length, whole")
        << length << QByteArray("hello world") << QByteArray("hello world") << 1000;
    QTest::newRow("content-length, byte by byte")
        << length << QByteArray("hello world") << QByteArray("hello world") << 1;
    QTest::newRow("chunked, whole") << chunked << chunks << QByteArray("hello world") << 1000;
    QTest::newRow("chunked, byte by byte") << chunked << chunks << QByteArray("hello world") << 1;
    QTest::newRow("chunked, 3 at a time") << chunked << chunks << QByteArray("hello world") << 3;
}

void TestRequestParser::readsBodies()
{
    QFETCH(QByteArray, head);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, decoded);
    QFETCH(int, piece);
    // The head, its body and a pipelined request behind them, arriving together.
    const QByteArray next = "GET http://h/next HTTP/1.1\r\n\r\n";
    const QByteArray stream = head + body + next;
    RequestParser parser(1024);
    QCOMPARE(parser.feed(stream), RequestParser::Result::Complete);
    QVERIFY(parser.head().hasBody);
    QCOMPARE(parser.consumed(), head.size());
    QByteArray rest = stream.mid(parser.consumed());
    // The body has not come yet: nothing to read is not its end.
    QByteArray out;
    QCOMPARE(parser.feedBody(QByteArrayView(), out), RequestParser::Result::NeedMore);
    QCOMPARE(parser.consumed(), 0);

    RequestParser::Result result = RequestParser::Result::NeedMore;
    while (result == RequestParser::Result::NeedMore) {
        QVERIFY(!rest.isEmpty());
        const QByteArray fed = rest.left(piece);
        result = parser.feedBody(fed, out);
        QVERIFY2(result != RequestParser::Result::Error, qPrintable(parser.error()));
        rest.remove(0, parser.consumed());
    }
    QCOMPARE(out, decoded);
    QCOMPARE(rest, next);

    parser.reset();
    QCOMPARE(parser.feed(rest), RequestParser::Result::Complete);
    QCOMPARE(parser.head().target, QByteArray("http://h/next"));
}

void TestRequestParser::refusesMalformedBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("reason");
    QTest::newRow("bad chunk size") << QByteArray("zz\r\nhello\r\n0\r\n\r\n") << QStringLiteral("chunk size");
    QTest::newRow("chunk size overflow") << QByteArray("fffffffffffffffffff\r\nhello\r\n0\r\n\r\n")
                                         << QStringLiteral("malformed request body");
}

void TestRequestParser::refusesMalformedBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, reason);
    RequestParser parser(1024);
    const QByteArray head = "POST http://h/p HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n";
    QCOMPARE(parser.feed(QByteArray(head + body)), RequestParser::Result::Complete);
    QByteArray out;
    QCOMPARE(parser.feedBody(QByteArrayView(body), out), RequestParser::Result::Error);
    QVERIFY2(parser.error().contains(reason), qPrintable(parser.error()));
}

QTEST_GUILESS_MAIN(TestRequestParser)
#include "tst_requestparser.moc"
