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
    static const QList<S> all {S::Waiting,   S::Connecting, S::Tls,       S::FirstByte,
                               S::Download,  S::Delay,      S::HttpError, S::Failed,
                               S::Cancelled, S::Merged,     S::Gate,      S::Ideal};
    return all;
}

} // namespace

TimelineLegend::TimelineLegend(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setAccessibleName(tr("Timeline legend"));
}

bool TimelineLegend::setHosts(const QList<Host> &hosts, int moreHosts, bool robots)
{
    if (hosts == m_hosts && moreHosts == m_moreHosts && robots == m_robots)
        return false;
    m_hosts = hosts;
    m_moreHosts = moreHosts;
    m_robots = robots;
    updateGeometry();
    update();
    return true;
}

QList<TimelineLegend::Entry> TimelineLegend::layoutFor(int width, int *height) const
{
    using S = TimelinePalette::Swatch;
    QList<Entry> wanted;
    for (const auto swatch : swatches()) {
        const bool hostColoured = swatch == S::Connecting || swatch == S::FirstByte || swatch == S::Download;
        if (!m_hosts.isEmpty() && hostColoured) {
            // The hosts once, where the first of the colours they replace was.
            if (swatch == S::Connecting) {
                for (int i = 0; i < m_hosts.size(); ++i)
                    wanted.append({swatch, i, false, m_hosts[i].name, {}, {}});
                if (m_moreHosts > 0)
                    wanted.append(
                        {swatch,
                         -1,
                         true,
                         m_moreHosts == 1 ? tr("+1 more host") : tr("+%1 more hosts").arg(m_moreHosts),
                         {},
                         {}});
            }
            continue;
        }
        wanted.append({swatch, -1, false, TimelinePalette::swatchName(swatch), {}, {}});
    }
    if (m_robots)
        wanted.append({S::Robots, -1, false, TimelinePalette::swatchName(S::Robots), {}, {}});

    const QFontMetrics metrics(font());
    const int lineHeight = std::max(metrics.height(), 12) + 4;
    const int swatchHeight = std::min(12, metrics.height() - 2);
    QList<Entry> entries;
    int x = Margin;
    int y = Margin / 2;
    for (Entry entry : std::as_const(wanted)) {
        const int swatchWidth = entry.more ? 0 : SwatchWidth + SwatchGap;
        const int entryWidth = swatchWidth + metrics.horizontalAdvance(entry.text);
        if (x > Margin && x + entryWidth > width - Margin) {
            x = Margin;
            y += lineHeight;
        }
        entry.swatchRect
            = QRect(x, y + (lineHeight - swatchHeight) / 2, entry.more ? 0 : SwatchWidth, swatchHeight);
        entry.textPos = QPoint(x + swatchWidth, y + (lineHeight + metrics.ascent() - metrics.descent()) / 2);
        entries.append(entry);
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
    return {last.textPos.x() + metrics.horizontalAdvance(last.text) + Margin, height};
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
        if (entry.host >= 0)
            TimelinePalette::paintHostSwatch(&painter, entry.swatchRect, m_hosts[entry.host].slot);
        else if (!entry.more)
            TimelinePalette::paintSwatch(&painter, entry.swatchRect, entry.swatch);
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(entry.textPos, entry.text);
    }
}

void TimelineLegend::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LanguageChange)
        updateGeometry();
    QWidget::changeEvent(event);
}
