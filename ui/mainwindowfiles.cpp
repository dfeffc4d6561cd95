// MainWindow, part two: opening and exporting files, each on a worker thread with its progress.
#include "mainwindow.h"

#include "core/durationformat.h"

#include "capture/capturedialog.h"
#include "charts/summarycharts.h"
#include "charts/sweepchart.h"
#include "closeguard.h"
#include "crawl/frontierview.h"
#include "crawl/sitetreeview.h"
#include "crawlsettingsbox.h"
#include "demoserver/demoserver.h"
#include "export/atomicfile.h"
#include "export/exporter.h"
#include "export/exportjob.h"
#include "export/importjob.h"
#include "exportactions.h"
#include "exportfolder.h"
#include "input/samples.h"
#include "journal/journalreader.h"
#include "journalkeeper.h"
#include "lessons/codepane.h"
#include "lessons/lesson.h"
#include "lessons/lessonpane.h"
#include "lessons/lessonpanels.h"
#include "lessons/sweepcurve.h"
#include "lessons/toolpreset.h"
#include "limitslider.h"
#include "models/requestselection.h"
#include "models/runmodel.h"
#include "models/runstablemodel.h"
#include "openedrunpanel.h"
#include "pictureexport.h"
#include "presentationmode.h"
#include "replay/replaybar.h"
#include "replay/replaycontroller.h"
#include "requestdetails.h"
#include "requesttable.h"
#include "runfilterbox.h"
#include "runlocks.h"
#include "session/runsequence.h"
#include "session/runsession.h"
#include "timeline/timelinepanel.h"
#include "timeline/timelineview.h"
#include "urleditor.h"
#include "windowfit.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

bool MainWindow::openUrlFile(const QString &path, QString *error)
{
    if (!m_urlEditor->openFile(path, error))
        return false;
    setWindowFilePath(path);
    Q_EMIT fileOpened(path);
    return true;
}

bool MainWindow::openRunFile(const QString &path, QString *error)
{
    const auto runs = importRuns(path, error);
    if (!runs)
        return false;
    showOpenedRuns(path, *runs);
    return true;
}

void MainWindow::showOpenedRuns(const QString &path, const QList<RunResult> &runs,
                                const QStringList &warnings)
{
    m_session->showRuns(runs); // onModelsChanged shows their measurement in the lesson pane
    if (!runs.isEmpty())
        m_openedRun->showRun(runs.last());
    timeline()->fit();
    setWindowFilePath(path);
    Q_EMIT fileOpened(path);
    statusBar()->showMessage(tr("Opened %n run(s) from %1", nullptr, int(runs.size())).arg(path), 8000);
    if (!warnings.isEmpty()) {
        // Not modal: the runs are open, this only says what was read in spite of a problem.
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Opened with warnings"),
                                    tr("%1 was opened, but:").arg(QFileInfo(path).fileName()),
                                    QMessageBox::Ok, this);
        box->setDetailedText(warnings.join(u'\n'));
        box->setInformativeText(warnings.first());
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
}

namespace {

bool isRunFile(const QString &path)
{
    const QStringList extensions = importExtensions();
    return std::any_of(extensions.cbegin(), extensions.cend(), [&](const QString &extension) {
        return path.endsWith(extension, Qt::CaseInsensitive);
    });
}

} // namespace

bool MainWindow::openFile(const QString &path, QString *error)
{
    return isRunFile(path) ? openRunFile(path, error) : openUrlFile(path, error);
}

void MainWindow::watchFileJob(FileJob *job, const QString &label)
{
    // Not modal: a modal QProgressDialog spins the event loop inside setValue(), and the job works on its own
    // copy, so the window may go on meanwhile.
    auto *dialog = new QProgressDialog(label, tr("Cancel"), 0, 0, this);
    dialog->setMinimumDuration(300);
    dialog->setAutoClose(false);
    dialog->setAutoReset(false);
    connect(job, &FileJob::progressed, dialog, [dialog](qint64 done, qint64 total) {
        // QProgressDialog counts in int; per mille keeps any total in range.
        dialog->setMaximum(total > 0 ? 1000 : 0);
        dialog->setValue(total > 0 ? int(done * 1000 / total) : 0);
    });
    connect(dialog, &QProgressDialog::canceled, job, &FileJob::cancel);
    connect(job, &FileJob::finished, dialog, &QObject::deleteLater);
    connect(job, &FileJob::finished, job, &QObject::deleteLater);
}

bool MainWindow::exportTo(const QString &path, QString *error)
{
    if (const auto kind = PictureExport::kindFor(path)) {
        // A sweep is read off its chart: wall time against k.
        if (SweepCurve::isSweep(m_session->results())) {
            if (!folderExistsFor(path, error))
                return false;
            const double scale = PictureExport::scaleFor(*kind, 2.0);
            return PictureExport::writePicture(
                path, PictureExport::render(m_lessons->sweepChart(), *kind, scale), error);
        }
        // Other pictures are the slide of the whole comparison, whatever the window shows.
        return m_exportActions->exportSlide(path, error);
    }
    return exportRuns(m_session->results(), path, error);
}

void MainWindow::openFileDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open"), QString(),
        tr("URL lists and runs (*.txt *.urls *.list %1);;All files (*)")
            .arg(importExtensions()
                     .replaceInStrings(QRegularExpression(QStringLiteral("^")), QStringLiteral("*"))
                     .join(QLatin1Char(' '))));
    if (!path.isEmpty())
        openInBackground(path);
}

FileJob *MainWindow::openInBackground(const QString &path)
{
    QString error;
    if (!isRunFile(path)) {
        if (!openUrlFile(path, &error))
            QMessageBox::warning(this, tr("Cannot open"), error);
        return nullptr;
    }
    // A big file is parsed on a worker, so the window stays responsive and shows how far it is.
    auto *job = new ImportJob(path, this);
    connect(job, &FileJob::finished, this, [this, job](bool ok, const QString &error) {
        if (ok)
            showOpenedRuns(job->path(), job->runs(), job->warnings());
        else if (!job->wasCancelled())
            QMessageBox::warning(this, tr("Cannot open"), error);
    });
    watchFileJob(job, tr("Opening %1…").arg(QFileInfo(path).fileName()));
    job->start();
    return job;
}

void MainWindow::exportDialog()
{
    QList<ExportFolder::Type> types;
    for (const QString &extension : exportExtensions())
        types.append({tr("%1 (*%2)").arg(extension.mid(1).toUpper(), extension), extension});
    const qsizetype firstPicture = types.size();
    types += PictureExport::dialogTypes();
    // The proposed name and the selected type agree (the last format used), and the folder is the one every
    // export shares. A name typed without a type gets the one chosen in the dialog; the folder is remembered
    // once the file is written, so a folder that failed is not the next dialog's.
    const QString name = QFileInfo(m_exportSuggestion).fileName();
    const QString path = ExportFolder::askSavePath(this, tr("Export"), name, types, firstPicture);
    if (!path.isEmpty())
        exportInBackground(path);
}

FileJob *MainWindow::exportInBackground(const QString &path)
{
    if (PictureExport::kindFor(path)) {
        // Pictures render widgets, so they stay on this thread; they are quick.
        QString error;
        if (!exportTo(path, &error)) {
            QMessageBox::warning(this, tr("Cannot export"), error);
        } else {
            ExportFolder::remember(path);
            statusBar()->showMessage(tr("Wrote %1").arg(path), 8000);
            Q_EMIT fileExported(path);
        }
        return nullptr;
    }
    // The data formats are written on a worker from a copy of the runs, so the window stays responsive.
    auto *job = new ExportJob(m_session->results(), path, this);
    connect(job, &FileJob::finished, this, [this, job](bool ok, const QString &error) {
        if (ok) {
            ExportFolder::remember(
                job->path()); // only once written: a folder that failed is not the next one
            statusBar()->showMessage(tr("Wrote %1").arg(job->path()), 8000);
            m_journal->saved();
            Q_EMIT fileExported(job->path());
        } else if (job->wasCancelled()) {
            statusBar()->showMessage(tr("Export cancelled; %1 was not written").arg(job->path()), 8000);
        } else {
            QMessageBox::warning(this, tr("Cannot export"), error);
        }
    });
    watchFileJob(job, tr("Exporting %1…").arg(QFileInfo(path).fileName()));
    job->start();
    return job;
}
