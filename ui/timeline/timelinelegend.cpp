#include "timelinelegend.h"

#include <QEvent>
#include <QMouseEvent>
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

QList<TimelineLegend::Entry> TimelineLegend::wantedEntries() const
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
    return wanted;
}

QList<TimelineLegend::Entry> TimelineLegend::place(const QList<Entry> &wanted, int width, int maxLines,
                                                   int *height, int *placed) const
{
    const QFontMetrics metrics(font());
    const int lineHeight = std::max(metrics.height(), 12) + 4;
    const int swatchHeight = std::min(12, metrics.height() - 2);
    QList<Entry> entries;
    int x = Margin;
    int y = Margin / 2;
    int line = 0;
    for (Entry entry : std::as_const(wanted)) {
        const int swatchWidth = entry.more ? 0 : SwatchWidth + SwatchGap;
        const int entryWidth = swatchWidth + metrics.horizontalAdvance(entry.text);
        if (x > Margin && x + entryWidth > width - Margin) {
            if (maxLines > 0 && line + 1 >= maxLines)
                break;
            x = Margin;
            y += lineHeight;
            ++line;
        }
        entry.swatchRect
            = QRect(x, y + (lineHeight - swatchHeight) / 2, entry.more ? 0 : SwatchWidth, swatchHeight);
        entry.textPos = QPoint(x + swatchWidth, y + (lineHeight + metrics.ascent() - metrics.descent()) / 2);
        entries.append(entry);
        x += entryWidth + EntryGap;
    }
    if (height)
        *height = y + lineHeight + Margin / 2;
    if (placed)
        *placed = int(entries.size());
    return entries;
}

QList<TimelineLegend::Entry> TimelineLegend::layoutFor(int width, int *height) const
{
    const QList<Entry> wanted = wantedEntries();
    const QFontMetrics metrics(font());
    const int lineHeight = std::max(metrics.height(), 12) + 4;
    const int maxLines = m_maxHeight > 0 ? std::max(1, (m_maxHeight - Margin) / lineHeight) : 0;
    int placed = 0;
    QList<Entry> entries = place(wanted, width, maxLines, height, &placed);
    if (placed == wanted.size())
        return entries;
    // Folded: the entries that fit with room left for the "more" entry, which opens the whole legend.
    const QString moreText = tr("All %1 colours…").arg(wanted.size());
    const int moreWidth = metrics.horizontalAdvance(moreText) + EntryGap;
    entries = place(wanted, std::max(Margin * 2 + 1, width - moreWidth), maxLines, height, &placed);
    Entry more {TimelinePalette::Swatch::Waiting, -1, true, moreText, {}, {}};
    const int x = entries.isEmpty()
        ? Margin
        : entries.last().textPos.x() + metrics.horizontalAdvance(entries.last().text) + EntryGap;
    const int baseline = entries.isEmpty()
        ? Margin / 2 + (lineHeight + metrics.ascent() - metrics.descent()) / 2
        : entries.last().textPos.y();
    more.textPos = QPoint(x, baseline);
    more.host = -2; // the fold
    entries.append(more);
    return entries;
}

int TimelineLegend::foldedCount() const
{
    const auto entries = layoutFor(width(), nullptr);
    const bool folded = !entries.isEmpty() && entries.last().host == -2;
    return folded ? int(wantedEntries().size() - (entries.size() - 1)) : 0;
}

void TimelineLegend::setMaxHeight(int pixels)
{
    if (pixels == m_maxHeight)
        return;
    m_maxHeight = pixels;
    updateGeometry();
    update();
}

void TimelineLegend::showAll()
{
    auto *popup = new TimelineLegend(this);
    popup->setWindowFlags(Qt::Popup);
    popup->setAttribute(Qt::WA_DeleteOnClose);
    popup->setHosts(m_hosts, m_moreHosts, m_robots);
    popup->setFont(font());
    const int popupWidth = std::max(width(), 320);
    popup->resize(popupWidth, popup->heightForWidth(popupWidth));
    popup->move(mapToGlobal(QPoint(0, height() - popup->height())));
    popup->show();
}

void TimelineLegend::mousePressEvent(QMouseEvent *event)
{
    if (foldedCount() > 0) {
        showAll();
        event->accept();
        return;
    }
    QWidget::mousePressEvent(event);
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
        painter.setPen(entry.host == -2 ? palette().color(QPalette::Link)
                                        : palette().color(QPalette::WindowText));
        painter.drawText(entry.textPos, entry.text);
    }
}

void TimelineLegend::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LanguageChange)
        updateGeometry();
    QWidget::changeEvent(event);
}
