#include "rastergrid.h"

#include <QLine>
#include <QPaintEngine>
#include <QPainter>

#include <algorithm>

void RasterGrid::verticalLines(QPainter &painter, const std::vector<int> &xs, int top, int bottom,
                               const QColor &colour)
{
    if (painter.paintEngine() && painter.paintEngine()->type() == QPaintEngine::Raster
        && painter.deviceTransform().type() <= QTransform::TxTranslate) {
        constexpr int Piece = 64; // rows: under the pool's threshold
        for (const int x : xs) {
            for (int y = top; y < bottom; y += Piece)
                painter.fillRect(QRect(x, y, 1, std::min(Piece, bottom - y)), colour);
        }
        return;
    }
    std::vector<QLine> lines;
    lines.reserve(xs.size());
    for (const int x : xs)
        lines.emplace_back(x, top, x, bottom);
    painter.save();
    painter.setPen(colour);
    painter.drawLines(lines.data(), int(lines.size()));
    painter.restore();
}
