#pragma once
// Pictures of widgets for tests that look at what was drawn: a widget rendered to an image, and how many of
// its pixels have a colour.

#include <QColor>
#include <QImage>
#include <QWidget>

namespace TestPixels {

/// The widget as it paints itself, on white.
inline QImage render(QWidget *widget)
{
    QImage image(widget->size(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    widget->render(&image);
    return image;
}

/// How many pixels have the colour's red, green and blue exactly; alpha is ignored.
inline int countColour(const QImage &image, const QColor &colour)
{
    const QImage rgb = image.convertToFormat(QImage::Format_ARGB32);
    const QRgb wanted = colour.rgb() & 0xffffff;
    int count = 0;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x)
            count += (line[x] & 0xffffff) == wanted ? 1 : 0;
    }
    return count;
}

} // namespace TestPixels
