#include "progresstext.h"

#include "core/durationformat.h"

#include <QCoreApplication>

// The texts keep MainWindow's context: the window formatted them itself before, and their Korean is there.
QString progressText(const RunSession::Progress &progress)
{
    if (progress.total == 0)
        return {};
    const QString elapsed = DurationFormat::text(progress.elapsedNs);
    if (progress.crawling) {
        QString eta;
        if (progress.etaNs < 0)
            eta = QCoreApplication::translate("MainWindow", "   ETA unknown");
        else if (progress.etaNs > 0) // 0: done
            eta = QCoreApplication::translate("MainWindow", "   ETA %1 for what is queued")
                      .arg(DurationFormat::text(progress.etaNs));
        return QCoreApplication::translate(
                   "MainWindow", "Pages %1   Queued %2   In flight %3   Skipped %4   Hosts %5   Elapsed %6")
                   .arg(progress.pagesDone)
                   .arg(progress.queued)
                   .arg(progress.inFlight)
                   .arg(progress.skipped)
                   .arg(progress.hosts)
                   .arg(elapsed)
            + eta;
    }
    if (progress.stopped) {
        return QCoreApplication::translate("MainWindow", "Stopped: %1 done, %2 cancelled   Elapsed %3")
            .arg(progress.done)
            .arg(progress.cancelled)
            .arg(elapsed);
    }
    // A finished run has nothing left to estimate.
    return QCoreApplication::translate("MainWindow", "Done %1/%2   In flight %3   Waiting %4   Elapsed %5")
               .arg(progress.done)
               .arg(progress.total)
               .arg(progress.inFlight)
               .arg(progress.waiting)
               .arg(elapsed)
        + (progress.done >= progress.total ? QString()
                                           : QCoreApplication::translate("MainWindow", "   ETA %1")
                                                 .arg(DurationFormat::text(progress.etaNs)));
}
