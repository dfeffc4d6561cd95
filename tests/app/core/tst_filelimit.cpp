#include "core/filelimit.h"

#include <QTest>

#include <algorithm>

#include <fcntl.h>
#include <sys/resource.h>

class TestFileLimit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void raiseTakesTheHardLimitAndGrowsTheTableOnce();
};

void TestFileLimit::raiseTakesTheHardLimitAndGrowsTheTableOnce()
{
    // A fresh process starts with a small table (64 slots) that the kernel doubles as descriptors are opened.
    const int before = FileLimit::tableSize();
    QVERIFY(before > 0);

    FileLimit::raise();
    rlimit limit {};
    QCOMPARE(getrlimit(RLIMIT_NOFILE, &limit), 0);
    QCOMPARE(limit.rlim_cur, limit.rlim_max);
    const int wanted = int(std::min<rlim_t>(limit.rlim_cur, FileLimit::TableSize));
    const int after = FileLimit::tableSize();
    QVERIFY2(after >= wanted,
             qPrintable(QStringLiteral("table of %1 slots, %2 wanted").arg(after).arg(wanted)));
    // It holds no descriptor open for the room it made.
    QVERIFY(::fcntl(wanted - 1, F_GETFD) == -1 || wanted - 1 < 3);

    FileLimit::raise(); // a second call does nothing, and does no harm
    QCOMPARE(FileLimit::tableSize(), after);
}

QTEST_GUILESS_MAIN(TestFileLimit)
#include "tst_filelimit.moc"
