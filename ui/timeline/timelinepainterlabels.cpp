#include "timelinepainter.h"

// The painter's words: a bar's label, the gate's tags, a run's header fitted to its width, and what an
// empty timeline says.

#include "core/durationformat.h"
#include "core/phasespans.h"

#include <QFontMetrics>
#include <QPainter>
#include <QUrl>

#include <algorithm>

namespace {

using Phase = PhaseSpans::Phase;
using Bar = TimelineLayout::Bar;
using Kind = TimelineLayout::Kind;

} // namespace

QString TimelinePainter::barLabel(const TimelineLayout::Track &track, const TimelineLayout::Bar &bar)
{
    using Kind = TimelineLayout::Kind;
    QString text;
    // Issued to finished; the politeness delay after it is not the request's.
    const qint64 inFlight = bar.t[Bar::FinishedAt] - bar.t[Bar::IssuedAt];
    constexpr int BeforeDelay = (1 << int(Phase::Delay)) - 1; // every phase up to the download
    switch (bar.kind) {
    case Kind::Ok:
        if (!(bar.open & BeforeDelay) && bar.issued)
            text = DurationFormat::text(inFlight);
        if (bar.robots)
            text = text.isEmpty() ? tr("robots.txt") : tr("robots.txt · %1").arg(text);
        if (bar.tunnel)
            text = text.isEmpty() ? tr("HTTPS tunnel, encrypted")
                                  : tr("HTTPS tunnel, encrypted · %1").arg(text);
        break;
    case Kind::HttpError:
        text = tr("HTTP %1 · %2").arg(bar.status).arg(DurationFormat::text(inFlight));
        break;
    case Kind::Failed:
        text = tr("failed · %1").arg(DurationFormat::text(inFlight));
        break;
    case Kind::Cancelled:
        text = tr("cancelled");
        break;
    }
    // A crawl's rows are pages: the path says which, so an exported picture can name them.
    const RunModel *model = track.model;
    if (model && model->run().settings.crawl.enabled && bar.id >= 0 && bar.id < model->records().size()) {
        const QUrl &url = model->records().at(bar.id).url;
        const QString path = url.path().isEmpty() ? QStringLiteral("/") : url.path();
        text = text.isEmpty() ? path : tr("%1 · %2").arg(path, text);
    }
    return text;
}

QList<TimelinePainter::GateTag> TimelinePainter::gateTags(const std::vector<std::pair<qint64, int>> &changes,
                                                          const std::vector<int> &xs, int initial,
                                                          const QFontMetrics &metrics)
{
    // A drag of the slider resizes the gate step by step within a few pixels: one tag for the burst, from
    // the size before it to where it ended.
    QList<GateTag> tags;
    int before = initial;
    for (std::size_t i = 0; i < changes.size();) {
        std::size_t last = i;
        const QString probe = tr("gate %1 → %2").arg(before).arg(changes[i].second);
        const int room = metrics.horizontalAdvance(probe) + 12;
        while (last + 1 < changes.size() && xs[last + 1] - xs[i] < room)
            ++last;
        const int to = changes[last].second;
        tags.append(
            {xs[i],
             before > 0 && last > i ? tr("gate %1 → %2").arg(before).arg(to) : tr("gate → %1").arg(to)});
        before = to;
        i = last + 1;
    }
    return tags;
}

QString TimelinePainter::headerText(const QString &title, const QFontMetrics &metrics, int width,
                                    const QString &shortLead, const QString &keepLast)
{
    // The caption puts what the lesson compares first (RunCaption::header): what gives way is its end, whole
    // facts at a time down to the measurement after the lead, then the lead's long form, then that
    // measurement; the speed-up goes last of all, and only then the lead's own end.
    const QString separator = QStringLiteral("  ·  ");
    QStringList parts = title.split(separator);
    const auto fits
        = [&](const QStringList &shown) { return metrics.horizontalAdvance(shown.join(separator)) <= width; };
    if (fits(parts))
        return title;
    const QString ellipsis(QChar(0x2026));
    bool dropped = false;
    const auto giveWay = [&](qsizetype from, qsizetype down) {
        for (qsizetype i = from; i >= down && !fits(parts); --i) {
            if (!keepLast.isEmpty() && parts.at(i) == keepLast)
                continue;
            if (dropped) {
                parts.removeAt(i);
            } else {
                parts[i] = ellipsis;
                dropped = true;
            }
        }
    };
    giveWay(parts.size() - 1, 2);
    if (!fits(parts) && !shortLead.isEmpty()
        && metrics.horizontalAdvance(shortLead) < metrics.horizontalAdvance(parts.at(0)))
        parts[0] = shortLead;
    giveWay(std::min<qsizetype>(1, parts.size() - 1), 1);
    if (!fits(parts) && parts.size() > 1) {
        const QString rest = separator + QStringList(parts.mid(1)).join(separator);
        parts[0] = metrics.elidedText(parts.at(0), Qt::ElideRight,
                                      std::max(0, width - metrics.horizontalAdvance(rest)));
    }
    return metrics.elidedText(parts.join(separator), Qt::ElideRight, width);
}

QString TimelinePainter::emptyHint(const QString &hint, const QString &keys, const QFontMetrics &metrics,
                                   const QRect &box)
{
    const auto fits = [&](const QString &text) {
        return metrics.boundingRect(box, Qt::AlignCenter | Qt::TextWordWrap, text).height() <= box.height();
    };
    if (const QString both = hint + QLatin1Char('\n') + keys; fits(both))
        return both;
    if (fits(hint))
        return hint;
    return metrics.elidedText(hint, Qt::ElideRight, box.width());
}

void TimelinePainter::paintEmpty(QPainter &painter, const TimelineLayout &layout,
                                 const TimelineViewport &viewport, const Style &style)
{
    const QRect area(0, 0, viewport.width(), viewport.height());
    painter.setPen(style.palette.color(QPalette::PlaceholderText));
    const QString hint = layout.tracks().empty()
        ? tr("No run yet. Press Run: every request becomes a bar here, from queued to done.")
        : tr("Waiting for the first requests…");
    const QString keys = tr("Ctrl+wheel zooms, Shift+wheel or dragging pans, F fits the whole run.");
    const QRect box = area.adjusted(12, 6, -12, -6);
    painter.drawText(box, Qt::AlignCenter | Qt::TextWordWrap,
                     emptyHint(hint, keys, QFontMetrics(painter.font()), box));
    for (const TimelineLayout::Track &track : layout.tracks()) {
        if (track.top - viewport.scrollY() < viewport.height()) {
            painter.fillRect(QRect(0, int(track.top), area.width(), TimelineLayout::HeaderHeight),
                             style.palette.alternateBase());
            painter.setPen(style.palette.color(QPalette::Text));
            painter.drawText(QRect(8, int(track.top), area.width() - 16, TimelineLayout::HeaderHeight),
                             Qt::AlignVCenter | Qt::AlignLeft, track.title);
        }
    }
}
