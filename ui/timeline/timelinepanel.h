#pragma once

#include <QWidget>

class InFlightStrip;
class RunModel;
class TimeAxis;
class TimelineView;

/// The timeline as one piece: the time axis on top, the request rows, and the in-flight strip below, kept on
/// one time range. The window shows it, and picture exports render it, so a PNG shows what the view shows.
class TimelinePanel : public QWidget
{
    Q_OBJECT

public:
    explicit TimelinePanel(QWidget *parent = nullptr);

    void setModels(const QList<RunModel *> &models);

    TimeAxis *axis() const { return m_axis; }
    TimelineView *view() const { return m_view; }
    InFlightStrip *strip() const { return m_strip; }

    /// The height that shows every row at full size, within [minimum, maximum].
    int preferredHeight(int minimum, int maximum) const;

private:
    TimeAxis *m_axis;
    TimelineView *m_view;
    InFlightStrip *m_strip;
};
