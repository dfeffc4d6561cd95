#include "pictureexport.h"

#include "charts/sweepchart.h"
#include "export/atomicfile.h"
#include "models/runmodel.h"
#include "slideexport.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <QWidget>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace PictureExport {

std::optional<Kind> kindFor(const QString &path)
{
    if (path.endsWith(".png"_L1, Qt::CaseInsensitive))
        return Kind::Png;
    if (path.endsWith(".jpg"_L1, Qt::CaseInsensitive) || path.endsWith(".jpeg"_L1, Qt::CaseInsensitive))
        return Kind::Jpeg;
    if (path.endsWith(".svg"_L1, Qt::CaseInsensitive))
        return Kind::Svg;
    if (path.endsWith(".pdf"_L1, Qt::CaseInsensitive))
        return Kind::Pdf;
    return std::nullopt;
}

double scaleFor(Kind kind, double scale)
{
    return kind == Kind::Png || kind == Kind::Jpeg ? scale : 1.0;
}

QByteArray paint(QSize size, Kind kind, double scale, int dpi, const QString &title, const Draw &draw)
{
    const auto drawOnWhite = [&](QPainter &painter, const QRectF &target) {
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing
                               | QPainter::SmoothPixmapTransform);
        painter.fillRect(target, Qt::white); // no transparent corners where a slide would show through
        draw(painter, target);
    };
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    switch (kind) {
    case Kind::Png:
    case Kind::Jpeg: {
        // JPEG has no alpha channel, and the page is white anyway.
        QImage image(size * scale,
                     kind == Kind::Png ? QImage::Format_ARGB32_Premultiplied : QImage::Format_RGB32);
        if (image.isNull())
            return {};
        image.setDevicePixelRatio(scale);
        image.fill(Qt::white); // also the last pixel row that a fractional scale rounds to
        QPainter painter(&image);
        drawOnWhite(painter, QRectF(QPointF(0, 0), QSizeF(size)));
        painter.end();
        // Quality 92: the thin bars and small labels of a timeline blur at JPEG's default of 75.
        if (!image.save(&buffer, kind == Kind::Png ? "PNG" : "JPEG", kind == Kind::Png ? -1 : 92))
            return {};
        break;
    }
    case Kind::Svg: {
        QSvgGenerator generator;
        generator.setOutputDevice(&buffer);
        // Text was laid out at the screen's DPI; the generator's default of 72 would shrink it.
        generator.setResolution(dpi);
        generator.setSize(size);
        generator.setViewBox(QRect(QPoint(0, 0), size));
        generator.setTitle(title);
        QPainter painter(&generator);
        drawOnWhite(painter, QRectF(QPointF(0, 0), QSizeF(size)));
        break;
    }
    case Kind::Pdf: {
        QPdfWriter writer(&buffer);
        writer.setCreator(QStringLiteral("Crawlscope " CRAWLSCOPE_VERSION));
        writer.setTitle(title);
        // A page exactly the picture's size, so it drops into a slide without margins.
        writer.setResolution(dpi);
        writer.setPageSize(QPageSize(QSizeF(size) * 72.0 / dpi, QPageSize::Point));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter painter(&writer);
        drawOnWhite(painter, QRectF(painter.viewport()));
        break;
    }
    }
    return bytes;
}

QByteArray render(QWidget *widget, Kind kind, double scale)
{
    const QSize size = widget->size();
    return paint(size, kind, scale, widget->logicalDpiY(),
                 QCoreApplication::translate("PictureExport", "Crawlscope timeline"),
                 [widget, size](QPainter &painter, const QRectF &target) {
                     // The PDF page may hold a few device pixels more or less than the layout.
                     painter.save();
                     painter.translate(target.topLeft());
                     painter.scale(target.width() / size.width(), target.height() / size.height());
                     widget->render(&painter);
                     painter.restore();
                 });
}

QByteArray renderRuns(const QList<RunResult> &runs, Kind kind, double scale, int width,
                      const Prediction::LatencyOracle &latency)
{
    if (SweepCurve::isSweep(runs)) {
        // A sweep is read off its chart: wall time against k.
        SweepChart chart;
        chart.setAttribute(Qt::WA_DontShowOnScreen);
        chart.setCurve(SweepCurve::of(runs, latency));
        chart.resize(std::min(width, 1000), 620);
        chart.show();
        QCoreApplication::processEvents();
        return render(&chart, kind, scale);
    }
    std::vector<std::unique_ptr<RunModel>> owned;
    QList<RunModel *> models;
    for (const auto &run : runs) {
        owned.push_back(std::make_unique<RunModel>());
        owned.back()->setRun(run);
        models.append(owned.back().get());
    }
    // The same slide as File › Export Slide… in the window.
    const SlideExport slide(models, {}, QSize(width, width * 9 / 16));
    return slide.render(kind, scale);
}

QStringList extensions()
{
    return {u".png"_s, u".jpg"_s, u".jpeg"_s, u".svg"_s, u".pdf"_s};
}

QList<ExportFolder::Type> dialogTypes()
{
    return {
        {QCoreApplication::translate("PictureExport", "PNG image (*.png)"), u".png"_s},
        {QCoreApplication::translate("PictureExport", "JPEG image (*.jpg *.jpeg)"), u".jpg"_s, {u".jpeg"_s}},
        {QCoreApplication::translate("PictureExport", "SVG image (*.svg)"), u".svg"_s},
        {QCoreApplication::translate("PictureExport", "PDF document (*.pdf)"), u".pdf"_s}};
}

bool writePicture(const QString &path, const QByteArray &bytes, QString *error)
{
    if (bytes.isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("PictureExport",
                                                 "Cannot export to \"%1\": the picture could not be made")
                         .arg(path);
        return false;
    }
    return writeFileAtomically(path, bytes, error);
}

bool writeRuns(const QList<RunResult> &runs, const QString &path, double scale, QString *error,
               const Prediction::LatencyOracle &latency)
{
    const auto kind = kindFor(path);
    if (!kind) {
        if (error)
            *error = QCoreApplication::translate("PictureExport",
                                                 "Cannot export to \"%1\": not a picture (use %2)")
                         .arg(path, extensions().join(u", "));
        return false;
    }
    // Before the layout, which takes a while for a big run.
    if (!folderExistsFor(path, error))
        return false;
    return writePicture(path, renderRuns(runs, *kind, scaleFor(*kind, scale), 1920, latency), error);
}

} // namespace PictureExport
