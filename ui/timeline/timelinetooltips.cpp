#include "timelinetooltips.h"

#include <QLocale>
#include <QStringList>

#include <climits>
#include <cmath>

#include "core/durationformat.h"
#include "core/hostkey.h"
#include "core/phasespans.h"

namespace {

constexpr int GateTagMaxWidth = 90;

} // namespace

QString TimelineToolTips::requestCount(int requests)
{
    return requests == 1 ? tr("1 request") : tr("%1 requests").arg(requests);
}

QString TimelineToolTips::gateResize(int capacity, const QString &when)
{
    const QString size = capacity == 1 ? tr("1 permit") : tr("%1 permits").arg(capacity);
    return tr("The gate was resized to %1 at %2.").arg(size, when);
}

QString TimelineToolTips::textAt(const TimelineLayout &layout, const TimelineViewport &viewport, QPointF pos)
{
    const TimelineLayout::Hit hit = layout.hitTest(pos, viewport);
    if (hit.track < 0)
        return {};
    const TimelineLayout::Track &track = layout.tracks()[std::size_t(hit.track)];
    if (!track.model)
        return {};
    if (!hit.bars.empty())
        return hit.bars.size() == 1 ? request(track, hit.bars.front()) : merged(track, hit.bars);

    // A gate marker: its line anywhere in the track, or its tag in the gate row.
    const PixelMapper px(viewport.scale(), viewport.width());
    const int x = int(std::floor(pos.x()));
    for (auto it = track.capacity.rbegin(); it != track.capacity.rend(); ++it) {
        const int markerX = px(it->first);
        if (std::abs(markerX - x) <= 3 || (hit.gateRow && x >= markerX && x <= markerX + GateTagMaxWidth))
            return gateResize(it->second, viewport.scale().formatTime(it->first));
    }
    if (hit.row < 0)
        return track.title.toHtmlEscaped();
    // Grouped by host, the header row, or any empty space in a group, names the host.
    const int groupIndex = track.groupAtRow(hit.row);
    if (groupIndex >= 0)
        return group(track, track.groups[std::size_t(groupIndex)]);
    return {};
}

QString TimelineToolTips::merged(const TimelineLayout::Track &track, const std::vector<int> &bars)
{
    int failed = 0;
    int cancelled = 0;
    int firstId = INT_MAX;
    int lastId = -1;
    for (const int index : bars) {
        const TimelineLayout::Bar &bar = track.bars[std::size_t(index)];
        failed += bar.failed() ? 1 : 0;
        cancelled += bar.kind == TimelineLayout::Kind::Cancelled ? 1 : 0;
        firstId = std::min(firstId, bar.id);
        lastId = std::max(lastId, bar.id);
    }
    QString text = tr("%n requests merged here — zoom in", nullptr, int(bars.size()));
    text += QStringLiteral("<br/>") + tr("#%1 to #%2").arg(firstId).arg(lastId);
    if (failed > 0)
        text += QStringLiteral("<br/><span style=\"color:#d93025\">") + tr("%n failed", nullptr, failed)
            + QStringLiteral("</span>");
    if (cancelled > 0)
        text += QStringLiteral("<br/>") + tr("%n cancelled", nullptr, cancelled);
    return text;
}

QString TimelineToolTips::request(const TimelineLayout::Track &track, int barIndex)
{
    using Phase = PhaseSpans::Phase;
    const QList<RequestRecord> &records = track.model->records();
    if (barIndex < 0 || barIndex >= records.size())
        return {};
    const RequestRecord &record = records[barIndex];
    const TimelineLayout::Bar bar = track.bars[std::size_t(barIndex)].at(track.nowNs());

    const bool bad = record.outcome == Outcome::HttpError || record.outcome == Outcome::Failed;
    const QString outcome = bad
        ? QStringLiteral("<span style=\"color:#d93025\">%1</span>").arg(outcomeLabel(record.outcome))
        : outcomeLabel(record.outcome);
    QStringList facts {outcome};
    if (record.status != 0)
        facts << tr("HTTP %1").arg(record.status);
    if (record.outcome == Outcome::Ok || record.bytes > 0)
        facts << tr("%1 bytes").arg(QLocale().toString(record.bytes));
    if (record.redirects > 0)
        facts << (record.redirects == 1 ? tr("1 redirect") : tr("%1 redirects").arg(record.redirects));

    QString text;
    if (record.role == RequestRole::Robots)
        text += tr("robots.txt of %1").arg(HostKey::fromUrl(record.url).displayName().toHtmlEscaped())
            + QStringLiteral("<br/>");
    if (record.role == RequestRole::Tunnel)
        text += tr("HTTPS tunnel: encrypted, so the requests inside cannot be seen (the Python tracer sees "
                   "them); %1 bytes sent")
                    .arg(QLocale().toString(record.bytesSent()))
            + QStringLiteral("<br/>");
    if (record.connection() >= 0) {
        text += (record.reusedConnection() ? tr("%1 on client connection %2, reused")
                                           : tr("%1 on client connection %2, new"))
                    .arg(record.method().toHtmlEscaped())
                    .arg(record.connection());
        if (record.proxyNs() >= 0)
            text += tr("; the proxy's own time %1").arg(DurationFormat::text(record.proxyNs()));
        text += QStringLiteral("<br/>");
    }
    text += QStringLiteral("<b>#%1</b> %2<br/>%3")
                .arg(record.id)
                .arg(record.url.toDisplayString().toHtmlEscaped(), facts.join(QStringLiteral(" · ")));
    if (!record.error.isEmpty())
        text += QStringLiteral("<br/><i>%1</i>").arg(record.error.toString().toHtmlEscaped());

    const auto cell
        = [](const QString &value) { return QStringLiteral("<td align=\"right\">%1</td>").arg(value); };
    text += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"1\"><tr><th align=\"left\">%1</th>"
                           "<th align=\"right\">&nbsp;%2</th><th align=\"right\">&nbsp;%3</th></tr>")
                .arg(tr("Phase"), tr("Start"), tr("Duration"));
    const QString notReached = QStringLiteral("—");
    const QString stillGoing = record.outcome == Outcome::Pending ? tr("running") : tr("cut off");
    for (int p = 0; p < PhaseSpans::PhaseCount; ++p) {
        const auto phase = Phase(p);
        const bool started = bar.started & (1u << p);
        const bool open = bar.open & (1u << p);
        if (phase == Phase::Tls && !started)
            continue; // plain http, or a reused connection: no row for what never applies
        const qint64 start = bar.t[std::size_t(p)];
        const qint64 duration = bar.t[std::size_t(p) + 1] - start;
        text += QStringLiteral("<tr><td>%1</td>").arg(PhaseSpans::name(phase).toHtmlEscaped());
        if (!started) {
            text += cell(notReached) + cell(notReached);
        } else {
            text += cell(DurationFormat::milliseconds(start));
            text += cell(
                open ? QStringLiteral("%1 (%2)").arg(DurationFormat::milliseconds(duration), stillGoing)
                     : DurationFormat::milliseconds(duration));
        }
        text += QStringLiteral("</tr>");
    }
    if (bar.issued) {
        text += QStringLiteral("<tr><td><b>%1</b></td>").arg(tr("In flight"));
        text += cell(DurationFormat::milliseconds(bar.t[1]))
            + cell(QStringLiteral("<b>%1</b>")
                       .arg(DurationFormat::milliseconds(bar.t[TimelineLayout::Bar::FinishedAt]
                                                         - bar.t[TimelineLayout::Bar::IssuedAt])));
        text += QStringLiteral("</tr>");
    }
    text += QStringLiteral("</table>");
    return text;
}

QString TimelineToolTips::group(const TimelineLayout::Track &track, const TimelineLayout::Group &group)
{
    const QString origin = track.hosts.value(group.host);
    QString text = QStringLiteral("<b>%1</b><br/>").arg(HostKey::displayNameOf(origin).toHtmlEscaped())
        + requestCount(group.requests);
    if (group.failed > 0)
        text += QStringLiteral(" · <span style=\"color:#d93025\">%1</span>")
                    .arg(tr("%n failed", nullptr, group.failed));
    if (track.model) {
        for (const CrawlHost &host : track.model->run().hosts) {
            if (host.origin == origin && !host.robotsDetail.isEmpty())
                text += QStringLiteral("<br/>") + host.robotsDetail.toHtmlEscaped();
        }
    }
    return text;
}
