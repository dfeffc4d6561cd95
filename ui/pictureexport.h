#pragma once

#include "core/prediction.h"
#include "core/runresult.h"
#include "exportfolder.h"

#include <QByteArray>
#include <QSize>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QPainter;
class QRectF;
class QWidget;

/// Pictures for slides and handouts: PNG and JPEG (at a scale factor for high-DPI slides), SVG and PDF.
/// Slides of the runs come from SlideExport, in the window and on the command line alike; render() is "what I
/// see".
namespace PictureExport {

enum class Kind {
    Png,
    Jpeg,
    Svg,
    Pdf,
};

/// The kind a file name asks for by its extension (.png, .jpg or .jpeg, .svg, .pdf); none for others.
std::optional<Kind> kindFor(const QString &path);
/// The pixel scale a picture of this kind is painted at: `scale` for PNG and JPEG, 1 for the vector kinds,
/// whose text and lines stay sharp at any size.
double scaleFor(Kind kind, double scale);

/// Draws a picture of `size` layout pixels, laid out at `dpi`, into a file of the given kind: draw() paints
/// into `target` on a white page. PNGs and JPEGs get scale × the pixels; PDF pages are exactly the picture's
/// size. Empty when the image could not be made.
using Draw = std::function<void(QPainter &painter, const QRectF &target)>;
QByteArray paint(QSize size, Kind kind, double scale, int dpi, const QString &title, const Draw &draw);

/// What the widget shows, as paint() draws it.
QByteArray render(QWidget *widget, Kind kind, double scale = 1.0);
/// The runs as a 16:9 slide (SlideExport) of the given width; a sweep (SweepCurve::isSweep) is drawn as its
/// sweep chart instead, its predicted curve from latency.
QByteArray renderRuns(const QList<RunResult> &runs, Kind kind, double scale, int width = 1920,
                      const Prediction::LatencyOracle &latency = {});

/// ".png", ".jpg", ".jpeg", ".svg" and ".pdf", for help texts and the settings' list of formats.
QStringList extensions();
/// The same as a save dialog's types: "PNG image (*.png)", "JPEG image (*.jpg *.jpeg)" …, in the UI
/// language.
QList<ExportFolder::Type> dialogTypes();
/// Writes a picture made by paint(), render() or renderRuns() to path, atomically. Empty bytes (the image
/// could not be made, or its format's plugin is missing) are an error naming the file, and write nothing.
bool writePicture(const QString &path, const QByteArray &bytes, QString *error);
/// renderRuns() into the file at path, its kind by extension (for `crawlscope run -o lesson.png`). PNGs and
/// JPEGs get scale × the pixels. Errors name the file; a failed write leaves no file.
bool writeRuns(const QList<RunResult> &runs, const QString &path, double scale, QString *error,
               const Prediction::LatencyOracle &latency = {});

} // namespace PictureExport
