#include "core/runresult.h"

#include <QScopeGuard>
#include <QSemaphore>
#include <QTest>
#include <QThreadPool>

// A run's records are freed off the caller's thread, and nothing a copy of them holds goes with them.
class TestRunResult : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void releaseInBackgroundFreesOnAWorker();
};

void TestRunResult::releaseInBackgroundFreesOnAWorker()
{
    RunResult run;
    run.runId = 7;
    for (int i = 0; i < 1000; ++i) {
        RequestRecord &record = run.records.emplaceBack();
        record.id = i;
        record.url = StoredUrl(QUrl(QStringLiteral("http://127.0.0.1:4000/delay/%1").arg(i)));
        record.error = QStringLiteral("boom %1").arg(i);
    }
    const QList<RequestRecord> kept = run.records; // what a view holds: the same array, shared
    QVERIFY(!kept.isDetached());

    {
        // The pool's only thread is held, so the release can only be waiting for it, not done here.
        QThreadPool *pool = QThreadPool::globalInstance();
        const int threads = pool->maxThreadCount();
        pool->setMaxThreadCount(1);
        QSemaphore held;
        QSemaphore started;
        pool->start([&] {
            started.release();
            held.acquire();
        });
        started.acquire();
        // At the end of this block, or when a check in it fails: the task must not outlive its semaphores.
        const auto unhold = qScopeGuard([&] {
            held.release();
            pool->waitForDone();
            pool->setMaxThreadCount(threads);
        });

        releaseInBackground(run);
        QCOMPARE(run, RunResult {});
        QVERIFY2(!kept.isDetached(), "the records were freed on the caller's thread");
    }
    QVERIFY(kept.isDetached()); // the worker let go of its reference
    QCOMPARE(kept.size(), 1000);
    QCOMPARE(kept.at(999).url.toUrl(), QUrl(QStringLiteral("http://127.0.0.1:4000/delay/999")));
    QCOMPARE(QString(kept.at(999).error), QStringLiteral("boom 999"));
}

QTEST_GUILESS_MAIN(TestRunResult)
#include "tst_runresult.moc"
