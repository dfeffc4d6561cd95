#pragma once

#include <QList>
#include <QPointer>
#include <QWidget>

#include "hostcolours.h"

class InFlightStrip;
class RunModel;
class TimeAxis;
class TimelineView;

/// The timeline as one piece: the time axis on top, the request rows, and the in-flight strip below, kept on
/// one time range and sharing the hosts' colours. The window shows it, and picture exports render it, so a
/// PNG shows what the view shows.
class TimelinePanel : public QWidget
{
    Q_OBJECT

public:
    /// The in-flight strip's share of the panel at most: a compare's three bands must not take the rows'
    /// room on a projector's 1280 × 720.
    static constexpr int StripMaxPercent = 25;

    explicit TimelinePanel(QWidget *parent = nullptr);

    void setModels(const QList<RunModel *> &models);

    TimeAxis *axis() const { return m_axis; }
    TimelineView *view() const { return m_view; }
    InFlightStrip *strip() const { return m_strip; }

    /// The height that shows every row at full size, within [minimum, maximum].
    int preferredHeight(int minimum, int maximum) const;

    bool colourByHost() const;
    bool groupByHost() const;
    bool splitInFlightByHost() const;

public Q_SLOTS:
    /// Each host's requests in a colour of its own, in the rows and the legend; the split strip uses them
    /// too.
    void setColourByHost(bool on);
    /// Rows ordered by host under a labelled header per host.
    void setGroupByHost(bool on);
    /// The in-flight strip stacked by host, in the hosts' colours, under the total.
    void setSplitInFlightByHost(bool on);
    /// A replay's time: the rows and the in-flight strip show the finished runs as they were at ns, with what
    /// came later hidden. -1 shows them whole.
    void setCutNs(qint64 ns);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    HostColours m_hostColours;
    QList<QPointer<RunModel>> m_models;
    TimeAxis *m_axis;
    TimelineView *m_view;
    InFlightStrip *m_strip;
};
