#pragma once

#include <QCoreApplication>
#include <QPointF>
#include <QString>

#include "timelinelayout.h"

/// The timeline's tooltips as HTML: a request's timing table, a merged marker's count, a host group, a gate
/// resize or a track's header, for whatever the layout finds at a point.
class TimelineToolTips
{
    Q_DECLARE_TR_FUNCTIONS(TimelineToolTips)

public:
    /// pos is in viewport coordinates; empty where there is nothing to say.
    static QString textAt(const TimelineLayout &layout, const TimelineViewport &viewport, QPointF pos);

    static QString request(const TimelineLayout::Track &track, int barIndex);
    static QString merged(const TimelineLayout::Track &track, const std::vector<int> &bars);
    static QString group(const TimelineLayout::Track &track, const TimelineLayout::Group &group);
    static QString gateResize(int capacity, const QString &when);
    /// "1 request", "12 requests".
    static QString requestCount(int requests);
};
