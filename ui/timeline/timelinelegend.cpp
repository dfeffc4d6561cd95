#include "timelinelegend.h"

#include <QEvent>
#include <QPainter>

namespace {

constexpr int Margin = 6;
constexpr int SwatchWidth = 22;
constexpr int SwatchGap = 5;
constexpr int EntryGap = 14;

const QList<TimelinePalette::Swatch> &swatches()
{
    using S = TimelinePalette::Swatch;
    static const QList<S> all {S::Waiting, S::Connecting, S::FirstByte, S::Download, S::Delay, S::HttpError,
                               S::Failed,  S::Cancelled,  S::Merged,    S::Gate,     S::Ideal};
    return all;
}

} // namespace

TimelineLegend::TimelineLegend(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setAccessibleName(tr("Timeline legend"));
}

QList<TimelineLegend::Entry> TimelineLegend::layoutFor(int width, int *height) const
{
    const QFontMetrics metrics(font());
    const int lineHeight = std::max(metrics.height(), 12) + 4;
    const int swatchHeight = std::min(12, metrics.height() - 2);
    QList<Entry> entries;
    int x = Margin;
    int y = Margin / 2;
    for (const auto swatch : swatches()) {
        const int entryWidth
            = SwatchWidth + SwatchGap + metrics.horizontalAdvance(TimelinePalette::swatchName(swatch));
        if (x > Margin && x + entryWidth > width - Margin) {
            x = Margin;
            y += lineHeight;
        }
        const QRect swatchRect(x, y + (lineHeight - swatchHeight) / 2, SwatchWidth, swatchHeight);
        const QPoint textPos(x + SwatchWidth + SwatchGap,
                             y + (lineHeight + metrics.ascent() - metrics.descent()) / 2);
        entries.append({swatch, swatchRect, textPos});
        x += entryWidth + EntryGap;
    }
    if (height)
        *height = y + lineHeight + Margin / 2;
    return entries;
}

int TimelineLegend::heightForWidth(int width) const
{
    int height = 0;
    layoutFor(width, &height);
    return height;
}

QSize TimelineLegend::sizeHint() const
{
    int height = 0;
    const auto entries = layoutFor(QWIDGETSIZE_MAX, &height);
    const QFontMetrics metrics(font());
    const Entry &last = entries.last();
    return {last.textPos.x() + metrics.horizontalAdvance(TimelinePalette::swatchName(last.swatch)) + Margin,
            height};
}

QSize TimelineLegend::minimumSizeHint() const
{
    return {SwatchWidth * 4, heightForWidth(SwatchWidth * 4)};
}

void TimelineLegend::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().window());
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(0, 0, width(), 0);
    for (const Entry &entry : layoutFor(width(), nullptr)) {
        TimelinePalette::paintSwatch(&painter, entry.swatchRect, entry.swatch);
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(entry.textPos, TimelinePalette::swatchName(entry.swatch));
    }
}

void TimelineLegend::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LanguageChange)
        updateGeometry();
    QWidget::changeEvent(event);
}
