#include "models/hostindex.h"

#include <QTest>

#include "core/hostkey.h"

class TestHostIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recordsGiveTheOrderWithoutAHostList();
    void theCrawlsHostListComesFirst();
    void growingRunKeepsEveryHostsIndex();
    void anotherRunIsIndexedAfresh();

private:
    static RequestRecord record(int id, const QString &url, RequestRole role = RequestRole::Page);
};

RequestRecord TestHostIndex::record(int id, const QString &url, RequestRole role)
{
    RequestRecord r;
    r.id = id;
    r.url = QUrl(url);
    r.role = role;
    return r;
}

void TestHostIndex::recordsGiveTheOrderWithoutAHostList()
{
    RunResult run;
    run.records
        = {record(0, QStringLiteral("http://b.test/1")), record(1, QStringLiteral("http://A.test:8080/")),
           record(2, QStringLiteral("http://b.test:80/2")), record(3, QStringLiteral("https://b.test/"))};
    HostIndex index;
    index.update(run);
    QCOMPARE(index.origins(),
             (QStringList {QStringLiteral("http://b.test:80"), QStringLiteral("http://a.test:8080"),
                           QStringLiteral("https://b.test:443")}));
    QCOMPARE(index.hostsOfRecords(), (std::vector<int> {0, 1, 0, 2}));
    QCOMPARE(index.requestCounts(), (std::vector<int> {2, 1, 1}));
}

void TestHostIndex::theCrawlsHostListComesFirst()
{
    RunResult run;
    run.records = {record(0, QStringLiteral("http://seed.test/")),
                   record(1, QStringLiteral("http://other.test/robots.txt"), RequestRole::Robots),
                   record(2, QStringLiteral("http://third.test/"))};
    CrawlHost other;
    other.origin = QStringLiteral("http://other.test:80");
    CrawlHost seed;
    seed.origin = QStringLiteral("http://seed.test:80");
    CrawlHost unused; // listed, nothing requested yet
    unused.origin = QStringLiteral("http://later.test:80");
    run.hosts = {other, seed, unused};
    HostIndex index;
    index.update(run);
    QCOMPARE(
        index.origins(),
        (QStringList {other.origin, seed.origin, unused.origin, QStringLiteral("http://third.test:80")}));
    QCOMPARE(index.hostsOfRecords(), (std::vector<int> {1, 0, 3}));
    QCOMPARE(index.indexOf(unused.origin), 2);
    QCOMPARE(index.requestCounts()[2], 0);
}

void TestHostIndex::growingRunKeepsEveryHostsIndex()
{
    RunResult run;
    run.runId = 4;
    HostIndex index;
    index.update(run);
    QCOMPARE(index.count(), 0);
    QStringList seen;
    for (int batch = 0; batch < 5; ++batch) {
        for (int i = 0; i < 3; ++i) {
            const int id = int(run.records.size());
            run.records.append(
                record(id, QStringLiteral("http://h%1.test/%2").arg((id * 7) % (batch + 2)).arg(id)));
        }
        index.update(run);
        // Hosts seen before keep their place; new ones only ever come after them.
        QCOMPARE(index.origins().mid(0, seen.size()), seen);
        seen = index.origins();
        QCOMPARE(index.hostsOfRecords().size(), std::size_t(run.records.size()));
        for (qsizetype i = 0; i < run.records.size(); ++i)
            QCOMPARE(index.origins().at(index.hostOf(int(i))), HostKey::fromUrl(run.records[i].url).origin());
    }
}

void TestHostIndex::anotherRunIsIndexedAfresh()
{
    RunResult first;
    first.runId = 1;
    first.records
        = {record(0, QStringLiteral("http://a.test/")), record(1, QStringLiteral("http://b.test/"))};
    HostIndex index;
    index.update(first);
    RunResult second;
    second.runId = 2;
    second.records = {record(0, QStringLiteral("http://c.test/"))};
    index.update(second);
    QCOMPARE(index.origins(), QStringList {QStringLiteral("http://c.test:80")});
    QCOMPARE(index.hostsOfRecords(), std::vector<int> {0});
}

QTEST_GUILESS_MAIN(TestHostIndex)
#include "tst_hostindex.moc"
