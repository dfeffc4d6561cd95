#include "exportactions.h"

#include <QAction>
#include <QFileInfo>
#include <QKeySequence>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>

#include "charts/summarycharts.h"
#include "export/atomicfile.h"
#include "exportfolder.h"
#include "mainwindow.h"
#include "pictureexport.h"
#include "session/runsession.h"
#include "slideexport.h"
#include "timeline/timelinepanel.h"

using namespace Qt::StringLiterals;

ExportActions::ExportActions(QMenu *file, MainWindow *window)
    : QObject(window)
    , m_window(window)
{
    m_slide = file->addAction(tr("Export &Slide…"), this, [this] { exportWithDialog(What::Slide); });
    m_slide->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_slide->setToolTip(tr("The whole comparison on one 16:9 slide: every run and row, whatever the window "
                           "shows"));
    m_whatISee
        = file->addAction(tr("Export &What I See…"), this, [this] { exportWithDialog(What::WhatISee); });
    m_whatISee->setToolTip(tr("The timeline exactly as the window shows it now"));
    m_chart = file->addAction(tr("Export &Chart…"), this, [this] {
        SummaryCharts *charts = m_window->charts();
        charts->exportWithDialog(charts->currentIndex());
    });
    m_chart->setToolTip(tr("The summary chart in front on the Charts tab"));
}

bool ExportActions::exportSlide(const QString &path, QString *error) const
{
    const SlideExport slide(m_window->session()->models(),
                            SlideExport::Options::of(m_window->timelinePanel()));
    return slide.write(path, 2.0, error);
}

bool ExportActions::exportWhatISee(const QString &path, QString *error) const
{
    const auto kind = PictureExport::kindFor(path);
    if (!kind) {
        if (error)
            *error = tr("Cannot export to \"%1\": not a picture (use %2)")
                         .arg(path, PictureExport::extensions().join(u", "));
        return false;
    }
    if (!folderExistsFor(path, error))
        return false;
    const double scale = PictureExport::scaleFor(*kind, 2.0);
    return PictureExport::writePicture(path, PictureExport::render(m_window->timelinePanel(), *kind, scale),
                                       error);
}

void ExportActions::exportWithDialog(What what)
{
    const QString name = what == What::Slide ? tr("slide")
        : what == What::WhatISee             ? tr("timeline")
                                             : tr("chart");
    const QAction *action = what == What::Slide ? m_slide : what == What::WhatISee ? m_whatISee : m_chart;
    const QString path = ExportFolder::askSavePath(m_window, action->text().remove(u'&').remove(u'…'),
                                                   name + u".png"_s, PictureExport::dialogTypes());
    if (path.isEmpty())
        return;
    QString error;
    bool ok = false;
    switch (what) {
    case What::Slide:
        ok = exportSlide(path, &error);
        break;
    case What::WhatISee:
        ok = exportWhatISee(path, &error);
        break;
    case What::Chart: {
        SummaryCharts *charts = m_window->charts();
        ok = charts->exportChart(charts->currentIndex(), path, &error, 2.0);
        break;
    }
    }
    if (ok) {
        ExportFolder::remember(path); // a folder that failed is not the next dialog's
        m_window->statusBar()->showMessage(tr("Wrote %1").arg(path), 8000);
    } else
        QMessageBox::warning(m_window, tr("Cannot export"), error);
}
