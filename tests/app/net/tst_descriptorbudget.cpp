#include "demoserver/demoserver.h"
#include "net/descriptorbudget.h"
#include "net/managerpool.h"
#include "replywait.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

#include <sys/resource.h>

#include <memory>
#include <vector>

class TestDescriptorBudget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void maxConcurrent_data();
    void maxConcurrent();
    void theBudgetFitsInItsAvailableDescriptors();
    void raiseLimitLiftsTheSoftLimitToTheHardOne();
    void aManagerAndAConnectionCostNoMoreThanBudgeted();
};

void TestDescriptorBudget::initTestCase()
{
    QVERIFY(DescriptorBudget::openDescriptors() > 0);
}

void TestDescriptorBudget::maxConcurrent_data()
{
    QTest::addColumn<qint64>("available");
    QTest::addColumn<int>("perManager");
    QTest::addColumn<int>("perConnection");
    QTest::addColumn<int>("connectionsPerManager");
    QTest::addColumn<int>("expected");

    // One full manager of 6 connections costs 2 + 6 * 2 = 14.
    QTest::newRow("nothing left still runs one") << qint64(0) << 2 << 2 << 6 << 1;
    QTest::newRow("negative still runs one") << qint64(-50) << 2 << 2 << 6 << 1;
    QTest::newRow("one manager, one connection") << qint64(4) << 2 << 2 << 6 << 1;
    QTest::newRow("one manager, not yet two connections") << qint64(5) << 2 << 2 << 6 << 1;
    QTest::newRow("one manager, two connections") << qint64(6) << 2 << 2 << 6 << 2;
    QTest::newRow("exactly one full manager") << qint64(14) << 2 << 2 << 6 << 6;
    QTest::newRow("a second manager needs its own cost") << qint64(16) << 2 << 2 << 6 << 6;
    QTest::newRow("a second manager, one connection") << qint64(18) << 2 << 2 << 6 << 7;
    QTest::newRow("the issue's 1024") << qint64(1024 - 64 - 10) << 2 << 2 << 6 << 407;
    QTest::newRow("the issue's 512") << qint64(512 - 64 - 10) << 2 << 2 << 6 << 187;
    QTest::newRow("a big limit") << qint64(1'048'576) << 2 << 2 << 6 << 449'389;
    QTest::newRow("one connection per manager") << qint64(30) << 2 << 1 << 1 << 10;
    QTest::newRow("free connections, managers only") << qint64(10) << 2 << 0 << 6 << 30;
}

void TestDescriptorBudget::maxConcurrent()
{
    QFETCH(qint64, available);
    QFETCH(int, perManager);
    QFETCH(int, perConnection);
    QFETCH(int, connectionsPerManager);
    QFETCH(int, expected);
    QCOMPARE(DescriptorBudget::maxConcurrent(available, perManager, perConnection, connectionsPerManager),
             expected);
}

// Whatever the numbers, the concurrency the budget allows costs no more than is available (above 1).
void TestDescriptorBudget::theBudgetFitsInItsAvailableDescriptors()
{
    for (qint64 available = 1; available < 400; ++available) {
        for (const int perManager : {1, 2, 3, 7}) {
            for (const int perConnection : {1, 2, 3}) {
                const int c = DescriptorBudget::maxConcurrent(available, perManager, perConnection, 6);
                const qint64 cost = qint64(c) * perConnection + qint64((c + 5) / 6) * perManager;
                if (c > 1)
                    QVERIFY2(cost <= available,
                             qPrintable(QStringLiteral("%1 available, %2 allowed").arg(available).arg(c)));
                const qint64 more = qint64(c + 1) * perConnection + qint64((c + 6) / 6) * perManager;
                QVERIFY2(more > available,
                         qPrintable(QStringLiteral("%1 available, %2 allowed").arg(available).arg(c)));
            }
        }
    }
}

void TestDescriptorBudget::raiseLimitLiftsTheSoftLimitToTheHardOne()
{
    DescriptorBudget::raiseLimit();
    rlimit limit {};
    QCOMPARE(getrlimit(RLIMIT_NOFILE, &limit), 0);
    QCOMPARE(limit.rlim_cur, limit.rlim_max);
}

// Measures what the budget's constants claim: a manager with its HTTP thread running, and each further
// connection with the demo server's end of it in this same process.
void TestDescriptorBudget::aManagerAndAConnectionCostNoMoreThanBudgeted()
{
    DemoServer server;
    QString error;
    QVERIFY2(server.start(0, &error), qPrintable(error));
    const QUrl url = server.baseUrl().resolved(QUrl(QStringLiteral("/delay/300")));

    const int before = DescriptorBudget::openDescriptors();
    auto manager = std::make_unique<QNetworkAccessManager>();
    std::unique_ptr<QNetworkReply> first(manager->get(QNetworkRequest(url)));
    QVERIFY(ReplyWait::finished(first.get()));
    QCOMPARE(first->error(), QNetworkReply::NoError);
    const int withOne = DescriptorBudget::openDescriptors();

    std::vector<std::unique_ptr<QNetworkReply>> replies;
    for (int i = 0; i < ManagerPool::ConnectionsPerLane; ++i)
        replies.emplace_back(manager->get(QNetworkRequest(url)));
    // All six are on the wire while the server delays them: six connections, one of them the first's.
    QTRY_COMPARE_WITH_TIMEOUT(DescriptorBudget::openDescriptors() - withOne,
                              (ManagerPool::ConnectionsPerLane - 1) * 2, 10'000);
    const int withSix = DescriptorBudget::openDescriptors();
    for (auto &reply : replies)
        QVERIFY(ReplyWait::finished(reply.get()));

    const int perConnection = (withSix - withOne) / (ManagerPool::ConnectionsPerLane - 1);
    const int perManager = withOne - before - perConnection;
    qInfo("descriptors: %d per manager, %d per connection (both ends in this process)", perManager,
          perConnection);
    QVERIFY(perConnection <= DescriptorBudget::PerConnection);
    QVERIFY(perManager <= DescriptorBudget::PerManager);
}

QTEST_MAIN(TestDescriptorBudget)
#include "tst_descriptorbudget.moc"
