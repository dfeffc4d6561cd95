#include "requestdetails.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;

class TestRequestDetails : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void speaksTheWindowsLanguage();
};

void TestRequestDetails::speaksTheWindowsLanguage()
{
    // The details name the outcome and the moments as the window does, in its language: a Korean class
    // reads 응답 코드 and 첫 바이트, not the exports' snake_case keys.
    QTranslator korean;
    QVERIFY(korean.load(u":/i18n/crawlscope_ko.qm"_s));
    QVERIFY(QCoreApplication::installTranslator(&korean));

    RequestRecord record;
    record.id = 3;
    record.url = QUrl(u"http://example.com/missing"_s);
    record.set(Mark::Queued, 0);
    record.set(Mark::Issued, 1'000'000);
    record.set(Mark::FirstByte, 5'000'000);
    record.set(Mark::Finished, 6'000'000);
    record.outcome = Outcome::HttpError;
    record.status = 404;

    const QString html = RequestDetails::html(record);
    QVERIFY(QCoreApplication::removeTranslator(&korean));
    QVERIFY2(html.contains(korean.translate("Outcome", "HTTP error")), qPrintable(html));
    QVERIFY2(html.contains(korean.translate("Mark", "First byte")), qPrintable(html));
    QVERIFY(!korean.translate("Mark", "First byte").isEmpty());
    for (const QString &key :
         {outcomeName(Outcome::HttpError), markName(Mark::FirstByte), markName(Mark::GateAcquired)})
        QVERIFY2(!html.contains(key), qPrintable(key));
}

QTEST_MAIN(TestRequestDetails)
#include "tst_requestdetails.moc"
