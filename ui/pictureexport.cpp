#include "pictureexport.h"

#include "export/exporter.h"
#include "models/runmodel.h"
#include "timeline/timelinepanel.h"
#include "timeline/timelineview.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <memory>

using namespace Qt::StringLiterals;

namespace PictureExport {

namespace {

template<Kind kind>
QByteArray renderForExporter(const QList<RunResult> &runs)
{
    return renderRuns(runs, kind, kind == Kind::Png ? exportOptions().pictureScale : 1.0);
}

} // namespace

std::optional<Kind> kindFor(const QString &path)
{
    if (path.endsWith(".png"_L1, Qt::CaseInsensitive))
        return Kind::Png;
    if (path.endsWith(".svg"_L1, Qt::CaseInsensitive))
        return Kind::Svg;
    if (path.endsWith(".pdf"_L1, Qt::CaseInsensitive))
        return Kind::Pdf;
    return std::nullopt;
}

QByteArray render(QWidget *widget, Kind kind, double scale)
{
    const QSize size = widget->size();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    switch (kind) {
    case Kind::Png: {
        QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(scale);
        image.fill(Qt::white);
        QPainter painter(&image);
        widget->render(&painter);
        painter.end();
        image.save(&buffer, "PNG");
        break;
    }
    case Kind::Svg: {
        QSvgGenerator generator;
        generator.setOutputDevice(&buffer);
        generator.setSize(size);
        generator.setViewBox(QRect(QPoint(0, 0), size));
        generator.setTitle(QCoreApplication::translate("PictureExport", "Crawlscope timeline"));
        QPainter painter(&generator);
        widget->render(&painter);
        break;
    }
    case Kind::Pdf: {
        QPdfWriter writer(&buffer);
        writer.setCreator(QStringLiteral("Crawlscope " CRAWLSCOPE_VERSION));
        writer.setTitle(QCoreApplication::translate("PictureExport", "Crawlscope timeline"));
        // A page the size of the picture, so it drops into a slide without margins.
        writer.setResolution(96);
        writer.setPageSize(QPageSize(QSizeF(size), QPageSize::Point));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter painter(&writer);
        const double fit = std::min(painter.viewport().width() / double(size.width()),
                                    painter.viewport().height() / double(size.height()));
        painter.scale(fit, fit);
        widget->render(&painter);
        break;
    }
    }
    return bytes;
}

QByteArray renderRuns(const QList<RunResult> &runs, Kind kind, double scale, int width)
{
    std::vector<std::unique_ptr<RunModel>> owned;
    QList<RunModel *> models;
    for (const auto &run : runs) {
        owned.push_back(std::make_unique<RunModel>());
        owned.back()->setRun(run);
        models.append(owned.back().get());
    }
    TimelinePanel panel;
    panel.setAttribute(Qt::WA_DontShowOnScreen);
    panel.setModels(models);
    panel.resize(width, 600);
    panel.show();
    panel.resize(width, panel.preferredHeight(360, 1400));
    QCoreApplication::processEvents();
    panel.view()->fit();
    QCoreApplication::processEvents();
    return render(&panel, kind, scale);
}

void registerFormats()
{
    registerExportFormat(".png"_L1, renderForExporter<Kind::Png>);
    registerExportFormat(".svg"_L1, renderForExporter<Kind::Svg>);
    registerExportFormat(".pdf"_L1, renderForExporter<Kind::Pdf>);
}

} // namespace PictureExport
