#include "core/filelimit.h"

#include <QFile>
#include <QTest>

#include <algorithm>

#include <fcntl.h>
#include <sys/resource.h>

namespace {

// Descriptor slots the table holds now (FDSize of /proc/self/status); -1 if unknown.
int tableSize()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    // A /proc file reports a size of 0, so it is read whole rather than until atEnd().
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("FDSize:")) {
            bool ok = false;
            const int size = line.mid(7).trimmed().toInt(&ok);
            return ok ? size : -1;
        }
    }
    return -1;
}

} // namespace

class TestFileLimit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void raiseTakesTheHardLimitAndGrowsTheTableOnce();
};

void TestFileLimit::raiseTakesTheHardLimitAndGrowsTheTableOnce()
{
    // A fresh process starts with a small table (64 slots) that the kernel doubles as descriptors are opened.
    const int before = tableSize();
    QVERIFY(before > 0);

    FileLimit::raise();
    rlimit limit {};
    QCOMPARE(getrlimit(RLIMIT_NOFILE, &limit), 0);
    QCOMPARE(limit.rlim_cur, limit.rlim_max);
    const int wanted = int(std::min<rlim_t>(limit.rlim_cur, FileLimit::TableSize));
    const int after = tableSize();
    QVERIFY2(after >= wanted,
             qPrintable(QStringLiteral("table of %1 slots, %2 wanted").arg(after).arg(wanted)));
    // It holds no descriptor open for the room it made.
    QVERIFY(::fcntl(wanted - 1, F_GETFD) == -1 || wanted - 1 < 3);

    FileLimit::raise(); // a second call does nothing, and does no harm
    QCOMPARE(tableSize(), after);
}

QTEST_GUILESS_MAIN(TestFileLimit)
#include "tst_filelimit.moc"
